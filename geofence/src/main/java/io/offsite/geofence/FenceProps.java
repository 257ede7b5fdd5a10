package io.offsite.geofence;

import io.offsite.core.geojson.GeoJsonException;
import io.offsite.core.geojson.GeoJsonFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, strict reading of one JSON object inside a fence feature's properties for {@link FenceGeoJson}: every
 * value is checked for its JSON type, integers are range-checked and never narrowed or truncated
 * ({@code 4294967297} and {@code 2.9} are refused, not read as 1 and 2), enums list their allowed values, required
 * members are required, and keys outside the object's schema are refused. Every error is a
 * {@link GeoJsonException} with the feature index and the JSON path, e.g.
 * {@code features[2].properties.policy.steps[1].actions[0]}.
 */
final class FenceProps {
    /** Longest duration a fence setting may have, in seconds (10 years). */
    static final double MAX_SECONDS = 315_576_000;
    private final GeoJsonFeature feature;
    private final String path;
    private final Map<String, Object> values;

    private FenceProps(GeoJsonFeature feature, String path, Map<String, Object> values) {
        this.feature = feature;
        this.path = path;
        this.values = values;
    }

    /** The feature's properties object, restricted to {@code allowed} keys. */
    static FenceProps root(GeoJsonFeature f, Set<String> allowed) {
        FenceProps p = new FenceProps(f, "", f.properties());
        p.onlyKeys(allowed);
        return p;
    }

    /** Whether {@code key} is present (JSON {@code null} counts as absent). */
    boolean has(String key) {
        return values.get(key) != null;
    }

    /** The nested object at {@code key}, restricted to {@code allowed} keys. */
    FenceProps object(String key, Set<String> allowed) {
        return objectAt(at(key), values.get(key), allowed);
    }

    /** The objects of the array at {@code key} (empty when absent), each restricted to {@code allowed} keys. */
    List<FenceProps> objects(String key, Set<String> allowed) {
        List<Object> items = list(key);
        FenceProps[] out = new FenceProps[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = objectAt(at(key) + "[" + i + "]", items.get(i), allowed);
        }
        return Arrays.asList(out);
    }

    @SuppressWarnings("unchecked")
    private FenceProps objectAt(String p, Object o, Set<String> allowed) {
        if (!(o instanceof Map)) {
            throw error(p, "expected an object, was " + GeoJsonFeature.show(o));
        }
        FenceProps props = new FenceProps(feature, p, (Map<String, Object>) o);
        props.onlyKeys(allowed);
        return props;
    }

