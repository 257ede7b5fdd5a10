package io.offsite.core.geojson;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.CoordinateSystem;
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
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
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
 * <p>Coordinates are WGS-84 longitude/latitude unless the document's legacy (2008) {@code crs} member names a
 * supported {@link CoordinateSystem} ({@code {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}}}
 * or {@code "EPSG:4549"}) or the caller declares one with {@link #withCrs(CoordinateSystem)}; positions in a
 * projected system are then range-checked in it (a position outside it is refused naming the feature and the
 * position) and converted to WGS-84 longitude/latitude on read, so the caller's validity checks run on the converted
 * geometry. A {@code crs} member on a feature or geometry is refused. Writing always produces longitude/latitude.
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
    /** The coordinate system the caller declared, or null: then the document's crs member, else WGS-84. */
    private final CoordinateSystem declared;

    private GeoJson(GeometryFactory factory, CoordinateSystem declared) {
        this.factory = factory;
        this.declared = declared;
    }

    /** A codec producing geometries with a default {@link GeometryFactory} (floating precision). */
    public static GeoJson create() {
        return new GeoJson(new GeometryFactory(), null);
    }

    /** A codec producing geometries with the given factory. */
    public static GeoJson using(GeometryFactory factory) {
        return new GeoJson(Objects.requireNonNull(factory, "factory"), null);
    }

    /**
     * A codec that reads positions in {@code crs} — e.g. {@link CoordinateSystem#cgcs2000GaussKruger3(int, boolean)}
     * metres exported by a city GIS — and converts them to WGS-84 longitude/latitude as it reads. A document whose
     * legacy {@code crs} member names another system is refused. Writing always produces WGS-84 longitude/latitude.
     */
    public GeoJson withCrs(CoordinateSystem crs) {
        return new GeoJson(factory, Objects.requireNonNull(crs, "crs"));
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
        GeometryReader geometries = new GeometryReader(factory, crs(root.get("crs")));
        List<GeoJsonFeature> out = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            out.add(readFeature(i, features.get(i), geometries));
        }
        return out;
    }

    /** The document's coordinate system: its legacy {@code crs} member, the declared one (which must agree), or WGS-84. */
    private CoordinateSystem crs(JsonNode crs) {
        if (crs == null || crs.isNull()) {
            return declared != null ? declared : CoordinateSystem.wgs84();
        }
        if (!crs.isObject() || !"name".equals(crs.path("type").asText(null))) {
            throw new GeoJsonException(-1, "$.crs", "expected a named CRS {\"type\": \"name\", \"properties\": {\"name\":"
                    + " \"urn:ogc:def:crs:EPSG::4549\"}}, was " + show(crs));
        }
        JsonNode name = crs.path("properties").path("name");
        if (!name.isTextual()) {
            throw new GeoJsonException(-1, "$.crs.properties.name", "expected a CRS name string, was " + show(name));
        }
        CoordinateSystem named;
        try {
            named = CoordinateSystem.parse(name.asText());
        } catch (InvalidValueException e) {
            throw new GeoJsonException(-1, "$.crs.properties.name", e.getMessage());
        }
        if (declared != null && !declared.equals(named)) {
            throw new GeoJsonException(-1, "$.crs.properties.name", "the document declares " + named
                    + " but the reader was told the coordinates are in " + declared);
        }
        return named;
    }

    private GeoJsonFeature readFeature(int i, JsonNode f, GeometryReader geometries) {
        String p = "features[" + i + "]";
        if (!f.isObject() || !"Feature".equals(f.path("type").asText(null))) {
            throw new GeoJsonException(i, p + ".type", "expected a Feature object");
        }
        if (f.has("crs")) {
            throw new GeoJsonException(i, p + ".crs", GeometryReader.CRS_ONLY_ON_COLLECTION);
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
        Geometry geometry = geometries.read(i, p + ".geometry", g);
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

    /** A JSON value for an error message, cut to 80 characters. */
    static String show(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "absent";
        }
        String s = n.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
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
