package io.offsite.core.geo;

import io.offsite.core.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Validated WGS-84 longitude/latitude geometry from plain arrays or WKT, so a caller needs no JTS constructors:
 * {@code Shapes.polygon(121.25, 28.63, 121.27, 28.63, 121.27, 28.65, 121.25, 28.65)}.
 *
 * <p>Every result is checked: each number finite, longitudes within -180..180 and latitudes within -90..90, a ring
 * with at least three distinct vertices, and the whole shape valid by JTS {@link IsValidOp} (no self-intersection,
 * holes inside their shell, ...). A failure is an {@link InvalidValueException} naming the vertex (0-based, as given)
 * or position and why. Rings may be given open or closed: an open ring is closed by repeating its first vertex.
 * Stateless and thread-safe.
 */
public final class Shapes {
    private Shapes() {
    }

    /**
     * A polygon without holes from its shell's vertices.
     *
     * @param lonLat longitude, latitude, longitude, latitude, ... of the shell's vertices in degrees
     * @throws InvalidValueException naming the vertex or the rule when the values do not make a valid polygon
     */
    public static Polygon polygon(double... lonLat) {
        Objects.requireNonNull(lonLat, "lonLat");
        if (lonLat.length % 2 != 0) {
            throw new InvalidValueException("lonLat must hold longitude/latitude pairs, had an odd count of "
                    + lonLat.length + " values");
        }
        double[][] ring = new double[lonLat.length / 2][];
        for (int k = 0; k < ring.length; k++) {
            ring[k] = new double[] {lonLat[2 * k], lonLat[2 * k + 1]};
        }
        return polygon(ring);
    }

    /**
     * A polygon from its shell and holes, each a ring of {@code {lon, lat}} vertices in degrees.
     *
     * @throws InvalidValueException naming the ring, the vertex and the rule when they do not make a valid polygon
     */
    public static Polygon polygon(double[][] shell, double[][]... holes) {
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(holes, "holes");
        GeometryFactory factory = new GeometryFactory();
        LinearRing outer = factory.createLinearRing(ring("shell", shell));
        LinearRing[] inner = new LinearRing[holes.length];
        for (int h = 0; h < holes.length; h++) {
            inner[h] = factory.createLinearRing(ring("hole " + h, Objects.requireNonNull(holes[h], "holes[" + h + "]")));
        }
        Polygon p = factory.createPolygon(outer, inner);
        TopologyValidationError error = new IsValidOp(p).getValidationError();
        if (error != null) {
            throw new InvalidValueException("polygon is not valid: " + error.getMessage() + " at " + fmt(error.getCoordinate())
                    + ", " + nearest(p, error.getCoordinate()));
        }
        return p;
    }

    /**
     * A geometry from WKT in WGS-84 longitude/latitude, e.g.
     * {@code POLYGON ((121.25 28.63, 121.27 28.63, 121.27 28.65, 121.25 28.63))}.
     *
     * @throws InvalidValueException when the text is not WKT, is empty, has a position out of range (naming it) or
     *                               is not a valid geometry (naming the position JTS reports)
     */
    public static Geometry fromWkt(String wkt) {
        return fromWkt(wkt, CoordinateSystem.wgs84());
    }

    /**
     * A geometry from WKT whose coordinates are in {@code crs} (e.g. CGCS2000 3° Gauss–Krüger metres), converted to
     * WGS-84 longitude/latitude and then validated like {@link #fromWkt(String)}.
     */
    public static Geometry fromWkt(String wkt, CoordinateSystem crs) {
        Objects.requireNonNull(wkt, "wkt");
        Objects.requireNonNull(crs, "crs");
        Geometry g;
        try {
            g = new WKTReader(new GeometryFactory()).read(wkt);
        } catch (ParseException e) {
            throw new InvalidValueException("WKT is not readable: " + e.getMessage());
        }
        if (g.isEmpty()) {
            throw new InvalidValueException("WKT geometry " + g.getGeometryType() + " is empty");
        }
        Geometry lonLat;
        try {
            lonLat = crs.toLonLat(g);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("WKT " + e.getMessage());
        }
        TopologyValidationError error = new IsValidOp(lonLat).getValidationError();
        if (error != null) {
            throw new InvalidValueException("WKT " + g.getGeometryType() + " is not valid: " + error.getMessage() + " at "
                    + fmt(error.getCoordinate()));
        }
        return lonLat;
    }

    private static Coordinate[] ring(String name, double[][] vertices) {
        List<Coordinate> out = new ArrayList<>(vertices.length + 1);
        for (int k = 0; k < vertices.length; k++) {
            double[] v = vertices[k];
            String at = name + " vertex " + k;
            if (v == null || v.length != 2) {
                throw new InvalidValueException(at + " must be {lon, lat}, had "
                        + (v == null ? "null" : v.length + " values"));
            }
            try {
                CoordinateSystem.checkLonLat(v[0], v[1]);
            } catch (InvalidValueException e) {
                throw new InvalidValueException(at + ": " + e.getMessage());
            }
            out.add(new Coordinate(v[0], v[1]));
        }
        if (!out.isEmpty() && !out.get(0).equals2D(out.get(out.size() - 1))) {
            out.add(out.get(0).copy());
        }
        long distinct = out.stream().limit(Math.max(0, out.size() - 1)).map(c -> c.x + "," + c.y).distinct().count();
        if (distinct < 3) {
            throw new InvalidValueException(name + " needs at least 3 distinct vertices, had " + distinct);
        }
        return out.toArray(new Coordinate[0]);
    }

    /** Where on the polygon an invalidity lies: the nearest vertex or edge, by its given index. */
    private static String nearest(Polygon p, Coordinate at) {
        String best = "";
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int r = 0; r <= p.getNumInteriorRing(); r++) {
            Coordinate[] cs = (r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1)).getCoordinates();
            String ring = r == 0 ? "shell" : "hole " + (r - 1);
            int last = cs.length - 1;
            for (int k = 0; k < last; k++) {
                int next = k + 1 == last ? 0 : k + 1;
                double d = Distance.pointToSegment(at, cs[k], cs[k + 1]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = at.equals2D(cs[k]) ? ring + " vertex " + k
                            : at.equals2D(cs[k + 1]) ? ring + " vertex " + next
                            : ring + " edge from vertex " + k + " to vertex " + next;
                }
            }
        }
        return best;
    }

    private static String fmt(Coordinate c) {
        return c == null ? "(unknown position)" : "(" + c.x + ", " + c.y + ")";
    }
}
