package io.offsite.store.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * The database as seen by {@link OffsiteDatabase#health()}: whether it answered, at which schema version, and
 * how long the check took. A host exposes it as a health check; {@code detail} never holds credentials.
 *
 * @param up            the database answered and its schema is the one this build works with
 * @param schemaVersion the applied schema version, or empty when it could not be read
 * @param detail        what was checked, or why the database is down
 * @param took          how long the check took
 */
public record Health(boolean up, String schemaVersion, String detail, Duration took) {
    /** Checks the fields are present. */
    public Health {
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(took, "took");
    }
}
