package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.geofence.EpisodeState;
import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The last-seen log of the episode store on H2 and PostgreSQL: restore, re-created episodes, folding, corruption. */
class JdbcEpisodeStoreLogTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void restore_afterManyFlushes_yieldsTheLatestLastSeen_andANewStoreKeepsAppending(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            Map<String, EpisodeState> expected = new LinkedHashMap<>();
            for (int car = 0; car < 20; car++) {
                EpisodeState s = state("浙J" + (10_000 + car), 1_000);
                store.put(s);
                expected.put(s.subject(), s);
            }
            store.flush();
            for (int round = 1; round <= 30; round++) {
                for (int car = round % 3; car < 20; car += 3) { // a third of the cars each checkpoint
                    EpisodeState s = seen(expected.get("浙J" + (10_000 + car)), 1_000 + round * 10_000L, round, car);
                    store.putLastSeen(s);
                    expected.put(s.subject(), s);
                }
                store.putWatermark(round * 10_000L);
                store.flush();
            }
            assertThat(logRows(ds)).as("one appended log row per checkpoint, no fold yet").isEqualTo(30);

            JdbcEpisodeStore again = JdbcEpisodeStore.create(db, "engine-1");
            assertThat(again.episodes()).containsExactlyInAnyOrderElementsOf(expected.values());
            // the new store continues the flush sequence: its appends are newer than every row and entry before them
            EpisodeState later = seen(expected.get("浙J10004"), 900_000, 99, 4);
            again.putLastSeen(later);
            again.flush();
            expected.put(later.subject(), later);
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes())
                    .containsExactlyInAnyOrderElementsOf(expected.values());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void recreatedEpisode_doesNotInheritAnOldLogEntry(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeState old = state("浙J00001", 1_000);
            store.put(old);
            store.flush();
            store.putLastSeen(seen(old, 500_000, 1, 1)); // logged, later than the new episode's own last seen
            store.flush();
            store.remove(old.fenceId(), old.subject());
            store.flush();
            EpisodeState recreated = state("浙J00001", 200_000); // same fence and subject, a new episode
            store.put(recreated);
            store.flush();
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(recreated);

            // also when the removal and the re-creation fall in one flush, and after its own last-seen change
            EpisodeState third = state("浙J00001", 300_000);
            store.putLastSeen(seen(recreated, 900_000, 2, 2));
            store.flush();
            store.remove(third.fenceId(), third.subject());
            store.put(third);
            store.flush();
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(third);
            EpisodeState thirdSeen = seen(third, 310_000, 3, 3);
            store.putLastSeen(thirdSeen);
            store.flush();
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(thirdSeen);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void removal_afterLoggedLastSeen_thenRestore_holdsNoEpisode(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeState a = state("浙J00001", 1_000);
            EpisodeState b = state("浙J00002", 1_000);
            store.put(a);
            store.put(b);
            store.flush();
            store.putLastSeen(seen(a, 20_000, 1, 1));
            EpisodeState b2 = seen(b, 20_000, 1, 2);
            store.putLastSeen(b2);
            store.flush();
            store.remove(a.fenceId(), a.subject());
            store.flush();
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(b2);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void logFolding_keepsTheRestoredState_andShrinksTheLog(Dialect dialect) throws SQLException {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            // folds once the log holds more than 2 × episodes (10) entries
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1", 2, 0);
            Map<String, EpisodeState> expected = new LinkedHashMap<>();
            for (int car = 0; car < 10; car++) {
                EpisodeState s = state("浙J" + (10_000 + car), 1_000);
                store.put(s);
                expected.put(s.subject(), s);
            }
            store.flush();
            List<Integer> rowsAfterEachFlush = new ArrayList<>();
            for (int round = 1; round <= 12; round++) {
                for (int car = 0; car < 10; car += round % 2 == 0 ? 1 : 2) {
                    EpisodeState before = expected.get("浙J" + (10_000 + car));
                    if (before == null) {
                        continue; // removed
                    }
                    EpisodeState s = seen(before, 1_000 + round * 10_000L, round, car);
                    store.putLastSeen(s);
                    expected.put(s.subject(), s);
                }
                if (round == 5) { // a removal and a whole-row write between folds: their old entries must not survive
                    store.remove("no-parking-1", "浙J10001");
                    expected.remove("浙J10001");
                    EpisodeState whole = state("浙J10003", 40_000);
                    store.put(whole);
                    expected.put(whole.subject(), whole);
                }
                store.flush();
                rowsAfterEachFlush.add(logRows(ds));
                assertThat(logEntries(ds)).as("the log stays within its bound").isLessThanOrEqualTo(2 * 10 + 10);
                assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes())
                        .as("restored state after round %d", round).containsExactlyInAnyOrderElementsOf(expected.values());
            }
            assertThat(store.folds()).isGreaterThanOrEqualTo(3);
            assertThat(rowsAfterEachFlush).as("a fold leaves one row").contains(1);
            assertThat(rowsAfterEachFlush).allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(4));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void fold_dropsEntriesOlderThanTheirRowsLastWholeWrite_andOfRemovedEpisodes(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1", 1, 0); // folds past 1 × episodes
            EpisodeState a = state("浙J00001", 1_000);
            EpisodeState b = state("浙J00002", 1_000);
            EpisodeState c = state("浙J00003", 1_000);
            store.put(a);
            store.put(b);
            store.put(c);
            store.flush();
            store.putLastSeen(seen(a, 90_000, 1, 1));
            store.putLastSeen(seen(c, 90_000, 1, 3));
            store.flush(); // 2 entries, no fold
            EpisodeState aWhole = state("浙J00001", 2_000); // a's last seen (62,000) is older than its logged entry
            store.put(aWhole);
            store.remove(c.fenceId(), c.subject());
            store.flush();
            EpisodeState b2 = seen(b, 95_000, 2, 2);
            store.putLastSeen(b2);
            long folds = store.folds();
            store.flush(); // 3 entries > 2 episodes: folds
            assertThat(store.folds()).isEqualTo(folds + 1);
            assertThat(logRows(ds)).isEqualTo(1);
            assertThat(logEntries(ds)).as("only b's entry still applies").isEqualTo(1);
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactlyInAnyOrder(aWhole, b2);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void corruptLogPayload_failsNamingItsKey(Dialect dialect) throws SQLException {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeState a = state("浙J00001", 1_000);
            store.put(a);
            store.flush();
            store.putLastSeen(seen(a, 20_000, 1, 1));
            store.flush();
            try (Connection c = ds.getConnection()) {
                byte[] payload;
                long seq;
                try (PreparedStatement ps = c.prepareStatement("SELECT seq, payload FROM geofence_last_seen_log");
                        ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    seq = rs.getLong(1);
                    payload = rs.getBytes(2);
                }
                payload[payload.length / 2] ^= 0x20;
                try (PreparedStatement ps = c.prepareStatement("UPDATE geofence_last_seen_log SET payload = ? WHERE seq = ?")) {
                    ps.setBytes(1, payload);
                    ps.setLong(2, seq);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                assertThatThrownBy(() -> JdbcEpisodeStore.create(db, "engine-1").episodes())
                        .isInstanceOfSatisfying(CorruptRowException.class, e -> {
                            assertThat(e.table()).isEqualTo("geofence_last_seen_log");
                            assertThat(e.key()).isEqualTo("engine-1 seq " + seq);
                        })
                        .hasMessageContaining("CRC");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void logEntry_thatTheEpisodeCannotTake_failsNamingTheEntry(Dialect dialect) throws SQLException {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeState a = state("浙J00001", 1_000);
            store.put(a);
            store.flush();
            store.putLastSeen(seen(a, 20_000, 1, 1));
            store.flush();
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE geofence_episode SET first_seen = 30000")) { // the logged last seen is now before it
                ps.executeUpdate();
            }
            assertThatThrownBy(() -> JdbcEpisodeStore.create(db, "engine-1").episodes())
                    .isInstanceOf(CorruptRowException.class)
                    .hasMessageContaining("geofence_last_seen_log")
                    .hasMessageContaining("engine-1 seq ")
                    .hasMessageContaining("no-parking-1/浙J00001");
        }
    }

    private static int logRows(HikariDataSource ds) {
        return (int) query(ds, "SELECT COUNT(*) FROM geofence_last_seen_log");
    }

    private static long logEntries(HikariDataSource ds) {
        return query(ds, "SELECT COALESCE(SUM(entries), 0) FROM geofence_last_seen_log");
    }

    private static long query(HikariDataSource ds, String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static EpisodeState seen(EpisodeState s, long at, int round, int car) {
        return new EpisodeState(s.fenceId(), s.subject(), s.display(), 0.5 + round / 100.0, s.phase(), s.firstSeen(), at,
                s.anchorX(), s.anchorY(), 121.25 + round / 1e4, 28.63 + car / 1e4, "3310030000132100000" + (round % 10),
                s.plateLegible(), s.stepsFired(), s.startedAt(), s.nextStepAt(), s.activeUntil(), s.repeatCount(),
                s.episodeId(), s.notice(), s.noticeAt(), s.noticeDetail());
    }

    private static EpisodeState state(String plate, long firstSeen) {
        return new EpisodeState("no-parking-1", plate, plate, 1.9, EpisodeState.Phase.ACTIVE, firstSeen,
                firstSeen + 60_000, 121.255, 28.634, 121.2551, 28.6341, "33100300001321000001", true, 1,
                firstSeen + 120_000, firstSeen + 720_000, Long.MAX_VALUE, 0, "", EpisodeState.Notice.NONE, 0, "");
    }

    private static SettableClock clock() {
        return SettableClock.at(ParkingStreet.T0);
    }
}
