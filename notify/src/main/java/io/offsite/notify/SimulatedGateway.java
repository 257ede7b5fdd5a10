package io.offsite.notify;

import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.SendRequest;
import io.offsite.notify.spi.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A seeded stand-in for an SMS, push or loudspeaker gateway, for tests and demos. It fails a configurable
 * share of calls outright, "times out" after accepting a share of them (the caller sees a failure although
 * the message goes out, the case that makes naive retries send twice), rejects some for good, fails some
 * deliveries, loses or duplicates some receipts, and delivers after a random latency so receipts arrive out
 * of order. Like real providers it de-duplicates by idempotency key: a key that is in flight or delivered is
 * never delivered again, so {@link #deliveries(String)} counts what a handset would really have received.
 * Receipts are collected with {@link #takeReceipts(Instant)}. Thread-safe.
 */
public final class SimulatedGateway implements Gateway {
    private final RandomGenerator random;
    private final double failureRate;
    private final double timeoutRate;
    private final double rejectRate;
    private final double deliveryFailureRate;
    private final double lostReceiptRate;
    private final double duplicateReceiptRate;
    private final double sentReportRate;
    private final Duration minLatency;
    private final Duration maxLatency;
    private final boolean shuffleReceipts;

    private final Map<String, KeyState> keys = new HashMap<>();
    private final Map<String, Integer> deliveries = new HashMap<>();
    private final List<Receipt> receipts = new ArrayList<>();
    private long calls;
    private long nextId;

    private SimulatedGateway(Builder b) {
        this.random = b.random;
        this.failureRate = b.failureRate;
        this.timeoutRate = b.timeoutRate;
        this.rejectRate = b.rejectRate;
        this.deliveryFailureRate = b.deliveryFailureRate;
        this.lostReceiptRate = b.lostReceiptRate;
        this.duplicateReceiptRate = b.duplicateReceiptRate;
        this.sentReportRate = b.sentReportRate;
        this.minLatency = b.minLatency;
        this.maxLatency = b.maxLatency;
        this.shuffleReceipts = b.shuffleReceipts;
    }

    /** A gateway that always delivers after 2 s, with seed 1; change anything with the builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized SendResult send(SendRequest request) {
        Objects.requireNonNull(request, "request");
        calls++;
        if (random.nextDouble() < failureRate) {
            return SendResult.retryable("simulated failure (HTTP 503)");
        }
        Instant now = request.at();
        KeyState state = keys.get(request.key());
        if (state != null && (now.isBefore(state.outcomeAt) || state.delivered)) {
            return state.delivered && !now.isBefore(state.outcomeAt)
                    ? SendResult.delivered(state.providerId) : SendResult.accepted(state.providerId);
        }
        if (random.nextDouble() < rejectRate) {
            return SendResult.rejected("simulated rejection (invalid number)");
        }
        String providerId = "sim-" + (++nextId);
        long span = maxLatency.toMillis() - minLatency.toMillis();
        Instant outcomeAt = now.plus(minLatency).plusMillis(span <= 0 ? 0 : random.nextLong(span + 1));
        boolean ok = random.nextDouble() >= deliveryFailureRate;
        keys.put(request.key(), new KeyState(providerId, outcomeAt, ok));
        if (ok) {
            deliveries.merge(request.key(), 1, Integer::sum);
        }
        if (random.nextDouble() >= lostReceiptRate) {
            Receipt r = Receipt.forKey(request.key(), ok ? Receipt.Status.DELIVERED : Receipt.Status.FAILED,
                    outcomeAt, ok ? "DELIVRD" : "UNDELIV");
            receipts.add(r);
            if (random.nextDouble() < duplicateReceiptRate) {
                receipts.add(r);
            }
        }
        if (random.nextDouble() < sentReportRate) {
            receipts.add(Receipt.forKey(request.key(), Receipt.Status.SENT, now, "SUBMITTED"));
        }
        if (random.nextDouble() < timeoutRate) {
            return SendResult.retryable("simulated time-out (the gateway accepted the message)");
        }
        return SendResult.accepted(providerId);
    }

    /** Removes and returns the receipts whose time is at or before {@code upTo} (shuffled if configured). */
    public synchronized List<Receipt> takeReceipts(Instant upTo) {
        List<Receipt> out = new ArrayList<>();
        for (Iterator<Receipt> it = receipts.iterator(); it.hasNext();) {
            Receipt r = it.next();
            if (!r.at().isAfter(upTo)) {
                out.add(r);
                it.remove();
            }
        }
        if (shuffleReceipts) {
            for (int i = out.size() - 1; i > 0; i--) {
                Collections.swap(out, i, random.nextInt(i + 1));
            }
        } else {
            out.sort((a, b) -> a.at().compareTo(b.at()));
        }
        return out;
    }

    /** How many times the recipient actually received the message with this key (0 or 1 when de-duplication works). */
    public synchronized int deliveries(String key) {
        return deliveries.getOrDefault(key, 0);
    }

    /** The largest {@link #deliveries(String)} over all keys. */
    public synchronized int maxDeliveriesPerKey() {
        return deliveries.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Keys delivered at least once. */
    public synchronized int deliveredKeys() {
        return deliveries.size();
    }

    /** Gateway calls received. */
    public synchronized long calls() {
        return calls;
    }

    private static final class KeyState {
        final String providerId;
        final Instant outcomeAt;
        final boolean delivered;

        KeyState(String providerId, Instant outcomeAt, boolean delivered) {
            this.providerId = providerId;
            this.outcomeAt = outcomeAt;
            this.delivered = delivered;
        }
    }

    /** Builder with validating setters; rates are probabilities in [0, 1). */
    public static final class Builder {
        private RandomGenerator random = new SplittableRandom(1);
        private double failureRate;
        private double timeoutRate;
        private double rejectRate;
        private double deliveryFailureRate;
        private double lostReceiptRate;
        private double duplicateReceiptRate;
        private double sentReportRate;
        private Duration minLatency = Duration.ofSeconds(2);
        private Duration maxLatency = Duration.ofSeconds(2);
        private boolean shuffleReceipts;

        private Builder() {
        }

        /** Seeds the gateway's random choices. */
        public Builder seed(long seed) {
            this.random = new SplittableRandom(seed);
            return this;
        }

        /** Share of calls that fail before reaching the carrier. */
        public Builder failureRate(double value) {
            this.failureRate = rate("failureRate", value);
            return this;
        }

        /** Share of accepted calls whose answer is lost (the caller sees a time-out; the message goes out). */
        public Builder timeoutRate(double value) {
            this.timeoutRate = rate("timeoutRate", value);
            return this;
        }

        /** Share of calls refused for good. */
        public Builder rejectRate(double value) {
            this.rejectRate = rate("rejectRate", value);
            return this;
        }

        /** Share of accepted messages the carrier cannot deliver (a FAILED receipt). */
        public Builder deliveryFailureRate(double value) {
            this.deliveryFailureRate = rate("deliveryFailureRate", value);
            return this;
        }

        /** Share of receipts never sent back. */
        public Builder lostReceiptRate(double value) {
            this.lostReceiptRate = rate("lostReceiptRate", value);
            return this;
        }

        /** Share of receipts sent back twice. */
        public Builder duplicateReceiptRate(double value) {
            this.duplicateReceiptRate = rate("duplicateReceiptRate", value);
            return this;
        }

        /** Share of accepted messages that also get a SENT ("submitted to carrier") report at once. */
        public Builder sentReportRate(double value) {
            this.sentReportRate = rate("sentReportRate", value);
            return this;
        }

        /** Delivery latency, drawn uniformly from {@code [min, max]}. */
        public Builder latency(Duration min, Duration max) {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new NotifyException("simulated latency must satisfy 0 <= min <= max, was " + min + ".." + max);
            }
            this.minLatency = min;
            this.maxLatency = max;
            return this;
        }

        /** Return each batch of receipts in random order instead of time order. */
        public Builder shuffleReceipts(boolean value) {
            this.shuffleReceipts = value;
            return this;
        }

        /** Builds the gateway. */
        public SimulatedGateway build() {
            return new SimulatedGateway(this);
        }

        private static double rate(String name, double value) {
            if (!(value >= 0.0 && value < 1.0)) {
                throw new NotifyException("simulated " + name + " must be in [0, 1), was " + value);
            }
            return value;
        }
    }
}
