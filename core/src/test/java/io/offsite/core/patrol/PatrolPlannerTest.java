package io.offsite.core.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.patrol.PatrolPlan.Sortie;
import io.offsite.core.patrol.PatrolPlan.Unplanned;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PatrolPlannerTest {
    private static PatrolPlanner.Builder huangyanFleet() {
        return PatrolPlanner.builder().base(Huangyan.WEST_BASE).base(Huangyan.EAST_BASE).cruiseSpeedMetersPerSecond(12)
                .maxFlightTime(Duration.ofMinutes(25)).maxRangeMeters(15_000).hoverTimePerTarget(Duration.ofSeconds(45))
                .sortiesPerDay(8).periodDays(14);
    }

    /** Route length recomputed from the stops, independently of the planner's own bookkeeping. */
    private static double routeMeters(Sortie s) {
        double sum = 0;
        GeoPoint prev = s.base();
        for (PatrolTarget t : s.stops()) {
            sum += Huangyan.PROJ.distanceMeters(prev, t.location());
            prev = t.location();
        }
        return sum + Huangyan.PROJ.distanceMeters(prev, s.base());
    }

    @Test
    void sixHundredFiftyEnterprises_eachVisitedExactlyOnce() {
        List<PatrolTarget> targets = Huangyan.enterprises(650, 7);
        PatrolPlan plan = huangyanFleet().build().plan(targets);

        Map<String, Integer> visits = new HashMap<>();
        plan.sorties().forEach(s -> s.stops().forEach(t -> visits.merge(t.id(), 1, Integer::sum)));
        assertThat(plan.unplanned()).isEmpty();
        assertThat(visits).hasSize(650).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(plan.coverage()).isEqualTo(1.0);
        assertThat(plan.targetsPlanned()).isEqualTo(650);
    }

    @Test
    void everySortie_staysWithinBatteryAndRange_andReportsItsTrueLength() {
        PatrolPlanner planner = huangyanFleet().maxFlightTime(Duration.ofMinutes(20)).maxRangeMeters(9_000).build();
        PatrolPlan plan = planner.plan(Huangyan.enterprises(650, 11));

        assertThat(plan.sorties()).hasSizeGreaterThan(10).allSatisfy(s -> {
            assertThat(s.routeMeters()).isLessThanOrEqualTo(9_000 + 1e-6);
            assertThat(s.flightTime()).isLessThanOrEqualTo(Duration.ofMinutes(20).plusMillis(1));
            assertThat(routeMeters(s)).isCloseTo(s.routeMeters(), Offset.offset(0.01));
            Duration expected = Duration.ofMillis(Math.round(s.routeMeters() / 12 * 1000))
                    .plus(Duration.ofSeconds(45).multipliedBy(s.stops().size()));
            assertThat(s.flightTime()).isEqualTo(expected);
        });
        assertThat(plan.totalRouteMeters())
                .isCloseTo(plan.sorties().stream().mapToDouble(Sortie::routeMeters).sum(), Offset.offset(1e-6));
    }

    @Test
    void targetBeyondEveryBasesRoundTrip_isReportedOutOfRange_withTheFigures() {
        List<PatrolTarget> targets = new ArrayList<>(Huangyan.enterprises(20, 3));
        PatrolTarget ningxi = PatrolTarget.of("NX-1", "宁溪镇某厂", GeoPoint.of(121.00, 28.70)); // ~27 km west
        targets.add(5, ningxi);
        PatrolPlan plan = huangyanFleet().build().plan(targets);

        assertThat(plan.unplanned()).singleElement().satisfies(u -> {
            assertThat(u.target()).isEqualTo(ningxi);
            assertThat(u.reason()).isEqualTo(Unplanned.Reason.OUT_OF_RANGE);
            assertThat(u.detail()).contains("nearest base (121.23, 28.63)").contains("a sortie allows 15000 m and 1500 s");
        });
        assertThat(plan.targetsPlanned()).isEqualTo(20);
        assertThat(plan.coverage()).isCloseTo(20.0 / 21, Offset.offset(1e-12));
    }

    @Test
    void moreSortiesThanThePeriodAllows_reportsTheLeftoverTargetsPeriodFull() {
        PatrolPlanner planner = huangyanFleet().sortiesPerDay(2).periodDays(3).build();
        List<PatrolTarget> targets = Huangyan.enterprises(650, 5);
        PatrolPlan plan = planner.plan(targets);

        assertThat(plan.sorties()).hasSize(6);
        assertThat(plan.sorties()).extracting(Sortie::day).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(plan.sorties()).extracting(Sortie::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(plan.unplanned()).isNotEmpty().allSatisfy(u -> {
            assertThat(u.reason()).isEqualTo(Unplanned.Reason.PERIOD_FULL);
            assertThat(u.detail()).contains("3 day(s) × 2 sorties per day allow 6");
        });
        assertThat(plan.targetsPlanned() + plan.unplanned().size()).isEqualTo(650);
        // unplanned targets keep the order they were given in
        List<Integer> positions = plan.unplanned().stream().map(u -> targets.indexOf(u.target())).toList();
        assertThat(positions).isSorted();
    }

    @Test
    void keptSorties_whenThePeriodIsFull_areThoseVisitingMostTargets() {
        PatrolPlanner planner = huangyanFleet().sortiesPerDay(1).periodDays(100).build();
        PatrolPlan all = planner.plan(Huangyan.enterprises(300, 9));
        PatrolPlan three = huangyanFleet().sortiesPerDay(1).periodDays(3).build()
                .plan(Huangyan.enterprises(300, 9));

        List<Integer> biggest = all.sorties().stream().map(s -> s.stops().size()).sorted((a, b) -> b - a).limit(3).toList();
        assertThat(three.sorties().stream().map(s -> s.stops().size()).sorted((a, b) -> b - a).toList()).isEqualTo(biggest);
    }

    @Test
    void samePlanTwice_isIdentical() {
        PatrolPlanner planner = huangyanFleet().build();
        assertThat(planner.plan(Huangyan.enterprises(650, 21))).isEqualTo(planner.plan(Huangyan.enterprises(650, 21)));
    }

    @Test
    void eachTarget_fliesFromItsNearestBase() {
        PatrolPlan plan = huangyanFleet().build().plan(Huangyan.enterprises(400, 13));
        assertThat(plan.sorties()).allSatisfy(s -> assertThat(s.stops()).allSatisfy(t -> {
            double own = Huangyan.PROJ.distanceMeters(s.base(), t.location());
            double west = Huangyan.PROJ.distanceMeters(Huangyan.WEST_BASE, t.location());
            double east = Huangyan.PROJ.distanceMeters(Huangyan.EAST_BASE, t.location());
            assertThat(own).isLessThanOrEqualTo(Math.min(west, east) + 1e-6);
        }));
        assertThat(plan.sorties()).extracting(Sortie::base).contains(Huangyan.WEST_BASE, Huangyan.EAST_BASE);
    }

    @Test
    void sortiesTakeTheBasesInTurn_soEveryBaseFliesEveryDay() {
        PatrolPlan plan = huangyanFleet().sortiesPerDay(4).build().plan(Huangyan.enterprises(650, 19));
        int days = plan.sorties().get(plan.sorties().size() - 1).day();
        for (int d = 1; d < days; d++) { // the last day may hold only one base's leftovers
            assertThat(plan.sortiesOnDay(d)).extracting(Sortie::base).as("day %d", d)
                    .containsExactly(Huangyan.WEST_BASE, Huangyan.EAST_BASE, Huangyan.WEST_BASE, Huangyan.EAST_BASE);
        }
    }

    @Test
    void arrivalOffsets_growAlongTheRoute_andFitInsideTheFlight() {
        PatrolPlan plan = huangyanFleet().build().plan(Huangyan.enterprises(120, 17));
        assertThat(plan.sorties()).allSatisfy(s -> {
            assertThat(s.arrivalOffsets()).isSorted().hasSize(s.stops().size());
            assertThat(s.arrivalOffsets().get(s.stops().size() - 1)).isLessThan(s.flightTime());
        });
    }

    @Test
    void noTargets_givesAnEmptyPlanWithFullCoverage() {
        PatrolPlan plan = huangyanFleet().build().plan(List.of());
        assertThat(plan.sorties()).isEmpty();
        assertThat(plan.coverage()).isEqualTo(1.0);
        assertThat(plan.summary()).startsWith("0 sorties");
    }

    @Test
    void rangeOnly_withoutBattery_isEnoughToPlan() {
        PatrolPlan plan = PatrolPlanner.builder().base(Huangyan.CENTRE).maxRangeMeters(8_000).build()
                .plan(Huangyan.enterprises(100, 1));
        assertThat(plan.sorties()).allSatisfy(s -> assertThat(s.routeMeters()).isLessThanOrEqualTo(8_000 + 1e-6));
    }

    @Test
    void duplicateTargetIds_areRejectedNamingBothPositions() {
        List<PatrolTarget> targets = new ArrayList<>(Huangyan.enterprises(5, 1));
        targets.add(PatrolTarget.of(targets.get(2).id(), "copy", Huangyan.CENTRE));
        assertThatThrownBy(() -> huangyanFleet().build().plan(targets)).isInstanceOf(InvalidValueException.class)
                .hasMessage("targets[5] repeats id '91331003MA00000002' of targets[2]; patrol target ids must be unique");
    }

    @Test
    void nullTarget_isRejectedNamingItsPosition() {
        List<PatrolTarget> targets = new ArrayList<>(Huangyan.enterprises(3, 1));
        targets.add(1, null);
        assertThatThrownBy(() -> huangyanFleet().build().plan(targets)).hasMessage("targets[1] is null");
    }

    @Test
    void badSettings_areRejectedAtTheSetter_namingTheValue() {
        PatrolPlanner.Builder b = PatrolPlanner.builder();
        assertThatThrownBy(() -> b.cruiseSpeedMetersPerSecond(0)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("cruiseSpeedMetersPerSecond").hasMessageContaining("0.0");
        assertThatThrownBy(() -> b.cruiseSpeedMetersPerSecond(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> b.maxFlightTime(Duration.ofMinutes(-1))).hasMessageContaining("maxFlightTime");
        assertThatThrownBy(() -> b.maxRangeMeters(Double.POSITIVE_INFINITY)).hasMessageContaining("maxRangeMeters");
        assertThatThrownBy(() -> b.hoverTimePerTarget(Duration.ofSeconds(-5))).hasMessageContaining("hoverTimePerTarget");
        assertThatThrownBy(() -> b.sortiesPerDay(0)).hasMessageContaining("sortiesPerDay must be >= 1, was 0");
        assertThatThrownBy(() -> b.periodDays(-2)).hasMessageContaining("periodDays must be >= 1, was -2");
        assertThatThrownBy(() -> GeoPoint.of(Double.NaN, 28.64)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("lon");
    }

    @Test
    void plannerWithoutBaseOrLimit_isRejectedAtBuild() {
        assertThatThrownBy(() -> PatrolPlanner.builder().maxRangeMeters(5_000).build())
                .hasMessageContaining("at least one base");
        assertThatThrownBy(() -> PatrolPlanner.builder().base(Huangyan.CENTRE).build())
                .hasMessageContaining("set maxFlightTime or maxRangeMeters");
    }

    @Test
    void blankTargetId_isRejected() {
        assertThatThrownBy(() -> PatrolTarget.of(" ", "x", Huangyan.CENTRE)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("non-blank");
    }
}
