package io.offsite.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery report from a gateway, matched to a message by its idempotency key or by the gateway's own
 * message id. Duplicate and late receipts are harmless (see {@link ReceiptOutcome}).
 *
 * @param match     which identifier {@code reference} holds
 * @param reference the idempotency key or the provider's message id
 * @param status    sent, delivered or failed
 * @param at        when the carrier reports it happened
 * @param detail    the gateway's status text (may be empty)
 */
public record Receipt(Match match, String reference, Status status, Instant at, String detail) {
    /** Validates the components. */
    public Receipt {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
        if (reference == null || reference.isBlank()) {
            throw new NotifyException("receipt reference must be non-blank, was "
                    + (reference == null ? "null" : "'" + reference + "'"));
        }
    }

    /** A receipt naming the message by its idempotency key (most gateways echo it as "out id"). */
    public static Receipt forKey(String key, Status status, Instant at, String detail) {
        return new Receipt(Match.KEY, key, status, at, detail);
    }

    /** A receipt naming the message by the gateway's message id. */
    public static Receipt forProviderId(String providerId, Status status, Instant at, String detail) {
        return new Receipt(Match.PROVIDER_ID, providerId, status, at, detail);
    }

    /** Which identifier a receipt carries. */
    public enum Match {
        /** The outbox idempotency key. */
        KEY,
        /** The gateway's own message id returned when it accepted the message. */
        PROVIDER_ID
    }

    /** What the carrier reports. */
    public enum Status {
        /** Submitted to the carrier (a "sent" report): a message whose call looked failed waits for delivery instead of being re-sent. */
        SENT,
        /** Reached the handset (or the camera played it). */
        DELIVERED,
        /** Could not be delivered (e.g. number void, handset off past the carrier's validity period). */
        FAILED
    }
}
