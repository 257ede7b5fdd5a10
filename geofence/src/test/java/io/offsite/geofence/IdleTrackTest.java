package io.offsite.geofence;

import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.noParking;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.geofence.spi.EpisodeStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A subject with nothing buffered and no episode gets a wake 30 s (event time) after it first went idle; if it is still idle then, it is forgotten. */
class IdleTrackTest {
    final GeofenceEngine engine = Scenario.engine(EpisodeStore.inMemory(), Duration.ZERO, noParking("F1").build());

    @Test
    void passingCar_isKeptWhileSeen_andReleasedWhenStillIdleAtItsRetentionWake() {
        for (long s = 0; s <= 20; s++) {
            assertThat(Scenario.submit(engine, Scenario.car("浙A12345", s, 121.0, 31.0)).intake()).isEqualTo(Intake.ACCEPTED);
        }
        assertThat(engine.trackedSubjects()).isEqualTo(1);
        assertThat(engine.episodes()).isEmpty();
        Scenario.advanceTo(engine, at(29));
        assertThat(engine.trackedSubjects()).isEqualTo(1);
        Scenario.advanceTo(engine, at(60));
        assertThat(engine.trackedSubjects()).isZero();
        assertThat(engine.pendingDeadlines()).isZero();
    }

    @Test
    void releasedSubject_seenAgainInsideFence_startsFreshAndParks() {
        Scenario.submit(engine, Scenario.car("浙A12345", 0, 121.0, 31.0));
        Scenario.advanceTo(engine, at(100));
        assertThat(engine.trackedSubjects()).isZero();
        for (long s = 100; s <= 230; s++) {
            Scenario.submit(engine, Scenario.car("浙A12345", s));
        }
        assertThat(engine.episodes()).singleElement()
                .satisfies(e -> assertThat(e.phase()).isEqualTo(EpisodeState.Phase.ACTIVE));
    }
}
