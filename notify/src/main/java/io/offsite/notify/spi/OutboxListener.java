package io.offsite.notify.spi;

import io.offsite.notify.OutboxMessage;

/**
 * Told about outcomes after they are saved, e.g. to dispatch an officer when an owner SMS is dead-lettered,
 * or to copy delivery times into the case file. Called on the thread that drives the outbox; keep it quick.
 * An exception thrown here propagates to that caller after the outbox state is saved.
 */
public interface OutboxListener {
    /** The gateway accepted the message. */
    default void onSent(OutboxMessage message) {
    }

    /** The message was delivered. */
    default void onDelivered(OutboxMessage message) {
    }

    /** The message was given up; {@link OutboxMessage#deadLetterReason()} says why. */
    default void onDeadLettered(OutboxMessage message) {
    }

    /** A listener that does nothing. */
    static OutboxListener none() {
        return new OutboxListener() {
        };
    }
}
