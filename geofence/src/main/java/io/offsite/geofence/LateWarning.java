package io.offsite.geofence;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One clear warning when detections are judged LATE because the engine's clock ({@code advanceTo}/{@code tick})
 * moved the watermark past their event time — a clock far from the cameras' — instead of one line per detection:
 * the first such detection is logged with both times, later ones are counted and reported with the next warning,
 * at most one per {@link #QUIET_MS} of watermark time. Confined to the engine's thread.
 */
final class LateWarning {
    /** At most one warning per this much watermark (event) time. */
    static final long QUIET_MS = 10 * 60_000;
    private final Consumer<String> log;
    private long lastWarned = Long.MIN_VALUE;
    private long suppressed;

    LateWarning(Consumer<String> log) {
        this.log = log;
    }

    /** A detection at {@code eventTime} was LATE against {@code watermark}, set from the clock at {@code clockAt}. */
    void late(long eventTime, long watermark, long clockAt, long newestEvent) {
        if (lastWarned != Long.MIN_VALUE && watermark - lastWarned < QUIET_MS) {
            suppressed++;
            return;
        }
        String newest = newestEvent == Long.MIN_VALUE ? "none yet" : Instant.ofEpochMilli(newestEvent).toString();
        log.accept("detections judged LATE because the engine clock is far from event time: detection event time "
                + Instant.ofEpochMilli(eventTime) + ", engine clock " + Instant.ofEpochMilli(clockAt) + " ("
                + Duration.ofMillis(clockAt - eventTime) + " ahead; watermark " + Instant.ofEpochMilli(watermark)
                + ", newest detection " + newest + "); LATE detections are ignored — check the engine's clock against "
                + "the cameras' clocks" + (suppressed > 0 ? "; " + suppressed + " more since the last warning" : "")
                + "; next warning after " + QUIET_MS / 60_000 + " min of event time at the earliest");
        lastWarned = watermark;
        suppressed = 0;
    }
}
