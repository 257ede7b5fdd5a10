package io.offsite.store.jdbc;

import static io.offsite.store.jdbc.EpisodeLogFixtures.clock;
import static io.offsite.store.jdbc.EpisodeLogFixtures.history;
import static io.offsite.store.jdbc.EpisodeLogFixtures.seen;
import static io.offsite.store.jdbc.EpisodeLogFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.EpisodeStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The episode store's buffer between flushes, and the restore an engine start reads once. */
class JdbcEpisodeStoreBufferTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void removalOfAnEpisodeWrittenInTheSameFlush_leavesItRemoved(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeState kept = state("浙J00002", 1_000);
            EpisodeState gone = state("浙J00001", 1_000);
            store.put(kept);
            store.put(gone);
            store.flush();
            store.putLastSeen(seen(gone, 20_000, 1, 1));
            store.put(seen(gone, 30_000, 2, 1));
            store.remove(gone.fenceId(), gone.subject());
            store.flush();
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(kept);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void episodeWrittenAfterItsRemovalInTheSameFlush_isRestoredAsWrittenLast(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeState first = state("浙J00001", 1_000);
            store.put(first);
            store.flush();
            store.remove(first.fenceId(), first.subject());
            EpisodeState again = state("浙J00001", 60_000);
            // after the removal the store no longer knows the episode, so a last-seen change is written whole
            EpisodeState seenAgain = seen(again, 70_000, 3, 1);
            store.putLastSeen(seenAgain);
            store.flush();
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(seenAgain);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void episodesAskedAfterHistories_includeAWriteMadeBetweenThem(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore writer = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeState a = state("浙J00001", 1_000);
            writer.put(a);
            writer.putHistory(history("浙J00001", 1_000));
            writer.flush();

            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            assertThat(store.histories()).containsExactly(history("浙J00001", 1_000));
            EpisodeState b = state("浙J00002", 2_000);
            store.put(b);
            assertThat(store.episodes()).containsExactly(a, b);
            assertThat(store.histories()).as("read again: nothing was written since the last read")
                    .containsExactly(history("浙J00001", 1_000));
            store.putHistory(history("浙J00002", 2_000));
            assertThat(store.histories()).containsExactly(history("浙J00001", 1_000), history("浙J00002", 2_000));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void lastSeenGivenToTheHandle_isRestoredAsItsLastSeenData(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeState a = state("浙J00001", 1_000);
            EpisodeStore.LastSeen handle = store.putTracked(a);
            // in the same flush as the whole write: patched into it
            EpisodeState early = seen(a, 5_000, 1, 1);
            assertThat(handle.lastSeen(early.lastSeen(), early.lastX(), early.lastY(), early.cameraId(),
                    early.displayConfidence())).isTrue();
            store.flush();
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(early);
            // after the flush: a last-seen record of its own
            EpisodeState later = seen(a, 20_000, 2, 1);
            assertThat(handle.lastSeen(later.lastSeen(), later.lastX(), later.lastY(), later.cameraId(),
                    later.displayConfidence())).isTrue();
            store.flush();
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(later);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void handleOfARemovedEpisode_refusesAndWritesNothing(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeState a = state("浙J00001", 1_000);
            EpisodeStore.LastSeen handle = store.putTracked(a);
            store.flush();
            store.remove(a.fenceId(), a.subject());
            EpisodeState again = state("浙J00001", 60_000);
            store.put(again);
            assertThat(handle.lastSeen(90_000, 1, 1, "33100300001320000001", 0.9)).isFalse();
            store.flush();
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(again);
        }
    }
}
