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
 * <p>Layout, in a {@code long[]} (counts as plain longs, so the grid can keep
 * a record inline with its cell entry): head (edge count; −1: too many, use the whole-polygon test; −2 − n: n edge
 * entries listed per sub-row; {@link SubCellEdges#MARK}: the per-sub-cell form, laid out there), toggle count (high
 * half: the coordinate error m of {@link #margins}), parity below the cell (high half: the determinant bound), for a
 * per-sub-row record the cumulative entry count at the end of each of the {@link SubCells#SPLIT} sub-rows, the edges
 * (within each sub-row), the toggles ascending as raw doubles. An edge is two longs, each end {@link #pack packed} as
 * two floats relative to the cell's lower-left corner: half the bytes of raw doubles, so a test reads fewer lines;
 * the test calls only what the floats' error cannot flip and leaves the rest to the exact whole-polygon test. While
 * the grid is built a record is raw (four doubles per edge, by descending max x) until {@link CellEdgesBuilder} packs
 * it. Each record also has {@link SubCells} bits ({@link CellEdgesBuilder#inside}, {@link CellEdgesBuilder#boundary}).
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

    /** Number of longs of the (packed) record at {@code d[o]}. */
    static int length(long[] d, int o) {
        int head = (int) d[o];
        return head == SubCellEdges.MARK ? SubCellEdges.length(d, o) : head == -1 ? 3 : head < 0 ? 3 + SubCells.SPLIT + 2 * (-2 - head) + (int) d[o + 1]
                : 3 + 2 * head + (int) d[o + 1];
    }

    static double at(long[] d, int i) {
        return Double.longBitsToDouble(d[i]);
    }

    /** One packed edge end: (x − x0, y − y0) rounded to floats, x in the low half. */
    static long pack(double x, double y, double x0, double y0) {
        return Float.floatToRawIntBits((float) (x - x0)) & 0xffffffffL
                | (long) Float.floatToRawIntBits((float) (y - y0)) << 32;
    }

    /**
     * Rewrites the {@code n} edges at {@code d[from ..]} (four raw doubles each) as packed pairs (two longs each, see
     * {@link #pack}) relative to the cell corner (x0, y0), in place from {@code from}.
     */
    static void packEdges(long[] d, int from, int n, double x0, double y0) {
        for (int k = 0; k < n; k++) {
            int src = from + 4 * k;
            long a = pack(at(d, src), at(d, src + 1), x0, y0);
            long b = pack(at(d, src + 2), at(d, src + 3), x0, y0);
            d[from + 2 * k] = a;
            d[from + 2 * k + 1] = b;
        }
    }

    /**
     * The edge test of the packed record at {@code d[o]} for a point in sub-cell {@code s} of its expanded cell, whose
     * crossed sub-cells are {@code boundary}; (rx, ry) is the point relative to the cell corner, {@code py} its
     * latitude: 1 inside, 0 outside or on the boundary, −1 when the whole-polygon test must answer (the record
     * defers, or the point is too close to an edge for the packed coordinates to call).
     */
    static int locate(long[] d, int o, int s, long boundary, double rx, double ry, double py) {
        int head = (int) d[o];
        long t = d[o + 1];
        long p = d[o + 2];
        if (head >= 0) {
            int i = o + 3;
            return scan(d, i, i + 2 * head, i + 2 * head, (int) t, (int) p, rx, ry, py, highFloat(t), highFloat(p));
        }
        if (head == SubCellEdges.MARK) {
            return SubCellEdges.locate(d, o, s, boundary, rx, ry, py);
        }
        if (head == -1) {
            return -1;
        }
        int row = s >>> 3;
        int base = o + 3 + SubCells.SPLIT;
        return scan(d, base + 2 * (row == 0 ? 0 : (int) d[o + 2 + row]), base + 2 * (int) d[o + 3 + row],
                base + 2 * (-2 - head), (int) t, (int) p, rx, ry, py, highFloat(t), highFloat(p));
    }

    /**
     * The error bounds of a packed record whose packed coordinates are at most {@code maxAbs} in magnitude, for a point
     * at most {@code r} from the cell corner: low half the coordinate error {@code m} (2⁻²³ of {@code maxAbs}, twice a
     * float's rounding, plus 1e-13 for the doubles' own rounding), high half the error bound of an orientation
     * determinant from such coordinates, each a float rounded up.
     */
    static long margins(double maxAbs, double r) {
        double m = maxAbs * 0x1p-23 + 1e-13;
        double a = maxAbs + r;
        double bound = 8 * m * a + 4 * m * m + 2e-15 * a * a;
        return Float.floatToRawIntBits(Math.nextUp((float) m)) & 0xffffffffL
                | (long) Float.floatToRawIntBits(Math.nextUp((float) bound)) << 32;
    }

    /** The largest magnitude of the packed coordinates {@code d[from .. to)}. */
    static double maxAbs(long[] d, int from, int to) {
        float max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.max(Math.abs(Float.intBitsToFloat((int) d[i])),
                    Math.abs(Float.intBitsToFloat((int) (d[i] >>> 32)))));
        }
        return max;
    }

    /**
     * JTS's ray-crossing answer from the packed edges {@code d[i .. end)}, {@code nb} ascending toggles at
     * {@code d[tog]} and {@code crossings} counted already, for the point (rx, ry) from the cell corner at latitude
     * {@code py}: 1 inside, 0 outside or on the boundary, −1 when in doubt. Each packed coordinate is within {@code m}
     * of the true offset and an orientation determinant within {@code bound} (see {@link #margins}), so a level, a side
     * or an orientation is called only when the packed value clears that error; an edge it cannot call (possibly level
     * with the point, or possibly through it) makes the answer doubtful, and the caller runs the exact whole-polygon
     * test. An edge wholly left of the point (JTS skips it) is never counted: spanning, it has the point on its right.
     */
    static int scan(long[] d, int i, int end, int tog, int nb, int crossings, double rx, double ry, double py,
            double m, double bound) {
        int doubt = 0;
        int fast = 0;
        for (int j = i; j < end; j += 2) {
            long a = d[j];
            long b = d[j + 1];
            double ax = Float.intBitsToFloat((int) a) - rx;
            double ay = Float.intBitsToFloat((int) (a >>> 32)) - ry;
            double bx = Float.intBitsToFloat((int) b) - rx;
            double by = Float.intBitsToFloat((int) (b >>> 32)) - ry;
            double det = ax * by - ay * bx;
            int up = by > 0 ? 1 : 0;
            int spans = (ay > 0 ? 1 : 0) ^ up;
            int near = (ax >= -m ? 1 : 0) | (bx >= -m ? 1 : 0);
            int level = (Math.abs(ay) <= m ? 1 : 0) | (Math.abs(by) <= m ? 1 : 0);
            int unsure = Math.abs(det) > bound ? 0 : 1;
            doubt |= near & (level | (spans & unsure));
            // spanning: an upward edge is crossed when the point is left of it (det > 0), a downward one when right
            fast += near & spans & ((det > 0 ? 1 : 0) ^ up ^ 1);
        }
        return doubt != 0 ? -1 : toggled(d, tog, nb, crossings + fast, py);
    }

    /** The float in the high half of {@code w} (a record keeps its {@link #margins} there). */
    static double highFloat(long w) {
        return Float.intBitsToFloat((int) (w >>> 32));
    }

    /**
     * Build time: the answer of the raw (unpacked, flat) record at {@code d[o]} for (px, py), exact: 1 inside, 0
     * outside or on the boundary.
     */
    static int locateRaw(long[] d, int o, double px, double py) {
        int i = o + 3;
        int end = i + 4 * (int) d[o];
        return scanRaw(d, i, end, end, (int) d[o + 1], (int) d[o + 2], px, py);
    }

    /**
     * {@link #scan} on raw double edges {@code d[i .. end)} (by descending max x): a branch-free pass counts the
     * crossings from the plain double orientation wherever JTS's own filter (error bound 1e-15 of the products' sum)
     * would return that sign; an edge it cannot call sends the point to {@link #exact}.
     */
    private static int scanRaw(long[] d, int i, int end, int tog, int nb, int crossings, double px, double py) {
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
            fast += near & spans & ((det > 0 ? 1 : 0) ^ up ^ 1);
        }
        return doubt != 0 ? exact(d, i, end, tog, nb, crossings, px, py) : toggled(d, tog, nb, crossings + fast, py);
    }

    /** {@link #scanRaw} edge by edge with JTS's exact rule (robust orientation, boundary touches answered 0). */
    private static int exact(long[] d, int i, int end, int tog, int nb, int crossings, double px, double py) {
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
        if (nb <= 8) { // a few: count them branch-free (a binary search mispredicts about every other step)
            for (int k = tog; k < tog + nb; k++) {
                crossings += at(d, k) <= py ? 1 : 0;
            }
            return crossings & 1;
        }
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
     * min(limit, distance to the nearest edge meeting the cell) less the packing error, a safe clearance because
     * every other edge is farther than the cell border; (rx, ry) is the point relative to the cell corner. NaN when
     * the record defers to the whole polygon.
     */
    static double distanceWithin(long[] d, int o, double rx, double ry, double limit) {
        int head = (int) d[o];
        if (head == -1) {
            return Double.NaN;
        }
        if (head == SubCellEdges.MARK) {
            return SubCellEdges.distanceWithin(d, o, rx, ry, limit);
        }
        int from = head >= 0 ? o + 3 : o + 3 + SubCells.SPLIT;
        return edgeDistance(d, from, from + 2 * (head >= 0 ? head : -2 - head), rx, ry, limit);
    }

    /** min(limit, distance from (rx, ry) to the packed edges {@code d[i .. end)}, each less twice its error). */
    static double edgeDistance(long[] d, int i, int end, double rx, double ry, double limit) {
        double best = limit;
        for (; i < end; i += 2) {
            float u1 = Float.intBitsToFloat((int) d[i]);
            float v1 = Float.intBitsToFloat((int) (d[i] >>> 32));
            float u2 = Float.intBitsToFloat((int) d[i + 1]);
            float v2 = Float.intBitsToFloat((int) (d[i + 1] >>> 32));
            double m = Math.max(Math.max(Math.abs(u1), Math.abs(v1)), Math.max(Math.abs(u2), Math.abs(v2))) * 0x1p-23
                    + 1e-13;
            double dist = Math.sqrt(FlatPolygon.segmentDistanceSq(u1, v1, u2, v2, rx, ry)) - 2 * m;
            best = Math.min(best, Math.max(0, dist));
        }
        return best;
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
