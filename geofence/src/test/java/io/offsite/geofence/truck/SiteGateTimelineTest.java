package io.offsite.geofence.truck;

import static io.offsite.geofence.truck.TruckFixtures.PLATE;
import static io.offsite.geofence.truck.TruckFixtures.T0;
import static io.offsite.geofence.truck.TruckFixtures.TRUCK;
import static io.offsite.geofence.truck.TruckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.geofence.GeofenceException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UNCOVERED_LOAD and MUDDY_WHEELS from site-gate cameras; UNKNOWN_TRUCK for unregistered GPS units. */
class SiteGateTimelineTest {
    private static final String GATE_CAMERA = "33100300001321000088";

    private static SiteGateEvent gate(int s, String plate, SiteGateEvent.Type type) {
        return new SiteGateEvent("D-WEST", GATE_CAMERA, T0.plusSeconds(s), plate, type);
    }

    @Test
    void uncoveredLoadAtTheGate_findsOnceWithTheCameraAndTheTruckTrack() {
        var r = run(b -> b).every(0, 300, 10, TruckFixtures::onRoad);
        assertThat(r.monitor().accept(gate(100, "浙J·12345", SiteGateEvent.Type.UNCOVERED_LOAD))).isTrue();
        assertThat(r.monitor().accept(gate(160, PLATE, SiteGateEvent.Type.UNCOVERED_LOAD))).isFalse(); // same episode
        List<TruckFinding> f = r.of(TruckFindingKind.UNCOVERED_LOAD);
        assertThat(f).hasSize(1);
        TruckFinding x = f.get(0);
        assertThat(x.truckId()).isEqualTo(TRUCK);
        assertThat(x.plate()).isEqualTo(PLATE);
        assertThat(x.cameraId()).isEqualTo(GATE_CAMERA);
        assertThat(x.placeId()).isEqualTo("D-WEST");
        assertThat(x.location().lon()).isBetween(121.2470, 121.2495);
        assertThat(x.track().positions()).hasSize(23); // 0..220 s: 5 min before, 2 min after
    }

    @Test
    void muddyWheelsAfterTheRepeatWindow_isANewEpisode() {
        var r = run(b -> b);
        r.monitor().accept(gate(0, PLATE, SiteGateEvent.Type.MUDDY_WHEELS));
        r.monitor().accept(gate(600, PLATE, SiteGateEvent.Type.MUDDY_WHEELS));
        r.monitor().accept(gate(601 + 600, PLATE, SiteGateEvent.Type.MUDDY_WHEELS));
        r.monitor().accept(gate(610, PLATE, SiteGateEvent.Type.UNCOVERED_LOAD));
        assertThat(r.of(TruckFindingKind.MUDDY_WHEELS)).extracting(TruckFinding::start)
                .containsExactly(T0, T0.plusSeconds(1201));
        assertThat(r.of(TruckFindingKind.UNCOVERED_LOAD)).hasSize(1);
    }

    @Test
    void plateWithoutPermit_stillFindsWithEmptyTruckAndPermit() {
        var r = run(b -> b);
        r.monitor().accept(gate(0, "浙J9X999", SiteGateEvent.Type.MUDDY_WHEELS));
        TruckFinding x = r.flushed().get(0);
        assertThat(x.truckId()).isEmpty();
        assertThat(x.permitNumber()).isEmpty();
        assertThat(x.subject()).isEqualTo("浙J9X999");
        assertThat(x.findingId()).isEqualTo("浙J9X999/MUDDY_WHEELS/2026-11-02T13:00:00Z");
        assertThat(x.track().positions()).isEmpty();
    }

    @Test
    void gateOfAnUnknownSite_isRejectedNamingTheSite() {
        var r = run(b -> b);
        assertThatThrownBy(() -> r.monitor().accept(new SiteGateEvent("S-NOWHERE", GATE_CAMERA, T0, PLATE,
                SiteGateEvent.Type.MUDDY_WHEELS))).isInstanceOf(GeofenceException.class).hasMessageContaining("S-NOWHERE");
    }

    @Test
    void extraSiteOnTheBuilder_placesGateEventsOfUnmonitoredSites() {
        DisposalSite other = DisposalSite.loading("L-XIJIANG", "西江工地", 121.2300, 28.6500, 121.2320, 28.6500,
                121.2320, 28.6515, 121.2300, 28.6515, 121.2300, 28.6500);
        var r = run(b -> b.site(other));
        r.monitor().accept(new SiteGateEvent("L-XIJIANG", GATE_CAMERA, T0, PLATE, SiteGateEvent.Type.UNCOVERED_LOAD));
        assertThat(r.flushed()).hasSize(1);
    }

    @Test
    void unregisteredGpsUnit_isCountedAndFoundOncePerLocalDay() {
        var r = run(b -> b);
        TruckMonitor m = r.monitor();
        for (int s = 0; s < 3600; s += 10) { // 21:00–22:00 local on Nov 2
            assertThat(m.accept(TruckPosition.of("013305769999", T0.plusSeconds(s), 121.26, 28.64, 30)))
                    .isEqualTo(TruckMonitor.Outcome.UNKNOWN_TRUCK);
        }
        m.accept(TruckPosition.of("013305769999", T0.plusSeconds(3 * 3600), 121.26, 28.64, 30)); // 00:00 Nov 3
        List<TruckFinding> f = r.of(TruckFindingKind.UNKNOWN_TRUCK);
        assertThat(f).extracting(TruckFinding::start).containsExactly(T0, T0.plusSeconds(3 * 3600));
        assertThat(f.get(0).subject()).isEqualTo("013305769999");
        assertThat(f.get(0).track().positions()).hasSize(1);
        assertThat(m.unknownTruckCount()).isEqualTo(361);
    }
}
