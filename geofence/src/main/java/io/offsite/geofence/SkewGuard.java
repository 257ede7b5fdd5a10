package io.offsite.geofence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads the engine's clock for the check of event time against it: the latest time accepted is the clock's time
 * plus the skew ({@link GeofenceEngineBuilder#maxFutureSkew}). The engine keeps the last limit in a field and calls
 * {@link #limit()} only when a time passes it, so the common detection costs one {@code long} comparison and no
 * clock read; a clock that only moves forward makes that exact, one that went back is honoured from the next read
 * (every {@link GeofenceEngine#tick()} reads it). A clock reading outside {@link EventTimes} is refused.
 */
final class SkewGuard {
    private final Clock clock;
    final long skewMs;

    SkewGuard(Clock clock, Duration skew) {
        this.clock = clock;
        this.skewMs = skew.toMillis();
    }

    /** Reads the clock: its time + the skew (epoch ms). */
    long limit() {
        return now() + skewMs;
    }

    /** The clock's time in epoch ms, refused when outside {@link EventTimes}. */
    long now() {
        long ms;
        try {
            ms = clock.millis();
        } catch (ArithmeticException e) {
            throw new GeofenceException("the engine clock reads " + clock.instant()
                    + ", outside the supported event-time range " + EventTimes.range(), e);
        }
        return EventTimes.check(ms, "the engine clock reads");
    }

    /** Why {@code t} is refused against {@code limit}: the clock, the skew and the latest time accepted. */
    String why(long t, long limit) {
        return Instant.ofEpochMilli(t) + " is more than " + Duration.ofMillis(skewMs) + " (maxFutureSkew) ahead of the "
                + "engine clock " + Instant.ofEpochMilli(limit - skewMs) + " (latest accepted "
                + Instant.ofEpochMilli(limit) + ")";
    }
}
