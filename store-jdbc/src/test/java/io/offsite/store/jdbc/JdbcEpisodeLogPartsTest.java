package io.offsite.store.jdbc;

import static io.offsite.store.jdbc.EpisodeLogFixtures.clock;
import static io.offsite.store.jdbc.EpisodeLogFixtures.logRecords;
import static io.offsite.store.jdbc.EpisodeLogFixtures.logRows;
import static io.offsite.store.jdbc.EpisodeLogFixtures.query;
import static io.offsite.store.jdbc.EpisodeLogFixtures.seen;
import static io.offsite.store.jdbc.EpisodeLogFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.geofence.EpisodeState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A flush or fold of more records than a log row holds is written as parts of one seq and restored in order. */
class JdbcEpisodeLogPartsTest {
    @TempDir
    Path dir;

    private static Map<String, EpisodeState> putCars(JdbcEpisodeStore store, int cars) {
        Map<String, EpisodeState> expected = new LinkedHashMap<>();
        for (int car = 0; car < cars; car++) {
            EpisodeState s = state("浙J" + (20_000 + car), 1_000);
            store.put(s);
            expected.put(s.subject(), s);
        }
        return expected;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void flushOfMoreRecordsThanARowHolds_isWrittenInParts_andRestoredInOrder(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1", 1_000, 1_000_000, 3);
            Map<String, EpisodeState> expected = putCars(store, 10);
            store.flush();
            assertThat(logRows(ds)).as("10 records in rows of 3").isEqualTo(4);
            assertThat(query(ds, "SELECT MAX(part) FROM geofence_episode_log")).isEqualTo(3);
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes())
                    .containsExactlyInAnyOrderElementsOf(expected.values());

            // later records in later parts of one seq override earlier ones: a last-seen change then a removal
            for (EpisodeState s : expected.values().toArray(EpisodeState[]::new)) {
                EpisodeState later = seen(s, 50_000, 1, 0);
                store.putLastSeen(later);
                expected.put(later.subject(), later);
            }
            store.remove("no-parking-1", "浙J20004");
            expected.remove("浙J20004");
            store.flush();
            assertThat(logRows(ds)).isEqualTo(8);
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes())
                    .containsExactlyInAnyOrderElementsOf(expected.values());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void foldOfALargeLog_isWrittenInParts_andAPartThatDoesNotDecodeIsNamed(Dialect dialect) throws SQLException {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1", 0, 0, 4);
            Map<String, EpisodeState> expected = putCars(store, 11);
            store.flush();
            assertThat(store.folds()).isEqualTo(1);
            assertThat(logRecords(ds)).isEqualTo(11);
            assertThat(logRows(ds)).as("11 records in rows of 4").isEqualTo(3);
            long seq = query(ds, "SELECT MAX(seq) FROM geofence_episode_log");
            assertThat(query(ds, "SELECT COUNT(DISTINCT seq) FROM geofence_episode_log")).as("one seq").isEqualTo(1);
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes())
                    .containsExactlyInAnyOrderElementsOf(expected.values());

            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE geofence_episode_log SET payload = ? WHERE seq = ? AND part = 2")) {
                ps.setBytes(1, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
                ps.setLong(2, seq);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            assertThatThrownBy(() -> JdbcEpisodeStore.create(db, "engine-1").episodes())
                    .isInstanceOfSatisfying(CorruptRowException.class, e -> {
                        assertThat(e.table()).isEqualTo("geofence_episode_log");
                        assertThat(e.key()).isEqualTo("engine-1 seq " + seq + " part 2");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aRowSizeBelowOne_isRefused(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            assertThatThrownBy(() -> JdbcEpisodeStore.create(db, "engine-1", 8, 0, 0))
                    .isInstanceOf(StoreException.class).hasMessageContaining("records per log row must be >= 1");
        }
    }
}
