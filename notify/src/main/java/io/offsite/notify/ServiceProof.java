package io.offsite.notify;

import java.util.Objects;

/**
 * One piece of proof for a service attempt, pointing at where it is kept (e.g. an evidence item id and hash).
 *
 * @param kind      what it is
 * @param reference where it is kept, e.g. {@code "ev-2026-0042 sha256:9f2c…"} or a postal tracking number
 * @param signedBy  who signed or recorded it (recipient, witness, officer, post office); may be empty
 */
public record ServiceProof(Kind kind, String reference, String signedBy) {
    /** Validates the components. */
    public ServiceProof {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(signedBy, "signedBy");
        if (reference == null || reference.isBlank()) {
            throw new NotifyException("service proof " + kind + " needs a non-blank reference, was "
                    + (reference == null ? "null" : "'" + reference + "'"));
        }
    }

    /** Kinds of proof. */
    public enum Kind {
        /** The party's signature on the service receipt (送达回证). */
        RECIPIENT_SIGNATURE,
        /** A record of the party refusing to sign. */
        REFUSAL_RECORD,
        /** A witness's signature (见证人). */
        WITNESS_SIGNATURE,
        /** A video recording of the service (录像). */
        VIDEO_RECORDING,
        /** The system's record that an electronic document reached the party's address. */
        ARRIVAL_RECORD,
        /** The postal receipt signed on delivery. */
        POSTAL_RECEIPT,
        /** The returned envelope with the post office's reason. */
        POSTAL_RETURN,
        /** The published notice (newspaper page, notice-board photo, website capture). */
        PUBLICATION
    }
}
