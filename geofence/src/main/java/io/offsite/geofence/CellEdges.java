package io.offsite.geofence;

import java.util.Arrays;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;

/**
 * Per (grid cell, polygon) boundary records: the point-in-polygon answer for a point in a boundary cell from
 * the few edges near that cell. JTS's ray-crossing rule casts a ray to the right of the point; the edges that
 * can cross it split, for a cell, into (a) edges whose bounding box meets the (slightly expanded) cell, tested
 * exactly as JTS does, and (b) edges wholly to the right of the cell, which cross the ray at height y exactly
 * when {@code minY <= y < maxY}. The parity of (b) is a step function of y: the build stores the parity below the
 * cell and the sorted y-values inside the cell where it toggles (equal values cancel, so a comb's teeth or a
 * horizontal edge cost nothing). Edges wholly left of the cell never cross. The crossings of all rings of all
 * parts are counted together, which is exact for a valid Polygon/MultiPolygon; a point on an edge or vertex is
 * on the boundary (the edge then meets the cell, so it is in (a)).
 *
 * <p>Layout, in a {@code long[]} (counts as plain longs, coordinates as their raw double bits, so the grid can keep
 * a record inline with its cell entry): head (edge count; −1: too many, use the whole-polygon test; −2 − n: n edge
 * entries listed per sub-row; {@link SubCellEdges#MARK}: the per-sub-cell form, laid out there), toggle count,
 * parity below the cell, for a per-sub-row record the cumulative entry count at the end of each of the
 * {@link SubCells#SPLIT} sub-rows, the edges as (x1, y1, x2, y2) by descending max x (within each sub-row), the
 * toggles ascending. Each record also has {@link SubCells} bits ({@link Builder#inside}, {@link Builder#boundary}).
 */
final class CellEdges {
    /** Above this many edges + toggles a record without the {@link SubCellEdges} form defers to the whole polygon. */
    static final int MAX_PER_CELL = 192;
    /** Above this many edges + toggles in one cell even the {@link SubCellEdges} form is not tried. */
    static final int MAX_DENSE_CELL = 4096;
    /** Cells and sub-cells are expanded by this much (degrees) so lookup rounding never leaves them. */
    static final double EPS = 1e-9;
    /**
     * Records with more edges than this list them per sub-row when that at most doubles them (a flat record of up to
     * {@link SubCellEdges#MIN_EDGES} edges thus scans about one eighth of them).
     */
    static final int ROW_SPLIT_MIN = 12;

    private CellEdges() {
    }

    /** Number of longs of the record at {@code d[o]}. */
    static int length(long[] d, int o) {
        int head = (int) d[o];
        return head == SubCellEdges.MARK ? SubCellEdges.length(d, o) : head == -1 ? 3 : head < 0 ? 3 + SubCells.SPLIT + 4 * (-2 - head) + (int) d[o + 1]
                : 3 + 4 * head + (int) d[o + 1];
    }

    private static double at(long[] d, int i) {
        return Double.longBitsToDouble(d[i]);
    }

    /**
     * The edge test of the record at {@code d[o]} for a point in sub-cell {@code s} of its expanded cell, whose
     * crossed sub-cells are {@code boundary}: 1 inside, 0 outside or on the boundary, −1 when the record defers to
     * the whole-polygon test.
     */
    static int locate(long[] d, int o, int s, long boundary, double px, double py) {
        int head = (int) d[o];
        if (head >= 0) {
            int i = o + 3;
            return scan(d, i, i + 4 * head, i + 4 * head, (int) d[o + 1], (int) d[o + 2], px, py);
        }
        if (head == SubCellEdges.MARK) {
            return SubCellEdges.locate(d, o, s, boundary, px, py);
        }
        if (head == -1) {
            return -1;
        }
        int row = s >>> 3;
        int base = o + 3 + SubCells.SPLIT;
        return scan(d, base + 4 * (row == 0 ? 0 : (int) d[o + 2 + row]), base + 4 * (int) d[o + 3 + row],
                base + 4 * (-2 - head), (int) d[o + 1], (int) d[o + 2], px, py);
    }

