package io.offsite.store.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OffSite database: an H2 or PostgreSQL database with OffSite's schema, checked and migrated when opened.
 * Every JDBC store ({@code JdbcEpisodeStore}, {@code JdbcOutboxStore}, {@code JdbcChainJournals},
 * {@code JdbcWitnessStore}, {@code JdbcCaseStore}, {@code JdbcEnterpriseFiles}) is created on one; any
 * number of processes may open the same database (PostgreSQL, or H2 in server mode) and their stores share it safely.
 *
 * <pre>{@code
 * HikariDataSource pool = new HikariDataSource(hikariConfig);      // the host's pool, PostgreSQL 15+
 * OffsiteDatabase db = OffsiteDatabase.builder(pool).open();         // migrates the schema if needed
 * // or, with zero set-up:
 * OffsiteDatabase db = OffsiteDatabase.embedded(Path.of("offsite-data"));
 * }</pre>
 */
public final class OffsiteDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OffsiteDatabase.class);

    private final Sql sql;
    private final Dialect dialect;
    private final Clock clock;
    private final Migrations migrations;
    private final AutoCloseable owned;

    private OffsiteDatabase(Sql sql, Dialect dialect, Clock clock, Migrations migrations, AutoCloseable owned) {
        this.sql = sql;
        this.dialect = dialect;
        this.clock = clock;
        this.migrations = migrations;
        this.owned = owned;
    }

    /** Options over the host's data source. */
    public static OffsiteDatabaseBuilder builder(DataSource dataSource) {
        return new OffsiteDatabaseBuilder(dataSource);
    }

    /**
     * The zero-set-up default: an embedded H2 database in the file {@code directory/offsite.mv.db} (created with
     * its directory when missing) behind H2's own small connection pool, which closes with the database. Commits
     * are written to the file before they return ({@code WRITE_DELAY=0}), so a killed process loses nothing it
     * committed. H2 does not close the file from its own shutdown hook ({@code DB_CLOSE_ON_EXIT=FALSE}): the host
     * closes it ({@link #close()}), so a host's own shutdown hook can still write its last checkpoint. One process
     * owns the file at a time; for several processes use PostgreSQL (or H2's server mode
     * through {@link #builder(DataSource)}). H2's page cache is an eighth of the JVM's maximum heap (at least 16 MB,
     * H2's own default): stores that update rows at random keys (the outbox, cases) read fewer pages back from the
     * file with a larger cache ({@link #h2CacheKb}). Each connection keeps its 64 most recent statements parsed
     * ({@code QUERY_CACHE_SIZE=64}; H2's default of 8 is fewer than one outbox round uses, so each was parsed again).
     */
    public static OffsiteDatabase embedded(Path directory) {
        return embedded(directory, Clock.systemUTC());
    }

    /** As {@link #embedded(Path)}, with the clock stores read. */
    public static OffsiteDatabase embedded(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the database directory " + directory + ": " + e.getMessage(), e);
        }
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("offsite")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;CACHE_SIZE=" + h2CacheKb(Runtime.getRuntime().maxMemory());
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "offsite", "");
        pool.setMaxConnections(16);
        try {
            return builder(pool).clock(clock).owning(pool::dispose).open();
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** H2's page cache in KB for a JVM whose maximum heap is {@code maxHeapBytes}: an eighth, at least 16 MB. */
    static long h2CacheKb(long maxHeapBytes) {
        long minKb = 16 * 1024;
        if (maxHeapBytes == Long.MAX_VALUE) {
            return minKb;
        }
        return Math.max(minKb, Math.min(Integer.MAX_VALUE, maxHeapBytes / 8 / 1024));
    }

    static OffsiteDatabase open(OffsiteDatabaseBuilder b) {
        Dialect dialect;
        try (Connection c = b.dataSource.getConnection()) {
            dialect = Dialect.ofProduct(c.getMetaData().getDatabaseProductName());
            if (dialect == Dialect.POSTGRESQL && c.getMetaData().getDatabaseMajorVersion() < 15) {
                throw new StoreException("PostgreSQL " + c.getMetaData().getDatabaseProductVersion()
                        + " is too old; OffSite needs PostgreSQL 15 or newer");
            }
        } catch (SQLException e) {
            throw Sql.failure("opening the OffSite database", e);
        }
        Migrations migrations = new Migrations(b.dataSource, dialect);
        String version = migrations.bring(b.migrate);
        LOG.info("OffSite database open: {} schema {}", dialect, version);
        return new OffsiteDatabase(new Sql(b.dataSource), dialect, b.clock, migrations, b.owned);
    }

    /** The database's dialect. */
    public Dialect dialect() {
        return dialect;
    }

    /** The clock stores read. */
    public Clock clock() {
        return clock;
    }

    /**
     * Checks the database now: one round trip and the schema version. Never throws; a host maps it to its health
     * endpoint.
     */
    public Health health() {
        long start = System.nanoTime();
        try (Connection c = sql.dataSource().getConnection()) {
            if (!c.isValid(5)) {
                return new Health(false, "", "connection is not valid", since(start));
            }
            String version = migrations.current();
            return new Health(true, version, dialect + " answered; schema " + version, since(start));
        } catch (SQLException | RuntimeException e) {
            return new Health(false, "", "database unreachable: " + e.getMessage(), since(start));
        }
    }

    Sql sql() {
        return sql;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Closes the connection pool when the database created it ({@link #embedded(Path)}); otherwise nothing. */
    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new StoreException("closing the OffSite database failed: " + e.getMessage(), e);
            }
        }
    }
}
