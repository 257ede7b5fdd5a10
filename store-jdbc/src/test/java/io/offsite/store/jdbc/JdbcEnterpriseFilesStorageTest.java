package io.offsite.store.jdbc;

import static io.offsite.store.jdbc.EnterpriseFileFixtures.FRUIT;
import static io.offsite.store.jdbc.EnterpriseFileFixtures.T0;
import static io.offsite.store.jdbc.EnterpriseFileFixtures.caseRef;
import static io.offsite.store.jdbc.EnterpriseFileFixtures.finding;
import static io.offsite.store.jdbc.EnterpriseFileFixtures.patrol;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.core.InvalidValueException;
import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.core.objects.EnterpriseArchive.CaseRef;
import io.offsite.core.objects.EnterpriseArchive.Finding;
import io.offsite.core.violation.Violation;
import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** JdbcEnterpriseFiles as storage: files survive a restart, processes share them, corrupt rows are named. */
class JdbcEnterpriseFilesStorageTest {
    private static final String FRUIT_ID = "hy-shop-0001";
    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.at(T0);

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void reopeningTheDatabase_keepsTheFiles(Dialect dialect) {
        EnterpriseArchive before;
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            JdbcEnterpriseFiles files = JdbcEnterpriseFiles.create(TestDatabases.open(ds, clock));
            files.open(FRUIT);
            files.appendPatrol(FRUIT_ID, patrol(0, "门前三包 checked"));
            files.appendFinding(FRUIT_ID, finding(10, "fruit crates on the pavement"));
            files.appendFinding(FRUIT_ID, new Finding(T0.plusNanos(1), Violation.of("SHOP_NOISE"), "loudspeaker, local item"));
            before = files.appendCase(FRUIT_ID, caseRef("331003-2026-000107", Violation.TRADING_BEYOND_SHOPFRONT, 20));
            try (HikariDataSource restarted = TestDatabases.sameAs(ds)) {
                ds.close(); // the first process is gone; the second opens the same database
                JdbcEnterpriseFiles again = JdbcEnterpriseFiles.create(TestDatabases.open(restarted, clock));
                assertThat(again.load(FRUIT_ID)).isEqualTo(before);
                assertThat(again.open(FRUIT)).as("the file is there already").isFalse();
                assertThat(again.load(FRUIT_ID).findings()).extracting(Finding::description)
                        .containsExactly("loudspeaker, local item", "fruit crates on the pavement");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoStoresOnOneDatabase_appendingTheSameRecord_storeOneRow(Dialect dialect) throws Exception {
        try (HikariDataSource a = TestDatabases.fresh(dialect, dir); HikariDataSource b = TestDatabases.sameAs(a)) {
            JdbcEnterpriseFiles first = JdbcEnterpriseFiles.create(TestDatabases.open(a, clock));
            JdbcEnterpriseFiles second = JdbcEnterpriseFiles.create(TestDatabases.open(b, clock));
            first.open(FRUIT);
            assertThat(second.open(FRUIT)).isFalse();
            first.appendFinding(FRUIT_ID, finding(10, "goods on the pavement"));
            assertThat(second.appendFinding(FRUIT_ID, finding(10, "goods on the pavement")).findings()).hasSize(1);
            assertThat(rows(a)).isEqualTo(1);

            // both processes re-deliver the same effects at the same moment
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                int n = 20;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<?>> done = new ArrayList<>();
                for (JdbcEnterpriseFiles files : List.of(first, second)) {
                    done.add(pool.submit((Callable<Void>) () -> {
                        start.await();
                        for (int i = 0; i < n; i++) {
                            files.appendPatrol(FRUIT_ID, patrol(i, "round " + i));
                            files.appendCase(FRUIT_ID, caseRef("331003-2026-" + (200 + i), Violation.PARKING, i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                EnterpriseArchive file = first.load(FRUIT_ID);
                assertThat(file.patrols()).hasSize(n);
                assertThat(file.cases()).hasSize(n);
                assertThat(rows(b)).isEqualTo(1 + 2L * n);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoStoresFilingDifferentCasesUnderOneIdAtOnce_keepOneAndRefuseTheOther(Dialect dialect) throws Exception {
        try (HikariDataSource a = TestDatabases.fresh(dialect, dir); HikariDataSource b = TestDatabases.sameAs(a)) {
            JdbcEnterpriseFiles first = JdbcEnterpriseFiles.create(TestDatabases.open(a, clock));
            JdbcEnterpriseFiles second = JdbcEnterpriseFiles.create(TestDatabases.open(b, clock));
            first.open(FRUIT);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<String>> outcomes = new ArrayList<>();
                List<Violation> kinds = List.of(Violation.PARKING, Violation.SEWAGE_DUMPING);
                for (int k = 0; k < 2; k++) {
                    JdbcEnterpriseFiles files = k == 0 ? first : second;
                    Violation v = kinds.get(k);
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        try {
                            files.appendCase(FRUIT_ID, caseRef("331003-2026-000300", v, 0));
                            return "kept";
                        } catch (InvalidValueException e) {
                            return "refused";
                        }
                    }));
                }
                List<String> got = List.of(outcomes.get(0).get(), outcomes.get(1).get());
                assertThat(got).containsExactlyInAnyOrder("kept", "refused");
                List<CaseRef> cases = first.load(FRUIT_ID).cases();
                assertThat(cases).hasSize(1);
                assertThat(cases.get(0).violation()).isEqualTo(kinds.get(got.indexOf("kept")));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void corruptRow_failsTheReadNamingTheObjectAndRecord(Dialect dialect) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            JdbcEnterpriseFiles files = JdbcEnterpriseFiles.create(TestDatabases.open(ds, clock));
            files.open(FRUIT);
            files.appendFinding(FRUIT_ID, finding(1, "fine"));
            insertRaw(ds, "'INSPECTION', '2026-12-05T01:00:00Z', 'HYZF-1001', NULL, 'x', NULL");
            assertThatThrownBy(() -> files.load(FRUIT_ID))
                    .isInstanceOfSatisfying(CorruptRowException.class, e -> {
                        assertThat(e.table()).isEqualTo("enterprise_records");
                        assertThat(e.key()).isEqualTo(FRUIT_ID + " record 2");
                    })
                    .hasMessageContaining("kind is \"INSPECTION\"");
        }
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            JdbcEnterpriseFiles files = JdbcEnterpriseFiles.create(TestDatabases.open(ds, clock));
            files.open(FRUIT);
            insertRaw(ds, "'FINDING', '2026-12-05T01:00:00Z', NULL, 'parking', 'x', NULL");
            assertThatThrownBy(() -> files.appendPatrol(FRUIT_ID, patrol(1, "x")))
                    .isInstanceOfSatisfying(CorruptRowException.class, e -> assertThat(e.key()).isEqualTo(FRUIT_ID + " record 1"))
                    .hasMessageContaining("violation \"parking\" is not a violation code");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rowEditedInSql_isRefusedOnPostgresAndCaughtByItsHashOnH2(Dialect dialect) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            JdbcEnterpriseFiles files = JdbcEnterpriseFiles.create(TestDatabases.open(ds, clock));
            files.open(FRUIT);
            files.appendFinding(FRUIT_ID, finding(1, "fruit crates on the pavement"));
            String edit = "UPDATE enterprise_records SET body = 'nothing found'";
            if (dialect == Dialect.POSTGRESQL) {
                assertThatThrownBy(() -> exec(ds, edit)).hasMessageContaining("enterprise_records is append-only: UPDATE");
                assertThatThrownBy(() -> exec(ds, "DELETE FROM enterprise_files")).hasMessageContaining("append-only");
                assertThat(files.load(FRUIT_ID).findings()).hasSize(1);
            } else {
                exec(ds, edit);
                assertThatThrownBy(() -> files.load(FRUIT_ID)).isInstanceOf(CorruptRowException.class)
                        .hasMessageContaining("no longer matches its content_hash");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void schema_isAtTheLatestMigration(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            assertThat(db.health().schemaVersion()).isEqualTo("V13");
        }
    }

    private static long rows(HikariDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM enterprise_records")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insertRaw(HikariDataSource ds, String kindAtOfficerViolationBodyCase) throws Exception {
        exec(ds, "INSERT INTO enterprise_records (object_id, kind, at_instant, officer, violation, body, case_id,"
                + " content_hash, recorded_at) VALUES ('" + FRUIT_ID + "', " + kindAtOfficerViolationBodyCase
                + ", '" + "0".repeat(64) + "', 0)");
    }

    private static void exec(HikariDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
