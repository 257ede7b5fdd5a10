package io.offsite.store.jdbc;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * The schema through Flyway: one set of migrations shared by both dialects ({@code migration/common}) plus one
 * per dialect where SQL must differ ({@code migration/h2}, {@code migration/postgresql}). The history table is
 * {@code offsite_schema_history}, so OffSite can share a database with an application that uses Flyway itself.
 */
final class Migrations {
    static final String HISTORY_TABLE = "offsite_schema_history";
    private static final String ROOT = "classpath:io/offsite/store/jdbc/migration/";

    private final Flyway flyway;

    Migrations(DataSource dataSource, Dialect dialect) {
        this.flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(ROOT + "common", ROOT + dialect.folder())
                .table(HISTORY_TABLE)
                .ignoreMigrationPatterns(new String[0]) // a future (newer) or missing migration is an error, never ignored
                .cleanDisabled(true)
                .baselineOnMigrate(false)
                .load();
    }

    /** Applies pending migrations (or, with {@code migrate} false, requires there are none); returns the version. */
    String bring(boolean migrate) {
        try {
            refuseNewer();
            if (migrate) {
                flyway.migrate();
            } else {
                MigrationInfo[] pending = flyway.info().pending();
                if (pending.length > 0) {
                    throw new SchemaException("the database schema is at " + current() + " but this OffSite needs "
                            + latestKnown() + "; " + pending.length + " migration(s) are pending ("
                            + Arrays.stream(pending).map(i -> "V" + i.getVersion()).collect(Collectors.joining(", "))
                            + ") and the database was opened with migrate(false): run them, or open with migrate(true)");
                }
            }
            ValidateResult v = flyway.validateWithResult();
            if (!v.validationSuccessful) {
                throw new SchemaException("the database schema fails validation: " + v.getAllErrorMessages()
                        + " (an applied migration was changed or removed; restore it, never edit an applied migration)");
            }
            return current();
        } catch (FlywayException e) {
            throw new SchemaException("schema migration failed: " + e.getMessage(), e);
        }
    }

    /** The applied version, e.g. {@code V6}, or {@code none}. */
    String current() {
        MigrationInfo c = flyway.info().current();
        return c == null || c.getVersion() == null ? "none" : "V" + c.getVersion();
    }

    private String latestKnown() {
        return Arrays.stream(flyway.info().all())
                .filter(i -> i.getState() != MigrationState.FUTURE_SUCCESS && i.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion).filter(v -> v != null)
                .max(Comparator.naturalOrder()).map(v -> "V" + v).orElse("none");
    }

    private void refuseNewer() {
        List<MigrationVersion> future = Arrays.stream(flyway.info().all())
                .filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS || i.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion).toList();
        if (!future.isEmpty()) {
            throw new SchemaException("the database schema is at " + current() + ", newer than this OffSite knows ("
                    + latestKnown() + "): it was upgraded by a later version (" + future.stream().map(v -> "V" + v)
                    .collect(Collectors.joining(", ")) + "); run that version or newer, never downgrade a database");
        }
    }
}
