package io.offsite.store.jdbc;

/**
 * A document replacement named a version that is no longer the stored one: another writer (perhaps another process
 * on the same database) replaced it since it was read. Read it again, re-apply the change and retry.
 */
public final class StaleDocumentException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final long expected;
    private final long actual;

    /** Creates the exception for document {@code name}, expected at {@code expected} but stored at {@code actual}. */
    public StaleDocumentException(String name, long expected, long actual) {
        super("document " + name + " was expected at version " + expected + " but is at version " + actual
                + ": another writer replaced it since it was read; read it again and retry");
        this.name = name;
        this.expected = expected;
        this.actual = actual;
    }

    /** The document's name. */
    public String name() {
        return name;
    }

    /** The version the writer named. */
    public long expected() {
        return expected;
    }

    /** The version stored when the write was refused ({@code 0}: the document does not exist). */
    public long actual() {
        return actual;
    }
}
