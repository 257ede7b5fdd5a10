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
 * toggles ascending. Each record also has {@link SubCells} bits ({@link CellEdgesBuilder#inside}, {@link CellEdgesBuilder#boundary}).
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

    static double at(long[] d, int i) {
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
