package io.offsite.geofence;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A polygonal geometry flattened into one {@code double[]} for allocation-free, cache-friendly
 * point-in-polygon tests. {@link #containsProperly} answers exactly what JTS {@code Geometry.contains(Point)}
 * answers for a valid Polygon/MultiPolygon: true only in the interior (boundary excluded, holes honoured).
 * It uses the same ray-crossing rule as JTS {@code RayCrossingCounter} and the same robust orientation
 * predicate ({@link CGAlgorithmsDD#orientationIndex(double, double, double, double, double, double)}), so
 * points exactly on edges and vertices are classified identically.
 *
 * <p>Layout: {@code [parts, (minX, minY, maxX, maxY, rings, partLength, (points, x0, y0, x1, y1, ...)*)*]};
 * rings are closed (last point = first), the first ring of a part is its shell.
 */
final class FlatPolygon {
    private static final int EXTERIOR = 0;
    private static final int BOUNDARY = 1;
    private static final int INTERIOR = 2;

    private FlatPolygon() {
    }

    static double[] of(Geometry polygonal) {
        int parts = polygonal.getNumGeometries();
        int len = 1;
        for (int p = 0; p < parts; p++) {
            Polygon poly = (Polygon) polygonal.getGeometryN(p);
            len += 6 + (1 + poly.getNumInteriorRing()) + 2 * poly.getNumPoints();
        }
        double[] d = new double[len];
        d[0] = parts;
        int o = 1;
        for (int p = 0; p < parts; p++) {
            Polygon poly = (Polygon) polygonal.getGeometryN(p);
            Envelope e = poly.getEnvelopeInternal();
            int start = o;
            d[o] = e.getMinX();
            d[o + 1] = e.getMinY();
            d[o + 2] = e.getMaxX();
            d[o + 3] = e.getMaxY();
            d[o + 4] = 1 + poly.getNumInteriorRing();
            o += 6;
            for (int h = -1; h < poly.getNumInteriorRing(); h++) {
                LineString ring = h < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(h);
                Coordinate[] cs = ring.getCoordinates();
                d[o++] = cs.length;
                for (Coordinate c : cs) {
                    d[o++] = c.x;
                    d[o++] = c.y;
                }
            }
            d[start + 5] = o - start;
        }
        return d;
    }

    /** True when (x, y) lies in the interior of the flattened geometry {@code d}. */
    static boolean containsProperly(double[] d, double x, double y) {
        int parts = (int) d[0];
        int o = 1;
        for (int p = 0; p < parts; p++) {
            int partLength = (int) d[o + 5];
            if (x < d[o] || y < d[o + 1] || x > d[o + 2] || y > d[o + 3]) {
                o += partLength;
                continue;
            }
            int rings = (int) d[o + 4];
            int r = o + 6;
            int loc = locateInRing(d, r, x, y);
            if (loc == BOUNDARY) {
                return false;
            }
            if (loc == INTERIOR) {
                boolean inHole = false;
                r += 1 + 2 * (int) d[r];
                for (int h = 1; h < rings; h++) {
                    int hl = locateInRing(d, r, x, y);
                    if (hl == BOUNDARY) {
                        return false;
                    }
                    if (hl == INTERIOR) {
                        inHole = true;
                        break;
                    }
                    r += 1 + 2 * (int) d[r];
                }
                if (!inHole) {
                    return true;
                }
            }
            o += partLength;
        }
        return false;
    }

    /** Euclidean distance (in the coordinates' own units) from (x, y) to the nearest edge of any ring. */
    static double boundaryDistance(double[] d, double x, double y) {
        int parts = (int) d[0];
        int o = 1;
        double best = Double.POSITIVE_INFINITY;
        for (int p = 0; p < parts; p++) {
            int partLength = (int) d[o + 5];
            int rings = (int) d[o + 4];
            int r = o + 6;
            for (int h = 0; h < rings; h++) {
                int end = r + 1 + 2 * (int) d[r];
                for (int i = r + 3; i < end; i += 2) {
                    best = Math.min(best, segmentDistanceSq(d[i - 2], d[i - 1], d[i], d[i + 1], x, y));
                }
                r = end;
            }
            o += partLength;
        }
        return Math.sqrt(best);
    }

    static double segmentDistanceSq(double x1, double y1, double x2, double y2, double px, double py) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : ((px - x1) * dx + (py - y1) * dy) / len;
        t = t < 0 ? 0 : Math.min(t, 1);
        double ex = x1 + t * dx - px;
        double ey = y1 + t * dy - py;
        return ex * ex + ey * ey;
    }

    /** JTS RayCrossingCounter.locatePointInRing on the ring starting at {@code r}. */
    private static int locateInRing(double[] d, int r, double px, double py) {
        int crossings = 0;
        int end = r + 1 + 2 * (int) d[r];
        for (int i = r + 3; i < end; i += 2) {
            double x1 = d[i - 2];
            double y1 = d[i - 1];
            double x2 = d[i];
            double y2 = d[i + 1];
            if (x1 < px && x2 < px) {
                continue;
            }
            if (px == x2 && py == y2) {
                return BOUNDARY;
            }
            if (y1 == py && y2 == py) {
                double minx = Math.min(x1, x2);
                double maxx = Math.max(x1, x2);
                if (px >= minx && px <= maxx) {
                    return BOUNDARY;
                }
                continue;
            }
            if ((y1 > py && y2 <= py) || (y2 > py && y1 <= py)) {
                int orient = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, px, py);
                if (orient == 0) {
                    return BOUNDARY;
                }
                if (y2 < y1) {
                    orient = -orient;
                }
                if (orient > 0) {
                    crossings++;
                }
            }
        }
        return (crossings & 1) == 1 ? INTERIOR : EXTERIOR;
    }
}
