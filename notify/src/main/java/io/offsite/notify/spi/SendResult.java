package io.offsite.notify.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What a gateway answered.
 *
 * @param kind       the outcome
 * @param providerId the gateway's own message id, when it gave one
 * @param detail     the gateway's words (status code, error text); empty when it said nothing
 */
public record SendResult(Kind kind, Optional<String> providerId, String detail) {
    /** Validates the components. */
    public SendResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(detail, "detail");
    }

    /** Accepted for delivery; a receipt will follow. */
    public static SendResult accepted(String providerId) {
        return new SendResult(Kind.ACCEPTED, Optional.of(providerId), "");
    }

    /** Delivered already: synchronous channels, or the gateway recognised the key as delivered earlier. */
    public static SendResult delivered(String providerId) {
        return new SendResult(Kind.DELIVERED, Optional.of(providerId), "");
    }

    /** Failed in a way that may pass: time-out, 5xx, throttling, network error. */
    public static SendResult retryable(String detail) {
        return new SendResult(Kind.RETRYABLE, Optional.empty(), detail);
    }

    /** Refused for good: invalid number, blacklisted, template not approved. Dead-letters the message. */
    public static SendResult rejected(String detail) {
        return new SendResult(Kind.REJECTED, Optional.empty(), detail);
    }

    /** Gateway outcomes. */
    public enum Kind {
        /** Accepted; a receipt will follow. */
        ACCEPTED,
        /** Delivered (synchronously or earlier under the same key). */
        DELIVERED,
        /** Failed; worth another attempt. */
        RETRYABLE,
        /** Refused for good. */
        REJECTED
    }
}
