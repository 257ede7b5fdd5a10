package io.offsite.cases.penalty;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Strict JSON reading helpers: every error names the JSON path, the value and the rule it broke. */
final class Json {
    /** Thrown inside the parser; converted to a {@link TableProblem} of kind SYNTAX. */
    static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String where;

        Bad(String where, String message) {
            super(message, null, false, false);
            this.where = where;
        }
    }

    private Json() {
    }

    static void onlyKeys(JsonNode node, String where, Set<String> allowed) {
        if (!node.isObject()) {
            throw new Bad(where, "expected a JSON object, found " + node.getNodeType());
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new Bad(where + "." + k, "unknown key '" + k + "'; allowed keys: " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    static JsonNode required(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new Bad(where + "." + key, "required key '" + key + "' is missing");
        }
        return v;
    }

    static String text(JsonNode node, String key, String where) {
        JsonNode v = required(node, key, where);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new Bad(where + "." + key, "expected a non-blank string, found " + show(v));
        }
        return v.asText();
    }

    static String optText(JsonNode node, String key, String where, String dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isTextual()) {
            throw new Bad(where + "." + key, "expected a string, found " + show(v));
        }
        return v.asText();
    }

    static boolean bool(JsonNode node, String key, String where, boolean dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new Bad(where + "." + key, "expected true or false, found " + show(v));
        }
        return v.asBoolean();
    }

    static LocalDate date(JsonNode node, String key, String where) {
        String s = text(node, key, where);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new Bad(where + "." + key, "expected an ISO date like 2025-04-01, found " + show(node.get(key)));
        }
    }

    /**
     * A decimal number scaled by 10^scale into an exact long in {@code 0..max}, e.g. yuan → fen with scale 2.
     * The magnitude is checked before any conversion, so {@code 1e999999999} is refused without expanding it;
     * nothing is rounded, truncated or narrowed.
     */
    static long scaled(JsonNode v, String where, int scale, long max) {
        if (!v.isNumber()) {
            throw new Bad(where, "expected a number, found " + show(v));
        }
        BigDecimal d = v.decimalValue();
        if (d.signum() < 0) {
            throw new Bad(where, "must not be negative, was " + show(d));
        }
        BigDecimal limit = BigDecimal.valueOf(max).movePointLeft(scale);
        // precision - scale = digits before the point; more than 19 can never fit, and comparing is then cheap
        if (d.precision() - d.scale() > 19 || d.compareTo(limit) > 0) {
            throw new Bad(where, "must be at most " + limit.toPlainString() + ", was " + show(d));
        }
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() > scale) {
            throw new Bad(where, (scale == 0 ? "must be a whole number" : "at most " + scale + " decimals allowed")
                    + ", was " + show(d));
        }
        return s.movePointRight(scale).longValueExact();
    }

    /** A short rendering of a number for messages: plain when small, scientific otherwise. */
    static String show(BigDecimal d) {
        return Math.abs(d.scale()) <= 40 && d.precision() <= 40 ? d.toPlainString() : d.toString();
    }

    /** A JSON value for messages, cut to 80 characters. */
    static String show(JsonNode v) {
        String s = v.isContainerNode() ? v.getNodeType() + " " + abbreviate(v.toString()) : abbreviate(v.toString());
        return s;
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode v, String where) {
        if (!v.isTextual()) {
            throw new Bad(where, "expected one of " + List.of(type.getEnumConstants()) + ", found " + show(v));
        }
        try {
            return Enum.valueOf(type, v.asText());
        } catch (IllegalArgumentException e) {
            throw new Bad(where, "unknown value " + show(v) + "; expected one of " + List.of(type.getEnumConstants()));
        }
    }

    static <E extends Enum<E>> int enumMask(Class<E> type, JsonNode v, String where) {
        if (!v.isArray() || v.isEmpty()) {
            throw new Bad(where, "expected a non-empty array of " + List.of(type.getEnumConstants()) + ", found " + show(v));
        }
        int mask = 0;
        for (int i = 0; i < v.size(); i++) {
            mask |= 1 << enumValue(type, v.get(i), where + "[" + i + "]").ordinal();
        }
        return mask;
    }

    static List<JsonNode> array(JsonNode node, String key, String where, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Bad(where + "." + key, "required array '" + key + "' is missing");
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw new Bad(where + "." + key, "expected an array, found " + v.getNodeType());
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }
}
