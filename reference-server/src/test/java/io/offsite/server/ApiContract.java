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
import org.junit.jupiter.api.Test;

/**
 * The API's contract, run twice: in memory ({@link ApiInMemoryTest}, Helidon's direct client) and on a socket
 * ({@link ApiOnSocketTest}). Each subclass owns one server over a fresh database; tests use their own plates so
 * they do not see each other's episodes, and move the manual clock only forward.
 */
abstract class ApiContract {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CAMERA = DemoStreet.PARKING_CAMERA;
    private final Http1Client client;

    ApiContract(Http1Client client) {
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

    @Test
    void isapiAnprPushBecomesADetectionWithItsPictureKept() {
        Instant now = fixture().clock.instant();
        String local = now.atZone(java.time.ZoneOffset.ofHours(8)).toOffsetDateTime().withNano(0)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        byte[] body = new String(resourceBytes("/isapi/anpr-multipart.bin"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("2026-12-06T09:15:03+08:00", local).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Bytes r = callBytes(Method.POST, "/api/v1/devices/isapi", Role.CAMERA, "multipart/form-data; boundary=boundary", body);
        String answer = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(r.status()).as(answer).isEqualTo(200);
        assertThat(answer).contains("\"camera\":\"" + CAMERA + "\"").contains("\"intake\":\"ACCEPTED\"")
                .contains("blob:sha256:");
    }

    @Test
    void isapiHostilePushesAreProblemsNamingWhere() {
        Bytes xxe = callBytes(Method.POST, "/api/v1/devices/isapi", Role.CAMERA, "application/xml",
                resourceBytes("/isapi/xxe.xml"));
        assertThat(xxe.status()).isEqualTo(422);
        assertThat(xxe.contentType()).isEqualTo("application/problem+json");
        byte[] other = new String(resourceBytes("/isapi/anpr-xichengjie.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("10.33.100.21", "10.33.100.99").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Bytes unknown = callBytes(Method.POST, "/api/v1/devices/isapi", Role.CAMERA, "application/xml", other);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(new String(unknown.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("10.33.100.99");
        Bytes json = callBytes(Method.POST, "/api/v1/devices/isapi", Role.CAMERA, "application/json",
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(json.status()).isBetween(400, 499);
        assertThat(callBytes(Method.POST, "/api/v1/devices/isapi", Role.OFFICER, "application/xml", other).status())
                .isEqualTo(403);
    }

    @Test
    void missingTokenIsA401Problem() {
        assertProblem(call(Method.GET, "/api/v1/cases", null, null), 401);
    }

    @Test
    void unknownTokenIsA401Problem() {
        Http1ClientRequest req = client.get("/api/v1/cases").header(HeaderNames.AUTHORIZATION, "Bearer officer.guess");
        try (HttpClientResponse r = req.request()) {
            assertThat(r.status().code()).isEqualTo(401);
        }
    }

    @Test
    void cameraTokenCannotReadCases() {
        Res r = call(Method.GET, "/api/v1/cases", Role.CAMERA, null);
        assertProblem(r, 403);
        assertThat(r.json().get("detail").asText()).contains("camera").contains("GET /api/v1/cases");
    }

    @Test
    void officerCannotMoveTheFences() {
        assertProblem(call(Method.PUT, "/api/v1/fences", Role.OFFICER, "{}"), 403);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        Res r = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\": [ {\"camera\": }");
        assertProblem(r, 400);
        assertThat(r.json().get("detail").asText()).contains("line 1").contains("column");
    }

    @Test
    void unknownFieldIsNamedByItsPointer() {
        Res r = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[" + detection(Fixture.T0,
                "浙J00001", 121.2445, 28.6303).replace("}", ",\"speed\":3}") + "]}");
        assertProblem(r, 422);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("/detections/0/speed");
    }

    @Test
    void constraintViolationsAreListedPerField() {
        Res r = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[{\"camera\":\"12\",\"time\":\"x\","
                + "\"lon\":500,\"lat\":28.6,\"plate\":\"浙J00002\",\"confidence\":1.5}]}");
        assertProblem(r, 422);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("/detections/0/camera", "/detections/0/lon", "/detections/0/confidence");
    }

    @Test
    void unknownCameraIsRefusedNamingTheDetection() {
        Res r = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[" + detection(Fixture.T0,
                "浙J00003", 121.2445, 28.6303) + "," + detection(Fixture.T0, "浙J00003", 121.2445, 28.6303)
                .replace(CAMERA, "33100300001399999999") + "]}");
        assertProblem(r, 422);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("/detections/1/camera");
    }

    @Test
    void badTimeIsNamed() {
        Res r = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[" + detection(Fixture.T0,
                "浙J00004", 121.2445, 28.6303).replace(Fixture.T0.toString(), "yesterday") + "]}");
        assertProblem(r, 422);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("/detections/0/time");
    }

    @Test
    void emptyBatchIsRefused() {
        assertProblem(call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[]}"), 422);
    }

    @Test
    void gridLocateAnswersTheStreetAndItsOfficer() {
        Res r = call(Method.GET, "/api/v1/grid/locate?lon=121.2445&lat=28.6303", Role.OFFICER, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("西城街");
        assertThat(r.json().get("responsibleOfficer").asText()).isEqualTo("HYZF-1001");
        assertThat(r.json().get("chain").size()).isEqualTo(4);
    }

    @Test
    void gridLocateOutsideTheDistrictIs404AndBadCoordinatesAre422() {
        assertProblem(call(Method.GET, "/api/v1/grid/locate?lon=120.0&lat=30.0", Role.OFFICER, null), 404);
        Res bad = call(Method.GET, "/api/v1/grid/locate?lon=abc&lat=28.6", Role.OFFICER, null);
        assertProblem(bad, 422);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("lon");
        assertProblem(call(Method.GET, "/api/v1/grid/locate?lon=121.2&lat=28.6&crs=bd09", Role.OFFICER, null), 422);
    }

    @Test
    void invalidFenceDocumentChangesNothing() {
        String before = call(Method.GET, "/api/v1/fences", Role.ADMIN, null).body();
        Res bad = call(Method.PUT, "/api/v1/fences", Role.ADMIN, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                + "\"Feature\",\"id\":\"bow-tie\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.24,28.63],"
                + "[121.25,28.64],[121.25,28.63],[121.24,28.64],[121.24,28.63]]]},\"properties\":{\"kind\":\"NO_PARKING\","
                + "\"cell\":\"HY-1-A-1\"}}]}");
        assertThat(bad.status()).isBetween(400, 499);
        assertThat(bad.contentType()).isEqualTo("application/problem+json");
        assertThat(call(Method.GET, "/api/v1/fences", Role.ADMIN, null).body()).isEqualTo(before);
        assertProblem(call(Method.PUT, "/api/v1/fences", Role.ADMIN, "{not json"), 422);
    }

    @Test
    void fencesCanBeAddedAndDeleted() {
        String fence = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"test-fence\","
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.2700,28.6300],[121.2710,28.6300],"
                + "[121.2710,28.6306],[121.2700,28.6306],[121.2700,28.6300]]]},\"properties\":{\"kind\":\"NO_PARKING\","
                + "\"cell\":\"HY-2-A-2\"}}]}";
        Res added = call(Method.POST, "/api/v1/fences", Role.ADMIN, fence);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(call(Method.GET, "/api/v1/fences", Role.OFFICER, null).body()).contains("test-fence");
        assertThat(call(Method.DELETE, "/api/v1/fences/test-fence", Role.ADMIN, null).status()).isEqualTo(204);
        assertProblem(call(Method.DELETE, "/api/v1/fences/test-fence", Role.ADMIN, null), 404);
    }

    @Test
    void penaltyAssessmentExplainsEveryStep() {
        Res r = call(Method.POST, "/api/v1/penalties/assess", Role.OFFICER, "{\"violation\":\"PARKING\","
                + "\"firstViolation\":false,\"repeatCount\":2,\"date\":\"2026-12-07\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("explanation").size()).isGreaterThan(1);
        assertThat(r.json().get("tableVersion").asText()).isNotBlank();
        assertProblem(call(Method.POST, "/api/v1/penalties/assess", Role.OFFICER, "{\"violation\":\"NOT_A_CODE\"}"), 422);
    }

    @Test
    void theClockNeverGoesBack() {
        clockTo(fixture().clock.instant().plusSeconds(1));
        Res r = call(Method.POST, "/api/v1/admin/clock", Role.ADMIN, "{\"at\":\"" + Fixture.T0.minusSeconds(60) + "\"}");
        assertProblem(r, 422);
    }

    @Test
    void unknownCaseIs404() {
        assertProblem(call(Method.GET, "/api/v1/cases/331003-2026-NOPE", Role.OFFICER, null), 404);
    }

    @Test
    void receiptForAnUnknownMessageIsReportedUnmatched() {
        Res r = call(Method.POST, "/api/v1/sms/receipts", Role.ADMIN, "{\"reference\":\"nobody/request-owner-move\","
                + "\"status\":\"DELIVERED\",\"at\":\"" + Fixture.T0 + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("outcome").asText()).isEqualTo("UNMATCHED");
        assertProblem(call(Method.POST, "/api/v1/sms/receipts", Role.ADMIN, "{\"reference\":\"x\",\"status\":\"READ\","
                + "\"at\":\"" + Fixture.T0 + "\"}"), 422);
    }

    /**
     * The whole chain through the API: a car parked on 西城街 is texted, the ten minutes run from the delivery, the
     * officer is sent, the evidence is collected and complete, and a case is filed with its intended penalty and
     * next deadline; a second car whose owner number is out of service gets the officer at once and no case.
     */
    @Test
    void parkedCarBecomesTextWindowDispatchEvidenceAndCase() {
        synchronized (fixture()) {
            park(14 * 60, List.of("浙J12345", "浙JD0235"), List.of(new double[] {121.24451, 28.63031},
                    new double[] {121.24481, 28.63041}));
        }
        Res delivered = call(Method.GET, "/api/v1/outbox?state=DELIVERED", Role.ADMIN, null);
        assertThat(delivered.body()).contains("request-owner-move").contains("dispatch-officer");
        assertThat(delivered.body()).doesNotContain("13812345678"); // masked
        Res dead = call(Method.GET, "/api/v1/outbox?state=DEAD_LETTER", Role.ADMIN, null);
        assertThat(dead.json().size()).isEqualTo(1);

        Res cases = call(Method.GET, "/api/v1/cases?state=FILED", Role.OFFICER, null);
        List<JsonNode> parking = new ArrayList<>();
        cases.json().forEach(n -> {
            if (n.get("violation").asText().equals("PARKING")) {
                parking.add(n);
            }
        });
        assertThat(parking).as(cases.body()).hasSize(1);
        String id = parking.get(0).get("caseId").asText();
        assertThat(id).startsWith("331003-2026-");
        Res c = call(Method.GET, "/api/v1/cases/" + id, Role.LEGAL_REVIEWER, null);
        assertThat(c.json().get("violation").asText()).isEqualTo("PARKING");
        assertThat(c.json().get("evidenceItems").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(c.json().get("nextDeadline").get("what").asText()).isNotBlank();
        assertThat(c.json().get("intendedPenalty").get("explanation").size()).isGreaterThan(0);
        Res complete = call(Method.GET, "/api/v1/cases/" + id + "/completeness", Role.OFFICER, null);
        assertThat(complete.json().get("complete").asBoolean()).as(complete.body()).isTrue();

        Res timeline = call(Method.GET, "/api/v1/cases/" + id + "/timeline", Role.OFFICER, null);
        List<String> what = new ArrayList<>();
        timeline.json().forEach(l -> what.add(l.get("source").asText() + ":" + l.get("what").asText()));
        assertThat(what).containsSubsequence("outbox:owner text sent", "outbox:owner text delivered", "case:FILE");
        assertThat(what).contains("evidence:ADDED", "outbox:officer message queued");

        Res evidence = call(Method.GET, "/api/v1/cases/" + id + "/evidence", Role.OFFICER, null);
        assertThat(evidence.json().size()).isGreaterThanOrEqualTo(4);
        Res after = call(Method.GET, "/api/v1/cases/" + id + "/timeline", Role.OFFICER, null);
        assertThat(after.body()).contains("VIEWED").contains("api:officer");

        Bytes upload = callBytes(Method.POST, "/api/v1/cases/" + id + "/evidence?kind=INSPECTION_RECORD&capturedAt="
                + Fixture.T0.plusSeconds(900) + "&capturedBy=HYZF-1001", Role.OFFICER, "text/plain",
                "现场检查笔录: vehicle still parked, notice attached".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(upload.status()).as(new String(upload.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(201);
        Bytes zip = callBytes(Method.GET, "/api/v1/cases/" + id + "/bundle", Role.LEGAL_REVIEWER, null, null);
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");
        Bytes verified = callBytes(Method.POST, "/api/v1/bundles/verify", Role.LEGAL_REVIEWER, "application/zip", zip.body());
        assertThat(new String(verified.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"ok\":true");
        byte[] tampered = zip.body().clone();
        tampered[tampered.length / 3] ^= 0x5A;
        Bytes refused = callBytes(Method.POST, "/api/v1/bundles/verify", Role.LEGAL_REVIEWER, "application/zip", tampered);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"ok\":false");
        assertThat(call(Method.GET, "/api/v1/cases/" + id + "/timeline", Role.OFFICER, null).body()).contains("EXPORTED");

        long version = c.json().get("version").asLong();
        String act = "{\"commandId\":\"c1\",\"action\":\"START_INVESTIGATION\",\"reason\":\"camera evidence frozen\","
                + "\"officers\":[\"HYZF-1001\",\"HYZF-0111\"],\"version\":" + version + "}";
        assertThat(call(Method.POST, "/api/v1/cases/" + id + "/actions", Role.OFFICER, act).status()).isEqualTo(200);
        Res stale = call(Method.POST, "/api/v1/cases/" + id + "/actions", Role.OFFICER, act.replace("c1", "c2"));
        assertProblem(stale, 409);
        assertProblem(call(Method.POST, "/api/v1/cases/" + id + "/actions", Role.OFFICER,
                act.replace("START_INVESTIGATION", "APPROVE_REVIEW")), 403);
    }

    @Test
    void truckLeavingItsCorridorBecomesAFindingAndACaseWithItsTrackAndGatePicture() {
        Instant start = fixture().clock.instant().plusSeconds(3_600);
        String passage = "{\"siteId\":\"S-BEIYUAN\",\"cameraId\":\"33100300001320000088\",\"time\":\""
                + start.minusSeconds(120) + "\",\"plate\":\"浙J58821\",\"type\":\"PASSED\"}";
        Res kept = call(Method.POST, "/api/v1/trucks/gate-events", Role.CAMERA, passage);
        assertThat(kept.status()).as(kept.body()).isEqualTo(202);
        Res older = call(Method.POST, "/api/v1/trucks/gate-events", Role.CAMERA,
                passage.replace(start.minusSeconds(120).toString(), start.minusSeconds(600).toString()));
        assertThat(older.status()).as("an older passage is not kept").isEqualTo(200);
        Res stranger = call(Method.POST, "/api/v1/trucks/gate-events", Role.CAMERA, passage.replace("浙J58821", "浙J99999"));
        assertThat(stranger.json().get("accepted").asBoolean()).as("a plate without permit").isFalse();
        List<String> ps = new ArrayList<>();
        for (int s = 0; s <= 600; s += 10) {
            boolean off = s >= 60 && s < 400;
            ps.add("{\"truckId\":\"013305760001\",\"time\":\"" + start.plusSeconds(s) + "\",\"lon\":"
                    + (121.2420 + s * 0.0000256) + ",\"lat\":" + (off ? 28.6425 : 28.6410) + ",\"speedKmh\":9}");
        }
        Res r = call(Method.POST, "/api/v1/trucks/positions", Role.CAMERA, "{\"positions\":[" + String.join(",", ps) + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("outcomes").get("ACCEPTED").asInt()).isEqualTo(61);
        Res again = call(Method.POST, "/api/v1/trucks/positions", Role.CAMERA, "{\"positions\":[" + ps.get(60) + "]}");
        assertThat(again.json().get("outcomes").has("DUPLICATE")).as(again.body()).isTrue();

        Res found = call(Method.GET, "/api/v1/trucks/findings", Role.OFFICER, null);
        JsonNode off = null;
        for (JsonNode f : found.json()) {
            if (f.get("kind").asText().equals("OFF_CORRIDOR") && f.get("start").asText().startsWith(
                    start.plusSeconds(60).toString().substring(0, 16))) {
                off = f;
            }
        }
        assertThat(off).as(found.body()).isNotNull();
        assertThat(off.get("trackSha256").asText()).hasSize(64);
        String caseId = off.get("caseId").asText();
        Res c = call(Method.GET, "/api/v1/cases/" + caseId, Role.OFFICER, null);
        assertThat(c.json().get("violation").asText()).isEqualTo("CONSTRUCTION_WASTE");
        Res items = call(Method.GET, "/api/v1/cases/" + caseId + "/evidence", Role.OFFICER, null);
        assertThat(items.body()).contains("GPS_TRACK").contains(off.get("trackSha256").asText())
                .contains("33100300001320000088");
        synchronized (fixture()) { // the review comes after the trip: nothing in the case may postdate it
            clockTo(start.plusSeconds(900));
        }
        Res complete = call(Method.GET, "/api/v1/cases/" + caseId + "/completeness", Role.OFFICER, null);
        assertThat(complete.json().get("complete").asBoolean()).as(complete.body()).isTrue();
        assertThat(call(Method.GET, "/api/v1/trucks/findings", Role.ADMIN, null).body()).doesNotContain("\"013305760001\"");
    }

    @Test
    void badTruckInputIsAProblemNamingTheField() {
        assertProblem(call(Method.POST, "/api/v1/trucks/positions", Role.CAMERA,
                "{\"positions\":[{\"truckId\":\"013305760001\",\"time\":\"yesterday\",\"lon\":121.25,\"lat\":28.64,"
                        + "\"speedKmh\":9}]}"), 422);
        Res permit = call(Method.PUT, "/api/v1/trucks/permits", Role.ADMIN, "{\"permits\":[{\"truckId\":\"013305760009\","
                + "\"plate\":\"浙J58822\",\"permitNumber\":\"P\",\"corridors\":[{\"id\":\"c\",\"name\":\"n\",\"line\":"
                + "[[121.25,28.64],[121.25,28.64]],\"halfWidthMeters\":20}],\"windows\":[{\"from\":\"20:00\",\"to\":\"06:00\","
                + "\"validFrom\":\"2026-01-01\",\"validTo\":\"2026-12-31\"}]}]}");
        assertProblem(permit, 422);
        assertThat(permit.body()).contains("/permits/0/corridors/0");
        assertThat(call(Method.GET, "/api/v1/trucks/permits", Role.OFFICER, null).body()).contains("013305760001");
        assertProblem(call(Method.POST, "/api/v1/trucks/gate-events", Role.CAMERA, "{\"siteId\":\"nowhere\","
                + "\"cameraId\":\"33100300001321000088\",\"time\":\"2026-12-06T01:00:00Z\",\"plate\":\"浙J58821\","
                + "\"type\":\"UNCOVERED_LOAD\"}"), 422);
        Res passage = call(Method.POST, "/api/v1/trucks/gate-events", Role.CAMERA, "{\"siteId\":\"nowhere\","
                + "\"cameraId\":\"33100300001321000088\",\"time\":\"2026-12-06T01:00:00Z\",\"plate\":\"浙J58821\","
                + "\"type\":\"PASSED\"}");
        assertProblem(passage, 422);
        assertThat(passage.body()).contains("/siteId");
        assertProblem(call(Method.PUT, "/api/v1/trucks/permits", Role.OFFICER, "{\"permits\":[]}"), 403);
    }

    @Test
    void objectsAndTheirFilesAreListedAndPatrolsRecorded() {
        Res objects = call(Method.GET, "/api/v1/objects", Role.LEGAL_REVIEWER, null);
        assertThat(objects.body()).contains("HY-SHOP-0001").contains("HY-ENT-0001").doesNotContain("13800001111");
        assertProblem(call(Method.GET, "/api/v1/objects/HY-NOPE/file", Role.OFFICER, null), 404);
        Res plan = call(Method.POST, "/api/v1/patrols/plan", Role.OFFICER, "{\"bases\":[[121.2550,28.6400]],"
                + "\"maxFlightMinutes\":25,\"periodDays\":7}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().get("coverage").asDouble()).isEqualTo(1.0);
        assertThat(plan.json().get("targetsGiven").asInt()).isEqualTo(6);
        assertProblem(call(Method.POST, "/api/v1/patrols/plan", Role.OFFICER, "{\"bases\":[[121.25]]}"), 422);
        Res flown = call(Method.POST, "/api/v1/patrols", Role.OFFICER, "{\"objectIds\":[\"HY-ENT-0002\"],"
                + "\"at\":\"2026-12-06T02:00:00Z\",\"pilot\":\"HYZF-1003\"}");
        assertThat(flown.status()).as(flown.body()).isEqualTo(201);
        assertThat(call(Method.GET, "/api/v1/objects/HY-ENT-0002/file", Role.OFFICER, null).json().get("patrols").size())
                .isEqualTo(1);
        assertProblem(call(Method.POST, "/api/v1/patrols", Role.OFFICER, "{\"objectIds\":[\"HY-NOPE\"],"
                + "\"at\":\"2026-12-06T02:00:00Z\",\"pilot\":\"HYZF-1003\"}"), 422);
    }

    @Test
    void buildingBeyondItsPermitIsAFindingInTheFileAndACase() {
        // a 20 m × 30 m permit and a 20 m × 35 m building at 黄岩某食品有限公司: about 100 m² beyond the permit
        double m = 1 / 111_320.0;
        double mLon = m / Math.cos(Math.toRadians(28.645));
        double x = 121.2580;
        double y = 28.6450;
        String permitted = String.format(java.util.Locale.ROOT, "POLYGON((%.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f))",
                x, y, x + 20 * mLon, y, x + 20 * mLon, y + 30 * m, x, y + 30 * m, x, y);
        String observed = permitted.replace(String.format(java.util.Locale.ROOT, "%.7f", y + 30 * m),
                String.format(java.util.Locale.ROOT, "%.7f", y + 35 * m));
        Res r = call(Method.POST, "/api/v1/buildings/compare", Role.OFFICER, "{\"objectId\":\"HY-ENT-0003\","
                + "\"observedAt\":\"2026-12-06T02:00:00Z\",\"permittedWkt\":\"" + permitted + "\",\"observedWkt\":\""
                + observed + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("excessSquareMeters").asDouble()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1.0));
        String caseId = r.json().get("caseId").asText();
        assertThat(call(Method.GET, "/api/v1/cases/" + caseId, Role.OFFICER, null).json().get("violation").asText())
                .isEqualTo("ILLEGAL_BUILDING");
        JsonNode file = call(Method.GET, "/api/v1/objects/HY-ENT-0003/file", Role.OFFICER, null).json();
        assertThat(file.get("findings").size()).isEqualTo(1);
        assertThat(file.get("cases").get(0).get("caseId").asText()).isEqualTo(caseId);
        // the completeness rules ask for drone images on two dates and the planning authority's record
        assertThat(call(Method.GET, "/api/v1/cases/" + caseId + "/completeness", Role.OFFICER, null).json()
                .get("complete").asBoolean()).isFalse();
        for (String at : List.of("2026-09-16T02:05:00Z", "2026-12-06T02:00:00Z")) {
            Bytes image = callBytes(Method.POST, "/api/v1/cases/" + caseId + "/evidence?kind=DRONE_IMAGE&capturedAt=" + at
                    + "&capturedBy=drone-HY-UAV-03&subject=HY-ENT-0003", Role.OFFICER, "image/jpeg",
                    ("drone image " + at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(image.status()).isEqualTo(201);
        }
        Bytes planning = callBytes(Method.POST, "/api/v1/cases/" + caseId + "/evidence?kind=AGENCY_RECORD&capturedAt="
                + "2026-12-06T03:00:00Z&capturedBy=huangyan-planning&fact=recordType:PLANNING", Role.OFFICER,
                "application/json", "{\"permit\":\"none for the extension\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(planning.status()).isEqualTo(201);
        Res complete = call(Method.GET, "/api/v1/cases/" + caseId + "/completeness", Role.OFFICER, null);
        assertThat(complete.json().get("complete").asBoolean()).as(complete.body()).isTrue();
        Res bad = call(Method.POST, "/api/v1/buildings/compare", Role.OFFICER, "{\"objectId\":\"HY-ENT-0003\","
                + "\"observedAt\":\"2026-12-06T02:00:00Z\",\"observedWkt\":\"POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))\"}");
        assertProblem(bad, 422);
        assertThat(bad.body()).contains("/observedWkt");
    }

    @Test
    void sewagePouredInFrontOfAShopLandsInItsFileTextsItsOperatorAndBecomesACase() {
        // a storm-drain grate in the gutter 5-10 m in front of 老黄岩面馆 (HY-SHOP-0002); the fence names no shop
        String fence = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"storm-drain-laodong\","
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.25590,28.63002],[121.25620,28.63002],"
                + "[121.25620,28.63007],[121.25590,28.63007],[121.25590,28.63002]]]},\"properties\":{\"kind\":\"STORM_DRAIN\","
                + "\"cell\":\"HY-1-A-2\"}}]}";
        Res added = call(Method.POST, "/api/v1/fences", Role.ADMIN, fence);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        synchronized (fixture()) {
            Instant start = fixture().clock.instant();
            for (int s = 0; s <= 120; s += 5) {
                Instant t = start.plusSeconds(s);
                clockTo(t);
                if (s <= 90) { // a kitchen hand pours buckets into the drain for a minute and a half
                    Res r = call(Method.POST, "/api/v1/detections", Role.CAMERA, "{\"detections\":[{\"camera\":\""
                            + DemoStreet.SHOP_CAMERA + "\",\"time\":\"" + t + "\",\"lon\":121.25605,\"lat\":28.63005,"
                            + "\"objectClass\":\"PERSON\",\"tracker\":\"sewage-31\"}]}");
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                }
            }
            clockTo(start.plusSeconds(180));
        }
        JsonNode file = call(Method.GET, "/api/v1/objects/HY-SHOP-0002/file", Role.OFFICER, null).json();
        assertThat(file.get("findings").toString()).contains("SEWAGE_DUMPING");
        assertThat(call(Method.GET, "/api/v1/outbox?state=DELIVERED", Role.ADMIN, null).body()).contains("operator-sms");
        Res cases = call(Method.GET, "/api/v1/cases?state=FILED", Role.OFFICER, null);
        List<String> sewage = new ArrayList<>();
        cases.json().forEach(n -> {
            if (n.get("violation").asText().equals("SEWAGE_DUMPING")) {
                sewage.add(n.get("caseId").asText());
            }
        });
        assertThat(sewage).as(cases.body()).hasSize(1);
        String id = sewage.get(0);
        assertThat(file.get("cases").toString()).contains(id);
        Res gaps = call(Method.GET, "/api/v1/cases/" + id + "/completeness", Role.OFFICER, null);
        assertThat(gaps.json().get("complete").asBoolean()).as("video alone does not identify who poured").isFalse();
        assertThat(gaps.body()).contains("sewage.identification");
        long version = call(Method.GET, "/api/v1/cases/" + id, Role.OFFICER, null).json().get("version").asLong();
        Res early = call(Method.POST, "/api/v1/cases/" + id + "/actions", Role.OFFICER, "{\"commandId\":\"s1\","
                + "\"action\":\"SERVE_NOTICE\",\"reason\":\"notice of intended penalty\",\"officers\":[\"HYZF-1001\","
                + "\"HYZF-0111\"],\"version\":" + version + "}");
        assertProblem(early, 409);
        assertThat(early.body()).as("the notice waits for complete evidence").contains("sewage.identification");

        Bytes upload = callBytes(Method.POST, "/api/v1/cases/" + id + "/evidence?kind=PROPERTY_SIDE_EVIDENCE&capturedAt="
                + fixture().clock.instant() + "&capturedBy=laodong-property&fact=identifiesParty:true", Role.OFFICER,
                "text/plain", "物业佐证: 倒污水者为老黄岩面馆帮厨".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(upload.status()).as(new String(upload.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(201);
        Res complete = call(Method.GET, "/api/v1/cases/" + id + "/completeness", Role.OFFICER, null);
        assertThat(complete.json().get("complete").asBoolean()).as(complete.body()).isTrue();
        assertThat(call(Method.DELETE, "/api/v1/fences/storm-drain-laodong", Role.ADMIN, null).status()).isEqualTo(204);
    }
}
