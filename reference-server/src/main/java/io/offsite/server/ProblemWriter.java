package io.offsite.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.offsite.core.Masks;
import io.offsite.core.OffsiteException;
import io.offsite.core.geojson.GeoJsonException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every error as {@code application/problem+json} (RFC 9457). Library exceptions are the caller's fault
 * (their messages name the value and why) → 422; an unexpected failure → 500 with an incident id, the details only
 * in the log (masked).
 */
final class ProblemWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemWriter.class);
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private final ObjectMapper mapper;

    ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, this::write)
                .error(OffsiteException.class, (req, res, e) -> write(req, res, new ApiException(422,
                        "https://offsite.io/problems/rejected-by-rules", Masks.inText(e.getMessage()), List.of())))
                .error(GeoJsonException.class, (req, res, e) -> write(req, res, new ApiException(422,
                        "https://offsite.io/problems/rejected-by-rules", Masks.inText(e.getMessage()), List.of(
                        new Problem.FieldError(pointer(e.path()), Masks.inText(ApiException.withoutLocation(e.getMessage(), e.path())))))))
                .error(HttpException.class, (req, res, e) -> write(req, res, new ApiException(e.status().code(),
                        "about:blank", e.getMessage(), List.of())))
                .error(IllegalArgumentException.class, (req, res, e) -> write(req, res,
                        ApiException.badRequest(Masks.inText(String.valueOf(e.getMessage())))))
                .error(Exception.class, (req, res, e) -> {
                    String incident = UUID.randomUUID().toString();
                    LOG.error("incident {} on {} {}: {}", incident, req.prologue().method().text(), req.path().absolute().path(),
                            Masks.exception(e).getMessage(), Masks.exception(e));
                    write(req, res, new ApiException(500, "https://offsite.io/problems/internal",
                            "unexpected server error, incident " + incident, List.of()));
                });
    }

    /**
     * Problems for what Helidon answers before routing (a body over the size limit, an unparseable request line or
     * header), so even those are {@code application/problem+json}.
     */
    DirectHandlers directHandlers() {
        DirectHandler handler = (req, type, status, headers, message) -> {
            boolean tooLarge = status.code() == 413;
            Problem p = new Problem(tooLarge ? "https://offsite.io/problems/body-too-large" : "about:blank",
                    status.reasonPhrase(), status.code(), tooLarge
                            ? "the request body is larger than this server accepts (max-body-bytes)"
                            : message == null ? "the request could not be read" : Masks.inText(message), req.path(),
                    List.of());
            byte[] body;
            try {
                body = mapper.writeValueAsBytes(p);
            } catch (JsonProcessingException e) {
                body = new byte[0];
            }
            return DirectHandler.TransportResponse.builder().status(status).headers(headers)
                    .header(HeaderNames.CONTENT_TYPE, "application/problem+json").entity(body)
                    .keepAlive(type.keepAlive()).build();
        };
        return DirectHandlers.builder().addHandler(DirectHandler.EventType.PAYLOAD_TOO_LARGE, handler)
                .addHandler(DirectHandler.EventType.BAD_REQUEST, handler).build();
    }

    /**
     * A GeoJSON library path ({@code $.crs.properties.name}, {@code features[0].properties.kind},
     * {@code features[3].geometry.coordinates[0][2]}) as a JSON pointer ({@code /features/0/properties/kind}).
     */
    static String pointer(String path) {
        StringBuilder sb = new StringBuilder();
        for (String part : path.replaceFirst("^\\$", "").split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                sb.append('/').append(Json.escape(name));
            }
            Matcher index = INDEX.matcher(bracket < 0 ? "" : part.substring(bracket));
            while (index.find()) {
                sb.append('/').append(index.group(1));
            }
        }
        return sb.toString();
    }


    void write(ServerRequest req, ServerResponse res, ApiException e) {
        Problem p = new Problem(e.type(), Status.create(e.status()).reasonPhrase(), e.status(), e.getMessage(),
                req.path().absolute().path(), e.errors());
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(p);
        } catch (JsonProcessingException x) {
            body = ("{\"status\":" + e.status() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        res.status(e.status());
        res.headers().set(HeaderNames.CONTENT_TYPE, "application/problem+json");
        res.send(body);
    }
}
