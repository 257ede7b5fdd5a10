package io.offsite.examples.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.patrol.PatrolPlan;
import io.offsite.core.patrol.PatrolTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The patrol demo plans every reachable sample enterprise, reports the one out of reach, and files a finding. */
class PatrolDemoTest {
    @Test
    void patrolDemo_plansAllButTheHillFactory_andFilesAPatrolAndAnIllegalBuildingFinding() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PatrolDemo.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(buf.toString(StandardCharsets.UTF_8)).containsSubsequence(
                "drone patrol plan for 650 Huangyan enterprises (sample data)",
                "649/650 targets planned (99.8 %)",
                "day  1: 8 sorties",
                "not planned: 宁溪样例模具厂 OUT_OF_RANGE — round trip from the nearest base (121.23, 28.63) is 47568 m",
                "flown 2026-12-07 09:30 by HYZF-2031",
                "permitted 600.0 m², observed 704.0 m², excess 100.0 m²",
                "patrol  2026-12-07T09:", "无人机巡查) sortie 1, day 1, stop 3 of",
                "finding 2026-12-07T09:", "ILLEGAL_BUILDING suspected illegal building (违法建设): observed footprint"
                        + " exceeds permit by 100.0 m²");
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
}
