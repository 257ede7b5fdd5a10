package io.offsite.geofence;

import java.util.Arrays;

/**
 * The dense form of a {@link CellEdges} record (a cell many edges of one polygon cross): one small edge record per
 * crossed {@link SubCells} sub-cell, so a point's edge test reads only the edges meeting its own sub-cell. JTS's ray
 * from a point in sub-cell S crosses (a) edges meeting S (expanded by {@link CellEdges#EPS}), tested exactly, and
 * (b) edges wholly right of S within S's rows: such an edge crosses the ray at height y exactly when
 * {@code minY <= y < maxY}, so, as for a whole cell, its crossings are a parity below S plus sorted toggles inside
 * S. An edge of the cell that misses S lies, across S's rows, wholly left or wholly right of S (it is connected and
 * misses the box); the build tells which from one sample and keeps an edge in (a) when the sample is too close to
 * call. The cell's own toggles (edges right of the whole cell) are right of every sub-cell.
 *
 * <p>Layout (a {@code long[]} from {@code o}): {@link #MARK}, record length (high half: the coordinate error of
 * {@link CellEdges#margins}), sub-record count m (high half: the determinant bound), m offsets from
 * {@code o} as ints two to a long (in sub-cell order, one per set boundary bit), then per sub-record a head
 * {@code edges | toggles << 16 | parity << 32}, its edges packed ({@link CellEdges#pack}, two longs each), its toggles
 * ascending.
 */
final class SubCellEdges {
    /** The head value (low 32 bits of the record's first long) that marks the dense form. */
    static final int MARK = Integer.MIN_VALUE;
    /**
     * Cells with more edges than this get the dense form when it fits {@link #MAX_GROWTH}. A dense test reads the
     * record's head, then its sub-record: one more dependent memory load than a flat or per-sub-row record, whose
     * edges follow its head in consecutive lines. Up to 24 edges the flat forms answer faster (hard-shapes corpus:
     * about 13 % more points per second than with 12, in a same-JVM A/B run) and take less memory.
     */
    static final int MIN_EDGES = 24;
    /** At most this many sub-cell edge entries per edge of the cell (long edges repeat in many sub-cells). */
    static final int MAX_GROWTH = 6;
    /** A sample this close (degrees) to the sub-cell's expanded box keeps its edge in the exact test. */
    private static final double MARGIN = 1e-11;

    private SubCellEdges() {
    }

    /** Number of longs of the dense record at {@code d[o]}. */
    static int length(long[] d, int o) {
        return (int) d[o + 1];
    }

    /**
     * The edge test of the dense record at {@code d[o]} for a point in sub-cell {@code s}, a crossed one (its bit set
     * in {@code boundary}), at (rx, ry) from the cell corner and latitude {@code py}: 1 inside, 0 outside or on the
     * boundary, −1 when in doubt (see {@link CellEdges#scan}).
     */
    static int locate(long[] d, int o, int s, long boundary, double rx, double ry, double py) {
        int j = Long.bitCount(boundary & ((1L << s) - 1));
        int p = o + (int) (d[o + 3 + (j >>> 1)] >>> ((j & 1) << 5));
        long h = d[p];
        int ne = (int) h & 0xffff;
        int i = p + 1;
        return CellEdges.scan(d, i, i + 2 * ne, i + 2 * ne, (int) (h >>> 16) & 0xffff, (int) (h >>> 32), rx, ry, py,
                CellEdges.highFloat(d[o + 1]), CellEdges.highFloat(d[o + 2]));
    }

    /** min(limit, distance to the nearest edge of any sub-record): the edges meeting the cell, see CellEdges. */
    static double distanceWithin(long[] d, int o, double rx, double ry, double limit) {
        double best = limit;
        int m = (int) d[o + 2];
        for (int j = 0; j < m; j++) {
            int p = o + (int) (d[o + 3 + (j >>> 1)] >>> ((j & 1) << 5));
            int ne = (int) d[p] & 0xffff;
            best = CellEdges.edgeDistance(d, p + 1, p + 1 + 2 * ne, rx, ry, best);
        }
        return best;
    }

    private static double at(long[] d, int i) {
        return Double.longBitsToDouble(d[i]);
    }

