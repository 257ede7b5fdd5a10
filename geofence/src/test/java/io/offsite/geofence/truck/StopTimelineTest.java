package io.offsite.geofence.truck;

import static io.offsite.geofence.truck.TruckFixtures.ROAD_LAT;
import static io.offsite.geofence.truck.TruckFixtures.T0;
import static io.offsite.geofence.truck.TruckFixtures.run;
import static io.offsite.geofence.truck.TruckFixtures.stopped;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Timelines for STOPPED_OUTSIDE_SITE (suspected illegal unloading, 偷倒). */
class StopTimelineTest {
    private static final double ROAD_LON = 121.2600;

    @Test
    void stoppedOnTheRoadOneSecondUnderTheDwell_findsNothing() {
        var r = run(b -> b).every(0, 50, 10, TruckFixtures::onRoad)
                .feed(stopped(60, ROAD_LON, ROAD_LAT), stopped(359, ROAD_LON, ROAD_LAT), TruckFixtures.onRoad(370));
        assertThat(r.flushed()).isEmpty();
    }

    @Test
    void stoppedOnTheRoadOneSecondOverTheDwell_findsAStopAtTheStopsFirstPosition() {
        var r = run(b -> b).every(0, 50, 10, TruckFixtures::onRoad)
                .feed(stopped(60, ROAD_LON, ROAD_LAT), stopped(361, ROAD_LON + 0.00005, ROAD_LAT));
        List<TruckFinding> f = r.of(TruckFindingKind.STOPPED_OUTSIDE_SITE);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).start()).isEqualTo(T0.plusSeconds(60));
        assertThat(f.get(0).decidedAt()).isEqualTo(T0.plusSeconds(361));
        assertThat(f.get(0).location().lon()).isEqualTo(ROAD_LON);
        assertThat(f.get(0).placeId()).isEqualTo("R-LAODONG"); // stopped on its corridor
        assertThat(r.flushed()).hasSize(1); // on its route and within its hours: nothing else
    }

    @Test
    void stoppedOffTheRoad_isBothOffCorridorAndAStopWithThePermitAsPlace() {
        var r = run(b -> b).every(0, 600, 10, s -> stopped(s, 121.2600, 28.6420));
        assertThat(r.of(TruckFindingKind.OFF_CORRIDOR)).hasSize(1);
        List<TruckFinding> stops = r.of(TruckFindingKind.STOPPED_OUTSIDE_SITE);
        assertThat(stops).hasSize(1);
        assertThat(stops.get(0).placeId()).isEqualTo(TruckFixtures.PERMIT);
    }

    @Test
    void longStop_findsOnceAndRearmsAfterTheTruckMoves() {
        var r = run(b -> b).every(0, 1800, 10, s -> stopped(s, ROAD_LON, ROAD_LAT))
                .every(1810, 1900, 10, TruckFixtures::onRoad)
                .every(1910, 2300, 10, s -> stopped(s, 121.2550, ROAD_LAT));
        List<TruckFinding> f = r.of(TruckFindingKind.STOPPED_OUTSIDE_SITE);
        assertThat(f).hasSize(2);
        assertThat(f.get(1).start()).isEqualTo(T0.plusSeconds(1910));
    }

    @Test
    void creepingMoreThanTheStopRadius_startsANewStop() {
        // slow (2 km/h) but 50 m further every 100 s: never 5 minutes within 30 m
        var r = run(b -> b).every(0, 1200, 100, s -> stopped(s, ROAD_LON + s * 0.0000051, ROAD_LAT));
        assertThat(r.of(TruckFindingKind.STOPPED_OUTSIDE_SITE)).isEmpty();
    }

    @Test
    void stoppedInsideTheDisposalSiteOrDepot_isNotAFinding() {
        var r = run(b -> b).every(0, 1800, 10, s -> stopped(s, 121.2715, 28.6400))
                .every(1810, 3600, 10, s -> stopped(s, 121.2480, 28.6400));
        assertThat(r.flushed()).isEmpty();
    }
}
