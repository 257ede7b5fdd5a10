package io.offsite.core.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.CoordinateSystem;
import io.offsite.core.geo.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads one GeoJSON geometry object into a JTS geometry in WGS-84 longitude/latitude: structure, position ranges and
 * ring closure are checked; positions given in a projected {@link CoordinateSystem} are range-checked in that system
 * and converted as they are read. Used by {@link GeoJson} for one document at a time.
 */
final class GeometryReader {
    static final String CRS_ONLY_ON_COLLECTION = "a crs member is read only on the FeatureCollection"
            + " (one coordinate system for the whole document)";
    private final GeometryFactory factory;
    private final CoordinateSystem crs;

    GeometryReader(GeometryFactory factory, CoordinateSystem crs) {
        this.factory = factory;
        this.crs = crs;
    }

    Geometry read(int i, String p, JsonNode g) {
        if (!g.isObject()) {
            throw new GeoJsonException(i, p, "expected a geometry object, was " + GeoJson.show(g));
        }
        if (g.has("crs")) {
            throw new GeoJsonException(i, p + ".crs", CRS_ONLY_ON_COLLECTION);
        }
        JsonNode typeNode = g.path("type");
        if (!typeNode.isTextual()) {
            throw new GeoJsonException(i, p + ".type", "expected a geometry type string, was " + GeoJson.show(typeNode));
        }
        String type = typeNode.asText();
        JsonNode c = g.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new GeoJsonException(i, p + ".coordinates", "expected an array for geometry type \"" + type + "\"");
        }
        String cp = p + ".coordinates";
        switch (type) {
            case "Point":
                return factory.createPoint(position(i, cp, c));
            case "MultiPoint":
                return factory.createMultiPointFromCoords(positions(i, cp, c, 1));
            case "LineString":
                return factory.createLineString(positions(i, cp, c, 2));
            case "MultiLineString": {
                LineString[] lines = new LineString[c.size()];
                for (int k = 0; k < c.size(); k++) {
                    lines[k] = factory.createLineString(positions(i, cp + "[" + k + "]", c.get(k), 2));
                }
                return factory.createMultiLineString(lines);
            }
            case "Polygon":
                return polygon(i, cp, c);
            case "MultiPolygon": {
                Polygon[] polys = new Polygon[c.size()];
                for (int k = 0; k < c.size(); k++) {
                    polys[k] = polygon(i, cp + "[" + k + "]", c.get(k));
                }
                return factory.createMultiPolygon(polys);
            }
            default:
                throw new GeoJsonException(i, p + ".type", "unsupported geometry type " + GeoJson.show(typeNode)
                        + " (expected Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon)");
        }
    }

    private Polygon polygon(int i, String p, JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new GeoJsonException(i, p, "a polygon needs at least one linear ring");
        }
        LinearRing shell = ring(i, p + "[0]", rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int k = 1; k < rings.size(); k++) {
            holes[k - 1] = ring(i, p + "[" + k + "]", rings.get(k));
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(int i, String p, JsonNode node) {
        Coordinate[] cs = positions(i, p, node, 4);
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new GeoJsonException(i, p, "linear ring is not closed: first position " + fmt(node.get(0))
                    + " differs from last " + fmt(node.get(cs.length - 1)));
        }
        return factory.createLinearRing(cs);
    }

    private Coordinate[] positions(int i, String p, JsonNode arr, int min) {
        if (!arr.isArray() || arr.size() < min) {
            throw new GeoJsonException(i, p, "expected an array of at least " + min + " positions");
        }
        Coordinate[] out = new Coordinate[arr.size()];
        for (int k = 0; k < arr.size(); k++) {
            out[k] = position(i, p + "[" + k + "]", arr.get(k));
        }
        return out;
    }

    private Coordinate position(int i, String p, JsonNode pos) {
        if (!pos.isArray() || pos.size() < 2 || !pos.get(0).isNumber() || !pos.get(1).isNumber()) {
            throw new GeoJsonException(i, p, "expected a position " + (crs.isGeographic() ? "[lon, lat]" : "[easting, northing]")
                    + ", was " + GeoJson.show(pos));
        }
        double x = pos.get(0).asDouble();
        double y = pos.get(1).asDouble();
        if (crs.isGeographic()) {
            if (!(x >= -180 && x <= 180)) {
                throw new GeoJsonException(i, p, "longitude " + x + " outside -180..180");
            }
            if (!(y >= -90 && y <= 90)) {
                throw new GeoJsonException(i, p, "latitude " + y + " outside -90..90");
            }
            return new Coordinate(x, y);
        }
        try {
            GeoPoint lonLat = crs.toLonLat(x, y);
            return new Coordinate(lonLat.lon(), lonLat.lat());
        } catch (InvalidValueException e) {
            throw new GeoJsonException(i, p, e.getMessage());
        }
    }

    /** A position as given in the document, {@code [x, y]}. */
    private static String fmt(JsonNode pos) {
        return "[" + pos.get(0).asDouble() + ", " + pos.get(1).asDouble() + "]";
    }
}