    /**
     * The dense form, edges packed, of the raw flat record {@code d[o..]} (edges by descending max x, then toggles) of the cell with
     * lower-left corner (x0, y0) and size cw × ch whose crossed sub-cells are {@code boundary}; null when it would
     * exceed {@link #MAX_GROWTH} entries per edge or a sub-record's counts would not fit.
     */
    static long[] of(long[] d, int o, long boundary, double x0, double y0, double cw, double ch) {
        int ne = (int) d[o];
        int nb = (int) d[o + 1];
        int cellParity = (int) d[o + 2];
        int m = Long.bitCount(boundary);
        double sw = cw / SubCells.SPLIT;
        double sh = ch / SubCells.SPLIT;
        double eps = CellEdges.EPS;
        int table = 3 + (m + 1) / 2;
        long[] out = new long[table + m + 4 * ne + 64];
        int size = table;
        int[] list = new int[ne];
        double[] toggles = new double[2 * ne + nb];
        int entries = 0;
        int j = 0;
        for (int s = 0; s < 64; s++) {
            if ((boundary & (1L << s)) == 0) {
                continue;
            }
            double xLo = x0 + (s & 7) * sw - eps;
            double xHi = x0 + ((s & 7) + 1) * sw + eps;
            double yLo = y0 + (s >>> 3) * sh - eps;
            double yHi = y0 + ((s >>> 3) + 1) * sh + eps;
            int n = 0;
            int nt = 0;
            int parity = cellParity;
            for (int k = o + 3 + 4 * ne; k < o + 3 + 4 * ne + nb; k++) {
                double v = at(d, k);
                if (v < yLo) {
                    parity ^= 1;
                } else if (v <= yHi) {
                    toggles[nt++] = v;
                }
            }
            for (int e = 0; e < ne; e++) {
                int i = o + 3 + 4 * e;
                double x1 = at(d, i);
                double y1 = at(d, i + 1);
                double x2 = at(d, i + 2);
                double y2 = at(d, i + 3);
                double lo = Math.min(y1, y2);
                double hi = Math.max(y1, y2);
                if (hi < yLo || lo > yHi || Math.max(x1, x2) < xLo) {
                    continue; // never crosses a ray from S, and no point of S is on it
                }
                int side;
                if (SubCells.meets(x1, y1, x2, y2, xLo, yLo, xHi, yHi)) {
                    side = 0;
                } else if (y1 == y2) {
                    continue; // horizontal and away from S: never crosses
                } else {
                    double y = Math.max(lo, Math.min(hi, (yLo + yHi) / 2));
                    double x = y == y1 ? x1 : y == y2 ? x2 : x1 + (y - y1) * (x2 - x1) / (y2 - y1);
                    side = x > xHi + MARGIN ? 1 : x < xLo - MARGIN ? -1 : 0;
                }
                if (side == 0) {
                    list[n++] = i; // already by descending max x
                } else if (side > 0) {
                    for (double v : new double[] {lo, hi}) {
                        if (v < yLo) {
                            parity ^= 1;
                        } else if (v <= yHi) {
                            toggles[nt++] = v;
                        }
                    }
                }
            }
            int kept = CellEdges.oddToggles(toggles, nt);
            entries += n;
            if (entries > MAX_GROWTH * ne || n > 0xffff || kept > 0xffff) {
                return null;
            }
            if (size + 1 + 2 * n + kept > out.length) {
                out = Arrays.copyOf(out, Math.max(2 * out.length, size + 1 + 2 * n + kept));
            }
            out[3 + (j >>> 1)] |= (long) size << ((j & 1) << 5);
            j++;
            out[size++] = n | (long) kept << 16 | (long) parity << 32;
            for (int q = 0; q < n; q++) {
                out[size++] = CellEdges.pack(at(d, list[q]), at(d, list[q] + 1), x0, y0);
                out[size++] = CellEdges.pack(at(d, list[q] + 2), at(d, list[q] + 3), x0, y0);
            }
            for (int q = 0; q < kept; q++) {
                out[size++] = Double.doubleToRawLongBits(toggles[q]);
            }
        }
        double maxAbs = 0;
        for (int e = 0; e < 4 * ne; e += 2) {
            maxAbs = Math.max(maxAbs, Math.max(Math.abs((float) (at(d, o + 3 + e) - x0)), Math.abs((float) (at(d, o + 4 + e) - y0))));
        }
        long margins = CellEdges.margins(maxAbs, Math.max(cw, ch) + 2 * eps);
        out[0] = MARK & 0xffffffffL;
        out[1] = size | margins << 32;
        out[2] = m | margins & 0xffffffff00000000L;
        return Arrays.copyOf(out, size);
    }
}
