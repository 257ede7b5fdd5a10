package io.offsite.store.jdbc;

/**
 * A stored row cannot be turned back into a value, or no longer matches the hash it was written with (a row
 * edited directly in SQL). The message names the table and the row's key; the store reads no further rows of
 * that kind, so nothing is silently dropped.
 */
public final class CorruptRowException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final String table;
    private final String key;

    /** Creates the exception for the row {@code key} of {@code table}. */
    public CorruptRowException(String table, String key, String reason) {
        super("corrupt row in " + table + " (key " + key + "): " + reason);
        this.table = table;
        this.key = key;
    }

    /** Creates the exception with its cause. */
    public CorruptRowException(String table, String key, String reason, Throwable cause) {
        super("corrupt row in " + table + " (key " + key + "): " + reason, cause);
        this.table = table;
        this.key = key;
    }

    /** The table holding the row. */
    public String table() {
        return table;
    }

    /** The row's key, as the store names it (for example {@code fence-1/浙J12345} or {@code case 331003-2026-000042 seq 4}). */
    public String key() {
        return key;
    }
}
