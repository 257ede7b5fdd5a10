package io.offsite.geofence;

import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.noParking;
import static io.offsite.geofence.Scenario.parked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.spi.EpisodeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Last seen" changes are written at checkpoints; a crash plus replay from the stored watermark loses nothing. */
class CheckpointTest {
    final Fence fence = noParking("F1").build();

    GeofenceEngine engine(EpisodeStore store, Duration checkpoint) {
        return Scenario.builder(FenceRegistry.of(List.of(fence)), Scenario.OFFICERS).store(store)
                .allowedLateness(Duration.ofSeconds(5)).checkpointInterval(checkpoint).episodeIdKey(Scenario.ID_KEY).build();
    }

    /** Two cars: one parked 0–800 s every 2 s (dispatched), one parked 10–400 s then gone (moved). */
    static List<Detection> timeline() {
        List<Detection> all = new ArrayList<>();
        for (long s = 0; s <= 800; s++) {
            if (s % 2 == 0) {
                all.add(Scenario.car("浙A12345", s));
            }
            if (s >= 10 && s <= 400 && s % 3 == 0) {
                all.add(Scenario.car("浙B67890", s, Scenario.LON + 0.0001, Scenario.LAT));
            }
        }
        return all;
    }

    /** Crash points after both cars' owner requests (pre-dwell tracking is not persisted: a crash delays it). */
    @ParameterizedTest
    @ValueSource(longs = {140, 141, 255, 300, 399, 401, 455, 603, 733, 799})
    void crashAnywhere_replayFromStoredWatermark_sameEffectsAsWithoutCrash(long crashSecond) {
        List<Detection> all = timeline();
        List<EnforcementEffect> expected = Scenario.run(engine(EpisodeStore.inMemory(), Duration.ofSeconds(10)), all, 900);
        assertThat(expected).filteredOn(e -> e instanceof DispatchOfficer).hasSize(1);
        assertThat(expected).filteredOn(e -> e instanceof EpisodeResolved).hasSize(2);

        EpisodeStore store = EpisodeStore.inMemory();
        GeofenceEngine first = engine(store, Duration.ofSeconds(10));
        List<EnforcementEffect> got = new ArrayList<>();
        for (Detection d : all) {
            if (d.eventMillis() > at(crashSecond).toEpochMilli()) {
                break;                                          // crash: no checkpoint, buffered input lost
            }
            Scenario.deliverAtOnce(first, Scenario.submit(first, d).effects(), got);
        }
        long replayFrom = store.watermark();
        assertThat(replayFrom).isLessThanOrEqualTo(Scenario.wm(first));
        List<Detection> replay = all.stream().filter(d -> d.eventMillis() >= replayFrom).toList();
        got.addAll(Scenario.run(engine(store, Duration.ofSeconds(10)), replay, 900));

        assertThat(got).containsExactlyElementsOf(expected);
    }

    @Test
    void lastSeenOnlyChanges_waitForCheckpoint_thenAreWritten() {
        EpisodeStore store = EpisodeStore.inMemory();
        GeofenceEngine engine = engine(store, Duration.ofMinutes(5));
        Scenario.run(engine, parked("浙A12345", 0, 200, 1), 200);
        EpisodeState live = engine.episodes().get(0);
        EpisodeState stored = store.episodes().iterator().next();
        assertThat(live.phase()).isEqualTo(EpisodeState.Phase.ACTIVE);
        assertThat(stored.lastSeen()).isLessThan(live.lastSeen());
        assertThat(store.watermark()).isLessThanOrEqualTo(stored.lastSeen());

        engine.checkpoint();
        assertThat(store.episodes()).containsExactly(live);
        assertThat(store.watermark()).isEqualTo(Scenario.wm(engine));
    }

    @Test
    void byDefault_lastSeenIsWrittenEveryTenSecondsOfEventTime() {
        List<Long> lags = new ArrayList<>();
        for (long end = 200; end < 212; end++) {
            EpisodeStore store = EpisodeStore.inMemory();
            GeofenceEngine engine = Scenario.builder(FenceRegistry.of(List.of(fence)), Scenario.OFFICERS)
                    .store(store).episodeIdKey(Scenario.ID_KEY).build();
            Scenario.run(engine, parked("浙A12345", 0, end, 1), end);
            EpisodeState live = engine.episodes().get(0);
            lags.add(live.lastSeen() - store.episodes().iterator().next().lastSeen());
            engine.checkpoint();
            assertThat(store.episodes()).containsExactly(live);
        }
        assertThat(lags).allMatch(lag -> lag >= 0 && lag < 10_000).anyMatch(lag -> lag > 0);
    }

    @Test
    void zeroInterval_writesEveryChangeAtOnce() {
        EpisodeStore store = EpisodeStore.inMemory();
        GeofenceEngine engine = engine(store, Duration.ZERO);
        Scenario.run(engine, parked("浙A12345", 0, 200, 1), 200);
        assertThat(store.episodes()).containsExactlyElementsOf(engine.episodes());
        assertThat(store.watermark()).isEqualTo(Scenario.wm(engine));
    }

    @Test
    void ownerRequest_isWrittenAtOnce_evenBetweenCheckpoints() {
        EpisodeStore store = EpisodeStore.inMemory();
        GeofenceEngine engine = engine(store, Duration.ofHours(1));
        List<EnforcementEffect> fx = Scenario.run(engine, parked("浙A12345", 0, 130, 1), 130);
        assertThat(fx).singleElement().isInstanceOf(RequestOwnerMove.class);
        assertThat(store.episodes()).singleElement().satisfies(s -> {
            assertThat(s.stepsFired()).isEqualTo(1);
            assertThat(s.startedAt()).isEqualTo(fx.get(0).at().toEpochMilli());
        });
    }

    @Test
    void checkpointInterval_outOfRange_rejectedWithValue() {
        GeofenceEngineBuilder b = Scenario.builder(FenceRegistry.of(List.of(fence)), Scenario.OFFICERS);
        assertThatThrownBy(() -> b.checkpointInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("checkpointInterval").hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> b.checkpointInterval(Duration.ofHours(2)))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("PT2H");
    }
}
