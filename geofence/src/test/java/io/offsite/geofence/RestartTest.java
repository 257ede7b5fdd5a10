package io.offsite.geofence;

import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.noParking;
import static io.offsite.geofence.Scenario.parked;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.spi.EpisodeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stop an engine mid-window, build a new one on the same store, and check nothing fires twice. */
class RestartTest {
    final Fence fence = noParking("F1").build();

    /** An engine on {@code store} whose clock reads {@code second} (at or after the last event time it is fed). */
    GeofenceEngine engineAt(EpisodeStore store, long second) {
        return Scenario.builder(FenceRegistry.of(List.of(fence)), Scenario.OFFICERS).store(store)
                .allowedLateness(Duration.ofSeconds(5)).clock(Clock.fixed(at(second), ZoneOffset.UTC)).episodeIdKey(Scenario.ID_KEY).build();
    }

    @Test
    void restartMidWindow_vehicleGone_overdueGapDeadlineFiresExactlyOnce() {
        EpisodeStore store = EpisodeStore.inMemory();
        List<EnforcementEffect> before = Scenario.run(engineAt(store, 300), parked("浙A12345", 0, 300, 1), 300);
        assertThat(before).singleElement().isInstanceOf(RequestOwnerMove.class);
        assertThat(store.episodes()).hasSize(1);

        List<EnforcementEffect> after = Scenario.tick(engineAt(store, 5000)).effects();
        assertThat(after).singleElement().satisfies(e -> {
            assertThat(((EpisodeResolved) e).outcome()).isEqualTo(EpisodeResolved.Outcome.MOVED);
            assertThat(e.episodeId()).isEqualTo(before.get(0).episodeId());
        });
        assertThat(store.episodes()).isEmpty();
        assertThat(Scenario.tick(engineAt(store, 9000)).effects()).isEmpty();
    }

    @Test
    void restartMidWindow_vehicleStillThere_dispatchesOnceAndNeverRepeatsOwnerRequest() {
        EpisodeStore store = EpisodeStore.inMemory();
        Scenario.run(engineAt(store, 300), parked("浙A12345", 0, 300, 1), 300);

        GeofenceEngine second = engineAt(store, 810);
        List<EnforcementEffect> fx = new ArrayList<>(Scenario.run(second, parked("浙A12345", 296, 800, 1), 810));
        assertThat(fx).noneMatch(e -> e instanceof RequestOwnerMove);
        assertThat(fx).filteredOn(e -> e instanceof DispatchOfficer).hasSize(1);

        GeofenceEngine third = engineAt(store, 2000);
        List<EnforcementEffect> more = Scenario.run(third, parked("浙A12345", 806, 900, 1), 2000);
        assertThat(more).noneMatch(e -> e instanceof DispatchOfficer || e instanceof RequestOwnerMove);
    }

    @Test
    void restart_keepsWatermark_soOldDetectionsStayLate() {
        EpisodeStore store = EpisodeStore.inMemory();
        Scenario.run(engineAt(store, 300), parked("浙A12345", 0, 300, 1), 300);
        assertThat(Scenario.submit(engineAt(store, 300), Scenario.car("浙A12345", 100)).intake()).isEqualTo(Intake.LATE);
    }

    @Test
    void restart_keepsDailyNoticeCap() {
        EpisodeStore store = EpisodeStore.inMemory();
        Scenario.run(engineAt(store, 900), parked("浙A12345", 0, 800, 1), 900);
        List<EnforcementEffect> fx = Scenario.run(engineAt(store, 2900), parked("浙A12345", 2000, 2800, 1), 2900);
        assertThat(fx).noneMatch(e -> e instanceof DispatchOfficer)
                .anyMatch(e -> e instanceof EpisodeResolved r && r.outcome() == EpisodeResolved.Outcome.CAPPED);
    }
}
