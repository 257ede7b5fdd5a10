package io.offsite.geofence;

/**
 * Splits the grid cell of a {@link CellEdges} record into {@link #SPLIT} × {@link #SPLIT} sub-cells and classifies
 * each from the record's own edges: a sub-cell that no edge meets (the sub-cell expanded by {@link CellEdges#EPS})
 * lies wholly inside or wholly outside the polygon, so a point there is answered by one bit; only a point in a
 * sub-cell an edge meets runs the edge test. The expansion covers the rounding of a lookup's cell arithmetic (far
 * below 1e-12 degrees), so a point mapped to a sub-cell is always within its expanded box, where the answer is
 * the one of the sub-cell's centre. Sub-cell {@code s} is column {@code s & 7}, row {@code s >>> 3}.
 */
final class SubCells {
    /** Sub-cells per cell side; a record's sub-cells fit one {@code long} per class. */
    static final int SPLIT = 8;

    private SubCells() {
    }

    /**
     * Classifies the sub-cells of the record at {@code d[o]} (layout of {@link CellEdges}) for the cell with lower-left
     * corner (x0, y0) and size cw × ch; writes the inside bits to {@code out[at]} and the boundary bits (edge test
     * needed) to {@code out[at + 1]}. A record that defers to the whole polygon has every sub-cell boundary.
     */
    static void classify(long[] d, int o, double x0, double y0, double cw, double ch, long[] out, int at) {
        int ne = (int) d[o];
        if (ne < 0) {
            out[at] = 0;
            out[at + 1] = -1L;
            return;
        }
        double sw = cw / SPLIT;
        double sh = ch / SPLIT;
        double eps = CellEdges.EPS;
        long boundary = 0;
        for (int i = o + 3, end = i + 4 * ne; i < end; i += 4) {
            double x1 = Double.longBitsToDouble(d[i]);
            double y1 = Double.longBitsToDouble(d[i + 1]);
            double x2 = Double.longBitsToDouble(d[i + 2]);
            double y2 = Double.longBitsToDouble(d[i + 3]);
            int sx0 = clamp(Math.floor((Math.min(x1, x2) - x0) / sw) - 1);
            int sx1 = clamp(Math.floor((Math.max(x1, x2) - x0) / sw) + 1);
            int sy0 = clamp(Math.floor((Math.min(y1, y2) - y0) / sh) - 1);
            int sy1 = clamp(Math.floor((Math.max(y1, y2) - y0) / sh) + 1);
            for (int sy = sy0; sy <= sy1; sy++) {
                double by0 = y0 + sy * sh - eps;
                double by1 = y0 + (sy + 1) * sh + eps;
                for (int sx = sx0; sx <= sx1; sx++) {
                    long bit = 1L << (sy * SPLIT + sx);
                    if ((boundary & bit) == 0
                            && meets(x1, y1, x2, y2, x0 + sx * sw - eps, by0, x0 + (sx + 1) * sw + eps, by1)) {
                        boundary |= bit;
                    }
                }
            }
        }
        long inside = 0;
        long seen = boundary;
        int[] stack = new int[SPLIT * SPLIT];
        for (int s = 0; s < SPLIT * SPLIT; s++) {
            if ((seen & (1L << s)) != 0) {
                continue;
            }
            // no edge meets this sub-cell or its edge-free neighbours: the centre's answer holds for all of them
            boolean in = CellEdges.locateRaw(d, o, x0 + ((s & 7) + 0.5) * sw, y0 + ((s >>> 3) + 0.5) * sh) == 1;
            int top = 0;
            stack[top++] = s;
            seen |= 1L << s;
            while (top > 0) {
                int t = stack[--top];
                if (in) {
                    inside |= 1L << t;
                }
                int tx = t & 7;
                int ty = t >>> 3;
                for (int k = 0; k < 4; k++) {
                    int n = k == 0 ? (tx > 0 ? t - 1 : -1)
                            : k == 1 ? (tx < SPLIT - 1 ? t + 1 : -1)
                            : k == 2 ? (ty > 0 ? t - SPLIT : -1)
                            : (ty < SPLIT - 1 ? t + SPLIT : -1);
                    if (n >= 0 && (seen & (1L << n)) == 0) {
                        seen |= 1L << n;
                        stack[top++] = n;
                    }
                }
            }
        }
        out[at] = inside;
        out[at + 1] = boundary;
    }

    private static int clamp(double v) {
        return v < 0 ? 0 : (v > SPLIT - 1 ? SPLIT - 1 : (int) v);
    }

    /**
     * Whether segment (x1, y1)–(x2, y2) may meet the closed box [bx0, bx1] × [by0, by1]: false only when their
     * bounding boxes are apart or all four corners lie strictly on one side of the segment's line.
     */
    static boolean meets(double x1, double y1, double x2, double y2, double bx0, double by0, double bx1, double by1) {
        if (Math.max(x1, x2) < bx0 || Math.min(x1, x2) > bx1 || Math.max(y1, y2) < by0 || Math.min(y1, y2) > by1) {
            return false;
        }
        double dx = x2 - x1;
        double dy = y2 - y1;
        double s00 = dx * (by0 - y1) - dy * (bx0 - x1);
        double s10 = dx * (by0 - y1) - dy * (bx1 - x1);
        double s01 = dx * (by1 - y1) - dy * (bx0 - x1);
        double s11 = dx * (by1 - y1) - dy * (bx1 - x1);
        return !(s00 > 0 && s10 > 0 && s01 > 0 && s11 > 0) && !(s00 < 0 && s10 < 0 && s01 < 0 && s11 < 0);
    }
}
