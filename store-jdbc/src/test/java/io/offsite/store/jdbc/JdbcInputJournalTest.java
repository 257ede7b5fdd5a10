package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The input journal: arrival order, replay from a time, pruning by kind, pages, streams apart, corrupt rows named. */
class JdbcInputJournalTest {
    private static final Instant T0 = Instant.parse("2026-12-06T01:00:00.123456Z");

    @TempDir
    Path dir;

    private static List<JournalRecord> replay(JdbcInputJournal j, Instant from) {
        List<JournalRecord> out = new ArrayList<>();
        j.replay(from, out::add);
        return out;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void replay_givesRecordsInArrivalOrderFromATime_acrossProcesses_andStreamsStayApart(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir);
                OffsiteDatabase db = TestDatabases.open(ds, Clock.systemUTC())) {
            JdbcInputJournal trucks = JdbcInputJournal.create(db, "trucks");
            JournalRecord late = new JournalRecord("position", T0.minusSeconds(30), "013305760001,浙J58821,late");
            JournalRecord a = new JournalRecord("position", T0, "013305760001,121.26,28.64");
            JournalRecord b = new JournalRecord("gate", T0.plusSeconds(5), "S-BEIYUAN,PASSED");
            trucks.append(List.of(a, late));
            trucks.append(List.of(b));
            JdbcInputJournal.create(db, "other").append(List.of(new JournalRecord("x", T0, "not mine")));
            try (HikariDataSource again = TestDatabases.sameAs(ds);
                    OffsiteDatabase db2 = TestDatabases.open(again, Clock.systemUTC())) {
                JdbcInputJournal restarted = JdbcInputJournal.create(db2, "trucks");
                assertThat(replay(restarted, Instant.EPOCH)).containsExactly(a, late, b); // arrival, not event order
                assertThat(replay(restarted, T0)).containsExactly(a, b);
                assertThat(replay(restarted, Instant.MAX)).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void pruneBefore_deletesOnlyOlderRecordsOfTheKind_andReplayPagesThroughManyRecords_allOrOneKind(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir);
                OffsiteDatabase db = TestDatabases.open(ds, Clock.systemUTC())) {
            JdbcInputJournal j = JdbcInputJournal.create(db, "trucks");
            List<JournalRecord> many = new ArrayList<>();
            for (int i = 0; i < 25_000; i++) {
                many.add(new JournalRecord(i % 100 == 0 ? "gate" : "position", T0.plusSeconds(i), "r" + i));
            }
            j.append(many);
            assertThat(replay(j, Instant.EPOCH)).containsExactlyElementsOf(many);
            List<JournalRecord> gates = new ArrayList<>();
            assertThat(j.replay("gate", T0.plusSeconds(100), gates::add)).isEqualTo(249);
            assertThat(gates).containsExactlyElementsOf(many.stream()
                    .filter(r -> r.kind().equals("gate") && !r.at().isBefore(T0.plusSeconds(100))).toList());
            assertThat(j.pruneBefore("position", T0.plusSeconds(20_000))).isEqualTo(19_800);
            List<JournalRecord> left = replay(j, Instant.EPOCH);
            assertThat(left).hasSize(25_000 - 19_800);
            assertThat(left.get(0).payload()).isEqualTo("r0"); // the gates are kept
            assertThat(j.pruneBefore(null, Instant.MAX)).isEqualTo(25_000 - 19_800);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rowEditedToAnImpossibleKind_isNamedBySequence_andBadRecordsAreRefusedBeforeWriting(Dialect dialect)
            throws SQLException {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir);
                OffsiteDatabase db = TestDatabases.open(ds, Clock.systemUTC())) {
            JdbcInputJournal j = JdbcInputJournal.create(db, "trucks");
            j.append(List.of(new JournalRecord("position", T0, "ok")));
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE input_journal SET kind = 'no spaces allowed' WHERE stream = 'trucks'");
            }
            assertThatThrownBy(() -> replay(j, Instant.EPOCH)).isInstanceOfSatisfying(CorruptRowException.class,
                    e -> assertThat(e.key()).startsWith("trucks seq ")).hasMessageContaining("kind");
            assertThatThrownBy(() -> new JournalRecord("position", T0, "x".repeat(4001)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("4001");
            assertThatThrownBy(() -> new JournalRecord("position", Instant.parse("1960-01-01T00:00:00Z"), ""))
                    .isInstanceOf(StoreException.class).hasMessageContaining("1970");
            assertThatThrownBy(() -> JdbcInputJournal.create(db, "bad stream")).isInstanceOf(StoreException.class);
        }
    }
}
