package io.offsite.store.jdbc;

import static io.offsite.cases.CaseFixtures.LC;
import static io.offsite.cases.CaseFixtures.steps;
import static io.offsite.cases.CaseFixtures.through;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.cases.CaseAction;
import io.offsite.cases.CaseCodec;
import io.offsite.cases.CaseCommand;
import io.offsite.cases.CaseConflictException;
import io.offsite.cases.CaseException;
import io.offsite.cases.CaseFixtures;
import io.offsite.cases.CaseState;
import io.offsite.cases.PenaltyCase;
import io.offsite.cases.service.ServiceRecord;
import io.offsite.cases.spi.CaseStore;
import io.offsite.cases.spi.StoredCase;
import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** JdbcCaseStore on H2 and PostgreSQL: persisted steps survive a restart; duplicates and rewrites are refused. */
class JdbcCaseStoreTest {
    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.at(Instant.parse("2025-09-01T02:00:00Z"));

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void caseTakenThroughEveryStep_eachPersisted_isEqualAfterARestart(Dialect dialect) {
        PenaltyCase last;
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            CaseStore store = JdbcCaseStore.create(TestDatabases.open(ds, clock));
            StoredCase s = store.create(through("C-1", 0));
            assertSameCase(store.find("C-1").orElseThrow().penaltyCase(), s.penaltyCase());
            for (CaseCommand cmd : steps()) {
                s = store.update(LC.apply(s.penaltyCase(), cmd), s.version());
                StoredCase read = store.find("C-1").orElseThrow();
                assertThat(read.version()).isEqualTo(s.version());
                assertSameCase(read.penaltyCase(), s.penaltyCase());
            }
            assertThat(s.version()).isEqualTo(7);
            last = s.penaltyCase();
            try (HikariDataSource restarted = TestDatabases.sameAs(ds)) {
                ds.close(); // the first process is gone; the second opens the same database
                CaseStore again = JdbcCaseStore.create(TestDatabases.open(restarted, clock));
                StoredCase found = again.find("C-1").orElseThrow();
                assertThat(found.version()).isEqualTo(7);
                assertThat(found.penaltyCase().state()).isEqualTo(CaseState.CLOSED);
                assertSameCase(found.penaltyCase(), last);
                assertThat(again.findByState(CaseState.CLOSED, 10)).extracting(StoredCase::caseId).containsExactly("C-1");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void create_anExistingId_failsAndKeepsTheStoredCase(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            CaseStore store = JdbcCaseStore.create(TestDatabases.open(ds, clock));
            store.create(through("C-1", 1));
            assertThatThrownBy(() -> store.create(through("C-1", 0)))
                    .isInstanceOf(CaseException.class).hasMessageContaining("case C-1 already exists (version 1)");
            assertThat(store.find("C-1").orElseThrow().penaltyCase().state()).isEqualTo(CaseState.INVESTIGATING);
            assertThat(store.find("C-2")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void update_atAStaleVersion_isAConflictNamingVersionsAndOfficers(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            CaseStore store = JdbcCaseStore.create(TestDatabases.open(ds, clock));
            store.create(through("C-1", 0));
            store.update(through("C-1", 1), 1);
            assertThatThrownBy(() -> store.update(through("C-1", 1), 1))
                    .isInstanceOfSatisfying(CaseConflictException.class, e -> {
                        assertThat(e.expectedVersion()).isEqualTo(1);
                        assertThat(e.actualVersion()).isEqualTo(2);
                        assertThat(e.lastChangedBy()).containsExactly(CaseFixtures.A, CaseFixtures.B);
                    })
                    .hasMessageContaining("START_INVESTIGATION by [ZJ-001, ZJ-002]");
            assertThatThrownBy(() -> store.update(through("C-9", 1), 1))
                    .isInstanceOf(CaseException.class).hasMessageContaining("case C-9 does not exist");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void update_thatRewritesOrDropsTimelineEntries_isRefusedAndWritesNothing(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            CaseStore store = JdbcCaseStore.create(TestDatabases.open(ds, clock));
            store.create(through("C-1", 0));
            store.update(through("C-1", 2), 1);
            PenaltyCase rewritten = LC.apply(LC.apply(CaseFixtures.filed("C-1"), CaseCommand.of("other",
                    CaseAction.START_INVESTIGATION, CaseFixtures.at(2025, 9, 3), "x", CaseFixtures.A,
                    CaseFixtures.B)), steps().get(1));
            PenaltyCase rewrittenLonger = LC.apply(rewritten, steps().get(2));
            assertThatThrownBy(() -> store.update(rewrittenLonger, 2))
                    .isInstanceOf(CaseException.class).hasMessageContaining("changes timeline entry seq 1");
            assertThatThrownBy(() -> store.update(through("C-1", 1), 2))
                    .isInstanceOf(CaseException.class).hasMessageContaining("drops timeline entries");
            StoredCase now = store.find("C-1").orElseThrow();
            assertThat(now.version()).isEqualTo(2);
            assertSameCase(now.penaltyCase(), through("C-1", 2));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void corruptSnapshotOrTimelineRow_failsTheReadNamingTheCase(Dialect dialect) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            CaseStore store = JdbcCaseStore.create(TestDatabases.open(ds, clock));
            store.create(through("C-1", 2));
            store.create(through("C-2", 2));
            store.create(through("C-3", 2));
            exec(ds, "UPDATE cases SET snapshot = '{\"format\":' WHERE case_id = 'C-1'");
            exec(ds, "UPDATE case_timeline SET actors = '[7]' WHERE case_id = 'C-2' AND seq = 1");
            assertThatThrownBy(() -> store.find("C-1"))
                    .isInstanceOfSatisfying(CorruptRowException.class, e -> {
                        assertThat(e.table()).isEqualTo("cases");
                        assertThat(e.key()).isEqualTo("C-1");
                    })
                    .hasMessageContaining("case C-1: the stored snapshot is not valid JSON");
            assertThatThrownBy(() -> store.find("C-2"))
                    .isInstanceOfSatisfying(CorruptRowException.class, e -> assertThat(e.key()).isEqualTo("case C-2 seq 1"))
                    .hasMessageContaining("actors");
            assertThatThrownBy(() -> store.findByState(CaseState.NOTICE_SERVED, 10)).isInstanceOf(CorruptRowException.class);
            exec(ds, "DELETE FROM case_timeline WHERE case_id = 'C-3' AND seq = 2");
            assertThatThrownBy(() -> store.find("C-3"))
                    .isInstanceOf(CorruptRowException.class).hasMessageContaining("holds 2 of them");
        }
    }

    static void exec(HikariDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            assertThat(ps.executeUpdate()).as(sql).isEqualTo(1);
        }
    }

    /** Asserts {@code b} is {@code a} restored: same facts (encoded alike), timeline and service records. */
    private static void assertSameCase(PenaltyCase b, PenaltyCase a) {
        CaseCodec codec = CaseCodec.defaults();
        assertThat(codec.encode(b)).isEqualTo(codec.encode(a));
        assertThat(b.timeline()).isEqualTo(a.timeline());
        assertThat(b.violation().name()).isEqualTo(a.violation().name());
        for (var pair : List.of(List.of(b.noticeService(), a.noticeService()),
                List.of(b.decisionService(), a.decisionService()))) {
            assertThat(pair.get(0).map(ServiceRecord::effect))
                    .isEqualTo(pair.get(1).map(ServiceRecord::effect));
            assertThat(pair.get(0).map(ServiceRecord::attempts))
                    .isEqualTo(pair.get(1).map(ServiceRecord::attempts));
        }
    }
}
