package io.offsite.notify;

/** Where a message is in the outbox. {@link #DELIVERED} and {@link #DEAD_LETTER} are final outcomes. */
public enum MessageStatus {
    /** Persisted; waiting for its first attempt, a retry, or a rate-limit token. */
    PENDING,
    /** Accepted by the gateway; waiting for a delivery receipt (re-sent under the same key if none comes). */
    SENT,
    /** A delivery receipt (or a synchronous delivery) confirmed it reached the recipient. */
    DELIVERED,
    /** Given up, with the reason: attempts exhausted, rejected by the gateway, or no gateway for its channel. */
    DEAD_LETTER;

    /** Whether the outbox will never act on the message again (a late delivery receipt may still upgrade a dead letter). */
    public boolean isFinal() {
        return this == DELIVERED || this == DEAD_LETTER;
    }
}
