package io.offsite.notify;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to {@link Outbox#enqueue(OutgoingMessage)}.
 *
 * @param message     the stored message (the existing one when the key was already known)
 * @param created     true when this call persisted a new message, false for a re-enqueue of a known key
 * @param sameContent false when a re-enqueue carried a different recipient, channel or text than the stored
 *                    message (the stored one is kept; the difference is logged)
 */
public record EnqueueResult(OutboxMessage message, boolean created, boolean sameContent) {
    /** Validates the components. */
    public EnqueueResult {
        Objects.requireNonNull(message, "message");
    }

    /** The answer for a key already stored as {@code existing}; a different content is logged (as the outbox's). */
    static EnqueueResult known(OutboxMessage existing, OutgoingMessage m) {
        boolean same = existing.message().equals(m);
        if (!same) {
            Logger log = LoggerFactory.getLogger(Outbox.class);
            log.warn("re-enqueue of key {} with different content ignored; keeping the stored message", m.key());
        }
        return new EnqueueResult(existing, false, same);
    }
}
