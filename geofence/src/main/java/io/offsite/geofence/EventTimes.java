package io.offsite.geofence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The event times the geofence module accepts: {@code [1970-01-01T00:00:00Z, 9000-01-01T00:00:00Z)}, UTC. Every
 * boundary that takes a time refuses one outside it with a {@link GeofenceException} naming the value and this range
 * (a {@link Detection}'s event time, {@link GeofenceEngine#advanceTo}, the owner-notice signals, the engine's clock,
 * {@link EpisodeState}'s sighting times, {@link FenceSchedule} dates); inside it, time
 * plus any ladder duration (at most {@link LadderPolicy#MAX_DURATION}) never overflows a {@code long} of epoch
 * milliseconds. A camera whose clock was reset (1970) still gets through and is {@link Intake#LATE}; a year-9999
 * stamp is refused before it reaches the engine. Open-ended values that are not event times — a permit valid until
 * {@link Instant#MAX} — are accepted and read as "no end".
 */
public final class EventTimes {
    /** The earliest event time accepted (inclusive): the Unix epoch. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The end of the accepted event times (exclusive): 9000-01-01T00:00:00Z. */
    public static final Instant END = Instant.parse("9000-01-01T00:00:00Z");
    /** {@link #EARLIEST} in epoch milliseconds. */
    static final long MIN_MS = EARLIEST.toEpochMilli();
    /** {@link #END} in epoch milliseconds (exclusive). */
    static final long END_MS = END.toEpochMilli();
    /** The first and last calendar dates a schedule may name. */
    static final LocalDate FIRST_DATE = LocalDate.of(1970, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(8999, 12, 31);

    private EventTimes() {
    }

    /** Whether {@code t} lies within {@code [EARLIEST, END)}. */
    public static boolean contains(Instant t) {
        Objects.requireNonNull(t, "t");
        return !t.isBefore(EARLIEST) && t.isBefore(END);
    }

    /** Whether epoch millisecond {@code ms} lies within the range. */
    static boolean contains(long ms) {
        return ms >= MIN_MS && ms < END_MS;
    }

    /** {@code t} in epoch milliseconds; refuses a time outside the range, naming {@code what}. */
    static long millis(Instant t, String what) {
        Objects.requireNonNull(t, what);
        if (!contains(t)) {
            throw new GeofenceException(what + " " + t + " is outside the supported event-time range " + range());
        }
        return t.toEpochMilli();
    }

    /** Refuses epoch millisecond {@code ms} outside the range, naming {@code what}; returns it. */
    static long check(long ms, String what) {
        if (!contains(ms)) {
            throw new GeofenceException(what + " " + ms + " ms (" + Instant.ofEpochMilli(ms)
                    + ") is outside the supported event-time range " + range());
        }
        return ms;
    }

    /** Refuses a schedule date outside {@code [1970-01-01, 8999-12-31]}, naming {@code what}. */
    static LocalDate date(LocalDate d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
            throw new GeofenceException(what + " " + d + " is outside the supported dates [" + FIRST_DATE + ", "
                    + LAST_DATE + "] (event times " + range() + ")");
        }
        return d;
    }

    /**
     * {@code t} in epoch milliseconds, saturated to {@link Long#MIN_VALUE}/{@link Long#MAX_VALUE} where it does not
     * fit (e.g. {@link Instant#MAX}); for comparisons with open-ended values, never for arithmetic.
     */
    static long saturatedMillis(Instant t) {
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The range as text, for messages. */
    static String range() {
        return "[" + EARLIEST + ", " + END + ")";
    }
}
