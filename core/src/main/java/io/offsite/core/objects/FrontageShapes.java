package io.offsite.core.objects;

import io.offsite.core.InvalidValueException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Validation of a declared frontage polygon for {@link Frontages.Builder#frontage}. */
final class FrontageShapes {
    private FrontageShapes() {
    }

    static void check(String objectId, Geometry g) {
        String what = "frontage of object " + objectId;
        if (!(g instanceof Polygonal)) {
            throw new InvalidValueException(what + " must be a Polygon or MultiPolygon, was " + g.getGeometryType());
        }
        if (g.isEmpty()) {
            throw new InvalidValueException(what + " is empty");
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                throw new InvalidValueException(what + ": (" + c.x + ", " + c.y
                        + ") is not a lon/lat position (lon -180..180, lat -90..90)");
            }
        }
        TopologyValidationError e = new IsValidOp(g).getValidationError();
        if (e != null) {
            Coordinate c = e.getCoordinate();
            throw new InvalidValueException(what + " is not valid: " + e.getMessage()
                    + (c == null ? "" : " at (" + c.x + ", " + c.y + ")"));
        }
    }
}
