package io.offsite.store.jdbc;

/**
 * The database's schema is not the one this build of OffSite works with: older and not to be migrated
 * ({@link OffsiteDatabaseBuilder#migrate(boolean) migrate(false)}), newer than this build knows (written by a
 * later OffSite), or failing Flyway's validation (an applied migration was edited). Raised when the database is
 * opened, before any store can read or write.
 */
public final class SchemaException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public SchemaException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
