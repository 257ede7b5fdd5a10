package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP side of the API contract tests: calls with a role's token, answers read fully, problem assertions, and the
 * detections, clock moves and parked cars the tests build from. {@link ApiContract} runs on it twice.
 */
abstract class ApiHarness {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CAMERA = DemoStreet.PARKING_CAMERA;
    final Http1Client client;

    ApiHarness(Http1Client client) {
        this.client = client;
    }

    abstract Fixture fixture();

    /** An HTTP answer, read fully. */
    record Res(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** A request for {@code path}, its query string (if any) passed as parameters so the client encodes it. */
    private Http1ClientRequest request(Method method, String path) {
        int q = path.indexOf('?');
        Http1ClientRequest req = client.method(method).path(q < 0 ? path : path.substring(0, q));
        if (q >= 0) {
            for (String kv : path.substring(q + 1).split("&")) {
                String[] p = kv.split("=", 2);
                req.queryParam(p[0], p[1]);
            }
        }
        return req;
    }

    Res call(Method method, String path, Role role, String body) {
        Http1ClientRequest req = request(method, path);
        if (role != null) {
            req.header(HeaderNames.AUTHORIZATION, "Bearer " + fixture().tokens.get(role));
        }
        try (HttpClientResponse r = body == null ? req.request() : req.contentType(MediaTypes.APPLICATION_JSON).submit(body)) {
            return new Res(r.status().code(), r.headers().first(HeaderNames.CONTENT_TYPE).orElse(""),
                    r.entity().hasEntity() ? r.as(String.class) : "");
        }
    }

    /** The {@code Allow} header of a body-less call ("" when absent). */
    String allowHeader(Method method, String path, Role role) {
        Http1ClientRequest req = request(method, path);
        req.header(HeaderNames.AUTHORIZATION, "Bearer " + fixture().tokens.get(role));
        try (HttpClientResponse r = req.request()) {
            return r.headers().first(HeaderNames.ALLOW).orElse("");
        }
    }

    /** A binary exchange: status and body bytes. */
    record Bytes(int status, String contentType, byte[] body) {
    }

    Bytes callBytes(Method method, String path, Role role, String contentType, byte[] body) {
        Http1ClientRequest req = request(method, path);
        req.header(HeaderNames.AUTHORIZATION, "Bearer " + fixture().tokens.get(role));
        if (contentType != null) {
            req.header(HeaderNames.CONTENT_TYPE, contentType);
        }
        try (HttpClientResponse r = body == null ? req.request() : req.submit(body)) {
            return new Bytes(r.status().code(), r.headers().first(HeaderNames.CONTENT_TYPE).orElse(""),
                    r.entity().hasEntity() ? r.as(byte[].class) : new byte[0]);
        }
    }

    static void assertProblem(Res r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("detail").asText()).isNotBlank();
    }

    static String detection(Instant t, String plate, double lon, double lat) {
        return "{\"camera\":\"" + CAMERA + "\",\"time\":\"" + t + "\",\"plate\":\"" + plate
                + "\",\"confidence\":0.95,\"lon\":" + lon + ",\"lat\":" + lat + ",\"objectClass\":\"CAR\"}";
    }

    /** Moves the manual clock to {@code t} (timers fire, the outbox sends, simulated receipts arrive). */
    void clockTo(Instant t) {
        Res r = call(Method.POST, "/api/v1/admin/clock", Role.ADMIN, "{\"at\":\"" + t + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Keeps {@code plates} parked from the clock's now for {@code seconds}, seen every 5 s, the clock following. */
    void park(int seconds, List<String> plates, List<double[]> where) {
        Instant start = fixture().clock.instant();
        for (int s = 0; s <= seconds; s += 5) {
            Instant t = start.plusSeconds(s);
            clockTo(t);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < plates.size(); i++) {
                items.add(detection(t, plates.get(i), where.get(i)[0], where.get(i)[1]));
            }
            Res r = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[" + String.join(",", items) + "]}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    static byte[] resourceBytes(String name) {
        try (java.io.InputStream in = ApiContract.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