    /** The array at {@code key}, empty when absent. */
    @SuppressWarnings("unchecked")
    List<Object> list(String key) {
        Object o = values.get(key);
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List)) {
            throw error(at(key), "expected an array, was " + GeoJsonFeature.show(o));
        }
        return (List<Object>) o;
    }

    /** The strings of the array at {@code key}, empty when absent. */
    List<String> strings(String key) {
        List<Object> items = list(key);
        String[] out = new String[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = string(at(key) + "[" + i + "]", items.get(i));
        }
        return Arrays.asList(out);
    }

    /** A required string. */
    String string(String key) {
        return string(at(key), values.get(key));
    }

    private String string(String p, Object o) {
        if (!(o instanceof String s)) {
            throw error(p, o == null ? "required string is missing" : "expected a string, was " + GeoJsonFeature.show(o));
        }
        return s;
    }

    /** A required boolean. */
    boolean bool(String key) {
        Object o = values.get(key);
        if (!(o instanceof Boolean b)) {
            throw error(at(key), o == null ? "required boolean is missing" : "expected true or false, was "
                    + GeoJsonFeature.show(o));
        }
        return b;
    }

    /** A required whole number in {@code min..max}: never narrowed, never truncated. */
    int integer(String key, int min, int max) {
        Object o = values.get(key);
        if (!(o instanceof Number n)) {
            throw error(at(key), o == null ? "required integer is missing" : "expected an integer, was "
                    + GeoJsonFeature.show(o));
        }
        BigDecimal v = exact(n);
        if (v == null || v.stripTrailingZeros().scale() > 0) {
            throw error(at(key), "expected a whole number, was " + GeoJsonFeature.show(o));
        }
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw error(at(key), "must be within " + min + ".." + max + ", was " + GeoJsonFeature.show(o));
        }
        return v.intValueExact();
    }

    private static BigDecimal exact(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (n instanceof BigDecimal d) {
            return d;
        }
        double d = n.doubleValue();
        return Double.isFinite(d) ? new BigDecimal(d) : null;
    }

    /** A required finite number in {@code [min, max]}. */
    double number(String key, double min, double max) {
        Object o = values.get(key);
        if (!(o instanceof Number n)) {
            throw error(at(key), o == null ? "required number is missing" : "expected a number, was "
                    + GeoJsonFeature.show(o));
        }
        double d = n.doubleValue();
        if (!(d >= min && d <= max)) {
            throw error(at(key), "must be within " + min + ".." + max + ", was " + GeoJsonFeature.show(o));
        }
        return d;
    }

    /** A required duration in seconds (fractions to the millisecond), 0..{@link #MAX_SECONDS}. */
    Duration seconds(String key) {
        return Duration.ofMillis(Math.round(number(key, 0, MAX_SECONDS) * 1000));
    }

    /** A required enum constant, named exactly; an error lists the allowed names. */
    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        return enumAt(at(key), values.get(key), type);
    }

    /** The enum constants of the array at {@code key}, empty when absent. */
    <E extends Enum<E>> List<E> enumValues(String key, Class<E> type) {
        List<Object> items = list(key);
        List<E> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(enumAt(at(key) + "[" + i + "]", items.get(i), type));
        }
        return out;
    }

    private <E extends Enum<E>> E enumAt(String p, Object o, Class<E> type) {
        String s = string(p, o);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw error(p, "unknown value " + GeoJsonFeature.show(s) + "; allowed: " + Arrays.toString(type.getEnumConstants()));
    }

    /** A required ISO date {@code yyyy-MM-dd}; {@code p} is the path of {@code o}. */
    LocalDate date(String p, Object o) {
        String s = string(p, o);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw error(p, "expected an ISO date like 2026-10-01, was " + GeoJsonFeature.show(s));
        }
    }

    /** A required date member. */
    LocalDate date(String key) {
        return date(at(key), values.get(key));
    }

    /** A required time of day {@code HH:mm[:ss]}, or {@code "24:00"} for the end of the day. */
    LocalTime time(String key) {
        String s = string(key);
        if ("24:00".equals(s)) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(s);
        } catch (DateTimeException e) {
            throw error(at(key), "expected a time like 08:30 or 24:00, was " + GeoJsonFeature.show(s));
        }
    }

    /** A required ISO instant. */
    Instant instant(String key) {
        String s = string(key);
        try {
            return Instant.parse(s);
        } catch (DateTimeException e) {
            throw error(at(key), "expected an ISO instant like 2026-01-01T00:00:00Z, was " + GeoJsonFeature.show(s));
        }
    }

    /** A required time-zone id. */
    ZoneId zone(String key) {
        String s = string(key);
        try {
            return ZoneId.of(s);
        } catch (DateTimeException e) {
            throw error(at(key), "expected a time-zone id like Asia/Shanghai, was " + GeoJsonFeature.show(s));
        }
    }

    /** The JSON path of {@code key} in this object, relative to the properties. */
    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** An error at a path relative to the properties. */
    GeoJsonException error(String relative, String problem) {
        return new GeoJsonException(feature.index(), feature.propertyPath(relative), problem);
    }

    private void onlyKeys(Set<String> allowed) {
        for (String k : values.keySet()) {
            if (!allowed.contains(k)) {
                throw error(at(GeoJsonFeature.show(k).replace("\"", "")), "unknown key; allowed: " + new TreeSet<>(allowed));
            }
        }
    }
}
