package io.offsite.notify;

import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.OutboxListener;
import io.offsite.notify.spi.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Builds an {@link Outbox}: validating setters; only the store and at least one gateway are required. Each outbox keeps
 * the options it was built with, so the builder may be changed and reused for another outbox. Not thread-safe.
 */
public final class OutboxBuilder {
    final OutboxStore store;
    Clock clock = Clock.systemUTC();
    RandomGenerator random = new java.util.SplittableRandom();
    RetryPolicy retry = RetryPolicy.defaults();
    RateLimit rateLimit = RateLimit.unlimited();
    Duration receiptTimeout = Duration.ofMinutes(15);
    final Map<Channel, Gateway> gateways = new EnumMap<>(Channel.class);
    OutboxListener listener = OutboxListener.none();
    int maxBatch = 10_000;
    Executor sendExecutor;
    String holder;
    Duration leaseDuration = Duration.ofMinutes(5);
    boolean claimOnEnqueue;

    OutboxBuilder(OutboxStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The clock all scheduling uses (default: system UTC). */
    public OutboxBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** Source of retry jitter; pass a seeded generator for reproducible schedules. */
    public OutboxBuilder random(RandomGenerator value) {
        this.random = Objects.requireNonNull(value, "random");
        return this;
    }

    /** Retry and dead-letter policy (default {@link RetryPolicy#defaults()}). */
    public OutboxBuilder retry(RetryPolicy value) {
        this.retry = Objects.requireNonNull(value, "retry");
        return this;
    }

    /** Per-recipient rate limit (default unlimited). */
    public OutboxBuilder rateLimit(RateLimit value) {
        this.rateLimit = Objects.requireNonNull(value, "rateLimit");
        return this;
    }

    /** How long to wait for a receipt before sending again under the same key, 1 s..7 days (default 15 min). */
    public OutboxBuilder receiptTimeout(Duration value) {
        Objects.requireNonNull(value, "receiptTimeout");
        if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofDays(7)) > 0) {
            throw new NotifyException("receiptTimeout must be between 1 s and 7 days, was " + value);
        }
        this.receiptTimeout = value;
        return this;
    }

    /** The gateway for a channel; replaces an earlier one for the same channel. */
    public OutboxBuilder gateway(Channel channel, Gateway gateway) {
        gateways.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(gateway, "gateway"));
        return this;
    }

    /** Told about sent, delivered and dead-lettered messages after they are saved. */
    public OutboxBuilder listener(OutboxListener value) {
        this.listener = Objects.requireNonNull(value, "listener");
        return this;
    }

    /** Most messages one {@link Outbox#dispatchDue()} call handles, 1..1,000,000 (default 10,000). */
    public OutboxBuilder maxBatch(int value) {
        if (value < 1 || value > 1_000_000) {
            throw new NotifyException("maxBatch must be 1..1000000, was " + value);
        }
        this.maxBatch = value;
        return this;
    }

    /**
     * Runs the gateway calls of one dispatch round in parallel on this executor (the host's; the outbox
     * starts no threads), so a slow or stalled recipient does not delay the round's other messages. The
     * executor bounds the parallelism. Default: calls are made one after another on the thread that calls
     * {@link Outbox#dispatchDue()}, each bounded only by its gateway's own deadline.
     */
    public OutboxBuilder sendExecutor(Executor value) {
        this.sendExecutor = Objects.requireNonNull(value, "sendExecutor");
        return this;
    }

    /**
     * On a {@link io.offsite.notify.spi.SharedOutboxStore}: the name this outbox's leases carry, unique among the
     * processes sharing the store, 1..200 characters without control characters (for example the host name and
     * port). Default: {@code outbox-<pid>-<random>}, new at every start. Ignored by other stores.
     */
    public OutboxBuilder holder(String value) {
        Objects.requireNonNull(value, "holder");
        if (value.isBlank() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            throw new NotifyException("holder must be 1..200 characters without control characters, was '" + value + "'");
        }
        this.holder = value;
        return this;
    }

    /**
     * On a {@link io.offsite.notify.spi.SharedOutboxStore}: how long a dispatch round's claim on its messages
     * lasts, 1 s..1 h (default 5 min). A crashed process's messages are taken over this long after its claim;
     * a round that takes longer (slow gateways, a large {@link #maxBatch}) may see its messages sent again by
     * another process under the same keys. Ignored by other stores.
     */
    public OutboxBuilder leaseDuration(Duration value) {
        Objects.requireNonNull(value, "leaseDuration");
        if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofHours(1)) > 0) {
            throw new NotifyException("leaseDuration must be between 1 s and 1 h, was " + value);
        }
        this.leaseDuration = value;
        return this;
    }

    /**
     * On a {@link io.offsite.notify.spi.SharedOutboxStore}: whether {@link Outbox#enqueueAll} leases the messages it
     * inserts to this outbox ({@link io.offsite.notify.spi.SharedOutboxStore#insertAbsentLeased}), so its next
     * {@link Outbox#dispatchDue()} sends them without claiming them first: one database round trip and one row
     * write less per message. Turn it on only where this outbox dispatches regularly (an {@link OutboxScheduler}):
     * its messages are not sent by another process before their lease ends, and a round uses only those with at
     * least half of {@link #leaseDuration} left (it releases the others, which are then due at once). Messages
     * another process inserted first are not leased. Default off; ignored by other stores and by shared stores
     * that cannot lease on insert.
     */
    public OutboxBuilder claimOnEnqueue(boolean value) {
        this.claimOnEnqueue = value;
        return this;
    }

    /** The configured holder, or a new unique default for each outbox built. */
    String holderOrDefault() {
        return holder != null ? holder
                : "outbox-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The options as they are now, with the gateways and rate-limit state made from them, for an outbox being built. */
    OutboxSettings settings() {
        return new OutboxSettings(clock, random, retry, receiptTimeout, listener, maxBatch, sendExecutor,
                holderOrDefault(), leaseDuration, claimOnEnqueue, new EnumMap<>(gateways),
                new TokenBuckets(rateLimit, clock));
    }

    /** Loads the store and returns the outbox; fails if no gateway was configured. */
    public Outbox build() {
        if (gateways.isEmpty()) {
            throw new NotifyException("outbox needs at least one gateway; call gateway(channel, gateway)");
        }
        return new Outbox(this);
    }
}
