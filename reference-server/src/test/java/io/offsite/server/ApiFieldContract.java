package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The field scenarios' part of the API contract (trucks, managed objects and patrols, illegal building, sewage in
 * front of a shop), run with the rest of {@link ApiContract} in memory and on a socket.
 */
abstract class ApiFieldContract extends ApiHarness {
    ApiFieldContract(Http1Client client) {
        super(client);
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
        assertProblem(call(Method.PUT, "/api/v1/objects", Role.OFFICER, "{\"type\":\"FeatureCollection\","
                + "\"features\":[]}"), 403);
        Res strayOperator = call(Method.PUT, "/api/v1/operators", Role.ADMIN, "[{\"objectId\":\"HY-NOPE\","
                + "\"name\":\"某\",\"phone\":\"13800000000\"}]");
        assertProblem(strayOperator, 422);
        assertThat(strayOperator.body()).contains("/0/objectId").contains("HY-NOPE");
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
