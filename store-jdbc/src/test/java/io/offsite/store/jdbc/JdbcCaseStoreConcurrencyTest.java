package io.offsite.store.jdbc;

import static io.offsite.cases.CaseFixtures.A;
import static io.offsite.cases.CaseFixtures.B;
import static io.offsite.cases.CaseFixtures.C;
import static io.offsite.cases.CaseFixtures.LC;
import static io.offsite.cases.CaseFixtures.at;
import static io.offsite.cases.CaseFixtures.steps;
import static io.offsite.cases.CaseFixtures.through;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.cases.CaseAction;
import io.offsite.cases.CaseCommand;
import io.offsite.cases.CaseConflictException;
import io.offsite.cases.CaseFixtures;
import io.offsite.cases.CaseService;
import io.offsite.cases.spi.CaseStore;
import io.offsite.cases.spi.StoredCase;
import io.offsite.testkit.SettableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two processes on one database acting on one case at once, and the timeline rows never being rewritten. */
class JdbcCaseStoreConcurrencyTest {
    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.at(Instant.parse("2025-09-01T02:00:00Z"));

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoOfficersOnTwoProcesses_actingAtOnce_oneWinsAndTheOtherGetsAConflict(Dialect dialect) throws Exception {
        try (HikariDataSource ds1 = TestDatabases.fresh(dialect, dir); HikariDataSource ds2 = TestDatabases.sameAs(ds1)) {
            CaseService first = CaseService.create(LC, JdbcCaseStore.create(TestDatabases.open(ds1, clock)));
            CaseService second = CaseService.create(LC, JdbcCaseStore.create(TestDatabases.open(ds2, clock)));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 5; round++) {
                    String id = "C-" + round;
                    first.file(id, CaseFixtures.NOISE, io.offsite.cases.penalty.PartyType.PERSON, at(2025, 9, 1), "r", A, B);
                    StoredCase seenByA = first.find(id).orElseThrow();
                    StoredCase seenByC = second.find(id).orElseThrow();
                    CountDownLatch go = new CountDownLatch(1);
                    Future<StoredCase> a = pool.submit(() -> {
                        go.await();
                        return first.apply(seenByA, CaseCommand.of("a", CaseAction.START_INVESTIGATION, at(2025, 9, 2),
                                "on site", A, B));
                    });
                    Future<StoredCase> c = pool.submit(() -> {
                        go.await();
                        return second.apply(seenByC, CaseCommand.of("c", CaseAction.WITHDRAW, at(2025, 9, 2),
                                "duplicate report", C));
                    });
                    go.countDown();
                    List<StoredCase> won = new ArrayList<>();
                    List<Throwable> lost = new ArrayList<>();
                    for (Future<StoredCase> f : List.of(a, c)) {
                        try {
                            won.add(f.get(30, TimeUnit.SECONDS));
                        } catch (ExecutionException e) {
                            lost.add(e.getCause());
                        }
                    }
                    assertThat(won).as("round %d", round).hasSize(1);
                    assertThat(lost).singleElement().isInstanceOfSatisfying(CaseConflictException.class, e -> {
                        assertThat(e.caseId()).isEqualTo(id);
                        assertThat(e.actualVersion()).isEqualTo(2);
                        assertThat(e.lastChange()).isPresent();
                    });
                    StoredCase now = second.find(id).orElseThrow();
                    assertThat(now.version()).isEqualTo(2);
                    assertThat(now.penaltyCase().timeline()).isEqualTo(won.get(0).penaltyCase().timeline());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void timelineRows_areOnlyInserted_neverUpdatedOrDeleted(Dialect dialect) throws Exception {
        List<String> statements = new CopyOnWriteArrayList<>();
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            CaseStore store = JdbcCaseStore.create(OffsiteDatabase.builder(recording(ds, statements)).clock(clock).open());
            StoredCase s = store.create(through("C-1", 0));
            List<List<String>> before = rows(ds);
            for (CaseCommand cmd : steps()) {
                s = store.update(LC.apply(s.penaltyCase(), cmd), s.version());
                store.find("C-1");
                List<List<String>> after = rows(ds);
                assertThat(after).hasSize(before.size() + 1);
                assertThat(after.subList(0, before.size())).isEqualTo(before);
                before = after;
            }
            assertThat(statements).filteredOn(q -> q.toLowerCase(Locale.ROOT).contains("case_timeline"))
                    .isNotEmpty()
                    .allSatisfy(q -> assertThat(q.trim().toUpperCase(Locale.ROOT)).matches("(INSERT INTO|SELECT) .*"));
        }
    }

    private static List<List<String>> rows(HikariDataSource ds) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM case_timeline ORDER BY case_id, seq")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                out.add(row);
            }
        }
        return out;
    }

    /** {@code ds} recording the SQL of every statement the store prepares. */
    private static DataSource recording(DataSource ds, List<String> statements) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, args) -> {
                    Object r = invoke(ds, m, args);
                    if (r instanceof Connection conn) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                                (p2, m2, a2) -> {
                                    if (m2.getName().startsWith("prepare") && a2 != null && a2[0] instanceof String q) {
                                        statements.add(q);
                                    }
                                    return invoke(conn, m2, a2);
                                });
                    }
                    return r;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
