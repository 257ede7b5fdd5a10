package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API's contract, run twice: in memory ({@link ApiInMemoryTest}, Helidon's direct client) and on a socket
 * ({@link ApiOnSocketTest}). Each subclass owns one server over a fresh database; tests use their own plates so
 * they do not see each other's episodes, and move the manual clock only forward.
 */
abstract class ApiContract extends ApiFieldContract {
    ApiContract(Http1Client client) {
        super(client);
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
    void fenceInACellOutsideTheGrid_isRefusedNamingTheCell_andNothingIsStored() {
        String before = call(Method.GET, "/api/v1/fences", Role.ADMIN, null).body();
        String doc = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"no-such-cell\","
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.2700,28.6300],[121.2710,28.6300],"
                + "[121.2710,28.6306],[121.2700,28.6306],[121.2700,28.6300]]]},\"properties\":{\"kind\":\"NO_PARKING\","
                + "\"cell\":\"NOPE\"}}]}";
        for (Method m : List.of(Method.PUT, Method.POST)) {
            Res r = call(m, "/api/v1/fences", Role.ADMIN, doc);
            assertProblem(r, 422);
            JsonNode error = r.json().get("errors").get(0);
            assertThat(error.get("field").asText()).as(m.text()).isEqualTo("/features/0/properties/cell");
            assertThat(error.get("reason").asText()).as(m.text()).contains("\"NOPE\"").contains("not in the enforcement grid");
            assertThat(call(Method.GET, "/api/v1/fences", Role.ADMIN, null).body()).as(m.text()).isEqualTo(before);
        }
    }

    @Test
    void aRouteCalledWithAMethodItDoesNotTake_is405NamingTheMethodsItTakes_andAnUnknownPathStays404() {
        Res delete = call(Method.DELETE, "/api/v1/cases", Role.ADMIN, null);
        assertProblem(delete, 405);
        assertThat(delete.body()).contains("DELETE is not a method of /api/v1/cases").contains("it takes GET");
        assertThat(allowHeader(Method.DELETE, "/api/v1/cases", Role.ADMIN)).isEqualTo("GET");
        assertThat(allowHeader(Method.PATCH, "/api/v1/cases/331003-2026-ANY/actions", Role.ADMIN)).isEqualTo("POST");
        assertThat(allowHeader(Method.POST, "/api/v1/fences/some-fence", Role.ADMIN)).isEqualTo("DELETE");
        assertThat(call(Method.GET, "/api/v1/no-such-route", Role.ADMIN, null).status()).isEqualTo(404);
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
    void unknownCase_actionsAnswer404LikeEveryCaseRoute() {
        String act = "{\"commandId\":\"c-unknown\",\"action\":\"START_INVESTIGATION\",\"reason\":\"frozen\","
                + "\"officers\":[\"HYZF-1001\",\"HYZF-0111\"],\"version\":0}";
        Res get = call(Method.GET, "/api/v1/cases/331003-2026-NOPE", Role.OFFICER, null);
        Res actions = call(Method.POST, "/api/v1/cases/331003-2026-NOPE/actions", Role.OFFICER, act);
        assertProblem(actions, 404);
        assertThat(actions.json().get("type").asText()).isEqualTo(get.json().get("type").asText());
        assertThat(actions.json().get("detail").asText()).isEqualTo(get.json().get("detail").asText());
        for (String path : List.of("/timeline", "/completeness")) {
            assertProblem(call(Method.GET, "/api/v1/cases/331003-2026-NOPE" + path, Role.OFFICER, null), 404);
        }
    }

    @Test
    void caseTimeline_filingEntryShowsNoStateBeforeFiled() {
        String id = "331003-2026-TIMELINE01"; // each subclass has its own database; no other test counts this violation
        fixture().enforcement.cases().file(id, io.offsite.core.violation.Violation.TEMPORARY_STRUCTURE,
                io.offsite.cases.penalty.PartyType.PERSON, fixture().clock.instant(), "filed for the timeline test",
                io.offsite.core.grid.OfficerId.of("HYZF-1001"), io.offsite.core.grid.OfficerId.of("HYZF-0111"));
        Res timeline = call(Method.GET, "/api/v1/cases/" + id + "/timeline", Role.OFFICER, null);
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        List<String> filing = new ArrayList<>();
        timeline.json().forEach(l -> {
            if (l.get("source").asText().equals("case") && l.get("what").asText().equals("FILE")) {
                filing.add(l.get("detail").asText());
            }
        });
        assertThat(filing).hasSize(1);
        assertThat(filing.get(0)).startsWith("— → FILED by [HYZF-1001, HYZF-0111]");
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
}
