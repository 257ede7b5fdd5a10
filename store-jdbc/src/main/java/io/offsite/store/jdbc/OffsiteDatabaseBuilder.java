package io.offsite.store.jdbc;

import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Options for {@link OffsiteDatabase}. The data source is the host's (a HikariCP pool in production; the
 * host configures its size and timeouts); {@link OffsiteDatabase#embedded(java.nio.file.Path)} builds one for
 * an embedded H2 file.
 */
public final class OffsiteDatabaseBuilder {
    final DataSource dataSource;
    boolean migrate = true;
    Clock clock = Clock.systemUTC();
    AutoCloseable owned;

    OffsiteDatabaseBuilder(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Whether opening the database applies pending migrations (default {@code true}). With {@code false} the
     * schema must already be current — for hosts whose database user may not change the schema, with the
     * migrations run by an administrator — and an older schema fails the open with a {@link SchemaException}.
     */
    public OffsiteDatabaseBuilder migrate(boolean migrate) {
        this.migrate = migrate;
        return this;
    }

    /** The clock stores read for lease expiry and record times (default the UTC system clock). */
    public OffsiteDatabaseBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** A data source the database closes with itself (a pool the caller created only for it). */
    OffsiteDatabaseBuilder owning(AutoCloseable resource) {
        this.owned = resource;
        return this;
    }

    /**
     * Connects, checks the dialect, migrates (or validates) the schema and returns the database.
     *
     * @throws StoreException  when the database cannot be reached or is not H2/PostgreSQL
     * @throws SchemaException when the schema is newer than this build, older and not to be migrated, or fails
     *                         validation
     */
    public OffsiteDatabase open() {
        return OffsiteDatabase.open(this);
    }
}
