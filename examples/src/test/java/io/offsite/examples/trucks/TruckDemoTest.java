package io.offsite.examples.trucks;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.cases.CaseLifecycle;
import io.offsite.cases.CaseService;
import io.offsite.cases.CaseState;
import io.offsite.cases.penalty.PartyType;
import io.offsite.cases.spi.CaseStore;
import io.offsite.cases.spi.StoredCase;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.EvidenceItem;
import io.offsite.evidence.Finding;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.examples.trucks.TruckStep.Kind;
import io.offsite.geofence.truck.TruckFinding;
import io.offsite.geofence.truck.TruckPermit;
import io.offsite.testkit.SettableClock;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The truck demo leaves its corridor, gets one OFF_CORRIDOR finding with a hashed track, and its case is filed only
 * once the loading site's gate still completes the evidence.
 */
class TruckDemoTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private final TruckPermit permit = TruckDemo.permit();
    private final SettableClock clock = SettableClock.at(TruckDemo.START.minusSeconds(10));
    private final CaseService cases = CaseService.create(CaseLifecycle.builder().build(), CaseStore.inMemory());
    private final TruckCaseHost host = new TruckCaseHost(clock, cases, List.of(permit), TruckDemo.OFFICER,
            TruckDemo.SECOND);

    private TruckFinding offCorridor() {
        List<TruckFinding> findings = TruckDemo.drive(permit, clock, QUIET);
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    private void gateOut(String siteId, Instant at, String plate) {
        host.gatePassage(siteId, TruckDemo.GATE_CAMERA, TruckDemo.LOADING_GATE, at, plate);
    }

    private static List<String> gapIds(CompletenessReport r) {
        return r.gaps().stream().map(Finding::ruleId).toList();
    }

    private List<Kind> kinds() {
        return host.timeline().stream().map(TruckStep::kind).toList();
    }

    @Test
    void truckDemo_leavesTheCorridor_andFilesOneCaseOnceTheGateStillCompletesTheEvidence() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TruckDemo.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String text = buf.toString(StandardCharsets.UTF_8);
        assertThat(text).containsSubsequence(
                "20:59:50  GATE_PASSAGE  camera 33100300001321000058 at the gate of site S-BEICHENG-07: 浙J****5",
                "21:00  truck 浙J****5 (terminal 013305760001)",
                "21:03  leaves the corridor",
                "21:05:10  FINDING (decided; emitted with the 2-min after-track) OFF_CORRIDOR 浙J****5 since 21:03",
                "id 013305760001/OFF_CORRIDOR/2026-11-02T13:03:00Z",
                "track 44 positions 21:00–21:07:10, sha256 ",
                "21:08  back on the corridor",
                "GPS: 1 finding(s), 0 out of order",
                "FileCase CONSTRUCTION_WASTE episode 013305760001/OFF_CORRIDOR/2026-11-02T13:03:00Z fence HY-ZY-2026-0042"
                        + " cell HY-1-A-2 subject 浙J****5",
                "EVIDENCE_OPENED  331003-2026-000801: OFF_CORRIDOR 浙J****5, GPS track of 44 positions",
                "EVIDENCE_INCOMPLETE  331003-2026-000801: missing [waste.site-camera]; not filed",
                "completeness CONSTRUCTION_WASTE: incomplete", "FAILED waste.site-camera",
                "gap waste.site-camera: A site-gate camera image",
                "21:15  GATE_STILL_ADDED  331003-2026-000801: still of camera 33100300001321000058 shows 浙J****5 leaving"
                        + " loading site S-BEICHENG-07 at 2026-11-02 20:59:50",
                "EVIDENCE_COMPLETE", "completeness CONSTRUCTION_WASTE: complete", "PASSED waste.site-camera",
                "CASE_FILED  331003-2026-000801: INVESTIGATING, party ORGANISATION",
                "PENALTY_ASSESSED  331003-2026-000801: FINE 5000 yuan (tier org-minor, table moc-2005)",
                "done: 1 finding(s), 1 case(s) filed with complete evidence");
        assertThat(text).doesNotContain("12345"); // the plate is only shown masked
        assertThat(text).containsPattern("sha256 [0-9a-f]{64}");
    }

    @Test
    void offCorridorFinding_isIncompleteWithTheTrackAlone_andFiledOnlyAfterTheGateStill() {
        gateOut(TruckDemo.LOADING_SITE, TruckDemo.START.minusSeconds(10), permit.plate());
        TruckFinding f = offCorridor();

        CompletenessReport opened = host.finding(f, TruckDemo.CELL);
        String caseId = host.caseIdOf(f.findingId()).orElseThrow();
        assertThat(opened.complete()).isFalse();
        assertThat(gapIds(opened)).containsExactly("waste.site-camera");
        assertThat(host.filed(f.findingId())).isFalse();
        assertThat(cases.find(caseId)).isEmpty();

        clock.set(TruckDemo.START.plus(Duration.ofMinutes(15)));
        CompletenessReport after = host.collectGateStill(f.findingId());
        assertThat(after.complete()).isTrue();
        assertThat(host.filed(f.findingId())).isTrue();
        StoredCase c = cases.find(caseId).orElseThrow();
        assertThat(c.penaltyCase().violation()).isEqualTo(Violation.CONSTRUCTION_WASTE);
        assertThat(c.penaltyCase().party()).isEqualTo(PartyType.ORGANISATION);
        assertThat(c.penaltyCase().state()).isEqualTo(CaseState.INVESTIGATING);
        assertThat(host.chainOf(f.findingId()).orElseThrow().isSealed()).isTrue();
        assertThat(kinds()).containsSubsequence(Kind.GATE_PASSAGE, Kind.EVIDENCE_OPENED, Kind.EVIDENCE_INCOMPLETE,
                Kind.GATE_STILL_ADDED, Kind.EVIDENCE_COMPLETE, Kind.CASE_FILED, Kind.PENALTY_ASSESSED);
    }

    @Test
    void trackItem_holdsTheFindingsCanonicalBytes_soItsHashIsTheFindingsSha256() {
        gateOut(TruckDemo.LOADING_SITE, TruckDemo.START.minusSeconds(10), permit.plate());
        TruckFinding f = offCorridor();
        host.finding(f, TruckDemo.CELL);
        host.collectGateStill(f.findingId());

        List<EvidenceItem> items = host.chainOf(f.findingId()).orElseThrow().items();
        EvidenceItem track = items.stream().filter(i -> i.kind() == ItemKind.GPS_TRACK).findFirst().orElseThrow();
        assertThat(track.sha256().hex()).isEqualTo(f.track().sha256Hex());
        assertThat(track.sizeBytes()).isEqualTo(f.track().canonicalBytes().length);
        assertThat(track.spec().fact("sha256")).contains(f.track().sha256Hex());
        assertThat(track.spec().fact(ItemSpec.SOURCE)).contains("GPS");
        EvidenceItem still = items.stream().filter(i -> i.kind() == ItemKind.STILL).findFirst().orElseThrow();
        assertThat(still.spec().fact(ItemSpec.SOURCE)).contains("SITE_CAMERA");
        assertThat(still.capturedAt()).isBefore(f.track().positions().get(0).time());
    }

    @Test
    void withoutAGatePassage_theChainStaysIncomplete_andNoCaseIsFiled() {
        TruckFinding f = offCorridor();
        host.finding(f, TruckDemo.CELL);
        clock.set(TruckDemo.START.plus(Duration.ofMinutes(15)));

        CompletenessReport r = host.collectGateStill(f.findingId());

        assertThat(r.complete()).isFalse();
        assertThat(gapIds(r)).containsExactly("waste.site-camera");
        assertThat(host.filed(f.findingId())).isFalse();
        assertThat(cases.find(host.caseIdOf(f.findingId()).orElseThrow())).isEmpty();
        assertThat(kinds()).contains(Kind.GATE_STILL_MISSING).doesNotContain(Kind.CASE_FILED, Kind.PENALTY_ASSESSED);
    }

    @Test
    void passagesAtTheDisposalSite_afterTheDeviation_orOfAnotherTruck_doNotTieTheTruckToItsLoadingSite() {
        gateOut("S-CHENGBEI", TruckDemo.START.minusSeconds(10), permit.plate()); // not a loading site
        gateOut(TruckDemo.LOADING_SITE, TruckDemo.START.plusSeconds(240), permit.plate()); // after it left the road
        gateOut(TruckDemo.LOADING_SITE, TruckDemo.START.minusSeconds(30), "浙J67890"); // another truck
        gateOut(TruckDemo.LOADING_SITE, TruckDemo.START.minus(Duration.ofHours(3)), permit.plate()); // an earlier trip
        TruckFinding f = offCorridor();
        host.finding(f, TruckDemo.CELL);
        clock.set(TruckDemo.START.plus(Duration.ofMinutes(15)));

        assertThat(host.collectGateStill(f.findingId()).complete()).isFalse();
        assertThat(host.filed(f.findingId())).isFalse();
        assertThat(host.chainOf(f.findingId()).orElseThrow().items()).extracting(EvidenceItem::kind)
                .containsExactly(ItemKind.GPS_TRACK);
    }

    @Test
    void theSameFindingHandedInTwice_opensOneChainWithOneTrack() {
        TruckFinding f = offCorridor();
        host.finding(f, TruckDemo.CELL);
        host.finding(f, TruckDemo.CELL);

        assertThat(host.chainOf(f.findingId()).orElseThrow().items()).hasSize(1);
        assertThat(kinds()).containsOnlyOnce(Kind.EVIDENCE_OPENED);
    }
}
