package io.offsite.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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
        try (InputStream in = req.content().inputStream()) {
            value = mapper.readValue(in, type);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException p) {
                throw malformed(p);
            }
            String pointer = pointer(e);
            String why = e.getOriginalMessage();
            throw ApiException.field(pointer.isEmpty() ? "/" : pointer, why == null ? "unreadable value" : firstLine(why));
        } catch (StreamReadException e) {
            throw malformed(e);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("unreadable JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.badRequest("request body could not be read: " + e.getMessage());
        }
        if (value == null) {
            throw ApiException.badRequest("the body is empty; a JSON object is required");
        }
        validate(value);
        return value;
    }

    /** Validates a value built from a request; violations become one 422 problem listing every field. */
    void validate(Object value) {
        Set<ConstraintViolation<Object>> v = validator.validate(value);
        if (!v.isEmpty()) {
            List<Problem.FieldError> errors = v.stream()
                    .map(c -> new Problem.FieldError("/" + c.getPropertyPath().toString().replace('.', '/')
                            .replaceAll("\\[(\\d+)]", "/$1"), c.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
            throw ApiException.invalid(errors.size() + " invalid field(s): " + errors.get(0).field() + " "
                    + errors.get(0).reason(), errors);
        }
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
        JsonLocation at = e.getLocation();
        return ApiException.badRequest("malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                + at.getColumnNr()) + ": " + firstLine(e.getOriginalMessage()));
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append('/').append(r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()));
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
