package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening a database: dialect, migrations, and the bad states (down, older and newer schema). */
class OffsiteDatabaseTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void open_migratesAnEmptyDatabaseAndReportsHealth(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, Clock.systemUTC())) {
            assertThat(db.dialect()).isEqualTo(dialect);
            Health h = db.health();
            assertThat(h.up()).isTrue();
            assertThat(h.schemaVersion()).startsWith("V");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void open_twiceOnOneDatabase_secondFindsNothingToDo(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            String first;
            try (OffsiteDatabase db = TestDatabases.open(ds, Clock.systemUTC())) {
                first = db.health().schemaVersion();
            }
            try (OffsiteDatabase db = OffsiteDatabase.builder(ds).migrate(false).open()) {
                assertThat(db.health().schemaVersion()).isEqualTo(first);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void open_withoutMigrate_onAnEmptyDatabase_failsNamingThePendingMigrations(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            assertThatThrownBy(() -> OffsiteDatabase.builder(ds).migrate(false).open())
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("pending")
                    .hasMessageContaining("V1");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void open_onASchemaFromALaterVersion_failsSayingItIsNewer(Dialect dialect) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            TestDatabases.open(ds, Clock.systemUTC()).close();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO \"" + Migrations.HISTORY_TABLE + "\" (\"installed_rank\", \"version\", \"description\","
                        + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (999, '999', 'from the future', 'SQL',"
                        + " 'V999__from_the_future.sql', 0, 'test', 1, TRUE)");
            }
            assertThatThrownBy(() -> TestDatabases.open(ds, Clock.systemUTC()))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("newer than this OffSite knows")
                    .hasMessageContaining("V999");
        }
    }

    @Test
    void open_onADatabaseThatIsDown_failsSayingItCannotBeReached() {
        DataSource down = TestDatabases.unreachable();
        assertThatThrownBy(() -> OffsiteDatabase.builder(down).open())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("opening the OffSite database failed");
    }

    @Test
    void embedded_createsTheFileAndReopensIt() {
        Path data = dir.resolve("offsite-data");
        try (OffsiteDatabase db = OffsiteDatabase.embedded(data)) {
            assertThat(db.dialect()).isEqualTo(Dialect.H2);
        }
        assertThat(data.resolve("offsite.mv.db")).exists();
        try (OffsiteDatabase db = OffsiteDatabase.embedded(data)) {
            assertThat(db.health().up()).isTrue();
        }
    }

    @Test
    void embedded_sizesH2sPageCacheToAnEighthOfTheHeap_atLeast16Mb() {
        assertThat(OffsiteDatabase.h2CacheKb(3L << 30)).isEqualTo(393_216);
        assertThat(OffsiteDatabase.h2CacheKb(64L << 20)).isEqualTo(16_384);
        assertThat(OffsiteDatabase.h2CacheKb(Long.MAX_VALUE)).isEqualTo(16_384);
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("cache"))) {
            long mb = db.sql().inTransaction("reading the cache size", c -> {
                try (Statement s = c.createStatement();
                        java.sql.ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                + " WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")) {
                    rs.next();
                    return Long.parseLong(rs.getString(1));
                }
            });
            assertThat(mb).as("H2's page cache, in MB")
                    .isEqualTo(OffsiteDatabase.h2CacheKb(Runtime.getRuntime().maxMemory()) / 1024);
        }
    }
}
