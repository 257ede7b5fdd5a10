package io.offsite.geofence.truck;

import static io.offsite.geofence.truck.TruckFixtures.PERMIT;
import static io.offsite.geofence.truck.TruckFixtures.PLATE;
import static io.offsite.geofence.truck.TruckFixtures.T0;
import static io.offsite.geofence.truck.TruckFixtures.TRUCK;
import static io.offsite.geofence.truck.TruckFixtures.offRoad;
import static io.offsite.geofence.truck.TruckFixtures.onRoad;
import static io.offsite.geofence.truck.TruckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.geofence.GeofenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Out-of-order and duplicate positions, and bad input rejected with a message naming the field. */
class TruckInputTest {

    @Test
    void positionOlderThanTheToleranceBehind_isCountedAndIgnored() {
        var r = run(b -> b);
        TruckMonitor m = r.monitor();
        assertThat(m.accept(onRoad(100))).isEqualTo(TruckMonitor.Outcome.ACCEPTED);
        assertThat(m.accept(offRoad(69))).isEqualTo(TruckMonitor.Outcome.OUT_OF_ORDER);
        assertThat(m.accept(offRoad(70))).isEqualTo(TruckMonitor.Outcome.LATE);
        assertThat(m.outOfOrderCount()).isEqualTo(1);
    }

    @Test
    void latePositions_doNotMoveTheEpisodesBack() {
        var r = run(b -> b.outOfOrderTolerance(Duration.ofMinutes(10))).every(0, 300, 10, TruckFixtures::onRoad);
        r.every(10, 290, 10, TruckFixtures::offRoad); // late, all within the tolerance: kept for the track only
        assertThat(r.flushed()).isEmpty();
    }

    @Test
    void equalPositionTwice_isADuplicateAndCountedOnceInTheTrack() {
        var r = run(b -> b);
        TruckMonitor m = r.monitor();
        m.accept(onRoad(0));
        m.accept(offRoad(10));
        assertThat(m.accept(offRoad(10))).isEqualTo(TruckMonitor.Outcome.DUPLICATE);
        m.accept(offRoad(20));
        assertThat(m.accept(offRoad(10))).isEqualTo(TruckMonitor.Outcome.DUPLICATE);
        r.every(30, 200, 10, TruckFixtures::offRoad);
        assertThat(m.duplicateCount()).isEqualTo(2);
        TruckFinding x = r.flushed().get(0);
        assertThat(x.track().positions()).extracting(TruckPosition::time).doesNotHaveDuplicates();
    }

    @Test
    void acceptAll_feedsInOrderAndCountsTheAccepted() {
        var r = run(b -> b);
        int n = r.monitor().acceptAll(List.of(onRoad(0), onRoad(10), onRoad(10), onRoad(-60)));
        assertThat(n).isEqualTo(2);
    }

    @Test
    void nanLongitude_isRejectedNamingLon() {
        assertThatThrownBy(() -> TruckPosition.of(TRUCK, T0, Double.NaN, 28.64, 30))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("lon").hasMessageContaining("NaN")
                .hasMessageContaining(TRUCK);
    }

    @Test
    void latitudeOutOfRange_isRejectedNamingLat() {
        assertThatThrownBy(() -> TruckPosition.of(TRUCK, T0, 121.26, 95, 30))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("lat").hasMessageContaining("95");
    }

    @Test
    void badSpeedHeadingTimeOrTerminal_areRejectedNamingTheField() {
        assertThatThrownBy(() -> TruckPosition.of(TRUCK, T0, 121.26, 28.64, -1))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("speedKmh");
        assertThatThrownBy(() -> TruckPosition.of(TRUCK, T0, 121.26, 28.64, Double.NaN))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("speedKmh");
        assertThatThrownBy(() -> TruckPosition.of(TRUCK, T0, 121.26, 28.64, 30, 360))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("headingDegrees");
        assertThatThrownBy(() -> TruckPosition.of("浙J12345", T0, 121.26, 28.64, 30))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("truckId");
        assertThatThrownBy(() -> TruckPosition.of(TRUCK, Instant.parse("2300-01-01T00:00:00Z"), 121.26, 28.64, 30))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("time");
    }

    @Test
    void badPermitShapes_areRejectedNamingTheCorridorOrSite() {
        assertThatThrownBy(() -> RouteCorridor.of("R1", "x", 0, 121.25, 28.64, 121.27, 28.64))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("R1").hasMessageContaining("halfWidthMeters");
        assertThatThrownBy(() -> RouteCorridor.of("R1", "x", 25, 121.25, 28.64, 121.25, 28.64))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("two distinct points");
        assertThatThrownBy(() -> RouteCorridor.of("R1", "x", 25, 121.25, 28.64, 200, 28.64))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("point 1").hasMessageContaining("lon");
        assertThatThrownBy(() -> DisposalSite.disposal("S1", "x", 121.27, 28.63, 121.28, 28.63, 121.28, 28.64, 121.27, 28.64))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("S1").hasMessageContaining("not closed");
        assertThatThrownBy(() -> DisposalSite.disposal("S1", "x", 121.27, 28.63, 121.28, 28.64, 121.28, 28.63,
                121.27, 28.64, 121.27, 28.63)).isInstanceOf(GeofenceException.class).hasMessageContaining("Self-intersection");
    }

    @Test
    void badPermitsAndOptions_areRejectedNamingTheRule() {
        assertThatThrownBy(() -> TruckPermit.builder(TRUCK, PLATE, PERMIT).window(TruckFixtures.NIGHTS).build())
                .isInstanceOf(GeofenceException.class).hasMessageContaining("corridor");
        assertThatThrownBy(() -> TruckFixtures.permit().build())
                .isInstanceOf(GeofenceException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> TruckFixtures.permit().corridor(TruckFixtures.ROAD))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("R-LAODONG").hasMessageContaining("twice");
        assertThatThrownBy(() -> TruckPermit.builder(TRUCK, "浙J12@45", PERMIT))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("plate");
        assertThatThrownBy(() -> TruckMonitor.builder().offCorridorTolerance(Duration.ofSeconds(-1)))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("offCorridorTolerance");
        assertThatThrownBy(() -> TruckMonitor.builder().maxPositionsPerTruck(3))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("maxPositionsPerTruck");
        assertThatThrownBy(() -> TruckMonitor.builder().permit(TruckFixtures.nightPermit()).build())
                .isInstanceOf(GeofenceException.class).hasMessageContaining("findings");
        assertThatThrownBy(() -> TruckMonitor.builder().permit(TruckFixtures.nightPermit())
                .permit(TruckFixtures.nightPermit())).isInstanceOf(GeofenceException.class).hasMessageContaining(TRUCK);
    }

    @Test
    void sameCorridorIdWithAnotherRoute_isRejectedAtBuild() {
        TruckPermit other = TruckPermit.builder("013305760002", "浙J54321", "HY-ZY-2026-0043")
                .corridor(RouteCorridor.of("R-LAODONG", "elsewhere", 25, 121.25, 28.65, 121.27, 28.65))
                .window(TruckFixtures.NIGHTS).build();
        assertThatThrownBy(() -> TruckMonitor.builder().permit(TruckFixtures.nightPermit()).permit(other)
                .findings(f -> { }).build()).isInstanceOf(GeofenceException.class).hasMessageContaining("R-LAODONG");
    }
}
