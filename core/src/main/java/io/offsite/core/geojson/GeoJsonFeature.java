package io.offsite.core.geojson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;

/**
 * One GeoJSON feature: a lon/lat geometry plus its properties. Property values are JSON values mapped
 * to {@code String}, {@code Boolean}, {@code Number} ({@code Integer}, {@code Long} or {@code Double}),
 * {@code List} and {@code Map}; JSON {@code null} members are kept as absent.
 *
 * @param index      position in the source collection (0-based), used in error messages
 * @param id         the feature's {@code id} member, if any
 * @param geometry   WGS-84 lon/lat geometry
 * @param properties the {@code properties} object, in document order, unmodifiable
 */
public record GeoJsonFeature(int index, Optional<String> id, Geometry geometry, Map<String, Object> properties) {
    public GeoJsonFeature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometry, "geometry");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A feature for writing (index 0). */
    public static GeoJsonFeature of(String id, Geometry geometry, Map<String, Object> properties) {
        return new GeoJsonFeature(0, Optional.ofNullable(id), geometry, properties);
    }

    /** A required string property; error names this feature and the property when absent or not a string. */
    public String requireString(String name) {
        Object v = properties.get(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new GeoJsonException(index, propertyPath(name),
                    v == null ? "required string property is missing" : "must be a non-blank string, was " + show(v));
        }
        return s;
    }

    /** An optional string property. */
    public Optional<String> optString(String name) {
        Object v = properties.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new GeoJsonException(index, propertyPath(name), "must be a string, was " + show(v));
        }
        return Optional.of(s);
    }

    /** An optional number property. */
    public Optional<Double> optNumber(String name) {
        Object v = properties.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Number n)) {
            throw new GeoJsonException(index, propertyPath(name), "must be a number, was " + show(v));
        }
        return Optional.of(n.doubleValue());
    }

    /**
     * Refuses any property not in {@code allowed}, naming the first unknown one and the allowed keys — for
     * importers whose schema is closed, so a typo ({@code "responsibleOfficr"}) is an error, not a default.
     */
    public void requireOnlyProperties(Set<String> allowed) {
        for (String k : properties.keySet()) {
            if (!allowed.contains(k)) {
                throw new GeoJsonException(index, propertyPath(k), "unknown property \"" + abbreviate(k)
                        + "\"; allowed: " + new TreeSet<>(allowed));
            }
        }
    }

    /** A property value for an error message, cut to 80 characters. */
    public static String show(Object v) {
        return abbreviate(v instanceof String s ? "\"" + s + "\"" : String.valueOf(v));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** The JSON path of a property of this feature, for error messages. */
    public String propertyPath(String name) {
        return "features[" + index + "].properties." + name;
    }
}
