package io.offsite.core.service;

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
            throw new ServiceException("service proof " + kind + " needs a non-blank reference, was "
                    + (reference == null ? "null" : "'" + reference + "'"));
        }
    }

    /** Kinds of proof. */
    public enum Kind {
        /** The party's signature on the service receipt (送达回证). */
        RECIPIENT_SIGNATURE,
        /** The record of the party (or an adult family member) refusing to accept (拒收事由和日期). */
        REFUSAL_RECORD,
        /** A witness's signature (见证人, e.g. a representative of the community or employer). */
        WITNESS_SIGNATURE,
        /** Photos or a video of the document being left (拍照、录像). */
        PHOTO_OR_VIDEO_RECORD,
        /** The system's record that an electronic document reached the party's address. */
        ARRIVAL_RECORD,
        /** The identity check of the person in a video session (face or certificate check). */
        IDENTITY_CHECK,
        /** The recording of the video service session. */
        SESSION_RECORDING,
        /** The postal receipt signed on delivery. */
        POSTAL_RECEIPT,
        /** The returned envelope with the post office's reason. */
        POSTAL_RETURN,
        /** The published notice (newspaper page, notice-board photo, website capture). */
        PUBLICATION
    }
}
