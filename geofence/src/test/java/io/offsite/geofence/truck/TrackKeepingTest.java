package io.offsite.geofence.truck;

import static io.offsite.geofence.truck.TruckFixtures.NIGHTS;
import static io.offsite.geofence.truck.TruckFixtures.T0;
import static io.offsite.geofence.truck.TruckFixtures.at;
import static io.offsite.geofence.truck.TruckFixtures.offRoad;
import static io.offsite.geofence.truck.TruckFixtures.onRoad;
import static io.offsite.geofence.truck.TruckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the track keeps: late positions, the ring bound; and moving between permitted corridors. */
class TrackKeepingTest {

    @Test
    void latePositionWithinTolerance_isInTheFindingsTrackInTimeOrder() {
        var r = run(b -> b).every(0, 50, 10, TruckFixtures::onRoad).feed(offRoad(60), offRoad(80), offRoad(70))
                .every(90, 300, 10, TruckFixtures::offRoad);
        TruckFinding x = r.of(TruckFindingKind.OFF_CORRIDOR).get(0);
        assertThat(x.track().positions()).extracting(TruckPosition::time)
                .contains(T0.plusSeconds(70)).isSorted();
    }

    @Test
    void ringBound_limitsTheTrackToTheNewestPositions() {
        var r = run(b -> b.maxPositionsPerTruck(16)).every(0, 50, 10, TruckFixtures::onRoad)
                .every(60, 600, 10, TruckFixtures::offRoad);
        TruckFinding x = r.of(TruckFindingKind.OFF_CORRIDOR).get(0);
        assertThat(x.track().positions()).hasSizeLessThanOrEqualTo(16);
    }

    @Test
    void drivingFromOnePermittedCorridorOntoAnother_staysOnRoute() {
        RouteCorridor north = RouteCorridor.of("R-NORTH", "北环路", 20, 121.2600, 28.6400, 121.2600, 28.6500);
        TruckPermit p = TruckFixtures.permit().corridor(north).window(NIGHTS).build();
        // east along the road to 121.26, then north up R-NORTH for 10 minutes, then back
        var r = run(p, b -> b).every(0, 900, 10, TruckFixtures::onRoad)
                .every(910, 1500, 10, s -> at(s, 121.2600, 28.6400 + (s - 900) * 0.0000150))
                .every(1510, 1600, 10, s -> at(s, 121.2600, 28.6400 + (1500 - 900) * 0.0000150 - (s - 1500) * 0.0000150));
        assertThat(r.flushed()).isEmpty();
        // the same drive without R-NORTH in the permit is off its corridors
        var without = run(b -> b.offCorridorTolerance(Duration.ofMinutes(2))).every(0, 900, 10, TruckFixtures::onRoad)
                .every(910, 1500, 10, s -> at(s, 121.2600, 28.6400 + (s - 900) * 0.0000150));
        List<TruckFinding> f = without.of(TruckFindingKind.OFF_CORRIDOR);
        assertThat(f).hasSize(1);
    }

    @Test
    void positionOnACorridorOfAnotherTrucksPermit_isOffRouteForThisTruck() {
        TruckPermit other = TruckPermit.builder("013305760002", "浙J54321", "HY-ZY-2026-0043")
                .corridor(RouteCorridor.of("R-OTHER", "其他路线", 25, 121.2500, 28.6410, 121.2700, 28.6410))
                .window(NIGHTS).build();
        var r = run(b -> b.permit(other)).every(0, 50, 10, TruckFixtures::onRoad).every(60, 300, 10,
                TruckFixtures::offRoad); // OFF_LAT 28.6410 is R-OTHER's centre line
        assertThat(r.of(TruckFindingKind.OFF_CORRIDOR)).hasSize(1);
    }
}
