package io.offsite.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * A per-recipient token bucket: at most {@code burst} messages at once to one address, then one more every
 * {@code refillEvery}. Carriers and the city's own rules cap how many texts one phone may get; a message over
 * the limit waits (it is not an attempt and never dead-letters for it).
 *
 * @param burst       bucket capacity, 1..10,000
 * @param refillEvery time to earn one token back, positive, at most one day
 */
public record RateLimit(int burst, Duration refillEvery) {
    /** Validates the components. */
    public RateLimit {
        Objects.requireNonNull(refillEvery, "refillEvery");
        if (burst < 1 || burst > 10_000) {
            throw new NotifyException("rate limit burst must be 1..10000, was " + burst);
        }
        if (refillEvery.isNegative() || refillEvery.isZero() || refillEvery.compareTo(Duration.ofDays(1)) > 0) {
            throw new NotifyException("rate limit refillEvery must be positive and at most 1 day, was " + refillEvery);
        }
    }

    /** No limit (a bucket so large and fast it never empties in practice). */
    public static RateLimit unlimited() {
        return new RateLimit(10_000, Duration.ofNanos(1));
    }

    /** Whether this is {@link #unlimited()}. */
    public boolean isUnlimited() {
        return burst == 10_000 && refillEvery.equals(Duration.ofNanos(1));
    }
}
