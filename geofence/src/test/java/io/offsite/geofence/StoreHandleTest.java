package io.offsite.geofence;

import static io.offsite.geofence.Scenario.LAT;
import static io.offsite.geofence.Scenario.LON;
import static io.offsite.geofence.Scenario.noParking;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.geofence.spi.SubjectHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A store's {@link EpisodeStore.LastSeen} handles ({@link EpisodeStore#putTracked}): the checkpoint hands last-seen
 * changes through them instead of by key, a removed episode's handle refuses, and a store without handles is
 * called by key as before — with the same stored contents either way.
 */
class StoreHandleTest {
    /** Two overlapping fences: a car inside both has two episodes (the track's own cell and a second one). */
    final Fence f1 = noParking("F1").build();
    final Fence f2 = Fence.builder("F2", FenceKind.NO_PARKING, Scenario.CELL)
            .polygon(Scenario.square(LON + 0.0002, LAT, 0.0005)).build();

    /** Delegates to the in-memory store and counts last-seen writes by key and through handles. */
    static class Counting implements EpisodeStore {
        final EpisodeStore inner = EpisodeStore.inMemory();
        final boolean handles;
        int byKey;
        int byHandle;

        Counting(boolean handles) {
            this.handles = handles;
        }

        @Override
        public void put(EpisodeState state) {
            inner.put(state);
        }

        @Override
        public LastSeen putTracked(EpisodeState state) {
            if (!handles) {
                return EpisodeStore.super.putTracked(state);
            }
            LastSeen h = inner.putTracked(state);
            return (at, x, y, cam, conf) -> {
                boolean took = h.lastSeen(at, x, y, cam, conf);
                byHandle += took ? 1 : 0;
                return took;
            };
        }

        @Override
        public void putLastSeen(EpisodeState state) {
            byKey++;
            inner.putLastSeen(state);
        }

        @Override
        public void remove(String fenceId, String subject) {
            inner.remove(fenceId, subject);
        }

        @Override
        public Collection<EpisodeState> episodes() {
            return inner.episodes();
        }

        @Override
        public void putHistory(SubjectHistory history) {
            inner.putHistory(history);
        }

        @Override
        public Collection<SubjectHistory> histories() {
            return inner.histories();
        }

        @Override
        public void putWatermark(long watermark) {
            inner.putWatermark(watermark);
        }

        @Override
        public long watermark() {
            return inner.watermark();
        }
    }

    /**
     * Three cars in both fences: one parked throughout, one that leaves after its owner text (its episodes end and
     * are removed), one parked from later on; checkpoints every 10 s of event time.
     */
    List<EpisodeState> runAndCheckpoint(EpisodeStore store) {
        GeofenceEngine engine = Scenario.builder(FenceRegistry.of(List.of(f1, f2)), Scenario.OFFICERS).store(store)
                .allowedLateness(Duration.ofSeconds(5)).checkpointInterval(Duration.ofSeconds(10))
                .episodeIdKey(Scenario.ID_KEY).build();
        List<Detection> all = new ArrayList<>();
        for (long s = 0; s <= 900; s++) {
            if (s % 3 == 0) {
                all.add(Scenario.car("浙A12345", s, LON + 0.0001, LAT));
            }
            if (s <= 300 && s % 4 == 0) {
                all.add(Scenario.car("浙B67890", s, LON + 0.0001, LAT + 0.0001));
            }
            if (s >= 200 && s % 5 == 0) {
                all.add(Scenario.car("浙C24680", s, LON + 0.0002, LAT - 0.0001));
            }
        }
        Scenario.run(engine, all, 905);
        engine.checkpoint();
        List<EpisodeState> stored = engine.episodes().stream().filter(StoreWriter::stored).toList();
        assertThat(stored).extracting(EpisodeState::fenceId).contains("F1", "F2");
        assertThat(store.episodes()).containsExactlyInAnyOrderElementsOf(stored);
        return stored;
    }

    @Test
    void storeWithHandles_takesCheckpointLastSeenThroughThem_neverByKey() {
        Counting store = new Counting(true);
        runAndCheckpoint(store);
        assertThat(store.byHandle).isPositive();
        assertThat(store.byKey).isZero();
    }

    @Test
    void storeWithoutHandles_takesLastSeenByKey_sameContents() {
        Counting keyed = new Counting(false);
        List<EpisodeState> byKey = runAndCheckpoint(keyed);
        assertThat(keyed.byKey).isPositive();
        assertThat(keyed.byHandle).isZero();
        assertThat(byKey).containsExactlyInAnyOrderElementsOf(runAndCheckpoint(new Counting(true)));
    }

    @Test
    void removedEpisode_handleRefusesLastSeen_andAFreshPutGivesAWorkingOne() {
        GeofenceEngine engine = Scenario.engine(f1);
        Scenario.run(engine, Scenario.parked("浙A12345", 0, 200, 1), 200);
        EpisodeState s = engine.episodes().get(0);
        EpisodeStore store = EpisodeStore.inMemory();

        EpisodeStore.LastSeen h = store.putTracked(s);
        store.remove(s.fenceId(), s.subject());
        assertThat(h.lastSeen(s.lastSeen() + 1_000, 1, 2, "cam", 0.5)).isFalse();
        assertThat(store.episodes()).isEmpty();

        EpisodeStore.LastSeen again = store.putTracked(s);
        assertThat(again.lastSeen(s.lastSeen() + 2_000, 1, 2, s.cameraId(), 0.5)).isTrue();
        assertThat(store.episodes()).singleElement().satisfies(got -> {
            assertThat(got.lastSeen()).isEqualTo(s.lastSeen() + 2_000);
            assertThat(got.lastX()).isEqualTo(1);
            assertThat(got.lastY()).isEqualTo(2);
            assertThat(got.displayConfidence()).isEqualTo(0.5);
            assertThat(got.episodeId()).isEqualTo(s.episodeId());
        });
    }

    @Test
    void defaultPutTracked_putsAndGivesTheRefusingHandle() {
        Counting keyed = new Counting(false);
        GeofenceEngine engine = Scenario.engine(f1);
        Scenario.run(engine, Scenario.parked("浙A12345", 0, 200, 1), 200);
        EpisodeState s = engine.episodes().get(0);
        EpisodeStore.LastSeen h = keyed.putTracked(s);
        assertThat(h).isSameAs(EpisodeStore.LastSeen.BY_KEY);
        assertThat(h.lastSeen(1, 1, 1, "cam", 1)).isFalse();
        assertThat(keyed.episodes()).containsExactly(s);
    }
}
