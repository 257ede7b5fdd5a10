package io.offsite.core.grid;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The edges of one region (all rings of a polygon or multipolygon) flattened into arrays, with a
 * point-in-region test that follows the grid's boundary rule.
 *
 * <p>Boundary rule: a horizontal ray is cast east from the point and an edge is crossed when its lower
 * end is at or below the point and its upper end strictly above, and the point lies strictly to the left
 * of the edge (exact orientation predicate, JTS {@link CGAlgorithmsDD}). Every edge is stored lower end
 * first, so two cells that share an edge evaluate it identically. Hence a point on a shared edge belongs
 * to exactly one of the two cells: the one east of it, or north of it for a horizontal edge. Points on the
 * outer boundary of the whole grid are inside on its west and south sides and outside on its east and north
 * sides. Holes and multiple parts follow from the even-odd count.
 */
final class HalfOpenRings {
    /** Edges as (lowX, lowY, highX, highY); horizontal edges are dropped (they never cross the ray). */
    private final double[] edges;
    final double minX;
    final double minY;
    final double maxX;
    final double maxY;

    HalfOpenRings(Geometry region) {
        int n = 0;
        for (int g = 0; g < region.getNumGeometries(); g++) {
            Polygon p = (Polygon) region.getGeometryN(g);
            n += p.getExteriorRing().getNumPoints();
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                n += p.getInteriorRingN(h).getNumPoints();
            }
        }
        double[] buf = new double[n * 4];
        int k = 0;
        for (int g = 0; g < region.getNumGeometries(); g++) {
            Polygon p = (Polygon) region.getGeometryN(g);
            k = addRing(p.getExteriorRing(), buf, k);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                k = addRing(p.getInteriorRingN(h), buf, k);
            }
        }
        edges = java.util.Arrays.copyOf(buf, k);
        var env = region.getEnvelopeInternal();
        minX = env.getMinX();
        minY = env.getMinY();
        maxX = env.getMaxX();
        maxY = env.getMaxY();
    }

    private static int addRing(LineString ring, double[] buf, int k) {
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i + 1 < cs.length; i++) {
            Coordinate a = cs[i];
            Coordinate b = cs[i + 1];
            if (a.y == b.y) {
                continue;
            }
            if (a.y > b.y) {
                Coordinate t = a;
                a = b;
                b = t;
            }
            buf[k++] = a.x;
            buf[k++] = a.y;
            buf[k++] = b.x;
            buf[k++] = b.y;
        }
        return k;
    }

    boolean contains(double x, double y) {
        if (x < minX || x > maxX || y < minY || y > maxY) {
            return false;
        }
        boolean inside = false;
        double[] e = edges;
        for (int i = 0; i < e.length; i += 4) {
            double ay = e[i + 1];
            double by = e[i + 3];
            if (ay <= y && y < by) {
                double ax = e[i];
                double bx = e[i + 2];
                if (x < ax || x < bx) {
                    if ((x < ax && x < bx)
                            || CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, x, y) > 0) {
                        inside = !inside;
                    }
                }
            }
        }
        return inside;
    }
}
