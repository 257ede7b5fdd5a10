package io.offsite.examples.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.cases.CaseLifecycle;
import io.offsite.cases.CaseService;
import io.offsite.cases.CaseState;
import io.offsite.cases.penalty.PartyType;
import io.offsite.cases.spi.CaseStore;
import io.offsite.cases.spi.StoredCase;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.patrol.FootprintCheck;
import io.offsite.core.patrol.FootprintComparison;
import io.offsite.core.patrol.PatrolPlan;
import io.offsite.core.patrol.PatrolTarget;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.EvidenceItem;
import io.offsite.evidence.Finding;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.Sha256;
import io.offsite.examples.patrol.BuildingStep.Kind;
import io.offsite.testkit.SettableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The patrol demo plans every reachable sample enterprise, reports the one out of reach, files a finding, and turns
 * the finding into a case only once its evidence is complete.
 */
class PatrolDemoTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String ENTERPRISE = "91331003MA2H000123";
    private static final GeoPoint WORKSHOP = GeoPoint.of(121.2611, 28.6420);
    /** 2026-12-07 09:41 in Huangyan: the drone over the workshop. */
    private static final Instant SEEN = LocalDateTime.of(2026, 12, 7, 9, 41).atZone(SHANGHAI).toInstant();
    private static final Instant PLANNING = LocalDateTime.of(2026, 12, 8, 15, 20).atZone(SHANGHAI).toInstant();
    private final SettableClock clock = SettableClock.at(SEEN.plus(Duration.ofHours(1)));
    private final CaseService cases = CaseService.create(CaseLifecycle.builder().build(), CaseStore.inMemory());
    private final BuildingCaseHost host = new BuildingCaseHost(clock, cases, PatrolDemo.PILOT, PatrolDemo.SECOND);
    private final FootprintComparison comparison = PatrolDemo.footprint(ENTERPRISE, WORKSHOP, SEEN);

    private static List<String> gapIds(CompletenessReport r) {
        return r.gaps().stream().map(Finding::ruleId).toList();
    }

    private List<Kind> kinds() {
        return host.timeline().stream().map(BuildingStep::kind).toList();
    }

    private CompletenessReport planningRecord(String caseId) {
        clock.set(PLANNING);
        return host.addNoPermitRecord(caseId, PLANNING, PatrolDemo.PLANNING_AUTHORITY, "HY-GH-2026-0118");
    }

    @Test
    void patrolDemo_plansAllButTheHillFactory_andFilesAPatrolAnIllegalBuildingFindingAndItsCase() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PatrolDemo.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(buf.toString(StandardCharsets.UTF_8)).containsSubsequence(
                "drone patrol plan for 650 Huangyan enterprises (sample data)",
                "649/650 targets planned (99.8 %)",
                "day  1: 8 sorties",
                "not planned: 宁溪样例模具厂 OUT_OF_RANGE — round trip from the nearest base (121.23, 28.63) is 47568 m",
                "flown 2026-12-07 09:30 by HYZF-2031",
                "permitted 600.0 m², observed 704.0 m², excess 100.0 m²",
                "EVIDENCE_OPENED  331003-2026-000901:", "inspection record of the footprint comparison",
                "DRONE_IMAGE_ADDED  331003-2026-000901: UAV-HY-03 image taken 2026-12-07 09:",
                "DRONE_IMAGE_ADDED  331003-2026-000901: UAV-HY-03 image taken 2026-09-16 10:05",
                "EVIDENCE_INCOMPLETE  331003-2026-000901: missing [building.planning-record]; not filed",
                "completeness ILLEGAL_BUILDING: incomplete", "PASSED building.drone-dates",
                "FAILED building.planning-record", "gap building.planning-record: The planning authority's record",
                "2026-12-08 15:20  PLANNING_RECORD_ADDED  331003-2026-000901: 台州市自然资源和规划局黄岩分局",
                "EVIDENCE_COMPLETE  331003-2026-000901", "completeness ILLEGAL_BUILDING: complete",
                "CASE_FILED  331003-2026-000901: INVESTIGATING, party ORGANISATION (enterprise 91331003MA2H",
                "PENALTY_NEEDS_FACTS  331003-2026-000901: table urpl-2019 (城乡规划法 Art. 64) fines 5.0–10.0 % of"
                        + " construction cost; needs constructionCostFen",
                "file (一企一档) of",
                "patrol  2026-09-16T10:05 HYZF-2031 drone patrol (无人机巡查), previous cycle",
                "patrol  2026-12-07T09:", "无人机巡查) sortie 1, day 1, stop 3 of",
                "finding 2026-12-07T09:", "ILLEGAL_BUILDING suspected illegal building (违法建设): observed footprint"
                        + " exceeds permit by 100.0 m²",
                "case    2026-12-08T15:20 ILLEGAL_BUILDING 331003-2026-000901");
    }

    @Test
    void demoPlan_fitsInsideTheTenDayPeriod_withEverySortieWithinItsBattery() {
        PatrolPlan plan = PatrolDemo.planner().plan(PatrolDemo.enterprises().stream().map(PatrolTarget::of).toList());
        assertThat(plan.sorties()).allSatisfy(s -> {
            assertThat(s.day()).isBetween(1, 10);
            assertThat(s.flightTime().toSeconds()).isLessThanOrEqualTo(25 * 60);
            assertThat(s.routeMeters()).isLessThanOrEqualTo(15_000);
        });
        assertThat(plan.sortiesOnDay(1)).extracting(PatrolPlan.Sortie::base)
                .contains(PatrolDemo.WEST_BASE, PatrolDemo.EAST_BASE);
    }

    @Test
    void illegalBuilding_isIncompleteUntilThePlanningRecord_thenFiledAgainstTheEnterprise() {
        String caseId = host.open(comparison, WORKSHOP);
        assertThat(gapIds(host.report(caseId))).containsExactly("building.drone-dates", "building.planning-record");

        host.addDroneImage(caseId, SEEN, PatrolDemo.DRONE, "extension to the north");
        CompletenessReport twoDates = host.addDroneImage(caseId, PatrolDemo.EARLIER_PATROL, PatrolDemo.DRONE,
                "no extension");
        assertThat(twoDates.complete()).isFalse();
        assertThat(gapIds(twoDates)).containsExactly("building.planning-record");
        assertThat(host.filed(caseId)).isFalse();
        assertThat(cases.find(caseId)).isEmpty();

        CompletenessReport complete = planningRecord(caseId);
        assertThat(complete.complete()).isTrue();
        assertThat(host.filed(caseId)).isTrue();
        assertThat(host.filedAt(caseId)).contains(PLANNING);
        StoredCase c = cases.find(caseId).orElseThrow();
        assertThat(c.penaltyCase().violation()).isEqualTo(Violation.ILLEGAL_BUILDING);
        assertThat(c.penaltyCase().party()).isEqualTo(PartyType.ORGANISATION);
        assertThat(c.penaltyCase().state()).isEqualTo(CaseState.INVESTIGATING);
        assertThat(host.chainOf(caseId).orElseThrow().isSealed()).isTrue();
        assertThat(kinds()).containsSubsequence(Kind.EVIDENCE_OPENED, Kind.EVIDENCE_INCOMPLETE, Kind.DRONE_IMAGE_ADDED,
                Kind.DRONE_IMAGE_ADDED, Kind.EVIDENCE_INCOMPLETE, Kind.PLANNING_RECORD_ADDED, Kind.EVIDENCE_COMPLETE,
                Kind.CASE_FILED, Kind.PENALTY_NEEDS_FACTS);
    }

    @Test
    void illegalBuildingTable_needsTheConstructionCost_soTheCaseShowsItAsNeededRatherThanAGuessedFine() {
        String caseId = host.open(comparison, WORKSHOP);
        host.addDroneImage(caseId, SEEN, PatrolDemo.DRONE, "extension to the north");
        host.addDroneImage(caseId, PatrolDemo.EARLIER_PATROL, PatrolDemo.DRONE, "no extension");
        planningRecord(caseId);

        assertThat(kinds()).doesNotContain(Kind.PENALTY_ASSESSED);
        assertThat(host.timeline()).filteredOn(s -> s.kind() == Kind.PENALTY_NEEDS_FACTS).singleElement()
                .satisfies(s -> assertThat(s.text()).contains("needs constructionCostFen"));
        assertThat(cases.find(caseId).orElseThrow().penaltyCase().intendedDecision()).isEmpty();
    }

    @Test
    void inspectionRecord_holdsBothPolygonsTheExcessPolygonAndItsArea() {
        String caseId = host.open(comparison, WORKSHOP);
        String json = BuildingCaseHost.comparisonJson(comparison);

        EvidenceItem record = host.chainOf(caseId).orElseThrow().items().get(0);
        assertThat(record.kind()).isEqualTo(ItemKind.INSPECTION_RECORD);
        assertThat(record.sha256()).isEqualTo(Sha256.hash(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(json).contains("\"objectId\":\"" + ENTERPRISE + "\"").contains("\"permittedWkt\":\"POLYGON ((")
                .contains("\"observedWkt\":\"POLYGON ((").contains("\"excessWkt\":\"POLYGON ((")
                .contains("\"permittedSquareMeters\":600.0").contains("\"observedSquareMeters\":704.0")
                .contains("\"excessSquareMeters\":100.0");
    }

    @Test
    void droneImagesOnOneDayOnly_doNotDateTheConstruction_soNoCaseIsFiled() {
        String caseId = host.open(comparison, WORKSHOP);
        host.addDroneImage(caseId, SEEN, PatrolDemo.DRONE, "extension to the north");
        host.addDroneImage(caseId, SEEN.plus(Duration.ofMinutes(3)), PatrolDemo.DRONE, "extension, second pass");

        CompletenessReport r = planningRecord(caseId);

        assertThat(r.complete()).isFalse();
        assertThat(gapIds(r)).containsExactly("building.drone-dates");
        assertThat(host.filed(caseId)).isFalse();
        assertThat(cases.find(caseId)).isEmpty();
        assertThat(kinds()).doesNotContain(Kind.EVIDENCE_COMPLETE, Kind.CASE_FILED);
    }

    @Test
    void footprintWithinTolerance_opensNoCase() {
        FootprintComparison same = FootprintCheck.builder().thresholdSquareMeters(5).build().compare(ENTERPRISE, SEEN,
                comparison.permitted().orElseThrow(), comparison.permitted().orElseThrow());

        assertThatThrownBy(() -> host.open(same, WORKSHOP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("within tolerance");
        assertThat(host.timeline()).isEmpty();
    }
}
