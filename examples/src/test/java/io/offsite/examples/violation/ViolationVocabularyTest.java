package io.offsite.examples.violation;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.FileCase;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.effect.VoiceWarning;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.HarmLevel;
import io.offsite.cases.penalty.Outcome;
import io.offsite.cases.penalty.PenaltyCatalogue;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.CaseContext;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.CompletenessRules;
import io.offsite.evidence.EvidencePlan;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.CollectingSink;
import io.offsite.geofence.Detection;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceKind;
import io.offsite.geofence.FenceRegistry;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.LadderPolicy;
import io.offsite.geofence.LadderStep;
import io.offsite.geofence.ObjectClass;
import io.offsite.core.spi.OfficerDirectory;
import io.offsite.notify.Channel;
import io.offsite.notify.EffectNotifier;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxStores;
import io.offsite.notify.Recipients;
import io.offsite.notify.spi.SendResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary end to end: every standard violation goes from the effects its preset ladder makes the geofence
 * engine produce, through its evidence rule set, to an assessed penalty and its own loudspeaker and officer
 * texts — looked up by the effect's {@link Violation} alone, with no mapping written here. A standard
 * violation without a ladder preset, rule set, penalty table or templates fails this test.
 */
class ViolationVocabularyTest {
    private static final CameraId CAMERA = CameraId.of("33100300001320000001");
    private static final CellId CELL = CellId.of("HY-Xicheng-03");
    private static final OfficerId OFFICER = OfficerId.of("HYZF-0103");
    private static final GeoPoint SPOT = GeoPoint.of(121.2612, 28.6405);
    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Words each violation's own texts must use (the oracle; not a mapping the code under test consults). */
    private static final Map<Violation, String> WORDING = Map.of(Violation.PARKING, "驶离",
            Violation.ROAD_OCCUPATION, "占道经营", Violation.TRADING_BEYOND_SHOPFRONT, "门经营",
            Violation.HOUSEHOLD_WASTE, "乱倒垃圾", Violation.SEWAGE_DUMPING, "污水",
            Violation.CONSTRUCTION_WASTE, "建筑垃圾", Violation.ILLEGAL_BUILDING, "违法建设",
            Violation.TEMPORARY_STRUCTURE, "临时建筑");

    @Test
    void everyStandardViolation_flowsFromItsEffectsToEvidenceRulesPenaltyAndItsOwnTexts() {
        assertThat(WORDING.keySet()).as("the oracle covers every standard violation")
                .containsExactlyInAnyOrderElementsOf(Violation.standard());
        PenaltyCatalogue catalogue = PenaltyCatalogue.shipped();
        CompletenessRules rules = CompletenessRules.defaults();
        Set<String> voiceTexts = new HashSet<>();
        for (Violation v : Violation.standard()) {
            List<EnforcementEffect> effects = runPresetLadder(v);

            // Evidence: the capture request selects its rule set by its violation.
            CaptureEvidence capture = only(effects, CaptureEvidence.class).orElseThrow(
                    () -> new AssertionError(v + ": the preset ladder asks for no evidence: " + effects));
            EvidencePlan plan = EvidencePlan.from(capture);
            CompletenessReport report = rules.check(List.of(), CaseContext.builder(plan.violation(), capture.at()).build());
            assertThat(report.violation()).as(v.code()).isEqualTo(v);
            assertThat(report.complete()).as(v + " with no evidence").isFalse();

            // Penalty: the case (or, for parking, the officer's notice) is assessed under its violation's table.
            Violation assessed = only(effects, FileCase.class).map(FileCase::violation)
                    .orElseGet(() -> only(effects, DispatchOfficer.class).orElseThrow().violation());
            Decision d = catalogue.assess(assessed, facts(), LocalDate.ofInstant(capture.at(), SHANGHAI));
            assertThat(d.violation()).as(v.code()).isEqualTo(v);
            assertThat(d.outcome()).as(v.code()).isIn(Outcome.WARNING, Outcome.FINE);

            // Texts: the loudspeaker and the officer are told about this violation, in its own words.
            EffectNotifier notifier = notifier();
            String voice = text(notifier, first(effects, VoiceWarning.class).orElseGet(() -> voiceAsTheEngineWould(v)));
            String officer = text(notifier, only(effects, DispatchOfficer.class)
                    .orElseGet(() -> dispatchAsTheEngineWould(v)));
            assertThat(voice).as(v + " voice").contains(WORDING.get(v));
            assertThat(officer).as(v + " officer SMS").contains(WORDING.get(v));
            if (!v.equals(Violation.ROAD_OCCUPATION) && !v.equals(Violation.TRADING_BEYOND_SHOPFRONT)) {
                assertThat(voice).as(v + " is not told about trading").doesNotContain("经营");
            }
            voiceTexts.add(voice);
        }
        assertThat(voiceTexts).hasSize(Violation.standard().size());
    }

    private static final byte[] ID_KEY = "violation-vocabulary-test-key-01".getBytes(StandardCharsets.US_ASCII);

