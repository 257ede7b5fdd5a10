package io.offsite.notify.spi;

import io.offsite.notify.OutboxMessage;
import java.util.Objects;

/**
 * A message as a {@link SharedOutboxStore} holds it, with the version of that state. The version grows with
 * every write of the message (a save or a claim), so a writer can tell whether the message changed since it
 * read it: {@link SharedOutboxStore#saveIfUnchanged} writes a new state only over the version it was based on.
 *
 * @param message the stored state (or, passed to {@code saveIfUnchanged}, the new state)
 * @param version the stored version (or, passed to {@code saveIfUnchanged}, the version the new state is based on)
 */
public record StoredMessage(OutboxMessage message, long version) {
    /** Validates the components. */
    public StoredMessage {
        Objects.requireNonNull(message, "message");
    }

    /** The message's idempotency key. */
    public String key() {
        return message.key();
    }
}
