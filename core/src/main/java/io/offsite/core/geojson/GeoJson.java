package io.offsite.core.geojson;

import io.offsite.core.InvalidValueException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads and writes RFC 7946 GeoJSON feature collections as {@link GeoJsonFeature}s (JSON through
 * Jackson, geometry as JTS). Supports Point, MultiPoint, LineString, MultiLineString, Polygon and
 * MultiPolygon. Reading checks structure, position ranges and ring closure and reports the first
 * problem with its feature index and JSON path; geometric validity (self-intersection etc.) is left
 * to the caller, who knows what the shape means. Doubles are written in shortest round-trip form, so
 * export → import is lossless.
 *
 * <p>Reading is strict: a duplicate key anywhere (e.g. two {@code geometry} members), anything after the
 * collection (a second document, trailing garbage), nesting deeper than {@link #MAX_NESTING_DEPTH}, a number
 * literal longer than {@link #MAX_NUMBER_CHARS}, a string longer than {@link #MAX_STRING_CHARS} or a document
 * longer than {@link #MAX_DOCUMENT_CHARS} is refused
 * with a {@link GeoJsonException} naming the line and column.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GeoJson {
    /** Deepest JSON nesting read (a MultiPolygon needs 7; properties may nest further). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest number literal read, in characters. */
    public static final int MAX_NUMBER_CHARS = 64;
    /** Longest string read, in characters. */
    public static final int MAX_STRING_CHARS = 1 << 20;
    /** Largest document read, in characters (a city's grid or fences take a few MB). */
    public static final long MAX_DOCUMENT_CHARS = 1L << 28;
    private final ObjectMapper mapper = io.offsite.core.internal.json.StrictJson.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH).maxNumberChars(MAX_NUMBER_CHARS).maxStringChars(MAX_STRING_CHARS)
            .maxDocumentChars(MAX_DOCUMENT_CHARS).indentOutput().build().mapper();
    private final GeometryFactory factory;

    private GeoJson(GeometryFactory factory) {
        this.factory = factory;
    }

    /** A codec producing geometries with a default {@link GeometryFactory} (floating precision). */
    public static GeoJson create() {
        return new GeoJson(new GeometryFactory());
    }

    /** A codec producing geometries with the given factory. */
    public static GeoJson using(GeometryFactory factory) {
        return new GeoJson(java.util.Objects.requireNonNull(factory, "factory"));
    }

    /** Reads a FeatureCollection. */
    public List<GeoJsonFeature> read(Reader in) {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (NumberFormatException e) {
            throw new GeoJsonException(-1, "$", "not a usable number: " + e.getMessage());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new GeoJsonException(-1, "$", "not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(root);
    }

    /** Reads a FeatureCollection from a string. */
    public List<GeoJsonFeature> read(String json) {
        return read(new java.io.StringReader(json));
    }

    private List<GeoJsonFeature> read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new GeoJsonException(-1, "$", "expected a GeoJSON object");
        }
        if (!"FeatureCollection".equals(root.path("type").asText(null))) {
            throw new GeoJsonException(-1, "$.type", "expected \"FeatureCollection\", was " + show(root.get("type")));
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw new GeoJsonException(-1, "$.features", "expected an array of features");
        }
        List<GeoJsonFeature> out = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            out.add(readFeature(i, features.get(i)));
        }
        return out;
    }

    private GeoJsonFeature readFeature(int i, JsonNode f) {
        String p = "features[" + i + "]";
        if (!f.isObject() || !"Feature".equals(f.path("type").asText(null))) {
            throw new GeoJsonException(i, p + ".type", "expected a Feature object");
        }
        Optional<String> id = Optional.empty();
        JsonNode idNode = f.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual() && !idNode.isNumber()) {
                throw new GeoJsonException(i, p + ".id", "must be a string or number, was " + show(idNode));
            }
            id = Optional.of(idNode.asText());
        }
        JsonNode g = f.get("geometry");
        if (g == null || g.isNull()) {
            throw new GeoJsonException(i, p + ".geometry", "geometry is missing");
        }
        Geometry geometry = readGeometry(i, p + ".geometry", g);
        Map<String, Object> props = new LinkedHashMap<>();
        JsonNode pn = f.get("properties");
        if (pn != null && !pn.isNull()) {
            if (!pn.isObject()) {
                throw new GeoJsonException(i, p + ".properties", "must be an object, was " + show(pn));
            }
            Iterator<Map.Entry<String, JsonNode>> it = pn.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    props.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class));
                }
            }
        }
        return new GeoJsonFeature(i, id, geometry, props);
    }

    private Geometry readGeometry(int i, String p, JsonNode g) {
        if (!g.isObject()) {
            throw new GeoJsonException(i, p, "expected a geometry object, was " + show(g));
        }
        JsonNode typeNode = g.path("type");
        if (!typeNode.isTextual()) {
            throw new GeoJsonException(i, p + ".type", "expected a geometry type string, was " + show(typeNode));
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
                throw new GeoJsonException(i, p + ".type", "unsupported geometry type " + show(typeNode)
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
            throw new GeoJsonException(i, p, "linear ring is not closed: first position " + fmt(cs[0])
                    + " differs from last " + fmt(cs[cs.length - 1]));
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

    private static Coordinate position(int i, String p, JsonNode pos) {
        if (!pos.isArray() || pos.size() < 2 || !pos.get(0).isNumber() || !pos.get(1).isNumber()) {
            throw new GeoJsonException(i, p, "expected a position [lon, lat], was " + show(pos));
        }
        double lon = pos.get(0).asDouble();
        double lat = pos.get(1).asDouble();
        if (!(lon >= -180 && lon <= 180)) {
            throw new GeoJsonException(i, p, "longitude " + lon + " outside -180..180");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new GeoJsonException(i, p, "latitude " + lat + " outside -90..90");
        }
        return new Coordinate(lon, lat);
    }

    /** A JSON value for an error message, cut to 80 characters. */
    static String show(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "absent";
        }
        String s = n.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String fmt(Coordinate c) {
        return "[" + c.x + ", " + c.y + "]";
    }

    /** Writes features as a FeatureCollection. */
    public void write(List<GeoJsonFeature> features, Writer out) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode arr = root.putArray("features");
        for (GeoJsonFeature f : features) {
            ObjectNode fn = arr.addObject();
            fn.put("type", "Feature");
            f.id().ifPresent(id -> fn.put("id", id));
            fn.set("geometry", geometryNode(f.geometry()));
            fn.set("properties", mapper.valueToTree(f.properties()));
        }
        try {
            mapper.writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes features as a FeatureCollection string. */
    public String write(List<GeoJsonFeature> features) {
        java.io.StringWriter w = new java.io.StringWriter();
        write(features, w);
        return w.toString();
    }

    private ObjectNode geometryNode(Geometry g) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", g.getGeometryType());
        ArrayNode c = n.putArray("coordinates");
        if (g instanceof Point pt) {
            put(c, pt.getCoordinate());
        } else if (g instanceof LineString ls) {
            line(c, ls);
        } else if (g instanceof Polygon poly) {
            poly(c, poly);
        } else if (g instanceof MultiPoint mp) {
            for (int k = 0; k < mp.getNumGeometries(); k++) {
                put(c.addArray(), mp.getGeometryN(k).getCoordinate());
            }
        } else if (g instanceof MultiLineString ml) {
            for (int k = 0; k < ml.getNumGeometries(); k++) {
                line(c.addArray(), (LineString) ml.getGeometryN(k));
            }
        } else if (g instanceof MultiPolygon mpoly) {
            for (int k = 0; k < mpoly.getNumGeometries(); k++) {
                poly(c.addArray(), (Polygon) mpoly.getGeometryN(k));
            }
        } else {
            throw new InvalidValueException("cannot write geometry type " + g.getGeometryType());
        }
        return n;
    }

    private static void poly(ArrayNode c, Polygon p) {
        line(c.addArray(), p.getExteriorRing());
        for (int k = 0; k < p.getNumInteriorRing(); k++) {
            line(c.addArray(), p.getInteriorRingN(k));
        }
    }

    private static void line(ArrayNode c, LineString ls) {
        for (Coordinate co : ls.getCoordinates()) {
            put(c.addArray(), co);
        }
    }

    private static void put(ArrayNode pos, Coordinate co) {
        pos.add(co.x).add(co.y);
    }
}
