package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Posts random and mutated bodies, random path values and random roles to every route the server declares: the
 * answer is always a 2xx or a 4xx problem, never a 5xx.
 */
@RoutingTest
class ApiFuzzTest {
    private static final int CASES = 1_500;
    private static final List<String> SEEDS = List.of(
            "{\"detections\":[{\"camera\":\"33100300001321000001\",\"time\":\"2026-12-07T01:00:00Z\",\"plate\":\"浙J12345\","
                    + "\"confidence\":0.95,\"lon\":121.24451,\"lat\":28.63031,\"objectClass\":\"CAR\"}]}",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"f\",\"geometry\":{\"type\":"
                    + "\"Polygon\",\"coordinates\":[[[121.27,28.63],[121.271,28.63],[121.271,28.6306],[121.27,28.63]]]},"
                    + "\"properties\":{\"kind\":\"NO_PARKING\",\"cell\":\"HY-2-A-2\"}}]}",
            "{\"commandId\":\"c\",\"action\":\"START_INVESTIGATION\",\"reason\":\"r\",\"officers\":[\"HYZF-1001\"],"
                    + "\"version\":1}",
            "{\"reference\":\"k\",\"status\":\"DELIVERED\",\"at\":\"2026-12-07T01:00:00Z\"}",
            "{\"violation\":\"PARKING\",\"repeatCount\":2,\"harm\":\"MINOR\",\"date\":\"2026-12-07\"}",
            "{\"at\":\"2026-12-07T01:00:01Z\"}",
            "<?xml version=\"1.0\"?><EventNotificationAlert xmlns=\"http://www.isapi.org/ver20/XMLSchema\"><ipAddress>"
                    + "10.33.100.21</ipAddress><channelID>1</channelID><dateTime>2026-12-07T09:00:00+08:00</dateTime>"
                    + "<eventType>ANPR</eventType><eventState>active</eventState><ANPR><licensePlate>浙J1</licensePlate>"
                    + "</ANPR></EventNotificationAlert>");
    private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "null", "-1", "1e999", "\\u0000",
        "\"\\ud800\"", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "NaN", "true", "99999999999999999999"};
    private static Fixture fixture;
    private final DirectClient client;

    ApiFuzzTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture = new Fixture();
        fixture.routing(routing);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void noRouteAnswersAnyBodyWithA5xx() {
        List<String> routes = new ArrayList<>(RouteRecorder.routes(OffsiteServer.services(fixture.parts())));
        routes.removeIf(r -> r.endsWith("/stream"));
        SplittableRandom random = new SplittableRandom(20261207);
        List<String> failures = new ArrayList<>();
        int fourxx = 0;
        for (int i = 0; i < CASES; i++) {
            String[] mp = routes.get(random.nextInt(routes.size())).split(" ", 2);
            String path = mp[1].replace("{id}", pathValue(random)).replace("{item}", pathValue(random));
            Role role = random.nextInt(8) == 0 ? null : Role.values()[random.nextInt(Role.values().length)];
            byte[] body = body(random);
            String contentType = switch (random.nextInt(5)) {
                case 0 -> "application/xml";
                case 1 -> "multipart/form-data; boundary=" + (random.nextBoolean() ? "b" : "");
                case 2 -> "text/plain";
                default -> "application/json";
            };
            Http1ClientRequest req = client.method(Method.create(mp[0])).path(path);
            if (role != null) {
                req.header(HeaderNames.AUTHORIZATION, "Bearer " + fixture.tokens.get(role));
            }
            req.header(HeaderNames.CONTENT_TYPE, contentType);
            boolean sendsBody = !mp[0].equals("GET") && !mp[0].equals("DELETE");
            try (HttpClientResponse r = sendsBody ? req.submit(body) : req.request()) {
                int status = r.status().code();
                String text = r.entity().hasEntity() ? r.as(String.class) : "";
                if (status >= 500) {
                    failures.add(status + " " + mp[0] + " " + path + " as " + role + " with "
                            + new String(body, StandardCharsets.UTF_8) + " -> " + text);
                } else if (status >= 400) {
                    fourxx++;
                    assertThat(r.headers().first(HeaderNames.CONTENT_TYPE)).as(mp[0] + " " + path)
                            .hasValue("application/problem+json");
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(fourxx).isGreaterThan(CASES / 2); // most fuzzed input is refused, and refused as a problem
    }

    private static String pathValue(SplittableRandom random) {
        String[] values = {"331003-2026-000000000000", "x", "%2e%2e", "item-0001", "a".repeat(300), "不存在"};
        return values[random.nextInt(values.length)].replace("不存在", "%E4%B8%8D");
    }

    private static byte[] body(SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0 -> {
                byte[] b = new byte[random.nextInt(200)];
                random.nextBytes(b);
                return b;
            }
            case 1 -> {
                return SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                StringBuilder s = new StringBuilder(SEEDS.get(random.nextInt(SEEDS.size())));
                for (int m = 1 + random.nextInt(4); m > 0 && s.length() > 0; m--) {
                    int at = random.nextInt(s.length());
                    switch (random.nextInt(3)) {
                        case 0 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                        case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(8)));
                        default -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
                    }
                }
                return s.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
