package io.offsite.geofence.truck;

import io.offsite.geofence.GeofenceException;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Checked lon/lat lines and polygons for permits; every failure is a {@link GeofenceException} starting with {@code what}. */
final class TruckShapes {
    static final GeometryFactory FACTORY = new GeometryFactory();

    private TruckShapes() {
    }

    static String requireId(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank() || value.length() > 64) {
            throw new GeofenceException(field + " must be 1..64 non-blank characters, was \"" + value + "\"");
        }
        return value;
    }

    static void checkLonLat(String where, double lon, double lat) {
        if (!(lon >= -180 && lon <= 180)) {
            throw new GeofenceException(where + ": lon must be a finite longitude within -180..180, was " + lon);
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new GeofenceException(where + ": lat must be a finite latitude within -90..90, was " + lat);
        }
    }

    /** A polyline from lon, lat pairs: at least two points, not all the same. */
    static LineString line(String what, double[] lonLat) {
        Objects.requireNonNull(lonLat, "lonLat");
        Coordinate[] cs = coordinates(what, lonLat, 2);
        return FACTORY.createLineString(cs);
    }

    static void checkLine(String what, LineString line) {
        Objects.requireNonNull(line, "line");
        if (line.getNumPoints() < 2 || line.getLength() == 0) {
            throw new GeofenceException(what + ": a route line needs at least two distinct points, was " + line);
        }
        for (Coordinate c : line.getCoordinates()) {
            checkLonLat(what, c.x, c.y);
        }
    }

    /** A polygon without holes from a closed ring of lon, lat pairs, checked as {@link #checkPolygon}. */
    static Polygon polygon(String what, double[] lonLat) {
        Objects.requireNonNull(lonLat, "lonLat");
        Coordinate[] cs = coordinates(what, lonLat, 4);
        int n = cs.length;
        if (!cs[0].equals2D(cs[n - 1])) {
            throw new GeofenceException(what + ": ring is not closed: first point (" + cs[0].x + ", " + cs[0].y
                    + ") differs from last point (" + cs[n - 1].x + ", " + cs[n - 1].y + "); repeat the first point");
        }
        Polygon p = FACTORY.createPolygon(cs);
        checkPolygon(what, p);
        return p;
    }

    /** Non-empty, every coordinate a lon/lat position, JTS-valid (no self-intersection, holes inside the shell). */
    static void checkPolygon(String what, Polygon p) {
        Objects.requireNonNull(p, "polygon");
        if (p.isEmpty()) {
            throw new GeofenceException(what + ": polygon is empty");
        }
        for (Coordinate c : p.getCoordinates()) {
            checkLonLat(what, c.x, c.y);
        }
        TopologyValidationError err = new IsValidOp(p).getValidationError();
        if (err != null) {
            Coordinate c = err.getCoordinate();
            throw new GeofenceException(what + ": invalid polygon: " + err.getMessage()
                    + (c == null ? "" : " at (" + c.x + ", " + c.y + ")"));
        }
    }

    private static Coordinate[] coordinates(String what, double[] lonLat, int min) {
        if (lonLat.length % 2 != 0) {
            throw new GeofenceException(what + ": " + lonLat.length + " numbers given; lon/lat pairs need an even count");
        }
        int n = lonLat.length / 2;
        if (n < min) {
            throw new GeofenceException(what + ": " + n + " points given, at least " + min + " needed");
        }
        Coordinate[] cs = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            checkLonLat(what + ", point " + i, lonLat[2 * i], lonLat[2 * i + 1]);
            cs[i] = new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
        }
        return cs;
    }
}
