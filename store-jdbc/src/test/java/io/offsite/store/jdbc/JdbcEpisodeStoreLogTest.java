package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.offsite.store.jdbc.EpisodeLogFixtures.clock;
import static io.offsite.store.jdbc.EpisodeLogFixtures.delivered;
import static io.offsite.store.jdbc.EpisodeLogFixtures.history;
import static io.offsite.store.jdbc.EpisodeLogFixtures.logRows;
import static io.offsite.store.jdbc.EpisodeLogFixtures.seen;
import static io.offsite.store.jdbc.EpisodeLogFixtures.state;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.EpisodeStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The episode log of the episode store on H2 and PostgreSQL: restore, re-created episodes, corruption. */
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
            assertThat(logRows(ds)).as("one appended log row per flush, no fold yet").isEqualTo(31);

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
                try (PreparedStatement ps = c.prepareStatement("SELECT seq, payload FROM geofence_episode_log");
                        ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    seq = rs.getLong(1);
                    payload = rs.getBytes(2);
                }
                payload[payload.length / 2] ^= 0x20;
                try (PreparedStatement ps = c.prepareStatement("UPDATE geofence_episode_log SET payload = ? WHERE seq = ?")) {
                    ps.setBytes(1, payload);
                    ps.setLong(2, seq);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                assertThatThrownBy(() -> JdbcEpisodeStore.create(db, "engine-1").episodes())
                        .isInstanceOfSatisfying(CorruptRowException.class, e -> {
                            assertThat(e.table()).isEqualTo("geofence_episode_log");
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
            EpisodeState a = state("浙J00001", 1_000);
            EpisodeLogFixtures.insertRow(ds, a, 1); // a row written before V13
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            store.episodes();
            store.putLastSeen(seen(a, 20_000, 1, 1));
            store.flush(); // a last-seen record in the log
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE geofence_episode SET first_seen = 30000")) { // the logged last seen is now before it
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            assertThatThrownBy(() -> JdbcEpisodeStore.create(db, "engine-1").episodes())
                    .isInstanceOf(CorruptRowException.class)
                    .hasMessageContaining("geofence_episode_log")
                    .hasMessageContaining("engine-1 seq ")
                    .hasMessageContaining("no-parking-1/浙J00001");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void restore_afterACrash_withUnfoldedRecordsOfEveryKind_givesWhatTheLastFlushHeld(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeStore oracle = EpisodeStore.inMemory();
            EpisodeState a = state("浙J00001", 1_000);
            EpisodeState b = state("浙J00002", 2_000);
            EpisodeState c = state("浙J00003", 3_000);
            both(store, oracle, s -> s.put(a), s -> s.put(b), s -> s.put(c), s -> s.putHistory(history("浙J00001", 5)));
            store.flush();
            both(store, oracle, s -> s.putLastSeen(seen(a, 70_000, 1, 1)), s -> s.putLastSeen(seen(c, 70_000, 1, 3)),
                    s -> s.put(delivered(b, 65_000)), s -> s.putHistory(history("浙J00001", 5, 6)),
                    s -> s.putHistory(history("浙J00002", 7)), s -> s.putWatermark(70_000));
            store.flush();
            both(store, oracle, s -> s.remove(c.fenceId(), c.subject()), s -> s.putLastSeen(seen(a, 80_000, 2, 1)),
                    s -> s.put(state("浙J00004", 75_000)), s -> s.putWatermark(80_000));
            store.flush();
            // written after the last flush: lost in the crash
            store.put(state("浙J00005", 85_000));
            store.putLastSeen(seen(a, 90_000, 3, 1));
            store.remove(b.fenceId(), b.subject());
            store.putHistory(history("浙J00001", 5, 6, 8));
            store.putWatermark(90_000);

            assertThat(EpisodeLogFixtures.query(ds, "SELECT COUNT(*) FROM geofence_episode"))
                    .as("nothing folded: every record is in the log").isZero();
            JdbcEpisodeStore restarted = JdbcEpisodeStore.create(db, "engine-1");
            assertThat(restarted.episodes()).containsExactlyInAnyOrderElementsOf(oracle.episodes());
            assertThat(restarted.histories()).containsExactlyInAnyOrderElementsOf(oracle.histories());
            assertThat(restarted.watermark()).isEqualTo(80_000);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void wholeRecord_thatIsNoEpisode_failsNamingItsRowAndEpisode(Dialect dialect) throws SQLException {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            store.put(state("浙J00001", 1_000));
            store.flush();
            long seq = EpisodeLogFixtures.query(ds, "SELECT MAX(seq) FROM geofence_episode_log");
            // a payload rewritten with a valid checksum: the phase is one no episode can have
            byte[] forged = EpisodeLog.encode(List.of(new EpisodeLogRecord.Whole(state("浙J00001", 1_000))));
            String text = new String(forged, StandardCharsets.ISO_8859_1).replace("ACTIVE", "PARKED");
            byte[] body = Arrays.copyOf(text.getBytes(StandardCharsets.ISO_8859_1), forged.length - 4);
            CRC32 crc = new CRC32();
            crc.update(body);
            byte[] payload = ByteBuffer.allocate(forged.length).put(body).putInt((int) crc.getValue()).array();
            try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement("UPDATE geofence_episode_log SET payload = ? WHERE seq = ?")) {
                ps.setBytes(1, payload);
                ps.setLong(2, seq);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            assertThatThrownBy(() -> JdbcEpisodeStore.create(db, "engine-1").episodes())
                    .isInstanceOfSatisfying(CorruptRowException.class, e -> {
                        assertThat(e.table()).isEqualTo("geofence_episode_log");
                        assertThat(e.key()).isEqualTo("engine-1 seq " + seq + " entry no-parking-1/浙J00001");
                    })
                    .hasMessageContaining("PARKED");
        }
    }

    @SafeVarargs
    private static void both(EpisodeStore store, EpisodeStore oracle, Consumer<EpisodeStore>... writes) {
        for (Consumer<EpisodeStore> w : writes) {
            w.accept(store);
            w.accept(oracle);
        }
    }
}
