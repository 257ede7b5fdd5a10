package io.offsite.notify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Per-address token buckets. A bucket untouched for the time it takes to refill completely is full again,
 * so Caffeine may evict it (expire-after-access on the outbox clock) without changing any answer; that
 * bounds memory by the number of recently messaged addresses. Not thread-safe: the outbox serializes calls.
 */
final class TokenBuckets {
    private final RateLimit limit;
    private final long refillNanos;
    private final Cache<String, long[]> buckets;

    TokenBuckets(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.refillNanos = limit.refillEvery().toNanos();
        Duration full = limit.refillEvery().multipliedBy(limit.burst());
        this.buckets = limit.isUnlimited() ? null : Caffeine.newBuilder()
                .expireAfterAccess(full)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    /**
     * Takes a token for {@code address} at {@code now}; returns {@code null} when granted, otherwise the
     * earliest instant a token will be available.
     */
    Instant tryAcquire(String address, Instant now) {
        if (buckets == null) {
            return null;
        }
        long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        // state: [0] = tokens scaled by refillNanos (fixed point), [1] = last update in nanos
        long[] b = buckets.get(address, a -> new long[] {limit.burst() * refillNanos, nowNanos});
        long elapsed = Math.max(0L, nowNanos - b[1]);
        long cap = limit.burst() * refillNanos;
        b[0] = Math.min(cap, b[0] + elapsed);
        b[1] = Math.max(b[1], nowNanos);
        if (b[0] >= refillNanos) {
            b[0] -= refillNanos;
            return null;
        }
        return now.plusNanos(refillNanos - b[0]);
    }
}
