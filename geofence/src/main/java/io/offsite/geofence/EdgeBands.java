package io.offsite.geofence;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The edges of a many-vertex polygonal geometry sorted into horizontal bands, so a point-in-polygon test reads
 * only the edges whose y-range can meet the point's horizontal ray (JTS's ray-crossing rule needs no others).
 * Within a band the edges are sorted by descending max x, so the scan stops at the first edge wholly left of
 * the point. The answer is exactly {@link FlatPolygon#containsProperly}'s for a valid Polygon/MultiPolygon: the
 * crossings of all rings of all parts are counted together (valid parts and holes do not overlap, so the total
 * parity is odd exactly in the interior), and a point on any edge or vertex is on the boundary.
 *
 * <p>An edge is filed under every band from {@code band(minY)} to {@code band(maxY)} with the same monotone
 * {@link #band} the lookup uses, so a query at y finds every edge whose closed y-range contains y.
 */
final class EdgeBands {
    /** Below this many edges a linear scan of {@link FlatPolygon} is as fast. */
    static final int MIN_EDGES = 16;
    /** Band entries allowed per edge (long edges are filed in many bands; fewer bands when they would exceed). */
    private static final int MAX_ENTRIES_PER_EDGE = 6;

    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    private final double invH;
    private final int bands;
    /** Band b's edges are {@code edges[4 * start[b] .. 4 * start[b + 1])} as (x1, y1, x2, y2). */
    private final int[] start;
    private final double[] edges;

    private EdgeBands(double[] raw, int n, Envelope env) {
        minX = env.getMinX();
        minY = env.getMinY();
        maxX = env.getMaxX();
        maxY = env.getMaxY();
        int b = Math.max(1, n / 2);
        double h = maxY - minY;
        while (true) {
            double inv = h > 0 ? b / h : 0;
            long total = 0;
            for (int i = 0; i < n; i++) {
                double y1 = raw[4 * i + 1];
                double y2 = raw[4 * i + 3];
                total += band(Math.max(y1, y2), inv, b) - band(Math.min(y1, y2), inv, b) + 1;
            }
            if (b == 1 || total <= (long) MAX_ENTRIES_PER_EDGE * n) {
                invH = inv;
                bands = b;
                break;
            }
            b /= 2;
        }
        int[] count = new int[bands + 1];
        for (int i = 0; i < n; i++) {
            int lo = lowBand(raw, i);
            int hi = highBand(raw, i);
            for (int k = lo; k <= hi; k++) {
                count[k + 1]++;
            }
        }
        start = new int[bands + 1];
        for (int k = 0; k < bands; k++) {
            start[k + 1] = start[k] + count[k + 1];
        }
        int[] fill = start.clone();
        int[] order = new int[start[bands]];
        for (int i = 0; i < n; i++) {
            for (int k = lowBand(raw, i), hi = highBand(raw, i); k <= hi; k++) {
                order[fill[k]++] = i;
            }
        }
        edges = new double[4 * order.length];
        Integer[] boxed = new Integer[0];
        for (int k = 0; k < bands; k++) {
            int from = start[k];
            int to = start[k + 1];
            if (boxed.length < to - from) {
                boxed = new Integer[to - from];
            }
            for (int j = from; j < to; j++) {
                boxed[j - from] = order[j];
            }
            java.util.Arrays.sort(boxed, 0, to - from,
                    (p, q) -> Double.compare(maxX(raw, q), maxX(raw, p)));
            for (int j = from; j < to; j++) {
                System.arraycopy(raw, 4 * boxed[j - from], edges, 4 * j, 4);
            }
        }
    }

    /** The banded edges of a valid polygonal geometry, or null when it has fewer than {@link #MIN_EDGES} edges. */
    static EdgeBands of(Geometry polygonal) {
        double[] raw = rawEdges(polygonal);
        return raw.length / 4 < MIN_EDGES ? null : new EdgeBands(raw, raw.length / 4, polygonal.getEnvelopeInternal());
    }

    /** Every edge of every ring of every part as (x1, y1, x2, y2). */
    static double[] rawEdges(Geometry polygonal) {
        int n = 0;
        for (int p = 0; p < polygonal.getNumGeometries(); p++) {
            Polygon poly = (Polygon) polygonal.getGeometryN(p);
            n += poly.getNumPoints() - 1 - poly.getNumInteriorRing();
        }
        double[] raw = new double[4 * n];
        int e = 0;
        for (int p = 0; p < polygonal.getNumGeometries(); p++) {
            Polygon poly = (Polygon) polygonal.getGeometryN(p);
            for (int h = -1; h < poly.getNumInteriorRing(); h++) {
                LineString ring = h < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(h);
                Coordinate[] cs = ring.getCoordinates();
                for (int i = 1; i < cs.length; i++) {
                    raw[e++] = cs[i - 1].x;
                    raw[e++] = cs[i - 1].y;
                    raw[e++] = cs[i].x;
                    raw[e++] = cs[i].y;
                }
            }
        }
        return raw;
    }

    private static double maxX(double[] raw, int i) {
        return Math.max(raw[4 * i], raw[4 * i + 2]);
    }

    private int lowBand(double[] raw, int i) {
        return band(Math.min(raw[4 * i + 1], raw[4 * i + 3]), invH, bands);
    }

    private int highBand(double[] raw, int i) {
        return band(Math.max(raw[4 * i + 1], raw[4 * i + 3]), invH, bands);
    }

    private int band(double y, double inv, int b) {
        int k = (int) ((y - minY) * inv);
        return k < 0 ? 0 : (k >= b ? b - 1 : k);
    }

    /** True when (px, py) lies in the interior of the geometry (JTS {@code contains}). */
    boolean containsProperly(double px, double py) {
        if (!(px >= minX && py >= minY && px <= maxX && py <= maxY)) {
            return false;
        }
        int b = band(py, invH, bands);
        double[] d = edges;
        int crossings = 0;
        for (int i = 4 * start[b], end = 4 * start[b + 1]; i < end; i += 4) {
            double x1 = d[i];
            double y1 = d[i + 1];
            double x2 = d[i + 2];
            double y2 = d[i + 3];
            if (x1 < px && x2 < px) {
                break; // sorted by descending max x: every later edge is left of the point too
            }
            if (px == x2 && py == y2) {
                return false;
            }
            if (y1 == py && y2 == py) {
                if (px >= Math.min(x1, x2) && px <= Math.max(x1, x2)) {
                    return false;
                }
                continue;
            }
            if ((y1 > py && y2 <= py) || (y2 > py && y1 <= py)) {
                int orient = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, px, py);
                if (orient == 0) {
                    return false;
                }
                if (y2 < y1) {
                    orient = -orient;
                }
                if (orient > 0) {
                    crossings++;
                }
            }
        }
        return (crossings & 1) == 1;
    }

    /**
     * min(limit, Euclidean distance from (px, py) to the nearest edge); reads only the bands within {@code limit}
     * of py, since an edge outside them is farther than {@code limit}.
     */
    double boundaryDistanceWithin(double px, double py, double limit) {
        double best = limit * limit;
        int lo = band(py - limit, invH, bands);
        int hi = band(py + limit, invH, bands);
        for (int i = 4 * start[lo], end = 4 * start[hi + 1]; i < end; i += 4) {
            best = Math.min(best, FlatPolygon.segmentDistanceSq(edges[i], edges[i + 1], edges[i + 2], edges[i + 3], px, py));
        }
        return Math.sqrt(best);
    }

    /** Approximate retained bytes. */
    long approximateBytes() {
        return 64L + 16 + start.length * 4L + 16 + edges.length * 8L;
    }
}
