package io.offsite.notify;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link EffectNotifier#handle(io.offsite.core.effect.EnforcementEffect)} did with an effect.
 *
 * @param kind    the outcome
 * @param message the enqueued (or already queued) message, when there is one
 * @param detail  one line: who was told and why, or why nobody could be
 * @param warning the template's warning when the text exceeded its SMS part limit
 */
public record EffectOutcome(Kind kind, Optional<OutboxMessage> message, String detail, Optional<String> warning) {
    /** Validates the components. */
    public EffectOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(warning, "warning");
        if (kind.hasMessage() != message.isPresent()) {
            throw new NotifyException("effect outcome " + kind + (kind.hasMessage() ? " needs" : " must not have")
                    + " a message");
        }
    }

    /** Outcomes. */
    public enum Kind {
        /** The intended recipient's message was enqueued. */
        QUEUED(true),
        /** A message for this effect's idempotency key was already in the outbox; nothing new was enqueued. */
        ALREADY_QUEUED(true),
        /** The registry has no phone for the plate: the grid officer was told to act directly instead. */
        OWNER_UNKNOWN_OFFICER_NOTIFIED(true),
        /** The registry could not be reached (nothing cached): the grid officer was told to act directly. */
        OWNER_LOOKUP_FAILED_OFFICER_NOTIFIED(true),
        /** Nobody could be resolved to tell (e.g. no officer phone); the host must act on this. */
        NO_RECIPIENT(false),
        /** The effect is not a message (e.g. CaptureEvidence, FileCase); nothing was enqueued. */
        NOT_A_MESSAGE(false);

        private final boolean hasMessage;

        Kind(boolean hasMessage) {
            this.hasMessage = hasMessage;
        }

        /** Whether this outcome carries a message. */
        public boolean hasMessage() {
            return hasMessage;
        }
    }
}
