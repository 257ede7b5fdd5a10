package io.offsite.core.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.Shapes;
import io.offsite.core.grid.GridCell;
import io.offsite.core.grid.GridLevel;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.ObjectCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

/** "Cover every cell" and "visit every enterprise", and how a flown sortie lands in the enterprise's file. */
class PatrolCoverageTest {
    private static final PatrolPlanner PLANNER = PatrolPlanner.builder().base(Huangyan.CENTRE)
            .cruiseSpeedMetersPerSecond(10).maxFlightTime(Duration.ofMinutes(25)).hoverTimePerTarget(Duration.ofSeconds(30))
            .sortiesPerDay(4).periodDays(5).build();

    private static GridCell street(String id, double x0, double y0) {
        return GridCell.builder(id, GridLevel.STREET).name("街" + id).parent("P1")
                .polygon(Shapes.polygon(x0, y0, x0 + 0.01, y0, x0 + 0.01, y0 + 0.01, x0, y0 + 0.01))
                .responsibleOfficer("HYZF-" + id, "网格员" + id).build();
    }

    @Test
    void everyCellOfAStreetGrid_isCoveredAtItsCentroid() {
        List<GridCell> cells = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                cells.add(street("S" + i + j, 121.23 + 0.01 * i, 28.62 + 0.01 * j));
            }
        }
        PatrolPlan plan = PLANNER.plan(cells.stream().map(PatrolTarget::of).toList());

        assertThat(plan.coverage()).isEqualTo(1.0);
        assertThat(plan.sorties().stream().flatMap(s -> s.stops().stream()).map(PatrolTarget::id))
                .containsExactlyInAnyOrderElementsOf(cells.stream().map(c -> c.id().value()).toList());
        PatrolTarget first = PatrolTarget.of(cells.get(0));
        assertThat(first.location().lon()).isCloseTo(121.235, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.location().lat()).isCloseTo(28.625, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.name()).isEqualTo("街S00");
    }

    @Test
    void concaveCellWhoseCentroidLiesOutside_isPatrolledAtAPointInsideIt() {
        // a U open to the north: its centroid falls in the gap between the arms
        GridCell u = GridCell.builder("U1", GridLevel.STREET).parent("P1").polygon(Shapes.polygon(
                121.25, 28.63, 121.28, 28.63, 121.28, 28.66, 121.275, 28.66, 121.275, 28.635, 121.255, 28.635,
                121.255, 28.66, 121.25, 28.66)).responsibleOfficer("HYZF-9", "网格员").build();
        assertThat(u.polygon().covers(u.polygon().getCentroid())).isFalse();
        GeoPoint p = PatrolTarget.of(u).location();
        assertThat(u.polygon().covers(new GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(p.lon(),
                p.lat())))).isTrue();
    }

    @Test
    void flownSortie_becomesOnePatrolRecordPerEnterprise_timedAtArrival() {
        List<ManagedObject> objects = new ArrayList<>();
        for (PatrolTarget t : Huangyan.enterprises(30, 4)) {
            objects.add(new ManagedObject(t.id(), t.name(), ObjectCategory.ENTERPRISE, Optional.empty(), t.location()));
        }
        PatrolPlan plan = PLANNER.plan(objects.stream().map(PatrolTarget::of).toList());
        PatrolPlan.Sortie sortie = plan.sorties().get(0);
        Instant takeOff = Instant.parse("2026-12-07T01:30:00Z");
        OfficerId pilot = OfficerId.of("HYZF-2031");

        Map<String, EnterpriseArchive.Patrol> records = sortie.records(takeOff, pilot);

        assertThat(records.keySet()).containsExactlyElementsOf(sortie.stops().stream().map(PatrolTarget::id).toList());
        for (int i = 0; i < sortie.stops().size(); i++) {
            EnterpriseArchive.Patrol p = records.get(sortie.stops().get(i).id());
            assertThat(p.at()).isEqualTo(takeOff.plus(sortie.arrivalOffsets().get(i)));
            assertThat(p.officer()).isEqualTo(pilot);
            assertThat(p.note()).contains("无人机巡查").contains("sortie 1, day 1, stop " + (i + 1) + " of "
                    + sortie.stops().size()).contains(sortie.stops().get(i).name());
        }
        String id = sortie.stops().get(0).id();
        EnterpriseArchive file = EnterpriseArchive.empty(id).withPatrol(records.get(id));
        assertThat(file.patrols()).singleElement().extracting(EnterpriseArchive.Patrol::at).isEqualTo(takeOff.plus(
                sortie.arrivalOffsets().get(0)));
    }
}
