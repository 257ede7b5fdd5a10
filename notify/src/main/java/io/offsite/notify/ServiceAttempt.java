package io.offsite.notify;

import io.offsite.core.deadline.ServiceMethod;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One attempt to serve a document, recorded once its outcome is known.
 *
 * @param method      the rung used
 * @param attemptedAt when the attempt started (visit, dispatch, posting, publication order)
 * @param outcome     what happened
 * @param outcomeAt   when it happened: signed, refused, arrived, received, returned, published
 * @param address     postal or electronic address used, or the notice medium for public notice
 * @param proofs      the proof for this attempt
 * @param note        free text for the file (may be empty)
 */
public record ServiceAttempt(ServiceMethod method, Instant attemptedAt, Outcome outcome, Instant outcomeAt,
        String address, List<ServiceProof> proofs, String note) {
    /** Validates the components and their order in time. */
    public ServiceAttempt {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(outcomeAt, "outcomeAt");
        Objects.requireNonNull(note, "note");
        proofs = List.copyOf(proofs);
        if (address == null || address.isBlank()) {
            throw new NotifyException(method + " attempt needs a non-blank address, was "
                    + (address == null ? "null" : "'" + address + "'"));
        }
        if (outcomeAt.isBefore(attemptedAt)) {
            throw new NotifyException(method + " attempt: outcome time " + outcomeAt + " is before the attempt "
                    + attemptedAt);
        }
    }

    /**
     * An electronic attempt made through the outbox: SERVED at the delivery receipt's time with an
     * ARRIVAL_RECORD proof naming the message key and provider id, or FAILED when the message was dead-lettered.
     *
     * @throws NotifyException when the message is neither delivered nor dead-lettered yet
     */
    public static ServiceAttempt electronic(OutboxMessage m) {
        Objects.requireNonNull(m, "message");
        Instant attempted = m.firstAttemptAt().orElse(m.enqueuedAt());
        String ref = "outbox " + m.key() + m.providerId().map(p -> " provider id " + p).orElse("");
        if (m.status() == MessageStatus.DELIVERED) {
            Instant arrived = m.deliveredAt().get();
            return new ServiceAttempt(ServiceMethod.ELECTRONIC, attempted.isAfter(arrived) ? arrived : attempted,
                    Outcome.SERVED, arrived, m.message().to(),
                    List.of(new ServiceProof(ServiceProof.Kind.ARRIVAL_RECORD, ref, "delivery receipt")), "");
        }
        if (m.status() == MessageStatus.DEAD_LETTER) {
            Instant at = m.deadLetteredAt().get();
            return new ServiceAttempt(ServiceMethod.ELECTRONIC, attempted.isAfter(at) ? at : attempted, Outcome.FAILED,
                    at, m.message().to(), List.of(), m.deadLetterReason().orElse(""));
        }
        throw new NotifyException("message '" + m.key() + "' is " + m.status()
                + "; an electronic service attempt needs a delivered or dead-lettered message");
    }

    /** Whether the attempt carries a proof of this kind. */
    public boolean has(ServiceProof.Kind kind) {
        return proofs.stream().anyMatch(p -> p.kind() == kind);
    }

    /** What an attempt achieved. */
    public enum Outcome {
        /** Served (signed, left with witness/video, arrived, received). */
        SERVED,
        /** The party refused to accept (opens the way to leaving it at the residence). */
        REFUSED,
        /** Nobody found at the address. */
        NOT_FOUND,
        /** Mail came back undelivered. */
        RETURNED,
        /** Electronic sending failed. */
        FAILED,
        /** A public notice was published. */
        PUBLISHED
    }
}
