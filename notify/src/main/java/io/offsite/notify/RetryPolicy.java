package io.offsite.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how fast the outbox retries: exponential backoff {@code initial × multiplier^(n-1)} capped at
 * {@code maxBackoff}, with "equal jitter" (the delay is drawn uniformly from {@code [base × (1 - jitter), base]})
 * so that a gateway outage does not cause synchronized retry storms; after {@code maxAttempts} gateway calls
 * the message is dead-lettered. Immutable; create with {@link #builder()} or {@link #defaults()}.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final double jitter;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.multiplier = b.multiplier;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new NotifyException("retry maxBackoff " + maxBackoff + " is shorter than initialBackoff "
                    + initialBackoff);
        }
    }

    /** Six attempts, 5 s doubling up to 5 min, jitter 0.5. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Gateway calls before a message is dead-lettered. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Delay after the first failed attempt, before jitter. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** Growth factor of the delay per attempt. */
    public double multiplier() {
        return multiplier;
    }

    /** Cap on the delay. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Fraction of the delay that is randomized, 0 (none) to 1 (full jitter). */
    public double jitter() {
        return jitter;
    }

    /** The delay after failed attempt number {@code attempt} (1-based), drawn with {@code random}. */
    public Duration backoff(int attempt, RandomGenerator random) {
        if (attempt < 1) {
            throw new NotifyException("attempt must be >= 1, was " + attempt);
        }
        double baseMillis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(baseMillis, maxBackoff.toMillis());
        double delay = capped * (1.0 - jitter) + capped * jitter * random.nextDouble();
        return Duration.ofMillis(Math.max(1L, (long) delay));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initial=" + initialBackoff + ", x" + multiplier
                + ", max=" + maxBackoff + ", jitter=" + jitter + "]";
    }

    /** Builder with validating setters. */
    public static final class Builder {
        private int maxAttempts = 6;
        private Duration initialBackoff = Duration.ofSeconds(5);
        private double multiplier = 2.0;
        private Duration maxBackoff = Duration.ofMinutes(5);
        private double jitter = 0.5;

        private Builder() {
        }

        /** Gateway calls before dead-lettering, 1..100. */
        public Builder maxAttempts(int value) {
            if (value < 1 || value > 100) {
                throw new NotifyException("retry maxAttempts must be 1..100, was " + value);
            }
            this.maxAttempts = value;
            return this;
        }

        /** First delay, at least 1 ms. */
        public Builder initialBackoff(Duration value) {
            Objects.requireNonNull(value, "initialBackoff");
            if (value.toMillis() < 1) {
                throw new NotifyException("retry initialBackoff must be >= 1 ms, was " + value);
            }
            this.initialBackoff = value;
            return this;
        }

        /** Growth factor, 1.0..10.0. */
        public Builder multiplier(double value) {
            if (!(value >= 1.0 && value <= 10.0)) {
                throw new NotifyException("retry multiplier must be 1.0..10.0, was " + value);
            }
            this.multiplier = value;
            return this;
        }

        /** Cap on the delay, at least the initial backoff. */
        public Builder maxBackoff(Duration value) {
            Objects.requireNonNull(value, "maxBackoff");
            if (value.toMillis() < 1) {
                throw new NotifyException("retry maxBackoff must be >= 1 ms, was " + value);
            }
            this.maxBackoff = value;
            return this;
        }

        /** Randomized fraction, 0.0..1.0. */
        public Builder jitter(double value) {
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new NotifyException("retry jitter must be 0.0..1.0, was " + value);
            }
            this.jitter = value;
            return this;
        }

        /** Builds the policy; rejects a cap below the initial delay. */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
