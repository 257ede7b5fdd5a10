package io.offsite.geofence;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A polygonal geometry flattened into one coordinate array for allocation-free point-in-polygon tests.
 * {@link #containsProperly} answers exactly what JTS {@code Geometry.contains(Point)} answers for a valid
 * Polygon/MultiPolygon: true only in the interior (boundary excluded, holes honoured). It uses the same
 * ray-crossing rule as JTS {@code RayCrossingCounter} and the same robust orientation predicate
 * ({@link CGAlgorithmsDD#orientationIndex(double, double, double, double, double, double)}), so points
 * exactly on edges and vertices are classified identically. Immutable.
 */
final class FlatPolygon {
    private static final int EXTERIOR = 0;
    private static final int BOUNDARY = 1;
    private static final int INTERIOR = 2;

    /** Interleaved x,y of every ring, rings closed (last = first). */
    private final double[] xy;
    /** Start (in points) of ring r; ringStart[numRings] = total points. */
    private final int[] ringStart;
    /** First ring of part p (its shell); partRing[numParts] = numRings. */
    private final int[] partRing;
    /** Envelope of part p: minX, minY, maxX, maxY. */
    private final double[] partEnv;

    private FlatPolygon(double[] xy, int[] ringStart, int[] partRing, double[] partEnv) {
        this.xy = xy;
        this.ringStart = ringStart;
        this.partRing = partRing;
        this.partEnv = partEnv;
    }

    static FlatPolygon of(Geometry polygonal) {
        int parts = polygonal.getNumGeometries();
        int rings = 0;
        int points = 0;
        for (int p = 0; p < parts; p++) {
            Polygon poly = (Polygon) polygonal.getGeometryN(p);
            rings += 1 + poly.getNumInteriorRing();
            points += poly.getNumPoints();
        }
        double[] xy = new double[points * 2];
        int[] ringStart = new int[rings + 1];
        int[] partRing = new int[parts + 1];
        double[] env = new double[parts * 4];
        int r = 0;
        int k = 0;
        for (int p = 0; p < parts; p++) {
            Polygon poly = (Polygon) polygonal.getGeometryN(p);
            partRing[p] = r;
            org.locationtech.jts.geom.Envelope e = poly.getEnvelopeInternal();
            env[4 * p] = e.getMinX();
            env[4 * p + 1] = e.getMinY();
            env[4 * p + 2] = e.getMaxX();
            env[4 * p + 3] = e.getMaxY();
            for (int h = -1; h < poly.getNumInteriorRing(); h++) {
                LineString ring = h < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(h);
                ringStart[r++] = k;
                for (Coordinate c : ring.getCoordinates()) {
                    xy[2 * k] = c.x;
                    xy[2 * k + 1] = c.y;
                    k++;
                }
            }
        }
        ringStart[r] = k;
        partRing[parts] = r;
        return new FlatPolygon(xy, ringStart, partRing, env);
    }

    /** True when (x, y) lies in the interior (not on the boundary, not in a hole). */
    boolean containsProperly(double x, double y) {
        int parts = partRing.length - 1;
        for (int p = 0; p < parts; p++) {
            int e = 4 * p;
            if (x < partEnv[e] || y < partEnv[e + 1] || x > partEnv[e + 2] || y > partEnv[e + 3]) {
                continue;
            }
            int shell = partRing[p];
            int loc = locateInRing(x, y, shell);
            if (loc == BOUNDARY) {
                return false;
            }
            if (loc == EXTERIOR) {
                continue;
            }
            boolean inHole = false;
            for (int h = shell + 1; h < partRing[p + 1]; h++) {
                int hl = locateInRing(x, y, h);
                if (hl == BOUNDARY) {
                    return false;
                }
                if (hl == INTERIOR) {
                    inHole = true;
                    break;
                }
            }
            if (!inHole) {
                return true;
            }
        }
        return false;
    }

    /** JTS RayCrossingCounter.locatePointInRing on the flat arrays. */
    private int locateInRing(double px, double py, int ring) {
        int crossings = 0;
        int end = ringStart[ring + 1];
        for (int i = ringStart[ring] + 1; i < end; i++) {
            double x1 = xy[2 * i - 2];
            double y1 = xy[2 * i - 1];
            double x2 = xy[2 * i];
            double y2 = xy[2 * i + 1];
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

    /** Approximate retained size in bytes (arrays only), for memory reports. */
    long bytes() {
        return 16L + xy.length * 8L + ringStart.length * 4L + partRing.length * 4L + partEnv.length * 8L + 64;
    }
}
