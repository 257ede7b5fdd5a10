package io.offsite.geofence.truck;

import io.offsite.geofence.GeofenceException;
import java.time.Instant;

/** Event times as nanoseconds since the epoch (a long), for times 1970 ≤ t &lt; 2200. */
final class EventNanos {
    static final Instant MIN = Instant.EPOCH;
    static final Instant MAX = Instant.parse("2200-01-01T00:00:00Z");

    private EventNanos() {
    }

    static Instant check(Instant t, String what) {
        if (t.isBefore(MIN) || !t.isBefore(MAX)) {
            throw new GeofenceException(what + " must be within 1970-01-01T00:00:00Z..2200-01-01T00:00:00Z, was " + t);
        }
        return t;
    }

    static long of(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
