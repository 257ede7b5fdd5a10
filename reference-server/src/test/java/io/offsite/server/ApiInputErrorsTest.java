package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What an integrator calling the API with a bad body reads back: plain reasons (no expression-language templates,
 * no Java class names), one entry per bad field, each named by a valid JSON pointer, and no location said twice.
 */
@RoutingTest
class ApiInputErrorsTest extends ApiHarness {
    private static Fixture fixture;

    ApiInputErrorsTest(DirectClient client) {
        super(client);
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

    @Override
    Fixture fixture() {
        return fixture;
    }

    private static final String POSITION = "{\"truckId\":\"013305760001\",\"time\":\"2026-12-07T01:00:00Z\",\"lon\":121.25,"
            + "\"lat\":28.64,\"speedKmh\":9}";

    private static String item() {
        return detection(Fixture.T0, "浙J00101", 121.2445, 28.6303);
    }

    /** The reason given for {@code field}, failing when the problem does not name it exactly once. */
    private static String reasonFor(Res r, String field) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode e : r.json().path("errors")) {
            if (e.get("field").asText().equals(field)) {
                reasons.add(e.get("reason").asText());
            }
        }
        assertThat(reasons).as(r.body()).hasSize(1);
        return reasons.get(0);
    }

    @Test
    void outOfRangeValue_isRefusedWithTheBoundInPlainWords() {
        Res speed = call(Method.POST, "/api/v1/trucks/positions", Role.CAMERA,
                "{\"positions\":[" + POSITION.replace("\"speedKmh\":9", "\"speedKmh\":400") + "]}");
        assertProblem(speed, 422);
        assertThat(reasonFor(speed, "/positions/0/speedKmh")).isEqualTo("must be less than or equal to 300.0");
        Res detection = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[" + item()
                .replace("\"confidence\":0.95", "\"confidence\":1.5").replace("121.2445", "-181") + "]}");
        assertProblem(detection, 422);
        assertThat(reasonFor(detection, "/detections/0/confidence")).isEqualTo("must be less than or equal to 1.0");
        assertThat(reasonFor(detection, "/detections/0/lon")).isEqualTo("must be greater than or equal to -180.0");
        Res plan = call(Method.POST, "/api/v1/patrols/plan", Role.OFFICER,
                "{\"bases\":[[121.255,28.64]],\"cruiseSpeedMetersPerSecond\":100}");
        assertProblem(plan, 422);
        assertThat(reasonFor(plan, "/cruiseSpeedMetersPerSecond")).isEqualTo("must be less than or equal to 60.0");
        for (Res r : List.of(speed, detection, plan)) {
            assertThat(r.body()).doesNotContain("${").doesNotContain("inclusive");
        }
    }
}