    /**
     * JTS's ray-crossing answer from the edges {@code d[i .. end)} (by descending max x) tested exactly, {@code nb}
     * ascending toggles at {@code d[tog]} and {@code crossings} counted already: 1 inside, 0 outside or on the
     * boundary. A branch-free pass counts the crossings from the plain double orientation wherever JTS's own filter
     * (error bound 1e-15 of the products' sum) would return that sign; an edge it cannot call (a vertex or a
     * horizontal edge level with the point, or an orientation within the bound) sends the point to {@link #exact}.
     */
    static int scan(long[] d, int i, int end, int tog, int nb, int crossings, double px, double py) {
        int doubt = 0;
        int fast = 0;
        for (int j = i; j < end; j += 4) {
            double x1 = at(d, j);
            double y1 = at(d, j + 1);
            double x2 = at(d, j + 2);
            double y2 = at(d, j + 3);
            double dl = (x1 - px) * (y2 - py);
            double dr = (y1 - py) * (x2 - px);
            double det = dl - dr;
            int up = y2 > py ? 1 : 0;
            int spans = (y1 > py ? 1 : 0) ^ up;
            int near = (x1 >= px ? 1 : 0) | (x2 >= px ? 1 : 0); // JTS skips edges wholly left of the point
            int level = (y1 == py ? 1 : 0) | (y2 == py ? 1 : 0);
            int unsure = Math.abs(det) > 1e-15 * (Math.abs(dl) + Math.abs(dr)) ? 0 : 1;
            doubt |= near & (level | (spans & unsure));
            // spanning: an upward edge is crossed when the point is left of it (det > 0), a downward one when right
            fast += near & spans & ((det > 0 ? 1 : 0) ^ up ^ 1);
        }
        return doubt != 0 ? exact(d, i, end, tog, nb, crossings, px, py) : toggled(d, tog, nb, crossings + fast, py);
    }

