package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.evidence.EvidenceException;
import io.offsite.evidence.PersonalDetails;
import io.offsite.evidence.Witness;
import io.offsite.evidence.WitnessId;
import io.offsite.evidence.WitnessRegistry;
import io.offsite.evidence.WitnessRole;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The witness registry over the database: restart, erasure, duplicates decided across processes, corrupt rows. */
class JdbcWitnessStoreTest {
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00.123456789Z");
    static final PersonalDetails WANG = new PersonalDetails("王小明", "13800001111", "黄岩区东城街道");
    static final PersonalDetails LI = new PersonalDetails("李四", "+86 139-0000-2222", "");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void registerFindAndErase_surviveARestart_andErasureKeepsThePseudonymousRecord(Dialect dialect) {
        WitnessId w1 = new WitnessId("W-0031");
        WitnessId w2 = new WitnessId("W-0007");
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            Witness first;
            try (OffsiteDatabase db = TestDatabases.open(ds, Clock.systemUTC())) {
                WitnessRegistry reg = WitnessRegistry.over(JdbcWitnessStore.create(db));
                first = reg.register(w1, WitnessRole.SANITATION_WORKER, WANG, T0);
                reg.register(w2, WitnessRole.SANITATION_WORKER, LI, T0.plusSeconds(5));
                reg.register(new WitnessId("W-0100"), WitnessRole.PROPERTY_MANAGER, LI, T0);
            }
            try (HikariDataSource again = TestDatabases.sameAs(ds);
                    OffsiteDatabase db = TestDatabases.open(again, Clock.systemUTC())) {
                WitnessRegistry reg = WitnessRegistry.over(JdbcWitnessStore.create(db));
                assertThat(reg.find(w1)).contains(first);
                assertThat(reg.personalDetails(w1)).contains(WANG);
                assertThat(reg.personalDetails(w2)).contains(LI);
                assertThat(reg.withRole(WitnessRole.SANITATION_WORKER)).extracting(Witness::id).containsExactly(w1, w2);
                assertThat(reg.find(new WitnessId("W-9"))).isEmpty();

                assertThat(reg.erasePersonalDetails(w1)).isTrue();
                assertThat(reg.erasePersonalDetails(w1)).isFalse();
                assertThat(reg.personalDetails(w1)).isEmpty();
                assertThat(reg.find(w1)).contains(first);
                assertThat(count(again, "SELECT COUNT(*) FROM evidence_witness_personal WHERE full_name = '王小明'"))
                        .isZero();
                assertThat(count(again, "SELECT COUNT(*) FROM evidence_witness WHERE witness_id = 'W-0031'")).isOne();

                assertThatThrownBy(() -> reg.register(w1, WitnessRole.PUBLIC, LI, T0))
                        .isInstanceOf(EvidenceException.class).hasMessage("witness W-0031 is already registered");
                assertThat(reg.find(w1)).contains(first);
                assertThat(reg.personalDetails(w1)).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void duplicateId_fromTwoProcessesAtOnce_exactlyOneRegisters_withTheInMemoryMessageForTheOther(Dialect dialect)
            throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); HikariDataSource other = TestDatabases.sameAs(ds);
                OffsiteDatabase db1 = TestDatabases.open(ds, Clock.systemUTC());
                OffsiteDatabase db2 = TestDatabases.open(other, Clock.systemUTC())) {
            List<WitnessRegistry> registries = List.of(WitnessRegistry.over(JdbcWitnessStore.create(db1)),
                    WitnessRegistry.over(JdbcWitnessStore.create(db2)));
            WitnessId id = new WitnessId("W-0042");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Witness>> tries = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    WitnessRegistry reg = registries.get(i);
                    PersonalDetails details = i == 0 ? WANG : LI;
                    tries.add(pool.submit(() -> {
                        go.await();
                        return reg.register(id, WitnessRole.COMMUNITY_STAFF, details, T0);
                    }));
                }
                go.countDown();
                List<String> failures = new ArrayList<>();
                for (Future<Witness> t : tries) {
                    try {
                        t.get();
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(EvidenceException.class);
                        failures.add(e.getCause().getMessage());
                    }
                }
                assertThat(failures).containsExactly("witness W-0042 is already registered");
            } finally {
                pool.shutdownNow();
            }
            assertThat(count(ds, "SELECT COUNT(*) FROM evidence_witness")).isOne();
            assertThat(count(ds, "SELECT COUNT(*) FROM evidence_witness_personal")).isOne();
            assertThat(registries.get(1).personalDetails(id)).hasValueSatisfying(p -> assertThat(p).isIn(WANG, LI));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void witnessRowEditedInSql_isACorruptRowNamingTheWitness(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds,
                Clock.systemUTC())) {
            WitnessRegistry reg = WitnessRegistry.over(JdbcWitnessStore.create(db));
            reg.register(new WitnessId("W-1"), WitnessRole.OFFICER, WANG, T0);
            ChainFixtures.exec(ds, "UPDATE evidence_witness SET witness_role = 'WIZARD' WHERE witness_id = 'W-1'");
            ChainFixtures.exec(ds, "UPDATE evidence_witness_personal SET phone = 'call me' WHERE witness_id = 'W-1'");
            assertThatThrownBy(() -> reg.find(new WitnessId("W-1")))
                    .isInstanceOfSatisfying(CorruptRowException.class, e -> {
                        assertThat(e.table()).isEqualTo("evidence_witness");
                        assertThat(e.key()).isEqualTo("W-1");
                    }).hasMessageContaining("WIZARD");
            assertThatThrownBy(() -> reg.personalDetails(new WitnessId("W-1")))
                    .isInstanceOfSatisfying(CorruptRowException.class,
                            e -> assertThat(e.table()).isEqualTo("evidence_witness_personal"))
                    .hasMessageContaining("fail validation").hasMessageNotContaining("call me");
        }
    }

    private static long count(HikariDataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
