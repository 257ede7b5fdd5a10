package io.offsite.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The persisted state of one message: what was sent, where it stands, and the timestamps the evidence
 * chain needs (enqueued, first and last attempt, accepted by the gateway, delivered, dead-lettered).
 * Immutable; every change produces a new value that the outbox saves before acting on it.
 *
 * @param message        what to send
 * @param status         where it stands
 * @param attempts       gateway calls made so far (a rate-limit wait is not an attempt)
 * @param enqueuedAt     when it was first persisted
 * @param dueAt          when the outbox next acts: the next send for PENDING, the receipt deadline for SENT;
 *                       empty once final
 * @param firstAttemptAt first gateway call
 * @param lastAttemptAt  latest gateway call
 * @param sentAt         first time the gateway accepted it
 * @param deliveredAt    delivery time from the receipt (or the synchronous delivery)
 * @param deadLetteredAt when it was given up
 * @param providerId     the gateway's own message id, when it gave one
 * @param lastError      the latest failure, for operators
 * @param deadLetterReason why it was given up
 */
public record OutboxMessage(OutgoingMessage message, MessageStatus status, int attempts, Instant enqueuedAt,
        Optional<Instant> dueAt, Optional<Instant> firstAttemptAt, Optional<Instant> lastAttemptAt,
        Optional<Instant> sentAt, Optional<Instant> deliveredAt, Optional<Instant> deadLetteredAt,
        Optional<String> providerId, Optional<String> lastError, Optional<String> deadLetterReason) {

    /** Validates the components and their consistency with the status. */
    public OutboxMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(firstAttemptAt, "firstAttemptAt");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(deadLetterReason, "deadLetterReason");
        if (attempts < 0) {
            throw new NotifyException("message '" + message.key() + "': attempts must be >= 0, was " + attempts);
        }
        if (status.isFinal() == dueAt.isPresent()) {
            throw new NotifyException("message '" + message.key() + "': status " + status
                    + (dueAt.isPresent() ? " must not have" : " needs") + " a due time");
        }
        if (status == MessageStatus.DELIVERED && deliveredAt.isEmpty()) {
            throw new NotifyException("message '" + message.key() + "': DELIVERED needs deliveredAt");
        }
        if (status == MessageStatus.DEAD_LETTER && (deadLetteredAt.isEmpty() || deadLetterReason.isEmpty())) {
            throw new NotifyException("message '" + message.key() + "': DEAD_LETTER needs deadLetteredAt and a reason");
        }
    }

    /** A freshly enqueued message, due at once. */
    static OutboxMessage enqueued(OutgoingMessage message, Instant now) {
        return new OutboxMessage(message, MessageStatus.PENDING, 0, now, Optional.of(now), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The idempotency key (the message's identity in the outbox). */
    public String key() {
        return message.key();
    }

    /** When it reached its final outcome: {@link #deliveredAt} when DELIVERED, {@link #deadLetteredAt} when DEAD_LETTER. */
    public Optional<Instant> finalAt() {
        return status == MessageStatus.DELIVERED ? deliveredAt
                : status == MessageStatus.DEAD_LETTER ? deadLetteredAt : Optional.empty();
    }

    OutboxMessage attempted(Instant now) {
        Optional<Instant> at = Optional.of(now); // one object for both times of a first attempt
        return new OutboxMessage(message, status, attempts + 1, enqueuedAt, dueAt,
                firstAttemptAt.isPresent() ? firstAttemptAt : at, at, sentAt,
                deliveredAt, deadLetteredAt, providerId, lastError, deadLetterReason);
    }

    OutboxMessage pending(Instant due, Optional<String> error) {
        return new OutboxMessage(message, MessageStatus.PENDING, attempts, enqueuedAt, Optional.of(due),
                firstAttemptAt, lastAttemptAt, sentAt, deliveredAt, deadLetteredAt, providerId,
                error.isPresent() ? error : lastError, deadLetterReason);
    }

    OutboxMessage sent(Instant now, Instant receiptDue, Optional<String> provider) {
        return new OutboxMessage(message, MessageStatus.SENT, attempts, enqueuedAt, Optional.of(receiptDue),
                firstAttemptAt, lastAttemptAt, sentAt.isPresent() ? sentAt : sameOrNew(lastAttemptAt, now),
                deliveredAt, deadLetteredAt, provider.isPresent() ? provider : providerId, lastError,
                deadLetterReason);
    }

    /** {@code known} when it already holds {@code at} (a message keeps one object per distinct time), else a new one. */
    private static Optional<Instant> sameOrNew(Optional<Instant> known, Instant at) {
        return known.isPresent() && known.get().equals(at) ? known : Optional.of(at);
    }

    OutboxMessage delivered(Instant at, Optional<String> provider) {
        return new OutboxMessage(message, MessageStatus.DELIVERED, attempts, enqueuedAt, Optional.empty(),
                firstAttemptAt, lastAttemptAt, sentAt.isPresent() ? sentAt : Optional.of(at), Optional.of(at),
                deadLetteredAt, provider.isPresent() ? provider : providerId, lastError, deadLetterReason);
    }

    OutboxMessage deadLettered(Instant now, String reason) {
        return new OutboxMessage(message, MessageStatus.DEAD_LETTER, attempts, enqueuedAt, Optional.empty(),
                firstAttemptAt, lastAttemptAt, sentAt, deliveredAt, Optional.of(now), providerId, lastError,
                Optional.of(reason));
    }

    @Override
    public String toString() {
        return "OutboxMessage[" + key() + ", " + status + ", attempts=" + attempts
                + dueAt.map(d -> ", due " + d).orElse("") + deadLetterReason.map(r -> ", reason: " + r).orElse("")
                + "]";
    }
}