    /** A fence watching {@code v} with its preset ladder; a subject the ladder applies to stays until it completes. */
    private static List<EnforcementEffect> runPresetLadder(Violation v) {
        LadderPolicy policy = LadderPolicy.preset(v);
        Fence fence = Fence.builder("fence-" + v.code(), FenceKind.CUSTOM, CELL).circle(SPOT, 40).policy(policy).build();
        CollectingSink sink = new CollectingSink();
        GeofenceEngine engine = GeofenceEngine.builder(FenceRegistry.of(List.of(fence)),
                OfficerDirectory.of(Map.of(CELL, OFFICER))).effects(sink)
                .clock(Clock.fixed(T0.plus(Duration.ofDays(365)), ZoneOffset.UTC)) // after every event time fed
                .allowedLateness(Duration.ofSeconds(5)).episodeIdKey(ID_KEY).build();
        Duration total = policy.dwell();
        for (LadderStep s : policy.steps()) {
            total = total.plus(s.waitAfterPrevious());
        }
        long every = Math.max(1, Math.min(60, policy.gapTolerance().toSeconds() / 2));
        ObjectClass cls = policy.appliesTo().contains(ObjectClass.CAR) ? ObjectClass.CAR
                : policy.appliesTo().contains(ObjectClass.TRUCK) ? ObjectClass.TRUCK
                : policy.appliesTo().iterator().next();
        List<EnforcementEffect> out = new ArrayList<>();
        for (long s = 0; s <= total.toSeconds() + 3 * every; s += every) {
            Detection.Builder d = Detection.builder(CAMERA, T0.plusSeconds(s)).objectClass(cls).at(SPOT);
            engine.submit((cls.isVehicle() ? d.plate("浙J3A771", 0.95) : d.tracker("trk-" + v)).build());
            for (EnforcementEffect e : sink.takeEffects()) {
                out.add(e);
                if (e instanceof RequestOwnerMove r) { // the host reports the SMS delivery receipt
                    engine.ownerNotified(r.episodeId(), r.at().plusSeconds(20));
                    out.addAll(sink.takeEffects());
                }
            }
        }
        engine.advanceTo(T0.plus(total).plus(Duration.ofHours(1)));
        out.addAll(sink.takeEffects());
        assertThat(out).as(v + " effects").isNotEmpty();
        return out;
    }

    private static <T extends EnforcementEffect> Optional<T> only(List<EnforcementEffect> effects, Class<T> type) {
        assertThat(effects.stream().filter(type::isInstance).count()).as(type.getSimpleName() + " in " + effects)
                .isLessThanOrEqualTo(1);
        return first(effects, type);
    }

    private static <T extends EnforcementEffect> Optional<T> first(List<EnforcementEffect> effects, Class<T> type) {
        return effects.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** What the engine emits when a ladder rung holds VOICE_WARNING (this violation's preset has none). */
    private static VoiceWarning voiceAsTheEngineWould(Violation v) {
        return new VoiceWarning("ep-" + v, T0, LadderPolicy.preset(v).violation(), "fence-" + v.code(), CELL,
                CAMERA.raw(), 1, "trk-" + v, SPOT);
    }

    /** What the engine emits when a ladder rung holds DISPATCH_OFFICER (this violation's preset has none). */
    private static DispatchOfficer dispatchAsTheEngineWould(Violation v) {
        return new DispatchOfficer("ep-" + v, T0, LadderPolicy.preset(v).violation(), "fence-" + v.code(), CELL,
                OFFICER, "trk-" + v, SPOT, CAMERA.raw(), "still there 10 min after the first warning");
    }

    private static Facts facts() {
        return Facts.builder().firstViolation(false).repeatCount(2).harm(HarmLevel.MODERATE)
                .areaM2(new BigDecimal("8")).constructionCostFen(2_000_000_00L).build();
    }

    private static EffectNotifier notifier() {
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(Clock.fixed(T0, ZoneOffset.UTC))
                .gateway(Channel.SMS, r -> SendResult.accepted("sms")).gateway(Channel.VOICE, r -> SendResult.delivered("v"))
                .build();
        Recipients recipients = Recipients.builder().clock(Clock.fixed(T0, ZoneOffset.UTC))
                .officerDirectory(new io.offsite.core.spi.OfficerDirectory() {
                    @Override
                    public Optional<OfficerId> responsibleFor(CellId cell, java.time.Instant at) {
                        return Optional.of(OFFICER);
                    }

                    @Override
                    public Optional<String> phone(OfficerId officer) {
                        return Optional.of("13511112222");
                    }
                }).build();
        return EffectNotifier.builder(outbox, recipients).sign("黄岩综合执法").placeNames((fence, loc) -> "劳动北路").build();
    }

    private static String text(EffectNotifier notifier, EnforcementEffect e) {
        return notifier.handle(e).message().orElseThrow(() -> new AssertionError("no message for " + e))
                .message().text();
    }
}
