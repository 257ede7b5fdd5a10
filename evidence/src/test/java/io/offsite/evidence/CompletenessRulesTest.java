package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.violation.Violation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class CompletenessRulesTest {
    static final CompletenessRules RULES = CompletenessRules.defaults();
    static final Instant T0 = Fixtures.T0;
    static final Geometry FENCE = fence();

    static Geometry fence() {
        try {
            return new WKTReader().read("POLYGON((121.2550 28.6340, 121.2553 28.6340, 121.2553 28.6343, "
                    + "121.2550 28.6343, 121.2550 28.6340))");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    int n;

    EvidenceItem item(ItemSpec spec) {
        n++;
        return new EvidenceItem(String.format("item-%04d", n), spec, Sha256.hash(new byte[] {(byte) n}), 10,
                Optional.empty(), Optional.empty());
    }

    /** The dispatch capture 10 min after the SMS delivery at T0 + 25 s. */
    CaseContext parkingContext() {
        return parkingContext(T0.plusSeconds(25 + 600));
    }

    CaseContext parkingContext(java.time.Instant dispatchCapture) {
        return CaseContext.builder(Violation.PARKING, T0.plusSeconds(3600)).fence(FENCE).moveWindow(Duration.ofMinutes(10))
                .windowEnd(dispatchCapture).build();
    }

    List<EvidenceItem> parkingItems() {
        List<EvidenceItem> items = new ArrayList<>();
        items.add(item(Fixtures.still(T0, true)));
        items.add(item(Fixtures.sms(T0.plusSeconds(20), T0.plusSeconds(25))));
        items.add(item(Fixtures.still(T0.plusSeconds(300), false)));
        items.add(item(Fixtures.still(T0.plusSeconds(660), true)));
        return items;
    }

    static Finding finding(CompletenessReport r, String id) {
        return r.findings().stream().filter(f -> f.ruleId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void defaults_haveARuleSetForEveryStandardViolation() {
        assertThat(RULES.violations()).containsExactlyInAnyOrderElementsOf(Violation.standard());
    }

    @Test
    void parking_threeStationaryStillsSpanningTheWindow_smsDelivered_isComplete() {
        CompletenessReport r = RULES.check(parkingItems(), parkingContext());
        assertThat(r.gaps()).isEmpty();
        assertThat(r.complete()).isTrue();
        assertThat(r.findings()).hasSize(7);
        assertThat(finding(r, "parking.stills.count").reason()).contains("at least 3 stills");
    }

    @Test
    void parking_twoStills_failsCountWithReasonAndFoundNumber() {
        List<EvidenceItem> items = parkingItems();
        items.remove(2);
        Finding f = finding(RULES.check(items, parkingContext()), "parking.stills.count");
        assertThat(f.status()).isEqualTo(Finding.Status.FAILED);
        assertThat(f.detail()).isEqualTo("found 2 of the 3 required");
    }

    @Test
    void parking_noLegiblePlate_fails() {
        List<EvidenceItem> items = new ArrayList<>(List.of(item(Fixtures.still(T0, false)),
                item(Fixtures.still(T0.plusSeconds(300), false)), item(Fixtures.still(T0.plusSeconds(700), false)),
                item(Fixtures.sms(T0.plusSeconds(20), T0.plusSeconds(25)))));
        CompletenessReport r = RULES.check(items, parkingContext());
        assertThat(r.gaps()).extracting(Finding::ruleId).containsExactly("parking.stills.plate");
        assertThat(finding(r, "parking.stills.plate").reason()).contains("legible number plate");
    }

    @Test
    void parking_stillsWithinTheWindow_failSpan() {
        List<EvidenceItem> items = new ArrayList<>(List.of(item(Fixtures.still(T0, true)),
                item(Fixtures.still(T0.plusSeconds(100), true)), item(Fixtures.still(T0.plusSeconds(600), true)),
                item(Fixtures.sms(T0.plusSeconds(20), T0.plusSeconds(25)))));
        Finding f = finding(RULES.check(items, parkingContext()), "parking.stills.span");
        assertThat(f.status()).isEqualTo(Finding.Status.FAILED);
        assertThat(f.detail()).contains("600 s apart; the window is 600 s");
    }

    @Test
    void parking_smsDeliveredAfterWindowEnd_orNeverDelivered_fails() {
        List<EvidenceItem> items = parkingItems();
        items.set(1, item(Fixtures.sms(T0.plusSeconds(20), T0.plusSeconds(700))));
        assertThat(finding(RULES.check(items, parkingContext()), "parking.sms").status())
                .isEqualTo(Finding.Status.FAILED);
        items.remove(1);
        assertThat(finding(RULES.check(items, parkingContext()), "parking.sms").detail()).isEqualTo("no SMS record");
    }

    @Test
    void parking_smsDelivered30sBeforeTheWindowEnd_isIncomplete_theWindowRunsFromDelivery() {
        // texted at +20 s, delivered at +590 s: before the decision-based window end (+620 s), but the owner had
        // only 30 s before the dispatch capture at +620 s
        List<EvidenceItem> items = parkingItems();
        items.set(1, item(Fixtures.sms(T0.plusSeconds(20), T0.plusSeconds(590))));
        CompletenessReport r = RULES.check(items, parkingContext(T0.plusSeconds(620)));
        assertThat(r.complete()).isFalse();
        Finding f = finding(r, "parking.sms");
        assertThat(f.status()).isEqualTo(Finding.Status.FAILED);
        assertThat(f.detail()).contains("only 30 s before the dispatch capture")
                .contains("the full 600 s window from delivery");
        assertThat(f.reason()).contains("at least the full move window before the dispatch capture");
    }

    @Test
    void parking_smsDeliveredTheFullWindowBeforeTheDispatchCapture_isComplete() {
        List<EvidenceItem> items = parkingItems();
        items.set(1, item(Fixtures.sms(T0.plusSeconds(20), T0.plusSeconds(20))));
        CompletenessReport exactly = RULES.check(items, parkingContext(T0.plusSeconds(620)));
        assertThat(finding(exactly, "parking.sms").status()).isEqualTo(Finding.Status.PASSED);
        assertThat(exactly.complete()).isTrue();
        assertThat(finding(RULES.check(items, parkingContext(T0.plusSeconds(619))), "parking.sms").status())
                .isEqualTo(Finding.Status.FAILED);
    }

    @Test
    void parking_unreviewedCameraOrDriftingClock_failsDeviceCheck() {
        List<EvidenceItem> items = parkingItems();
        items.set(0, item(ItemSpec.builder(ItemKind.STILL, "image/jpeg", T0, Fixtures.CAMERA).location(Fixtures.SPOT)
                .deviceReview(DeviceReview.NOT_REVIEWED).stationary(true).plateLegible(true).build()));
        items.set(2, item(ItemSpec.builder(ItemKind.STILL, "image/jpeg", T0.plusSeconds(300), Fixtures.CAMERA)
                .location(Fixtures.SPOT).deviceReview(DeviceReview.REVIEWED).clockErrorPer24h(Duration.ofMillis(1500))
                .stationary(true).build()));
        Finding f = finding(RULES.check(items, parkingContext()), "parking.device");
        assertThat(f.status()).isEqualTo(Finding.Status.FAILED);
        assertThat(f.itemIds()).hasSize(2);
        assertThat(f.detail()).contains("NOT_REVIEWED").contains("1500 ms/24 h");
    }

    @Test
    void parking_stillOutsideFence_fails_andMissingFenceCannotBeChecked() {
        List<EvidenceItem> items = parkingItems();
        items.set(2, item(ItemSpec.builder(ItemKind.STILL, "image/jpeg", T0.plusSeconds(300), Fixtures.CAMERA)
                .location(GeoPoint.of(121.2600, 28.6341)).deviceReview(DeviceReview.REVIEWED)
                .clockErrorPer24h(Duration.ZERO).stationary(true).build()));
        assertThat(finding(RULES.check(items, parkingContext()), "parking.fence").detail()).contains("outside");
        CaseContext noFence = CaseContext.builder(Violation.PARKING, T0.plusSeconds(3600)).moveWindow(Duration.ofMinutes(10))
                .windowEnd(T0.plusSeconds(620)).build();
        CompletenessReport r = RULES.check(parkingItems(), noFence);
        assertThat(finding(r, "parking.fence").status()).isEqualTo(Finding.Status.CANNOT_CHECK);
        assertThat(r.complete()).isFalse();
    }

    @Test
    void common_inconsistentTimes_areFound() {
        List<EvidenceItem> items = parkingItems();
        items.add(item(Fixtures.sms(T0.plusSeconds(30), T0.plusSeconds(10))));
        items.add(item(Fixtures.still(T0.plusSeconds(7200), true)));
        Finding f = finding(RULES.check(items, parkingContext()), "common.timestamps");
        assertThat(f.status()).isEqualTo(Finding.Status.FAILED);
        assertThat(f.detail()).contains("delivered").contains("after the check time");
    }

    @Test
    void vending_needsLadderCountOfWarningsAndAClip() {
        CaseContext ctx = CaseContext.builder(Violation.ROAD_OCCUPATION, T0.plusSeconds(3600)).warningsRequired(3).build();
        List<EvidenceItem> items = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            items.add(item(ItemSpec.builder(ItemKind.VOICE_WARNING_RECORD, "audio/mpeg", T0.plusSeconds(60 * i),
                    "speaker-1").build()));
        }
        CompletenessReport r = RULES.check(items, ctx);
        assertThat(r.gaps()).extracting(Finding::ruleId).containsExactly("vending.warnings", "vending.video");
        items.add(item(ItemSpec.builder(ItemKind.VOICE_WARNING_RECORD, "audio/mpeg", T0.plusSeconds(180), "speaker-1")
                .build()));
        items.add(item(ItemSpec.builder(ItemKind.VIDEO_CLIP, "video/mp4", T0.plusSeconds(240), Fixtures.CAMERA)
                .deviceReview(DeviceReview.REVIEWED).clockErrorPer24h(Duration.ofMillis(200)).build()));
        assertThat(RULES.check(items, ctx).complete()).isTrue();
        CaseContext noLadder = CaseContext.builder(Violation.ROAD_OCCUPATION, T0.plusSeconds(3600)).build();
        assertThat(finding(RULES.check(items, noLadder), "vending.warnings").status())
                .isEqualTo(Finding.Status.CANNOT_CHECK);
    }

    @Test
    void dumping_videoPlusWitnessOrPropertyIdentification() {
        CaseContext ctx = CaseContext.builder(Violation.HOUSEHOLD_WASTE, T0.plusSeconds(3600)).build();
        List<EvidenceItem> items = new ArrayList<>();
        items.add(item(ItemSpec.builder(ItemKind.VIDEO_CLIP, "video/mp4", T0, Fixtures.CAMERA).build()));
        Finding f = finding(RULES.check(items, ctx), "dumping.identification");
        assertThat(f.status()).isEqualTo(Finding.Status.FAILED);
        assertThat(f.reason()).contains("证人证言");
        items.add(item(ItemSpec.builder(ItemKind.WITNESS_STATEMENT, "application/pdf", T0.plusSeconds(60), "officer-3")
                .fact(ItemSpec.IDENTIFIES_PARTY, "false").build()));
        assertThat(RULES.check(items, ctx).complete()).isFalse();
        items.add(item(ItemSpec.builder(ItemKind.PROPERTY_SIDE_EVIDENCE, "application/pdf", T0.plusSeconds(90),
                "property-co").fact(ItemSpec.IDENTIFIES_PARTY, "true").build()));
        CompletenessReport r = RULES.check(items, ctx);
        assertThat(r.complete()).isTrue();
        assertThat(finding(r, "dumping.identification").detail()).startsWith("met by dumping.identification.property");
    }

    @Test
    void constructionWaste_needsTrackAndSiteCamera() {
        CaseContext ctx = CaseContext.builder(Violation.CONSTRUCTION_WASTE, T0.plusSeconds(3600)).build();
        List<EvidenceItem> items = new ArrayList<>();
        items.add(item(ItemSpec.builder(ItemKind.GPS_TRACK, "application/geo+json", T0, "13800000000").build()));
        items.add(item(ItemSpec.builder(ItemKind.STILL, "image/jpeg", T0, Fixtures.CAMERA).build()));
        assertThat(RULES.check(items, ctx).gaps()).extracting(Finding::ruleId).containsExactly("waste.site-camera");
        items.add(item(ItemSpec.builder(ItemKind.STILL, "image/jpeg", T0, "gate-cam-7")
                .fact(ItemSpec.SOURCE, "SITE_CAMERA").build()));
        assertThat(RULES.check(items, ctx).complete()).isTrue();
    }

    @Test
    void illegalBuilding_needsDroneImagesOnTwoLocalDates_andPlanningRecord() {
        CaseContext ctx = CaseContext.builder(Violation.ILLEGAL_BUILDING, T0.plusSeconds(90 * 86400)).build();
        List<EvidenceItem> items = new ArrayList<>();
        // 2026-03-01T16:30Z and 2026-03-01T15:00Z are both 2026-03-02 / 2026-03-01 in Shanghai (UTC+8)
        items.add(item(ItemSpec.builder(ItemKind.DRONE_IMAGE, "image/jpeg", Instant.parse("2026-03-01T16:30:00Z"),
                "drone-2").build()));
        items.add(item(ItemSpec.builder(ItemKind.DRONE_IMAGE, "image/jpeg", Instant.parse("2026-03-02T02:00:00Z"),
                "drone-2").build()));
        CompletenessReport r = RULES.check(items, ctx);
        assertThat(finding(r, "building.drone-dates").status()).isEqualTo(Finding.Status.FAILED);
        assertThat(finding(r, "building.drone-dates").detail()).contains("1 distinct date");
        items.add(item(ItemSpec.builder(ItemKind.DRONE_IMAGE, "image/jpeg", Instant.parse("2026-04-02T02:00:00Z"),
                "drone-2").build()));
        items.add(item(ItemSpec.builder(ItemKind.AGENCY_RECORD, "application/pdf", T0, "planning-bureau")
                .fact(ItemSpec.RECORD_TYPE, "PLANNING").build()));
        assertThat(RULES.check(items, ctx).complete()).isTrue();
    }

    @Test
    void derivedCopies_doNotCountTowardsRequirements() {
        List<EvidenceItem> items = parkingItems();
        EvidenceItem orig = items.remove(2);
        items.add(new EvidenceItem("item-0099", orig.spec(), orig.sha256(), 10, Optional.of("item-0001"),
                Optional.of("faces blurred")));
        assertThat(finding(RULES.check(items, parkingContext()), "parking.stills.count").status())
                .isEqualTo(Finding.Status.FAILED);
    }

    @Test
    void unknownViolationCode_orMalformedRuleFile_isRejectedWithSpecifics() {
        assertThatThrownBy(() -> RULES.check(List.of(), CaseContext.builder(Violation.of("SPEEDING"), T0).build()))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("SPEEDING").hasMessageContaining("PARKING");
        String bad = "{\"version\":1,\"common\":[],\"violations\":{\"X\":{\"title\":\"x\",\"checks\":[{\"id\":\"x.1\","
                + "\"type\":\"minCount\",\"kinds\":[\"PHOTO\"],\"min\":1,\"reason\":\"r\"}]}}}";
        assertThatThrownBy(() -> CompletenessRules.load(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("x.1").hasMessageContaining("PHOTO");
        String badKey = bad.replace("PHOTO", "STILL").replace("\"X\"", "\"vending\"");
        assertThatThrownBy(() -> CompletenessRules.load(new ByteArrayInputStream(badKey.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("violations.vending")
                .hasMessageContaining("'vending'");
        String badType = bad.replace("minCount", "atLeast").replace("PHOTO", "STILL");
        assertThatThrownBy(() -> CompletenessRules.load(new ByteArrayInputStream(
                badType.getBytes(StandardCharsets.UTF_8)))).hasMessageContaining("unknown check type \"atLeast\"");
    }
}