    /** {@link #scan} edge by edge with JTS's exact rule (robust orientation, boundary touches answered 0). */
    static int exact(long[] d, int i, int end, int tog, int nb, int crossings, double px, double py) {
        for (; i < end; i += 4) {
            double x1 = at(d, i);
            double y1 = at(d, i + 1);
            double x2 = at(d, i + 2);
            double y2 = at(d, i + 3);
            if (x1 < px && x2 < px) {
                break; // sorted by descending max x: every later edge is left of the point too
            }
            // JTS's crossing condition (y1 > py && y2 <= py) || (y2 > py && y1 <= py) is above1 != above2
            boolean spans = (y1 > py) != (y2 > py);
            if (!spans && y1 != py && y2 != py) {
                continue; // wholly above or wholly below: neither a crossing nor a boundary touch
            }
            if (spans && x1 > px && x2 > px) {
                crossings++; // wholly right and spanning py: the orientation is always positive
                continue;
            }
            if (px == x2 && py == y2) {
                return 0;
            }
            if (y1 == py && y2 == py) {
                if (px >= Math.min(x1, x2) && px <= Math.max(x1, x2)) {
                    return 0;
                }
                continue;
            }
            if (spans) {
                int orient = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, px, py);
                if (orient == 0) {
                    return 0;
                }
                if (y2 < y1) {
                    orient = -orient;
                }
                if (orient > 0) {
                    crossings++;
                }
            }
        }
        return toggled(d, tog, nb, crossings, py);
    }

    /** The parity of {@code crossings} plus the ascending toggles at {@code d[tog ..]} at or below {@code py}. */
    private static int toggled(long[] d, int tog, int nb, int crossings, double py) {
        int lo = tog;
        int hi = tog + nb;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at(d, mid) <= py) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (crossings + lo - tog) & 1;
    }

    /**
     * min(limit, distance to the nearest edge meeting the cell), exact as a clearance because every other edge is
     * farther than the cell border; NaN when the record defers to the whole polygon.
     */
    static double distanceWithin(long[] d, int o, double px, double py, double limit) {
        int head = (int) d[o];
        if (head == -1) {
            return Double.NaN;
        }
        if (head == SubCellEdges.MARK) {
            return SubCellEdges.distanceWithin(d, o, px, py, limit);
        }
        double best = limit * limit;
        int from = head >= 0 ? o + 3 : o + 3 + SubCells.SPLIT;
        for (int i = from, end = i + 4 * (head >= 0 ? head : -2 - head); i < end; i += 4) {
            best = Math.min(best, FlatPolygon.segmentDistanceSq(at(d, i), at(d, i + 1), at(d, i + 2), at(d, i + 3), px, py));
        }
        return Math.sqrt(best);
    }

    /** Collects records while the grid is classified. */
    static final class Builder {
        private int records;
        private long[] data = new long[1024];
        private int size;
        private long[] meta = new long[384];
        private double[] toggles = new double[64];
        private final IntList near = new IntList();

        /**
         * Adds the record of polygon {@code ordinal} in the cell with lower-left corner (x0, y0) and size cw × ch
         * (expanded by {@link #EPS}) from the polygon's edges {@code e} (x1, y1, x2, y2 each) whose indices are
         * {@code rowEdges} (those meeting the cell's expanded row), with its {@link SubCells}; returns the record
         * number.
         */
        int add(int ordinal, double[] e, IntList rowEdges, double x0, double y0, double cw, double ch) {
            int o = size;
            addEdges(e, rowEdges, x0 - EPS, x0 + cw + EPS, y0 - EPS, y0 + ch + EPS);
            int rec = records++;
            if (meta.length < 3 * records) {
                meta = Arrays.copyOf(meta, Math.max(2 * meta.length, 3 * records));
            }
            SubCells.classify(data, o, x0, y0, cw, ch, meta, 3 * rec);
            meta[3 * rec + 2] = (long) o << 32 | ordinal;
            long[] dense = data[o] > SubCellEdges.MIN_EDGES
                    ? SubCellEdges.of(data, o, meta[3 * rec + 1], x0, y0, cw, ch) : null;
            if (dense != null) {
                size = o;
                ensure(dense.length);
                System.arraycopy(dense, 0, data, o, dense.length);
                size += dense.length;
            } else if (data[o] + data[o + 1] > MAX_PER_CELL) {
                size = o;
                defer();
                meta[3 * rec] = 0;
                meta[3 * rec + 1] = -1L;
            } else if (data[o] > ROW_SPLIT_MIN) {
                splitRows(o, y0, ch);
            }
            return rec;
        }

        /**
         * Rewrites the last record (at {@code o}, flat) with its edges listed per sub-row when that at most doubles
         * them: an edge is in every sub-row its y-range meets (expanded by {@link #EPS}), and a point's edge test
         * needs no edge whose y-range misses it. Long steep edges would repeat in many sub-rows; such a record stays flat.
         */
        private void splitRows(int o, double y0, double ch) {
            int ne = (int) data[o];
            double sh = ch / SubCells.SPLIT;
            int[] rows = new int[SubCells.SPLIT];
            int total = 0;
            for (int r = 0; r < SubCells.SPLIT; r++) {
                double lo = y0 + r * sh - EPS;
                double hi = y0 + (r + 1) * sh + EPS;
                for (int j = o + 3; j < o + 3 + 4 * ne; j += 4) {
                    total += meetsRow(j, lo, hi) ? 1 : 0;
                }
                rows[r] = total;
            }
            if (total > 2 * ne) {
                return;
            }
            int nb = (int) data[o + 1];
            long[] flat = Arrays.copyOfRange(data, o, o + 3 + 4 * ne + nb);
            size = o + 3 + SubCells.SPLIT;
            ensure(4 * total + nb);
            for (int r = 0; r < SubCells.SPLIT; r++) {
                double lo = y0 + r * sh - EPS;
                double hi = y0 + (r + 1) * sh + EPS;
                for (int j = 3; j < 3 + 4 * ne; j += 4) {
                    if (meetsRow(flat, j, lo, hi)) {
                        System.arraycopy(flat, j, data, size, 4);
                        size += 4;
                    }
                }
                data[o + 3 + r] = rows[r];
            }
            System.arraycopy(flat, 3 + 4 * ne, data, size, nb);
            size += nb;
            data[o] = -2 - total;
        }

        private boolean meetsRow(int j, double lo, double hi) {
            return meetsRow(data, j, lo, hi);
        }

        private static boolean meetsRow(long[] d, int j, double lo, double hi) {
            double y1 = at(d, j + 1);
            double y2 = at(d, j + 3);
            return Math.max(y1, y2) >= lo && Math.min(y1, y2) <= hi;
        }

        /** Appends the flat record (see the class layout) of the edges {@code e} near the expanded cell. */
        private void addEdges(double[] e, IntList rowEdges, double xLo, double xHi, double yLo, double yHi) {
            near.size = 0;
            int nt = 0;
            int parity = 0;
            for (int k = 0; k < rowEdges.size; k++) {
                int j = 4 * rowEdges.data[k];
                double minX = Math.min(e[j], e[j + 2]);
                double maxX = Math.max(e[j], e[j + 2]);
                if (maxX < xLo) {
                    continue;
                }
                if (minX <= xHi) {
                    near.add(j);
                    continue;
                }
                for (int t = 0; t < 2; t++) {
                    double v = t == 0 ? Math.min(e[j + 1], e[j + 3]) : Math.max(e[j + 1], e[j + 3]);
                    if (v < yLo) {
                        parity ^= 1;
                    } else if (v <= yHi) {
                        if (nt == toggles.length) {
                            toggles = Arrays.copyOf(toggles, 2 * nt);
                        }
                        toggles[nt++] = v;
                    }
                }
            }
            int kept = oddToggles(toggles, nt);
            if (near.size + kept > MAX_DENSE_CELL) {
                defer();
                return;
            }
            // descending max x, so the edge test stops at the first edge wholly left of the point
            for (int k = 1; k < near.size; k++) {
                int j = near.data[k];
                double m = Math.max(e[j], e[j + 2]);
                int q = k - 1;
                while (q >= 0 && Math.max(e[near.data[q]], e[near.data[q] + 2]) < m) {
                    near.data[q + 1] = near.data[q];
                    q--;
                }
                near.data[q + 1] = j;
            }
            ensure(3 + 4 * near.size + kept);
            data[size++] = near.size;
            data[size++] = kept;
            data[size++] = parity;
            for (int k = 0; k < near.size; k++) {
                for (int q = 0; q < 4; q++) {
                    data[size++] = Double.doubleToRawLongBits(e[near.data[k] + q]);
                }
            }
            for (int k = 0; k < kept; k++) {
                data[size++] = Double.doubleToRawLongBits(toggles[k]);
            }
        }

        /** Appends a record that defers to the whole-polygon test. */
        private void defer() {
            ensure(3);
            data[size++] = -1;
            data[size++] = 0;
            data[size++] = 0;
        }

        private void ensure(int n) {
            if (size + n > data.length) {
                data = Arrays.copyOf(data, Math.max(2 * data.length, size + n));
            }
        }

        /** Number of records added. */
        int count() {
            return records;
        }

        /** Record {@code rec}'s sub-cells wholly inside its polygon ({@link SubCells} bits). */
        long inside(int rec) {
            return meta[3 * rec];
        }

        /** Record {@code rec}'s sub-cells that need the edge test. */
        long boundary(int rec) {
            return meta[3 * rec + 1];
        }

        /** Number of longs of record {@code rec}. */
        int length(int rec) {
            return CellEdges.length(data, (int) (meta[3 * rec + 2] >>> 32));
        }

        /** Copies record {@code rec} to {@code dst[at ..]}. */
        void copy(int rec, long[] dst, int at) {
            System.arraycopy(data, (int) (meta[3 * rec + 2] >>> 32), dst, at, length(rec));
        }

        /** Whether record {@code rec} has the {@link SubCellEdges} form. */
        boolean dense(int rec) {
            return (int) data[(int) (meta[3 * rec + 2] >>> 32)] == SubCellEdges.MARK;
        }

        /** The ordinal of record {@code rec}'s polygon. */
        int ordinal(int rec) {
            return (int) meta[3 * rec + 2];
        }
    }

    /**
     * Sorts the toggle heights {@code toggles[0..n)} and keeps, in place and in order, each height that occurs an odd
     * number of times (two crossings at one height cancel); returns how many were kept.
     */
    static int oddToggles(double[] toggles, int n) {
        Arrays.sort(toggles, 0, n);
        int kept = 0;
        for (int a = 0; a < n; ) {
            int b = a;
            while (b < n && toggles[b] == toggles[a]) {
                b++;
            }
            if (((b - a) & 1) == 1) {
                toggles[kept++] = toggles[a];
            }
            a = b;
        }
        return kept;
    }
}
