package io.offsite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.examples.evidence.EvidenceDemo;
import io.offsite.examples.geofence.GeofenceDemo;
import io.offsite.examples.geofence.ParkingWindowSnippet;
import io.offsite.examples.grid.GridDemo;
import io.offsite.examples.notify.NotifyDemo;
import io.offsite.examples.pipeline.EnforcementPipelineDemo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The demos the README's "see it work" command runs keep telling the story they claim to tell. */
class DemoTest {

    private static String run(Consumer<PrintStream> demo) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        demo.accept(new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownSection_isNamedWithTheSectionsThereAre_andNothingRuns() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Demo.run(new String[] {"grid", "bogus"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown demo section bogus")
                .contains("grid geofence notify evidence rules pipeline dumping shopfront sewage trucks patrol");
    }

    @Test
    void gridDemo_locatesPointsAndShowsEveryValidationProblem() {
        String out = run(GridDemo::run);
        assertThat(out).contains("(121.245, 28.630) -> 西城街 < 西城南片 < 西城中队 < 黄岩区建成区 | officer HYZF-1001")
                .contains("(121.340, 28.620) -> outside the grid").contains("ERROR COVERAGE_GAP")
                .contains("2 warning(s)");
    }

    @Test
    void geofenceDemo_requestsMoveAtDwell_startsTheWindowAtDelivery_andDispatchesTenMinutesAfterIt() {
        String out = run(GeofenceDemo::run);
        assertThat(out).containsSubsequence("08:02  RequestOwnerMove", "08:02:15  MoveWindowStarted", // the sink prints it during the call
                "08:02:15  SMS delivered -> APPLIED", "08:12:16  DispatchOfficer", "08:12:16  CaptureEvidence", // 08:12:15 is occluded
                "outcome=ESCALATED");
    }

    @Test
    void readmeParkingSnippet_textsAtDwell_dispatchesTenMinutesAfterTheDelivery_throughTheOneSink() {
        java.util.List<io.offsite.core.effect.EnforcementEffect> fx = ParkingWindowSnippet.run();
        assertThat(fx).extracting(e -> e.getClass().getSimpleName()).containsExactly("RequestOwnerMove",
                "MoveWindowStarted", "DispatchOfficer", "CaptureEvidence", "EpisodeResolved");
        java.time.Instant t0 = java.time.Instant.parse("2026-11-02T00:00:00Z");
        assertThat(fx.get(0).at()).isEqualTo(t0.plusSeconds(120));
        assertThat(fx.get(2).at()).isEqualTo(t0.plusSeconds(740)); // delivered at 2:20, + 10 min
    }

    @Test
    void notifyDemo_deliversAllThreeMessagesAndRetriesTheFailedOne() {
        String out = run(NotifyDemo::run);
        assertThat(out).contains("ALREADY_QUEUED").contains("ep-41/request-owner-move     SMS   to 138****5678   DELIVERED attempts=2")
                .contains("ep-42/voice-warning/1        VOICE to 33100300001321000042 DELIVERED")
                .contains("text: 【黄岩综合执法】您的车辆浙J****5停放在橘乡大道(青年路口)禁停区域");
    }

    @Test
    void evidenceDemo_verifiesTheBundleAndCatchesTheFlippedByte() {
        String out = run(EvidenceDemo::run);
        assertThat(out).contains("complete: true").contains("verify exported bundle: OK")
                .contains("ITEM_CHANGED items/item-0002");
    }

    @Test
    void pipelineDemo_goesFromDetectionToDeliveredSmsCompleteEvidenceAndAFiledCase() {
        String out = run(EnforcementPipelineDemo::run);
        assertThat(out).containsSubsequence("09:02  RequestOwnerMove car A", "outbox: QUEUED",
                "09:02:04  owner SMS delivered -> engine: APPLIED", "MoveWindowStarted car A (owner told 09:02:04, move by 09:12:04)",
                "09:12:05  DispatchOfficer car A", "owner SMS DELIVERED", "【黄岩综合执法】您的车辆浙J****5停放在西城街禁停区域", "officer sent 09:12:05, 600 s after the owner was told",
                "completeness: complete", "independent verifier says OK",
                "case 331003-2026-000042 INVESTIGATING; intended penalty FINE", "next deadline: decide the case by 2027-03-05",
                "PROVISIONAL: 2027 counted provisionally");
    }

    @Test
    void pipelineDemo_deadLetteredText_sendsTheOfficerOnSite_andNoOffSiteCaseRestsOnIt() {
        String out = run(EnforcementPipelineDemo::run);
        assertThat(out).containsSubsequence("09:03  RequestOwnerMove car B",
                "owner SMS dead-lettered (rejected by gateway: number out of service (空号)) -> engine: APPLIED",
                "DispatchOfficer car B HYZF-1001: owner could not be told (SMS dead-lettered", "CaptureEvidence car B 3 stills, owner notice NOT_DELIVERED",
                "car B: officer HYZF-1001 handles it on site; evidence plan: no off-site case may rest on the text");
        assertThat(out).doesNotContain("MoveWindowStarted car B");
    }

    @Test
    void demoMain_runsTheFieldScenarioSectionsNamedOnTheCommandLine_andNoOthers() {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            Demo.main(new String[] {"dumping", "shopfront", "sewage", "trucks", "patrol"});
        } finally {
            System.setOut(saved);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).containsSubsequence("=== dumping:", "EVIDENCE_INCOMPLETE", "CASE_FILED", "=== shopfront:",
                "CASE_FILED", "=== sewage:", "UNATTRIBUTED", "=== trucks:", "OFF_CORRIDOR", "FileCase CONSTRUCTION_WASTE",
                "EVIDENCE_INCOMPLETE", "GATE_STILL_ADDED", "CASE_FILED", "=== patrol:", "not planned:", "excess",
                "EVIDENCE_INCOMPLETE", "PLANNING_RECORD_ADDED", "CASE_FILED");
        assertThat(out).doesNotContain("=== grid:").doesNotContain("=== pipeline:");
    }
}
