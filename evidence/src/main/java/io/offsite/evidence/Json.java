package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/** Small strict accessors for reading manifests, entries and rule files. */
final class Json {
    private Json() {
    }

    static JsonNode require(JsonNode o, String field, String where) {
        if (o == null || !o.isObject()) {
            throw new EvidenceException(where + " must be a JSON object");
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
            throw new EvidenceException(where + ": \"" + field + "\" must be a string, was " + v);
        }
        return v.textValue();
    }

    static long requireLong(JsonNode o, String field, String where) {
        JsonNode v = require(o, field, where);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new EvidenceException(where + ": \"" + field + "\" must be an integer, was " + v);
        }
        return v.longValue();
    }

    static Optional<String> optText(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new EvidenceException("\"" + field + "\" must be a string, was " + v);
        }
        return Optional.of(v.textValue());
    }

    static void allowOnly(JsonNode o, String where, String... fields) {
        Set<String> allowed = Set.of(fields);
        Iterator<String> it = o.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new EvidenceException(where + " has an unknown field \"" + f + "\" (allowed: "
                        + String.join(", ", fields) + ")");
            }
        }
    }
}
