package io.offsite.geofence.truck;

import static io.offsite.geofence.truck.TruckFixtures.OFF_LAT;
import static io.offsite.geofence.truck.TruckFixtures.PERMIT;
import static io.offsite.geofence.truck.TruckFixtures.PLATE;
import static io.offsite.geofence.truck.TruckFixtures.T0;
import static io.offsite.geofence.truck.TruckFixtures.TRUCK;
import static io.offsite.geofence.truck.TruckFixtures.at;
import static io.offsite.geofence.truck.TruckFixtures.offRoad;
import static io.offsite.geofence.truck.TruckFixtures.onRoad;
import static io.offsite.geofence.truck.TruckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.effect.FileCase;
import io.offsite.core.grid.CellId;
import io.offsite.core.violation.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timelines for OFF_CORRIDOR: tolerance boundaries, one finding per episode, re-arming, the track around it. */
class OffCorridorTimelineTest {

    @Test
    void outsideOneSecondUnderTolerance_findsNothing() {
        var r = run(b -> b).every(0, 50, 10, TruckFixtures::onRoad).feed(offRoad(60), offRoad(179), onRoad(190));
        assertThat(r.flushed()).isEmpty();
    }

    @Test
    void outsideExactlyTheTolerance_findsNothing() {
        var r = run(b -> b).every(0, 50, 10, TruckFixtures::onRoad).feed(offRoad(60), offRoad(180), onRoad(190));
        assertThat(r.flushed()).isEmpty();
    }

    @Test
    void outsideOneSecondOverTolerance_findsOffCorridorDecidedAtThatPosition() {
        var r = run(b -> b).every(0, 50, 10, TruckFixtures::onRoad).feed(offRoad(60), offRoad(181), onRoad(190));
        List<TruckFinding> f = r.flushed();
        assertThat(f).hasSize(1);
        TruckFinding x = f.get(0);
        assertThat(x.kind()).isEqualTo(TruckFindingKind.OFF_CORRIDOR);
        assertThat(x.start()).isEqualTo(T0.plusSeconds(60));
        assertThat(x.decidedAt()).isEqualTo(T0.plusSeconds(181));
        assertThat(x.truckId()).isEqualTo(TRUCK);
        assertThat(x.plate()).isEqualTo(PLATE);
        assertThat(x.permitNumber()).isEqualTo(PERMIT);
        assertThat(x.placeId()).isEqualTo(PERMIT);
        assertThat(x.violation()).isEqualTo(Violation.CONSTRUCTION_WASTE);
        assertThat(x.location().lat()).isEqualTo(OFF_LAT);
        assertThat(x.findingId()).isEqualTo(TRUCK + "/OFF_CORRIDOR/2026-11-02T13:01:00Z");
    }

    @Test
    void customTolerance_isHonoured() {
        var r = run(b -> b.offCorridorTolerance(Duration.ofSeconds(30))).feed(onRoad(0), offRoad(10), offRoad(41));
        assertThat(r.of(TruckFindingKind.OFF_CORRIDOR)).hasSize(1);
    }

    @Test
    void longDetour_findsOnceAndRearmsAfterTheTruckIsBackOnItsCorridor() {
        var r = run(b -> b).every(0, 50, 10, TruckFixtures::onRoad)
                .every(60, 660, 10, TruckFixtures::offRoad) // 10 minutes off
                .every(670, 900, 10, TruckFixtures::onRoad)
                .every(910, 1100, 10, TruckFixtures::offRoad); // off again, 190 s
        List<TruckFinding> f = r.of(TruckFindingKind.OFF_CORRIDOR);
        assertThat(f).hasSize(2);
        assertThat(f.get(0).start()).isEqualTo(T0.plusSeconds(60));
        assertThat(f.get(0).decidedAt()).isEqualTo(T0.plusSeconds(190));
        assertThat(f.get(1).start()).isEqualTo(T0.plusSeconds(910));
        assertThat(f.get(1).findingId()).isNotEqualTo(f.get(0).findingId());
    }

    @Test
    void insideAnApprovedSite_isOnRoute() {
        // in the disposal site east of the road's end, moving around for 10 minutes
        var r = run(b -> b).every(0, 600, 10, s -> at(s, 121.2710 + (s % 60) * 0.00002, 28.6400));
        assertThat(r.flushed()).isEmpty();
    }

    @Test
    void findingIsEmittedOnceEventTimeReachesTheEndOfItsTrackContext() {
        var r = run(b -> b).every(0, 50, 10, TruckFixtures::onRoad).every(60, 190, 10, TruckFixtures::offRoad);
        assertThat(r.found()).isEmpty();
        assertThat(r.monitor().pendingCount()).isEqualTo(1); // decided at 190, due at 310
        r.every(200, 300, 10, TruckFixtures::offRoad);
        assertThat(r.found()).isEmpty();
        r.feed(offRoad(310));
        assertThat(r.found()).hasSize(1);
        assertThat(r.monitor().pendingCount()).isZero();
    }

    @Test
    void trackExtract_holdsFiveMinutesBeforeStartToTwoMinutesAfterDecision() {
        var r = run(b -> b).every(0, 590, 10, TruckFixtures::onRoad).every(600, 1200, 10, TruckFixtures::offRoad);
        TruckFinding x = r.of(TruckFindingKind.OFF_CORRIDOR).get(0);
        assertThat(x.decidedAt()).isEqualTo(T0.plusSeconds(730));
        List<TruckPosition> track = x.track().positions();
        assertThat(track.get(0).time()).isEqualTo(T0.plusSeconds(300));
        assertThat(track.get(track.size() - 1).time()).isEqualTo(T0.plusSeconds(850));
        assertThat(track).hasSize(56);
        assertThat(x.track().sha256Hex()).hasSize(64);
    }

    @Test
    void advanceTo_releasesAFindingOfATruckThatWentSilent() {
        var r = run(b -> b).every(0, 50, 10, TruckFixtures::onRoad).feed(offRoad(60), offRoad(200));
        assertThat(r.found()).isEmpty();
        r.monitor().advanceTo(T0.plusSeconds(320));
        assertThat(r.found()).hasSize(1);
        assertThat(r.found().get(0).track().positions()).hasSize(8);
    }

    @Test
    void sameInputTwice_givesTheSameFindingIdsAndHashes() {
        var a = run(b -> b).every(0, 50, 10, TruckFixtures::onRoad).every(60, 400, 10, TruckFixtures::offRoad);
        var b2 = run(b -> b).every(0, 50, 10, TruckFixtures::onRoad).every(60, 400, 10, TruckFixtures::offRoad);
        assertThat(a.flushed()).isEqualTo(b2.flushed()).hasSize(1);
    }

    @Test
    void finding_becomesAFileCaseKeyedByTheFindingId() {
        TruckFinding x = run(b -> b).every(0, 50, 10, TruckFixtures::onRoad)
                .every(60, 400, 10, TruckFixtures::offRoad).flushed().get(0);
        FileCase c = x.toFileCase(CellId.of("HY-1-A-2"));
        assertThat(c.episodeId()).isEqualTo(x.findingId());
        assertThat(c.at()).isEqualTo(x.decidedAt());
        assertThat(c.violation()).isEqualTo(Violation.CONSTRUCTION_WASTE);
        assertThat(c.fenceId()).isEqualTo(PERMIT);
        assertThat(c.subject()).isEqualTo(PLATE);
        assertThat(c.location()).isEqualTo(x.location());
        assertThat(c.cellId()).isEqualTo(CellId.of("HY-1-A-2"));
    }
}
