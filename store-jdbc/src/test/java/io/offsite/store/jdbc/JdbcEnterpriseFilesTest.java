package io.offsite.store.jdbc;

import static io.offsite.store.jdbc.EnterpriseFileFixtures.FRUIT;
import static io.offsite.store.jdbc.EnterpriseFileFixtures.T0;
import static io.offsite.store.jdbc.EnterpriseFileFixtures.TEA;
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
import io.offsite.core.objects.EnterpriseArchive.Patrol;
import io.offsite.core.objects.UnknownObjectException;
import io.offsite.core.violation.Violation;
import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** JdbcEnterpriseFiles on H2 and PostgreSQL keeps the EnterpriseFiles contract of InMemoryEnterpriseFiles. */
class JdbcEnterpriseFilesTest {
    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.at(T0);
    private HikariDataSource ds;

    private JdbcEnterpriseFiles files(Dialect dialect) {
        ds = TestDatabases.fresh(dialect, dir);
        JdbcEnterpriseFiles files = JdbcEnterpriseFiles.create(TestDatabases.open(ds, clock));
        files.open(FRUIT);
        return files;
    }

    @AfterEach
    void close() {
        if (ds != null) {
            ds.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void newFile_isEmpty(Dialect dialect) {
        EnterpriseArchive a = files(dialect).load("hy-shop-0001");
        assertThat(a).isEqualTo(EnterpriseArchive.empty("hy-shop-0001"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void appends_areKeptOldestFirstWhateverTheArrivalOrder(Dialect dialect) {
        JdbcEnterpriseFiles files = files(dialect);
        files.appendFinding("hy-shop-0001", finding(30, "second"));
        files.appendFinding("hy-shop-0001", finding(10, "first, reported late"));
        EnterpriseArchive returned = files.appendFinding("hy-shop-0001", finding(30, "same minute, arrived last"));
        files.appendPatrol("hy-shop-0001", patrol(40, "came back, pavement clear"));
        files.appendPatrol("hy-shop-0001", patrol(5, "first visit, 劳动北路"));
        files.appendCase("hy-shop-0001", caseRef("331003-2026-000108", Violation.TRADING_BEYOND_SHOPFRONT, 50));
        files.appendCase("hy-shop-0001", caseRef("331003-2026-000107", Violation.SEWAGE_DUMPING, 20));
        assertThat(returned.findings()).extracting(Finding::description)
                .containsExactly("first, reported late", "second", "same minute, arrived last");
        EnterpriseArchive a = files.load("hy-shop-0001");
        assertThat(a.findings()).isEqualTo(returned.findings());
        assertThat(a.patrols()).extracting(Patrol::note).containsExactly("first visit, 劳动北路", "came back, pavement clear");
        assertThat(a.cases()).extracting(CaseRef::caseId).containsExactly("331003-2026-000107", "331003-2026-000108");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void sameRecordAppendedTwice_isKeptOnce(Dialect dialect) {
        JdbcEnterpriseFiles files = files(dialect);
        files.appendFinding("hy-shop-0001", finding(10, "goods on the pavement"));
        files.appendFinding("hy-shop-0001", finding(10, "goods on the pavement"));
        Patrol p = patrol(0, "checked the door front");
        files.appendPatrol("hy-shop-0001", p);
        EnterpriseArchive a = files.appendPatrol("hy-shop-0001", p);
        assertThat(a.findings()).hasSize(1);
        assertThat(a.patrols()).containsExactly(p);
        assertThat(files.appendFinding("hy-shop-0001", finding(10, "goods on the pavement, again"))
                .findings()).as("same time, other text: a different record").hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void caseIdReusedForADifferentCase_isRefusedAndWritesNothing(Dialect dialect) {
        JdbcEnterpriseFiles files = files(dialect);
        files.open(TEA);
        CaseRef c = caseRef("331003-2026-000107", Violation.TRADING_BEYOND_SHOPFRONT, 0);
        files.appendCase("hy-shop-0001", c);
        assertThat(files.appendCase("hy-shop-0001", c).cases()).containsExactly(c);
        assertThatThrownBy(() -> files.appendCase("hy-shop-0001",
                caseRef("331003-2026-000107", Violation.SEWAGE_DUMPING, 0)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("already holds case 331003-2026-000107 (TRADING_BEYOND_SHOPFRONT");
        assertThat(files.load("hy-shop-0001").cases()).containsExactly(c);
        assertThat(files.appendCase("hy-shop-0005", c).cases()).as("another object's file is its own").containsExactly(c);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void unknownObject_isAnUnknownObjectErrorNamingIt(Dialect dialect) {
        JdbcEnterpriseFiles files = files(dialect);
        assertThatThrownBy(() -> files.load("hy-shop-0404")).isInstanceOf(UnknownObjectException.class)
                .hasMessageContaining("enterprise file").hasMessageContaining("\"hy-shop-0404\"");
        assertThatThrownBy(() -> files.appendFinding("hy-shop-0404", finding(1, "x")))
                .isInstanceOf(UnknownObjectException.class);
        assertThatThrownBy(() -> files.appendPatrol("hy-shop-0404", patrol(1, "x")))
                .isInstanceOf(UnknownObjectException.class);
        assertThatThrownBy(() -> files.appendCase("hy-shop-0404", caseRef("C-1", Violation.PARKING, 1)))
                .isInstanceOf(UnknownObjectException.class);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void malformedObjectId_isAValueErrorNotAnUnknownObject(Dialect dialect) {
        JdbcEnterpriseFiles files = files(dialect);
        assertThatThrownBy(() -> files.load("")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("non-blank");
        assertThatThrownBy(() -> files.load(" hy-shop-0001")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("surrounding whitespace");
        assertThatThrownBy(() -> files.load(null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> files.appendFinding("x".repeat(129), finding(1, "x")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("at most 128");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void objectOpenedLater_getsAnEmptyFileAndReopeningKeepsIt(Dialect dialect) {
        JdbcEnterpriseFiles files = files(dialect);
        assertThatThrownBy(() -> files.load("hy-shop-0005")).isInstanceOf(UnknownObjectException.class);
        assertThat(files.open(TEA)).isTrue();
        files.appendFinding("hy-shop-0005", finding(5, "tea tables outside"));
        assertThat(files.open(TEA)).isFalse();
        assertThat(files.openAll(List.of(FRUIT, TEA))).isZero();
        assertThat(files.load("hy-shop-0005").findings()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoObjectsWithOneId_areRefused(Dialect dialect) {
        JdbcEnterpriseFiles files = files(dialect);
        assertThatThrownBy(() -> files.openAll(List.of(TEA, TEA)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("given twice");
        assertThatThrownBy(() -> files.load("hy-shop-0005")).as("nothing opened").isInstanceOf(UnknownObjectException.class);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void textLongerThanTheColumn_isRefusedNamingTheLimit(Dialect dialect) {
        JdbcEnterpriseFiles files = files(dialect);
        assertThatThrownBy(() -> files.appendPatrol("hy-shop-0001", patrol(1, "很".repeat(100_001))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("at most 100000");
        assertThat(files.appendPatrol("hy-shop-0001", patrol(1, "很".repeat(100_000))).patrols()).hasSize(1);
    }
}
