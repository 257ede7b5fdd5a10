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

    /** A filed case to send malformed actions to (an unknown case is a 404 before the body is read). */
    private static String aCase() {
        String id = "331003-2026-INPUTERR01";
        if (fixture.enforcement.cases().find(id).isEmpty()) {
            fixture.enforcement.cases().file(id, io.offsite.core.violation.Violation.TEMPORARY_STRUCTURE,
                    io.offsite.cases.penalty.PartyType.PERSON, fixture.clock.instant(), "filed for the input-error tests",
                    io.offsite.core.grid.OfficerId.of("HYZF-1001"), io.offsite.core.grid.OfficerId.of("HYZF-0111"));
        }
        return id;
    }

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

    private static void assertNoJavaInternals(Res r) {
        assertThat(r.body()).doesNotContain("java.").doesNotContain("io.offsite").doesNotContain("$")
                .doesNotContain("CoercionConfig").doesNotContain("class ");
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

    @Test
    void stringWhereANumberIsDue_isNamedByItsPointerWithoutJavaTypes() {
        Res r = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[" + item()
                .replace("121.2445", "\"121.2445\"") + "]}");
        assertProblem(r, 422);
        assertThat(reasonFor(r, "/detections/0/lon")).isEqualTo("must be a number, was a string");
        assertThat(r.json().get("detail").asText()).isEqualTo("/detections/0/lon: must be a number, was a string");
        assertNoJavaInternals(r);
        Res version = call(Method.POST, "/api/v1/cases/" + aCase() + "/actions", Role.OFFICER, "{\"commandId\":\"c1\","
                + "\"action\":\"CLOSE\",\"reason\":\"r\",\"officers\":[\"HYZF-1001\"],\"version\":\"3\"}");
        assertProblem(version, 422);
        assertThat(reasonFor(version, "/version")).isEqualTo("must be a whole number, was a string");
        assertNoJavaInternals(version);
    }

    @Test
    void fractionWhereAWholeNumberIsDue_isRefusedNotTruncated() {
        Res r = call(Method.POST, "/api/v1/penalties/assess", Role.OFFICER, "{\"violation\":\"PARKING\","
                + "\"repeatCount\":1.5}");
        assertProblem(r, 422);
        assertThat(reasonFor(r, "/repeatCount")).startsWith("must be a whole number");
        assertNoJavaInternals(r);
    }

    @Test
    void bodyOfTheWrongShape_isNamedAtTheRootWithoutJavaTypes() {
        Res array = call(Method.POST, "/api/v1/detections", Role.CAMERA, "[]");
        assertProblem(array, 422);
        assertThat(reasonFor(array, "")).isEqualTo("must be a JSON object, was an array");
        assertThat(array.json().get("detail").asText()).isEqualTo("(root): must be a JSON object, was an array");
        assertNoJavaInternals(array);
        Res list = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":{}}");
        assertProblem(list, 422);
        assertThat(reasonFor(list, "/detections")).isEqualTo("must be an array, was an object");
        assertNoJavaInternals(list);
        Res text = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[" + item()
                .replace("\"objectClass\":\"CAR\"", "\"objectClass\":{\"a\":1}") + "]}");
        assertProblem(text, 422);
        assertThat(reasonFor(text, "/detections/0/objectClass")).isEqualTo("must be a string, was an object");
        assertNoJavaInternals(text);
        Res trailing = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[" + item() + "]} {}");
        assertProblem(trailing, 400);
        assertThat(trailing.json().get("detail").asText()).contains("line 1").contains("column");
        assertNoJavaInternals(trailing);
        Res big = call(Method.POST, "/api/v1/penalties/assess", Role.OFFICER,
                "{\"violation\":\"PARKING\",\"repeatCount\":99999999999}");
        assertProblem(big, 422);
        assertThat(reasonFor(big, "/repeatCount")).contains("whole number");
        assertNoJavaInternals(big);
    }

    @Test
    void unknownField_isNamedByItsPointerWithTheKnownFields() {
        Res r = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[" + item() + "],\"foo\":1}");
        assertProblem(r, 422);
        assertThat(reasonFor(r, "/foo")).isEqualTo("unknown field (known: detections)");
        assertNoJavaInternals(r);
        Res penalty = call(Method.POST, "/api/v1/penalties/assess", Role.OFFICER,
                "{\"violation\":\"PARKING\",\"mitigation\":true}");
        assertProblem(penalty, 422);
        assertThat(reasonFor(penalty, "/mitigation")).startsWith("unknown field (known: ").contains("violation")
                .contains("repeatCount");
        assertNoJavaInternals(penalty);
        Res slash = call(Method.POST, "/api/v1/penalties/assess", Role.OFFICER, "{\"violation\":\"PARKING\",\"a/b~c\":1}");
        assertThat(reasonFor(slash, "/a~1b~0c")).startsWith("unknown field");
    }

    @Test
    void malformedJson_staysA400NamingLineAndColumn() {
        Res r = call(Method.POST, "/api/v1/penalties/assess", Role.OFFICER, "{\"violation\":\n\"PARKING\",,}");
        assertProblem(r, 400);
        assertThat(r.json().get("detail").asText()).contains("line 2").contains("column");
        assertNoJavaInternals(r);
        Res empty = call(Method.POST, "/api/v1/penalties/assess", Role.OFFICER, "");
        assertProblem(empty, 400);
        assertNoJavaInternals(empty);
    }

    @Test
    void plateTheLibraryRefuses_isNamedByItsPointer() {
        Res r = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[" + item()
                .replace("浙J00101", "浙J0010123456") + "]}");
        assertProblem(r, 422);
        assertThat(reasonFor(r, "/detections/0/plate")).contains("longer than");
    }

    @Test
    void badFenceKind_isNamedByAJsonPointer() {
        Res r = call(Method.PUT, "/api/v1/fences", Role.ADMIN, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                + "\"Feature\",\"id\":\"odd-kind\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.2700,28.6300],"
                + "[121.2710,28.6300],[121.2710,28.6306],[121.2700,28.6306],[121.2700,28.6300]]]},\"properties\":"
                + "{\"kind\":\"NO_SUCH_KIND\",\"cell\":\"HY-2-A-2\"}}]}");
        assertProblem(r, 422);
        assertThat(reasonFor(r, "/features/0/properties/kind")).isNotBlank().doesNotStartWith("features[");
    }

    @Test
    void shortBasePosition_isNamedByAValidJsonPointer() {
        Res r = call(Method.POST, "/api/v1/patrols/plan", Role.OFFICER, "{\"bases\":[[121.255]]}");
        assertProblem(r, 422);
        assertThat(reasonFor(r, "/bases/0")).isEqualTo("size must be between 2 and 2");
        assertThat(r.body()).doesNotContain("<");
        Res nullLon = call(Method.POST, "/api/v1/patrols/plan", Role.OFFICER, "{\"bases\":[[null,28.64]]}");
        assertProblem(nullLon, 422);
        assertThat(reasonFor(nullLon, "/bases/0/0")).isEqualTo("must not be null");
    }

    @Test
    void missingList_isReportedOnceAsMissing() {
        Res r = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{}");
        assertProblem(r, 422);
        assertThat(reasonFor(r, "/detections")).isEqualTo("must not be null");
        Res action = call(Method.POST, "/api/v1/cases/" + aCase() + "/actions", Role.OFFICER, "{\"commandId\":\"c1\","
                + "\"action\":\"CLOSE\",\"reason\":\"r\",\"version\":3}");
        assertProblem(action, 422);
        assertThat(reasonFor(action, "/officers")).isEqualTo("must not be null");
        Res empty = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[]}");
        assertThat(reasonFor(empty, "/detections")).isEqualTo("must not be empty");
    }

    @Test
    void isapiProblem_namesItsLocationOnce() {
        Bytes broken = callBytes(Method.POST, "/api/v1/devices/isapi", Role.CAMERA, "application/xml",
                "<EventNotificationAlert><ipAddress>".getBytes(StandardCharsets.UTF_8));
        String body = new String(broken.body(), StandardCharsets.UTF_8);
        assertThat(broken.status()).as(body).isEqualTo(422);
        assertNoLocationTwice(body);
        byte[] badTime = new String(resourceBytes("/isapi/anpr-xichengjie.xml"), StandardCharsets.UTF_8)
                .replace("2026-12-06T09:15:03+08:00", "yesterday").getBytes(StandardCharsets.UTF_8);
        Bytes time = callBytes(Method.POST, "/api/v1/devices/isapi", Role.CAMERA, "application/xml", badTime);
        String timeBody = new String(time.body(), StandardCharsets.UTF_8);
        assertThat(time.status()).as(timeBody).isEqualTo(422);
        assertNoLocationTwice(timeBody);
        Res r = new Res(time.status(), time.contentType(), timeBody);
        assertThat(reasonFor(r, "EventNotificationAlert/dateTime")).doesNotStartWith("EventNotificationAlert/dateTime");
    }

    private static void assertNoLocationTwice(String body) {
        Res r = new Res(422, "application/problem+json", body);
        String detail = r.json().get("detail").asText();
        JsonNode e = r.json().get("errors").get(0);
        assertThat(detail).as(body).isEqualTo(e.get("field").asText() + ": " + e.get("reason").asText());
        assertThat(e.get("reason").asText()).as(body).doesNotStartWith(e.get("field").asText() + ":");
    }

    @Test
    void gateEventAtAnUnknownSite_saysHowToRegisterTheSiteThroughTheApi() {
        Res r = call(Method.POST, "/api/v1/trucks/gate-events", Role.CAMERA, "{\"siteId\":\"nowhere\","
                + "\"cameraId\":\"33100300001321000088\",\"time\":\"2026-12-06T01:00:00Z\",\"plate\":\"浙J58821\","
                + "\"type\":\"UNCOVERED_LOAD\"}");
        assertProblem(r, 422);
        assertThat(reasonFor(r, "/siteId")).contains("\"nowhere\"").contains("PUT /api/v1/trucks/permits")
                .doesNotContain("TruckMonitor").doesNotContain("Builder");
    }
}
