package io.offsite.geofence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The engine's check of event time against its clock: a time more than the skew ahead of the clock is "future". The
 * clock is read only when a time passes the limit last computed ({@code clock + skew}), so the common detection
 * costs one {@code long} comparison and no clock read; a clock that only moves forward makes that exact, one that
 * went back is honoured from the next read (every {@link GeofenceEngine#tick()} reads it). Confined to the engine's
 * thread.
 */
final class SkewGuard {
    private final Clock clock;
    private final long skewMs;
    /** The clock's time + skew as last read; nothing at or before it is future. */
    private long limit = Long.MIN_VALUE;

    SkewGuard(Clock clock, Duration skew) {
        this.clock = clock;
        this.skewMs = skew.toMillis();
    }

    /** Whether {@code t} (epoch ms) is more than the skew ahead of the clock; reads the clock only past the limit. */
    boolean isFuture(long t) {
        return t > limit && t > refresh();
    }

    /** Reads the clock; returns the new limit (clock + skew). */
    long refresh() {
        return readClock() + skewMs;
    }

    /** Reads the clock, updates the limit, and returns the clock's time (epoch ms). */
    long readClock() {
        long now = now();
        limit = now + skewMs;
        return now;
    }

    /** The clock's time in epoch ms, refused when outside {@link EventTimes}. */
    private long now() {
        long ms;
        try {
            ms = clock.millis();
        } catch (ArithmeticException e) {
            throw new GeofenceException("the engine clock reads " + clock.instant()
                    + ", outside the supported event-time range " + EventTimes.range(), e);
        }
        return EventTimes.check(ms, "the engine clock reads");
    }

    /** The latest accepted time as last computed (epoch ms). */
    long limit() {
        return limit;
    }

    /** Why {@code t} was refused: the clock, the skew and the latest time accepted. */
    String why(long t) {
        return Instant.ofEpochMilli(t) + " is more than " + Duration.ofMillis(skewMs) + " (maxFutureSkew) ahead of the "
                + "engine clock " + Instant.ofEpochMilli(limit - skewMs) + " (latest accepted "
                + Instant.ofEpochMilli(limit) + ")";
    }
}
