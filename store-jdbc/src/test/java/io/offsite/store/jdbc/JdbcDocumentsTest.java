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
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Named documents: seeded once across processes, replaced optimistically, hash-checked on read, on both databases. */
class JdbcDocumentsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC);
    private static final String GRID = "{\"type\":\"FeatureCollection\",\"name\":\"黄岩区 网格\",\"features\":[]}";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void createIfAbsent_keepsTheFirstBody_andASecondProcessSeesIt(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir);
                OffsiteDatabase db = TestDatabases.open(ds, CLOCK)) {
            JdbcDocuments docs = JdbcDocuments.create(db);
            assertThat(docs.find("grid")).isEmpty();
            assertThat(docs.version("grid")).isEmpty();
            StoredDocument first = docs.createIfAbsent("grid", GRID);
            assertThat(first.version()).isEqualTo(1);
            assertThat(docs.createIfAbsent("grid", "{}")).isEqualTo(first); // the stored one wins
            try (HikariDataSource other = TestDatabases.sameAs(ds);
                    OffsiteDatabase db2 = TestDatabases.open(other, CLOCK)) {
                StoredDocument seen = JdbcDocuments.create(db2).find("grid").orElseThrow();
                assertThat(seen.body()).isEqualTo(GRID);
                assertThat(seen.sha256()).isEqualTo(first.sha256()).hasSize(64);
                assertThat(seen.updatedAt()).isEqualTo(CLOCK.instant());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void replace_namingAnOldVersion_isRefusedAndKeepsTheWinnersBody(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir);
                OffsiteDatabase db = TestDatabases.open(ds, CLOCK)) {
            JdbcDocuments docs = JdbcDocuments.create(db);
            StoredDocument v1 = docs.createIfAbsent("fences", "[]");
            StoredDocument v2 = docs.replace("fences", v1.version(), "[1]");
            assertThat(v2.version()).isEqualTo(2);
            assertThat(docs.version("fences")).hasValue(2);
            assertThatThrownBy(() -> docs.replace("fences", v1.version(), "[2]"))
                    .isInstanceOfSatisfying(StaleDocumentException.class, e -> {
                        assertThat(e.expected()).isEqualTo(1);
                        assertThat(e.actual()).isEqualTo(2);
                    }).hasMessageContaining("document fences was expected at version 1 but is at version 2");
            assertThat(docs.find("fences").orElseThrow().body()).isEqualTo("[1]");
            assertThatThrownBy(() -> docs.replace("missing", 1, "x")).isInstanceOfSatisfying(
                    StaleDocumentException.class, e -> assertThat(e.actual()).isZero());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void bodyEditedInSql_isReportedWithTheDocumentsName(Dialect dialect) throws SQLException {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir);
                OffsiteDatabase db = TestDatabases.open(ds, CLOCK)) {
            JdbcDocuments docs = JdbcDocuments.create(db);
            docs.createIfAbsent("grid", GRID);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE offsite_documents SET body = '{\"features\":[1]}' WHERE name = 'grid'");
            }
            assertThatThrownBy(() -> docs.find("grid")).isInstanceOfSatisfying(CorruptRowException.class,
                    e -> assertThat(e.key()).isEqualTo("grid")).hasMessageContaining("SHA-256");
            assertThatThrownBy(() -> docs.createIfAbsent("grid", GRID)).isInstanceOf(CorruptRowException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void malformedNamesAndOversizedBodies_areRefusedBeforeTouchingTheDatabase(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir);
                OffsiteDatabase db = TestDatabases.open(ds, CLOCK)) {
            JdbcDocuments docs = JdbcDocuments.create(db);
            assertThatThrownBy(() -> docs.find("grid; DROP TABLE x")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("document name must be");
            assertThatThrownBy(() -> docs.createIfAbsent("", "x")).isInstanceOf(StoreException.class);
            String huge = "x".repeat(JdbcDocuments.MAX_CHARS + 1);
            assertThatThrownBy(() -> docs.createIfAbsent("grid", huge)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("exceeds the limit");
            assertThat(docs.find("grid")).isEmpty();
        }
    }
}
