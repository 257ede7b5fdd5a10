package io.offsite.examples.dumping;

import static io.offsite.examples.dumping.GarbageDumpingDemo.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.cases.CaseLifecycle;
import io.offsite.cases.CaseService;
import io.offsite.cases.CaseState;
import io.offsite.cases.spi.CaseStore;
import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.FileCase;
import io.offsite.core.effect.VoiceWarning;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.EvidenceException;
import io.offsite.evidence.PersonalDetails;
import io.offsite.evidence.WitnessId;
import io.offsite.evidence.WitnessRegistry;
import io.offsite.evidence.WitnessRole;
import io.offsite.examples.dumping.DumpingStep.Kind;
import io.offsite.geofence.CollectingSink;
import io.offsite.geofence.Detection;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.testkit.SettableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The garbage-dumping timeline, step by step: detection → engine files → evidence gaps → identification → fine. */
class GarbageDumpingTimelineTest {
    private final SettableClock clock = SettableClock.at(START);
    private final CollectingSink sink = new CollectingSink();
    private final GeofenceEngine engine = GarbageDumpingDemo.engine(clock, sink);
    private final WitnessRegistry witnesses = WitnessRegistry.inMemory();
    private final CaseService cases = CaseService.create(CaseLifecycle.builder().build(), CaseStore.inMemory());
    private final DumpingHost host = new DumpingHost(clock, cases, witnesses, GarbageDumpingDemo.ENTRANCE,
            GarbageDumpingDemo.OFFICER, GarbageDumpingDemo.SECOND);

    private List<EnforcementEffect> dumpFor(long seconds) {
        return GarbageDumpingDemo.feed(engine, clock, sink, host, GarbageDumpingDemo.person("trk-88", 0, seconds), 400);
    }

    private List<Kind> kinds() {
        return host.timeline().stream().map(DumpingStep::kind).toList();
    }

    private DumpingStep step(Kind k) {
        return host.timeline().stream().filter(s -> s.kind() == k).findFirst().orElseThrow(() -> new AssertionError(
                "no " + k + " in " + host.timeline()));
    }

