package io.offsite.store.jdbc;

import io.offsite.core.OffsiteException;

/**
 * A JDBC store could not do what was asked: the database is down or refused the statement (full disk, lost
 * connection, constraint), its schema is not the one this build expects ({@link SchemaException}), or a row
 * it read is corrupt ({@link CorruptRowException}). The message names the operation, the table or key, and
 * the database's SQLState where there is one. Nothing is partially applied: each store call is one transaction.
 */
public class StoreException extends OffsiteException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public StoreException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
