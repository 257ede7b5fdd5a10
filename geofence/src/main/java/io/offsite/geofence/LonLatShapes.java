package io.offsite.geofence;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Lon/lat polygons from plain arrays and WKT, validated: every failure is a {@link GeofenceException} whose
 * message starts with {@code what} (the fence or item) and says why — an odd count of numbers, fewer than four
 * points, an unclosed ring, a NaN or out-of-range coordinate, unparsable WKT, a non-polygonal geometry, or a
 * JTS validity error (self-intersection, hole outside its shell, …) with its coordinate.
 */
final class LonLatShapes {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private LonLatShapes() {
    }

    /** A polygon whose shell is {@code lonLat} = lon0, lat0, lon1, lat1, …, closed (last point = first). */
    static Polygon polygon(String what, double[] lonLat) {
        Objects.requireNonNull(lonLat, "lonLat");
        return polygon(what, new double[][] {lonLat});
    }

    /** A polygon from closed lon/lat rings: {@code rings[0]} the shell, the others holes. */
    static Polygon polygon(String what, double[][] rings) {
        Objects.requireNonNull(rings, "rings");
        if (rings.length == 0) {
            throw new GeofenceException(what + ": no rings given (the first ring is the shell)");
        }
        LinearRing[] lr = new LinearRing[rings.length];
        for (int r = 0; r < rings.length; r++) {
            lr[r] = ring(what, r, rings[r]);
        }
        LinearRing[] holes = new LinearRing[rings.length - 1];
        System.arraycopy(lr, 1, holes, 0, holes.length);
        Polygon p = FACTORY.createPolygon(lr[0], holes);
        validate(what, p);
        return p;
    }

    private static LinearRing ring(String what, int r, double[] lonLat) {
        String where = what + ": ring " + r;
        if (lonLat == null) {
            throw new GeofenceException(where + " is null");
        }
        if (lonLat.length % 2 != 0) {
            throw new GeofenceException(where + " has " + lonLat.length + " numbers; lon/lat pairs need an even count");
        }
        int n = lonLat.length / 2;
        if (n < 4) {
            throw new GeofenceException(where + " has " + n + " points; a closed ring needs at least 4 (3 corners"
                    + " and the first point repeated)");
        }
        Coordinate[] cs = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            double lon = lonLat[2 * i];
            double lat = lonLat[2 * i + 1];
            checkLonLat(where + ", point " + i, lon, lat);
            cs[i] = new Coordinate(lon, lat);
        }
        if (!cs[0].equals2D(cs[n - 1])) {
            throw new GeofenceException(where + " is not closed: first point (" + cs[0].x + ", " + cs[0].y
                    + ") differs from last point (" + cs[n - 1].x + ", " + cs[n - 1].y + "); repeat the first point at the end");
        }
        return FACTORY.createLinearRing(cs);
    }

    /** A Polygon or MultiPolygon read from WKT in lon/lat order. */
    static Geometry wkt(String what, String wkt) {
        Objects.requireNonNull(wkt, "wkt");
        Geometry g;
        try {
            g = new WKTReader(FACTORY).read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            throw new GeofenceException(what + ": unreadable WKT: " + e.getMessage(), e);
        }
        validate(what, g);
        return g;
    }

    /**
     * Checks a lon/lat geometry: polygonal, non-empty, JTS-valid, every coordinate finite and within lon −180..180,
     * lat −90..90.
     */
    static void validate(String what, Geometry g) {
        Objects.requireNonNull(g, "geometry");
        if (!(g instanceof Polygonal)) {
            throw new GeofenceException(what + ": needs a Polygon or MultiPolygon, was " + g.getGeometryType());
        }
        if (g.isEmpty()) {
            throw new GeofenceException(what + ": geometry is empty");
        }
        for (Coordinate c : g.getCoordinates()) {
            checkLonLat(what, c.x, c.y);
        }
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err != null) {
            Coordinate c = err.getCoordinate();
            throw new GeofenceException(what + ": invalid geometry: " + err.getMessage()
                    + (c == null ? "" : " at (" + c.x + ", " + c.y + ")"));
        }
    }

    private static void checkLonLat(String where, double lon, double lat) {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new GeofenceException(where + ": coordinate (" + lon + ", " + lat
                    + ") is not a lon/lat position (lon -180..180, lat -90..90, finite)");
        }
    }
}
