package io.offsite.notify;

/**
 * The outbox store could not be read or written: an I/O failure, a journal that is corrupt in the middle
 * (not merely torn at the tail), or a journal already locked by another outbox.
 */
public final class OutboxStoreException extends NotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; used by stores, including vendors' own {@code OutboxStore} implementations. */
    public OutboxStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception without a cause. */
    public OutboxStoreException(String message) {
        super(message);
    }
}
