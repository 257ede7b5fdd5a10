package io.offsite.notify;

import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.OutboxListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * The options an {@link Outbox} was built with, copied from its {@link OutboxBuilder} at {@link OutboxBuilder#build()}
 * (a builder changed or reused for another outbox afterwards does not change an outbox already built), with the
 * gateways and the rate-limit buckets made from them. Both modes ({@link LocalOutbox}, {@link SharedOutbox}) read
 * them here.
 *
 * @param gateways       the gateway of each configured channel (a copy of the builder's)
 * @param buckets        the per-recipient rate limit's state; not thread-safe, used under the outbox's lock
 * @param holder         the lease holder's name on a shared store
 * @param lease          how long a shared-store claim lasts
 * @param claimOnEnqueue whether a shared-store enqueue leases its new rows to this outbox
 */
record OutboxSettings(Clock clock, RandomGenerator random, RetryPolicy retry, Duration receiptTimeout,
        OutboxListener listener, int maxBatch, Executor sendExecutor, String holder, Duration lease,
        boolean claimOnEnqueue, Map<Channel, Gateway> gateways, TokenBuckets buckets) {

    /** The clock's current instant. */
    Instant now() {
        return clock.instant();
    }

    /** What a receipt arriving at {@code now} does to {@code m}. */
    ReceiptStep receipt(OutboxMessage m, Receipt receipt, Instant now) {
        return ReceiptStep.decide(m, receipt, now, retry, receiptTimeout, random);
    }

    /** A dispatch round at {@code now}. */
    DispatchStep round(Instant now) {
        return new DispatchStep(now, retry, receiptTimeout, random, buckets, gateways);
    }
}
