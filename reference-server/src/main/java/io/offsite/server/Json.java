package io.offsite.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Request bodies in, through one strict Jackson mapper (unknown fields, trailing tokens, duplicate keys and
 * wrong types refused) and Hibernate Validator: every failure becomes a problem naming the JSON pointer of the bad
 * field. Responses go out through Helidon's Jackson media support with the same mapper.
 */
final class Json {
    private final ObjectMapper mapper;
    private final Validator validator;

    Json(Validator validator) {
        this.validator = validator;
        this.mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 1.5 for a count is an error, not 1
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** Reads and validates the body as {@code type}. */
    <T> T read(ServerRequest req, Class<T> type) {
        requireJson(req);
        T value;
        try (InputStream in = req.content().inputStream(); JsonParser p = mapper.createParser(in)) {
            value = read(p, type);
        } catch (IOException e) {
            throw ApiException.badRequest("request body could not be read: " + e.getMessage());
        }
        if (value == null) {
            throw ApiException.badRequest("the body is empty; a JSON object is required");
        }
        validate(value);
        return value;
    }

    /**
     * Jackson's failures in the API's words, while the parser still shows the token it failed on: a JSON pointer
     * and a plain reason, never a Java type.
     */
    private <T> T read(JsonParser p, Class<T> type) {
        try {
            return mapper.readValue(p, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.field(pointer(e), unknownField(e));
        } catch (MismatchedInputException e) {
            throw mismatched(e, p.currentToken());
        } catch (InputCoercionException e) {
            throw outOfRange(e, p.getParsingContext().pathAsPointer().toString());
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InputCoercionException c) {
                throw outOfRange(c, pointer(e));
            }
            if (e.getCause() instanceof StreamReadException r) {
                throw malformed(r);
            }
            Throwable cause = e.getCause();
            throw ApiException.field(pointer(e), e instanceof ValueInstantiationException && cause != null
                    && cause.getMessage() != null ? firstLine(cause.getMessage()) : "not a usable value here");
        } catch (StreamReadException e) {
            throw malformed(e);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("unreadable JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.badRequest("request body could not be read: " + e.getMessage());
        }
    }

    /**
     * Validates a value built from a request; violations become one 422 problem listing every field once. A field
     * breaking several constraints gets one reason: {@code @NotNull}'s when the value is missing (the others say the
     * same thing less plainly), else the distinct messages joined.
     */
    void validate(Object value) {
        Set<ConstraintViolation<Object>> v = validator.validate(value);
        if (!v.isEmpty()) {
            Map<String, List<ConstraintViolation<Object>>> byField = new TreeMap<>();
            v.forEach(c -> byField.computeIfAbsent(pointer(c.getPropertyPath()), k -> new ArrayList<>()).add(c));
            List<Problem.FieldError> errors = byField.entrySet().stream()
                    .map(e -> new Problem.FieldError(e.getKey(), reason(e.getValue()))).toList();
            throw ApiException.invalid(errors.size() + " invalid field(s): " + ApiException.shown(errors.get(0).field())
                    + " " + errors.get(0).reason(), errors);
        }
    }

    private static String reason(List<ConstraintViolation<Object>> violations) {
        if (violations.get(0).getInvalidValue() == null) {
            for (ConstraintViolation<Object> c : violations) {
                if (c.getConstraintDescriptor().getAnnotation() instanceof NotNull) {
                    return c.getMessage();
                }
            }
        }
        return violations.stream().map(ConstraintViolation::getMessage).distinct().sorted()
                .collect(Collectors.joining("; "));
    }

    /**
     * The JSON pointer (RFC 6901) of a violation's value: property names and the indexes (or map keys) of the
     * elements they are in; container-element nodes such as {@code <list element>} add no segment of their own, so
     * {@code bases[0].<list element>} is {@code /bases/0}.
     */
    static String pointer(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node n : path) {
            if (n.isInIterable()) {
                if (n.getIndex() != null) {
                    sb.append('/').append(n.getIndex());
                } else if (n.getKey() != null) {
                    sb.append('/').append(escape(String.valueOf(n.getKey())));
                }
            }
            if (n.getKind() == ElementKind.PROPERTY && n.getName() != null) {
                sb.append('/').append(escape(n.getName()));
            }
        }
        return sb.toString();
    }

    /** The body as text (GeoJSON and other documents parsed by the libraries). */
    static String text(ServerRequest req) {
        try (InputStream in = req.content().inputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiException.badRequest("request body could not be read: " + e.getMessage());
        }
    }

    private static void requireJson(ServerRequest req) {
        String ct = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!ct.isEmpty() && !ct.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            throw new ApiException(415, "https://offsite.io/problems/unsupported-media-type",
                    "the body must be application/json, got " + ct, List.of());
        }
    }

    private static ApiException malformed(StreamReadException e) {
        return malformed(e.getLocation(), firstLine(e.getOriginalMessage()));
    }

    private static ApiException malformed(JsonLocation at, String why) {
        return ApiException.badRequest("malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                + at.getColumnNr()) + ": " + why);
    }

    /** A value of the wrong JSON type, an empty body or content after the value, in words without Java types. */
    private static ApiException mismatched(MismatchedInputException e, JsonToken was) {
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return malformed(e.getLocation(), "more content after the end of the JSON value");
        }
        if (was == null && e.getPath().isEmpty()) {
            return ApiException.badRequest("the body is empty; a JSON object is required");
        }
        Class<?> target = e.getTargetType();
        if (e instanceof InvalidFormatException && target != null && target.isEnum()) {
            return ApiException.field(pointer(e), "must be one of " + Arrays.toString(target.getEnumConstants()));
        }
        String expected = expected(target);
        String actual = shown(was);
        return ApiException.field(pointer(e), expected == null || expected.equals(actual) ? "not a usable value here"
                : "must be " + expected + ", was " + actual);
    }

    /** A number too large for its field. */
    private static ApiException outOfRange(InputCoercionException e, String pointer) {
        Class<?> t = e.getTargetType();
        String range = t == Integer.TYPE || t == Integer.class ? " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                : t == Long.TYPE || t == Long.class ? " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE : "";
        return ApiException.field(pointer, range.isEmpty() ? "number out of range" : "must be a whole number" + range);
    }

    private static String unknownField(UnrecognizedPropertyException e) {
        Collection<Object> known = e.getKnownPropertyIds();
        return known == null || known.isEmpty() ? "unknown field"
                : "unknown field (known: " + known.stream().map(String::valueOf).sorted()
                        .collect(Collectors.joining(", ")) + ")";
    }

    /** What a field of {@code type} takes, in JSON's words; null when unknown. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Double.class || type == Float.class || type == Double.TYPE || type == Float.TYPE
                || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == Integer.TYPE || type == Long.TYPE || type == Short.TYPE || type == Byte.TYPE
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == Boolean.TYPE) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == Character.TYPE
                || type.isEnum()) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "a JSON object" : null;
    }

    /** A JSON token in words. */
    private static String shown(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_ARRAY, END_ARRAY -> "an array";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> "another value";
        };
    }

    /** The JSON pointer (RFC 6901) of where Jackson failed; empty for the whole body. */
    private static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append('/').append(escape(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                sb.append('/').append(r.getIndex());
            }
        }
        return sb.toString();
    }

    /** One JSON pointer reference token: {@code ~} and {@code /} escaped. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
