package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Small strict accessors for reading manifests, entries and rule files. Every failure is an
 * {@link EvidenceException} naming where (file, entry or line, then the JSON field), what and why: a missing
 * field, a wrong JSON type, an integer out of its range, an instant outside {@link #MIN_INSTANT}..{@link
 * #MAX_INSTANT}, an enum name not among the allowed ones (listed).
 */
final class Json {
    /** Earliest instant any evidence JSON may carry (capture, custody, signing, export times). */
    static final Instant MIN_INSTANT = Instant.parse("1970-01-01T00:00:00Z");
    /** Latest instant any evidence JSON may carry. */
    static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Json() {
    }

    static JsonNode require(JsonNode o, String field, String where) {
        if (o == null || !o.isObject()) {
            throw new EvidenceException(where + " must be a JSON object, was " + type(o));
        }
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new EvidenceException(where + " lacks the field \"" + field + "\"");
        }
        return v;
    }

    static String requireText(JsonNode o, String field, String where) {
        JsonNode v = require(o, field, where);
        if (!v.isTextual()) {
            throw new EvidenceException(where + "." + field + " must be a string, was " + type(v));
        }
        return v.textValue();
    }

    static long requireLong(JsonNode o, String field, String where) {
        return requireLong(o, field, where, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** An integer within {@code min..max} (inclusive); never narrowed, rounded or wrapped. */
    static long requireLong(JsonNode o, String field, String where, long min, long max) {
        JsonNode v = require(o, field, where);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new EvidenceException(where + "." + field + " must be an integer within " + min + ".." + max
                    + ", was " + type(v));
        }
        long n = v.longValue();
        if (n < min || n > max) {
            throw new EvidenceException(where + "." + field + " must be within " + min + ".." + max + ", was " + n);
        }
        return n;
    }

    /** An ISO-8601 instant within {@link #MIN_INSTANT}..{@link #MAX_INSTANT}. */
    static Instant requireInstant(JsonNode o, String field, String where) {
        return instant(requireText(o, field, where), where + "." + field);
    }

    static Instant instant(String text, String where) {
        Instant t;
        try {
            t = Instant.parse(text);
        } catch (DateTimeException e) {
            throw new EvidenceException(where + " must be an ISO-8601 instant such as 2026-03-02T01:00:00Z, was \""
                    + clip(text) + "\"", e);
        }
        if (t.isBefore(MIN_INSTANT) || t.isAfter(MAX_INSTANT)) {
            throw new EvidenceException(where + " must be within " + MIN_INSTANT + ".." + MAX_INSTANT + ", was " + t);
        }
        return t;
    }

    /** The enum constant named by the string field; an unknown name lists the allowed ones. */
    static <E extends Enum<E>> E requireEnum(JsonNode o, String field, String where, Class<E> type) {
        return enumValue(requireText(o, field, where), where + "." + field, type);
    }

    static <E extends Enum<E>> E enumValue(String name, String where, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new EvidenceException(where + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", was \""
                + clip(name) + "\"");
    }

    static Optional<String> optText(JsonNode o, String field, String where) {
        if (o == null || !o.isObject()) {
            throw new EvidenceException(where + " must be a JSON object, was " + type(o));
        }
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new EvidenceException(where + "." + field + " must be a string, was " + type(v));
        }
        return Optional.of(v.textValue());
    }

    static void allowOnly(JsonNode o, String where, String... fields) {
        if (o == null || !o.isObject()) {
            throw new EvidenceException(where + " must be a JSON object, was " + type(o));
        }
        Set<String> allowed = Set.of(fields);
        Iterator<String> it = o.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new EvidenceException(where + " has an unknown field \"" + clip(f) + "\" (allowed: "
                        + String.join(", ", fields) + ")");
            }
        }
    }

    /** The JSON type of a node for messages (never its whole content, which may be huge). */
    static String type(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "absent";
        }
        return switch (v.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string \"" + clip(v.textValue()) + "\"";
            case NUMBER -> "the number " + clip(v.asText());
            case BOOLEAN -> "the boolean " + v.booleanValue();
            case NULL -> "null";
            default -> v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** At most 80 characters of untrusted text for an error message. */
    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
