package io.offsite.geofence;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Watches for detections judged LATE because the engine's clock ({@code advanceTo}/{@code tick}) moved the
 * watermark past their event time — a clock far from the cameras', e.g. an engine built without {@code .clock(…)}
 * replaying past traffic. Such detections form an episode of disagreement that lasts until a detection is accepted
 * again; the episode is reported as a {@link ClockSkew} while it lasts and warned about once, when it begins (at
 * most one warning per {@link #QUIET_MS} of watermark time; detections of episodes not warned about are counted
 * and reported with the next warning). Confined to the engine's thread.
 */
final class LateWarning {
    /** At most one warning per this much watermark (event) time. */
    static final long QUIET_MS = 10 * 60_000;
    private final Consumer<String> log;
    private long lastWarned = Long.MIN_VALUE;
    private long suppressed;
    /** The current episode: whether one is open, its first and latest LATE event time, clock and count. */
    boolean open;
    private long since;
    private long latest;
    private long clockAt;
    private long count;
    private long total;

    LateWarning(Consumer<String> log) {
        this.log = log;
    }

    /** A detection at {@code eventTime} was LATE against {@code watermark}, set from the clock at {@code clockAt}. */
    void late(long eventTime, long watermark, long clockAt, long newestEvent) {
        total++;
        this.clockAt = clockAt;
        latest = eventTime;
        if (open) {
            count++;
            return;
        }
        open = true;
        since = eventTime;
        count = 1;
        if (lastWarned != Long.MIN_VALUE && watermark - lastWarned < QUIET_MS) {
            suppressed++;
            return;
        }
        String newest = newestEvent == Long.MIN_VALUE ? "none yet" : Instant.ofEpochMilli(newestEvent).toString();
        log.accept("detections judged LATE because the engine clock is far from event time: detection event time "
                + Instant.ofEpochMilli(eventTime) + ", engine clock " + Instant.ofEpochMilli(clockAt) + " ("
                + Duration.ofMillis(clockAt - eventTime) + " ahead; watermark " + Instant.ofEpochMilli(watermark)
                + ", newest detection " + newest + "); LATE detections are ignored — set the engine's clock"
                + " (GeofenceEngineBuilder.clock) to the cameras' time base, or check it against the cameras' clocks;"
                + " GeofenceEngine.clockSkew() reports this until a detection is accepted again"
                + (suppressed > 0 ? "; " + suppressed + " more disagreements since the last warning" : "")
                + "; next warning after " + QUIET_MS / 60_000 + " min of event time at the earliest");
        lastWarned = watermark;
        suppressed = 0;
    }

    /** A detection was accepted: clock and event time agree again; the current episode (if any) ends. */
    void agreed() {
        open = false;
    }

    /** The current disagreement, or null. */
    ClockSkew current() {
        return open ? new ClockSkew(Instant.ofEpochMilli(clockAt), Instant.ofEpochMilli(latest),
                Instant.ofEpochMilli(since), count) : null;
    }

    /** Detections judged LATE because of the clock since the engine was built. */
    long total() {
        return total;
    }
}
