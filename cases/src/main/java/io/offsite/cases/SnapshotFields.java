package io.offsite.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of one JSON object of a stored case: every key must be present (absent values are an explicit
 * {@code null}), no other key may appear ({@link #done()}), and each value has exactly its type. Failures are
 * {@link Bad} naming the JSON path.
 */
final class SnapshotFields {
    /** A value that does not fit; {@code CaseCodec} turns it into a {@link CaseException} naming the case. */
    static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonNode node;
    private final String path;
    private final Set<String> read = new TreeSet<>();

    SnapshotFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new Bad(path + ": expected an object, found " + type(node));
        }
        this.node = node;
        this.path = path;
    }

    /** Fails when the object has a key that was not read. */
    void done() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!read.contains(k)) {
                throw new Bad(path + "." + k + ": unknown key; expected only " + read);
            }
        }
    }

    private JsonNode value(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null) {
            throw new Bad(path + "." + key + ": missing (write null for an absent value)");
        }
        return v;
    }

    /** Whether the key holds {@code null} (the key itself must be present). */
    boolean isNull(String key) {
        return value(key).isNull();
    }

    String text(String key) {
        JsonNode v = value(key);
        if (!v.isTextual()) {
            throw new Bad(path + "." + key + ": expected a string, found " + type(v));
        }
        return v.textValue();
    }

    String optText(String key) {
        return isNull(key) ? null : text(key);
    }

    boolean bool(String key) {
        JsonNode v = value(key);
        if (!v.isBoolean()) {
            throw new Bad(path + "." + key + ": expected true or false, found " + type(v));
        }
        return v.booleanValue();
    }

    long whole(String key) {
        JsonNode v = value(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new Bad(path + "." + key + ": expected a whole number, found " + type(v));
        }
        return v.longValue();
    }

    LocalDate date(String key) {
        String s = text(key);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new Bad(path + "." + key + ": expected an ISO date like 2026-03-01, found '" + s + "'");
        }
    }

    LocalDate optDate(String key) {
        return isNull(key) ? null : date(key);
    }

    Instant instant(String key) {
        String s = text(key);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new Bad(path + "." + key + ": expected an ISO instant like 2026-03-01T02:00:00Z, found '" + s + "'");
        }
    }

    <E extends Enum<E>> E constant(String key, Class<E> type) {
        String s = text(key);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new Bad(path + "." + key + ": '" + s + "' is not a " + type.getSimpleName());
        }
    }

    SnapshotFields object(String key) {
        return new SnapshotFields(value(key), path + "." + key);
    }

    SnapshotFields optObject(String key) {
        return isNull(key) ? null : object(key);
    }

    /** The elements of an array of objects. */
    List<SnapshotFields> objects(String key) {
        JsonNode v = array(key);
        List<SnapshotFields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new SnapshotFields(v.get(i), path + "." + key + "[" + i + "]"));
        }
        return out;
    }

    private JsonNode array(String key) {
        JsonNode v = value(key);
        if (!v.isArray()) {
            throw new Bad(path + "." + key + ": expected an array, found " + type(v));
        }
        return v;
    }

    String path() {
        return path;
    }

    private static String type(JsonNode v) {
        return v == null ? "nothing" : v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
