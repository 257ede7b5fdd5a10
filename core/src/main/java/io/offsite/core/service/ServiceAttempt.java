package io.offsite.core.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One attempt to serve a document, recorded once its outcome is known.
 *
 * @param method      the method used
 * @param attemptedAt when the attempt started (visit, dispatch, posting, call, publication order)
 * @param outcome     what happened
 * @param outcomeAt   when it happened: signed, refused, left, arrived, session ended, received, returned, published
 * @param address     postal or electronic address (or video account) used, or the medium of a public notice
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
            throw new ServiceException(method + " attempt needs a non-blank address, was "
                    + (address == null ? "null" : "'" + address + "'"));
        }
        if (outcomeAt.isBefore(attemptedAt)) {
            throw new ServiceException(method + " attempt: outcome time " + outcomeAt + " is before the attempt "
                    + attemptedAt);
        }
    }

    /** An attempt whose outcome came at once (e.g. a signature at the door). */
    public static ServiceAttempt of(ServiceMethod method, Instant at, Outcome outcome, String address,
            ServiceProof... proofs) {
        return new ServiceAttempt(method, at, outcome, at, address, List.of(proofs), "");
    }

    /** Whether the attempt carries a proof of this kind. */
    public boolean has(ServiceProof.Kind kind) {
        return proofs.stream().anyMatch(p -> p.kind() == kind);
    }

    /** What an attempt achieved. */
    public enum Outcome {
        /** Served (signed, left with witness/record, arrived, session held, received). */
        SERVED,
        /** The party or an adult family member refused to accept (opens the way to leaving it at the residence). */
        REFUSED,
        /** Nobody found at the address. */
        NOT_FOUND,
        /** Mail came back undelivered. */
        RETURNED,
        /** Electronic sending or the video session failed. */
        FAILED,
        /** A public notice was published. */
        PUBLISHED
    }
}
