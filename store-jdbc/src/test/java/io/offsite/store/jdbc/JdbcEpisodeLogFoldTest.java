package io.offsite.store.jdbc;

import static io.offsite.store.jdbc.EpisodeLogFixtures.clock;
import static io.offsite.store.jdbc.EpisodeLogFixtures.delivered;
import static io.offsite.store.jdbc.EpisodeLogFixtures.history;
import static io.offsite.store.jdbc.EpisodeLogFixtures.logRecords;
import static io.offsite.store.jdbc.EpisodeLogFixtures.logRows;
import static io.offsite.store.jdbc.EpisodeLogFixtures.query;
import static io.offsite.store.jdbc.EpisodeLogFixtures.seen;
import static io.offsite.store.jdbc.EpisodeLogFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.geofence.spi.SubjectHistory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Folding the episode log into the tables, on H2 and PostgreSQL: the restored state is the same before and after a
 * fold, after a fold stopped half-way, over version-1 rows of an upgraded database, and against an in-memory store.
 */
class JdbcEpisodeLogFoldTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void logFolding_keepsTheRestoredState_andShrinksTheLog(Dialect dialect) throws SQLException {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            // folds once the log holds more than 2 × episodes (10) records
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
                assertThat(logRecords(ds)).as("the log stays within its bound").isLessThanOrEqualTo(2 * 10 + 10);
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
    void fold_leavesOneRecordPerLiveEpisode_andRemovalsOnlyOfRowsTheTableHolds(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            EpisodeState old = state("浙J00009", 500);
            EpisodeLogFixtures.insertRow(ds, old, 1); // a row written before V13
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1", 1, 0); // folds past 1 × episodes
            store.episodes();
            EpisodeState a = state("浙J00001", 1_000);
            EpisodeState b = state("浙J00002", 1_000);
            EpisodeState c = state("浙J00003", 1_000);
            store.put(a);
            store.put(b);
            store.put(c);
            store.flush(); // 3 records, 4 episodes
            store.putLastSeen(seen(a, 90_000, 1, 1));
            store.putLastSeen(seen(c, 90_000, 1, 3));
            store.flush(); // 5 records > 4 episodes: folds into a, b and c whole
            assertThat(store.folds()).isEqualTo(1);
            assertThat(logRows(ds)).isEqualTo(1);
            assertThat(logRecords(ds)).isEqualTo(3);
            EpisodeState aWhole = state("浙J00001", 2_000); // a's last seen (62,000) is older than its logged one
            store.put(aWhole);
            store.remove(c.fenceId(), c.subject()); // never in the table: the fold drops it
            store.remove(old.fenceId(), old.subject()); // in the table: the fold keeps its removal
            EpisodeState b2 = seen(b, 95_000, 2, 2);
            store.putLastSeen(b2);
            store.flush(); // 3 + 4 records > 2 episodes, and more than twice what the last fold left: folds
            assertThat(store.folds()).isEqualTo(2);
            assertThat(logRows(ds)).isEqualTo(1);
            assertThat(logRecords(ds)).as("a, b and the removal of the old row").isEqualTo(3);
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(aWhole, b2);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void randomWrites_acrossFolds_restoreAsTheInMemoryStoreHoldsThem(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1", 2, 0);
            EpisodeStore oracle = EpisodeStore.inMemory();
            Map<String, EpisodeState> live = new LinkedHashMap<>();
            Random random = new Random(13);
            for (int flush = 1; flush <= 80; flush++) {
                for (int w = 0; w < 6; w++) {
                    String plate = "浙J0000" + random.nextInt(8);
                    EpisodeState s = live.get(plate);
                    int op = random.nextInt(10);
                    EpisodeState next = s == null || op < 2 ? state(plate, flush * 1_000L)
                            : op < 6 ? seen(s, s.lastSeen() + 1_000, flush, w) : op < 8 ? delivered(s, s.lastSeen()) : null;
                    if (next == null) {
                        store.remove(s.fenceId(), plate);
                        oracle.remove(s.fenceId(), plate);
                        live.remove(plate);
                    } else if (s != null && op >= 2 && op < 6) {
                        store.putLastSeen(next);
                        oracle.putLastSeen(next);
                        live.put(plate, next);
                    } else {
                        store.put(next);
                        oracle.put(next);
                        live.put(plate, next);
                    }
                    if (random.nextInt(3) == 0) {
                        store.putHistory(history(plate, flush, flush + w));
                        oracle.putHistory(history(plate, flush, flush + w));
                    }
                }
                store.flush();
                if (flush % 8 == 0) {
                    JdbcEpisodeStore restarted = JdbcEpisodeStore.create(db, "engine-1");
                    assertThat(restarted.episodes()).as("after flush %d", flush)
                            .containsExactlyInAnyOrderElementsOf(oracle.episodes());
                    assertThat(restarted.histories()).containsExactlyInAnyOrderElementsOf(oracle.histories());
                }
            }
            assertThat(store.folds()).isGreaterThanOrEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void removalThenReAdd_ofOneEpisode_inTheLog_restoresTheNewEpisode_beforeAndAfterAFold(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1", 1_000, 1_000); // no fold unless asked
            EpisodeState old = state("浙J00001", 1_000);
            store.put(old);
            store.flush();
            store.putLastSeen(seen(old, 500_000, 1, 1)); // later than the new episode's own last seen
            store.flush();
            store.remove(old.fenceId(), old.subject());
            store.flush();
            EpisodeState again = state("浙J00001", 200_000);
            store.put(again);
            store.flush();
            assertThat(query(ds, "SELECT COUNT(*) FROM geofence_episode")).isZero();
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(again);

            JdbcEpisodeStore folding = JdbcEpisodeStore.create(db, "engine-1", 0, 0);
            EpisodeState seenAgain = seen(again, 260_000, 2, 1);
            folding.episodes();
            folding.putLastSeen(seenAgain);
            folding.flush();
            assertThat(folding.folds()).isEqualTo(1);
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(seenAgain);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void foldThatFailsHalfWay_leavesTheLog_andFoldingAgainAndAgainGivesTheSameState(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            EpisodeState old = state("浙J00009", 500);
            EpisodeLogFixtures.insertRow(ds, old, 1); // a row written before V13
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1", 1_000, 1_000);
            EpisodeState a = state("浙J00001", 1_000);
            EpisodeState b = state("浙J00002", 1_000);
            EpisodeState c = state("浙J00003", 1_000);
            store.episodes();
            store.put(a);
            store.put(b);
            store.put(c);
            store.putHistory(history("浙J00001", 3));
            store.flush();
            store.putLastSeen(seen(a, 90_000, 1, 1));
            store.putLastSeen(seen(old, 90_000, 1, 9));
            store.put(delivered(b, 80_000));
            store.remove(c.fenceId(), c.subject());
            store.flush();
            store.putLastSeen(seen(delivered(b, 80_000), 95_000, 2, 2));
            store.putHistory(history("浙J00001", 3, 4));
            store.flush();
            JdbcEpisodeStore before = JdbcEpisodeStore.create(db, "engine-1");
            List<EpisodeState> episodes = new ArrayList<>(before.episodes());
            List<SubjectHistory> histories = new ArrayList<>(before.histories());
            assertThat(episodes).hasSize(3);
            long rows = logRows(ds);

            // a fold that fails after rewriting the log (a crash before the commit): rolled back
            assertThatThrownBy(() -> db.sql().inTransaction("a fold that fails", conn -> {
                EpisodeLogTable.fold(conn, "engine-1", 4, List.of(), null, new EpisodeTables("engine-1").rowSeqs(conn),
                        20_000);
                assertThat(logRows(ds)).isEqualTo(rows); // another connection does not see the uncommitted fold
                throw new SQLException("crash during the fold", "08006");
            })).isInstanceOf(StoreException.class).hasMessageContaining("crash during the fold");
            assertThat(logRows(ds)).as("the log is unchanged").isEqualTo(rows);
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactlyElementsOf(episodes);

            for (int fold = 1; fold <= 3; fold++) { // each new store folds the log it finds (already folded from 2 on)
                JdbcEpisodeStore folding = JdbcEpisodeStore.create(db, "engine-1", 0, 0);
                folding.episodes();
                folding.putWatermark(100_000 + fold);
                folding.flush();
                assertThat(folding.folds()).isEqualTo(1);
                assertThat(logRows(ds)).isEqualTo(1);
                assertThat(logRecords(ds)).as("a, b, old's last seen and the history").isEqualTo(4);
                JdbcEpisodeStore after = JdbcEpisodeStore.create(db, "engine-1");
                assertThat(after.episodes()).containsExactlyElementsOf(episodes);
                assertThat(after.histories()).containsExactlyElementsOf(histories);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void versionOneRows_ofAnUpgradedDatabase_applyOnlyWhenNewerThanTheirRow_beforeAndAfterAFold(Dialect dialect)
            throws SQLException {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            EpisodeState a = state("浙J00001", 1_000);
            EpisodeState b = state("浙J00002", 1_000);
            EpisodeLogFixtures.insertRow(ds, a, 1); // rows written before V13
            EpisodeLogFixtures.insertRow(ds, b, 5); // b was written whole after the version-1 row 3 below
            EpisodeState aSeen = seen(a, 70_000, 1, 1);
            insertVersionOne(ds, 3, List.of(EpisodeLogRecord.LastSeen.of(seen(b, 68_000, 1, 2))));
            insertVersionOne(ds, 6, List.of(EpisodeLogRecord.LastSeen.of(aSeen),
                    EpisodeLogRecord.LastSeen.of(seen(state("浙J00009", 1_000), 69_000, 1, 9)))); // no such episode
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(aSeen, b);

            JdbcEpisodeStore folding = JdbcEpisodeStore.create(db, "engine-1", 0, 0);
            folding.episodes();
            folding.putWatermark(70_000);
            folding.flush();
            assertThat(folding.folds()).isEqualTo(1);
            assertThat(logRecords(ds)).as("a's record only").isEqualTo(1);
            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactly(aSeen, b);
        }
    }

    private static void insertVersionOne(HikariDataSource ds, long seq, List<EpisodeLogRecord.LastSeen> entries)
            throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO geofence_episode_log (engine_id, seq, entries, payload) VALUES ('engine-1', ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setInt(2, entries.size());
            ps.setBytes(3, EpisodeLogTest.versionOne(entries));
            ps.executeUpdate();
        }
    }
}