    @Test
    void demo_printsTheWholeTimelineFromDetectionToTheDecidedFine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DumpingHost h = GarbageDumpingDemo.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        List<Kind> kinds = h.timeline().stream().map(DumpingStep::kind).toList();
        assertThat(kinds.subList(0, 3)).containsExactlyInAnyOrder(Kind.DETECTED, Kind.ENGINE_FILES_CASE,
                Kind.EVIDENCE_OPENED);
        assertThat(kinds.get(0)).isEqualTo(Kind.DETECTED);
        assertThat(kinds.subList(3, kinds.size())).containsExactly(Kind.EVIDENCE_INCOMPLETE, Kind.IDENTIFICATION_ADDED,
                Kind.EVIDENCE_COMPLETE, Kind.CASE_FILED, Kind.PENALTY_ASSESSED, Kind.NOTICE_SERVED, Kind.DECIDED);
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("2026-12-07 07:30  DETECTED").contains("missing [dumping.identification]")
                .contains("DECIDED  331003-2026-000701: DECIDED, FINE 100 yuan (tier person-minor, table swl-2020)")
                .doesNotContain("13800000000");
    }

    @Test
    void dumpingPastTheDwell_filesAtOnceWithEvidenceAndNoWarning() {
        List<EnforcementEffect> fx = dumpFor(45);
        assertThat(fx).noneMatch(e -> e instanceof VoiceWarning);
        FileCase fc = fx.stream().filter(FileCase.class::isInstance).map(FileCase.class::cast).findFirst().orElseThrow();
        CaptureEvidence ce = fx.stream().filter(CaptureEvidence.class::isInstance).map(CaptureEvidence.class::cast)
                .findFirst().orElseThrow();
        assertThat(fc.at()).isEqualTo(START.plusSeconds(30)); // the household-waste preset's 30 s dwell
        assertThat(ce.videoClip()).isTrue();
        assertThat(step(Kind.DETECTED).at()).isEqualTo(START);
        assertThat(step(Kind.ENGINE_FILES_CASE).at()).isEqualTo(START.plusSeconds(30));
        assertThat(step(Kind.EVIDENCE_OPENED).text()).contains("1 video clip");
    }

    @Test
    void clipAndStillsAlone_leaveTheEvidenceIncompleteAndNoCaseFiled() {
        dumpFor(45);
        String caseId = host.caseIdOf(host.episodes().get(0)).orElseThrow();
        assertThat(kinds()).contains(Kind.EVIDENCE_INCOMPLETE).doesNotContain(Kind.CASE_FILED, Kind.EVIDENCE_COMPLETE);
        assertThat(step(Kind.EVIDENCE_INCOMPLETE).text()).contains("dumping.identification")
                .doesNotContain("dumping.video");
        assertThat(cases.find(caseId)).isEmpty();
    }

    @Test
    void propertyManagerIdentification_completesTheEvidenceAndFilesTheAssessedCase() {
        dumpFor(45);
        String episode = host.episodes().get(0);
        Instant at = START.plus(Duration.ofMinutes(100));
        clock.set(at);
        CompletenessReport r = host.addPropertyIdentification(episode, "某物业服务有限公司", "party-DC-0312", at);
        assertThat(r.complete()).isTrue();
        String caseId = host.caseIdOf(episode).orElseThrow();
        assertThat(cases.find(caseId)).hasValueSatisfying(c -> {
            assertThat(c.penaltyCase().state()).isEqualTo(CaseState.INVESTIGATING);
            assertThat(c.penaltyCase().violation().code()).isEqualTo("HOUSEHOLD_WASTE");
        });
        assertThat(step(Kind.CASE_FILED).at()).isEqualTo(at);
        assertThat(step(Kind.PENALTY_ASSESSED).text()).contains("FINE 100 yuan").contains("statutory range 100–500 yuan")
                .contains("person-minor");

        clock.set(START.plus(Duration.ofDays(10)));
        var decided = host.serveAndDecide(episode, START.plus(Duration.ofDays(2)), START.plus(Duration.ofDays(10)));
        assertThat(decided.penaltyCase().state()).isEqualTo(CaseState.DECIDED);
        assertThat(decided.penaltyCase().decision().orElseThrow().fineFen()).isEqualTo(10_000);
    }

    @Test
    void decidingInsideTheStatementPeriod_isRefusedByTheCaseRules() {
        dumpFor(45);
        String episode = host.episodes().get(0);
        clock.set(START.plusSeconds(600));
        host.addPropertyIdentification(episode, "某物业服务有限公司", "party-DC-0312", START.plusSeconds(600));
        assertThat(kinds()).contains(Kind.CASE_FILED);
        clock.set(START.plus(Duration.ofDays(3)));
        assertThatThrownBy(() -> host.serveAndDecide(episode, START.plus(Duration.ofDays(2)),
                START.plus(Duration.ofDays(3)))).hasMessageContaining("statement and defence period");
        assertThat(kinds()).doesNotContain(Kind.DECIDED);
    }

    @Test
    void registeredWitnessStatement_identifiesThePartyAsWell() {
        witnesses.register(new WitnessId("W-DC-021"), WitnessRole.SANITATION_WORKER,
                new PersonalDetails("环卫工（样例）", "13800000001", ""), START.minus(Duration.ofDays(30)));
        dumpFor(45);
        clock.set(START.plusSeconds(900));
        CompletenessReport r = host.addWitnessStatement(host.episodes().get(0), new WitnessId("W-DC-021"),
                "party-DC-0312", START.plusSeconds(900));
        assertThat(r.complete()).isTrue();
        assertThat(step(Kind.IDENTIFICATION_ADDED).text()).contains("registered witness W-DC-021");
        assertThat(kinds()).contains(Kind.CASE_FILED);
    }

    @Test
    void unregisteredWitness_isRefusedAndTheCaseStaysUnfiled() {
        dumpFor(45);
        assertThatThrownBy(() -> host.addWitnessStatement(host.episodes().get(0), new WitnessId("W-NOBODY"),
                "party-DC-0312", START.plusSeconds(900))).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("W-NOBODY").hasMessageContaining("not registered");
        assertThat(kinds()).doesNotContain(Kind.CASE_FILED);
    }

    @Test
    void identificationForAnUnknownEpisode_isRefused() {
        assertThatThrownBy(() -> host.addPropertyIdentification("ep-unknown", "物业", "party-1", START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ep-unknown");
    }

    @Test
    void duplicateAndOutOfOrderDetections_fileOneCaseAndReRedeliveredEffectsChangeNothing() {
        List<Detection> once = GarbageDumpingDemo.person("trk-88", 0, 45);
        List<Detection> messy = new ArrayList<>();
        for (int i = 0; i + 1 < once.size(); i += 2) { // pairs swapped (within the 5 s lateness), each sent twice
            messy.add(once.get(i + 1));
            messy.add(once.get(i));
            messy.add(once.get(i));
        }
        List<EnforcementEffect> fx = GarbageDumpingDemo.feed(engine, clock, sink, host, messy, 400);
        assertThat(fx).filteredOn(FileCase.class::isInstance).hasSize(1);
        assertThat(host.ignoredDetections()).isGreaterThanOrEqualTo(once.size() / 2);
        int lines = host.timeline().size();
        fx.forEach(host::effect); // the sink delivers everything again after a restart
        assertThat(host.timeline()).hasSize(lines);
        assertThat(kinds()).filteredOn(k -> k == Kind.ENGINE_FILES_CASE).hasSize(1);
        assertThat(host.episodes()).hasSize(1);
    }

    @Test
    void personPassingShorterThanTheDwell_isNotDumping() {
        List<EnforcementEffect> fx = dumpFor(20);
        assertThat(fx).noneMatch(e -> e instanceof FileCase || e instanceof CaptureEvidence);
        assertThat(kinds()).containsExactly(Kind.DETECTED);
    }
}
