package io.offsite.geofence;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The engine's clock and the cameras' event times disagree: detections are being judged {@link Intake#LATE}
 * because the clock ({@link GeofenceEngine#tick()}, {@link GeofenceEngine#advanceTo}) moved the watermark past
 * their event time — typically an engine built without {@link GeofenceEngineBuilder#clock} replaying or simulating
 * traffic stamped in the past, or a host clock far ahead of the cameras'. Reported by
 * {@link GeofenceEngine#clockSkew()} while it lasts; it ends when a detection is accepted again.
 *
 * @param engineClock    the clock time that last moved the watermark
 * @param eventTime      the event time of the latest detection judged LATE because of it
 * @param since          the event time of the first LATE detection of this disagreement
 * @param lateDetections detections judged LATE because of the clock since the disagreement began
 */
public record ClockSkew(Instant engineClock, Instant eventTime, Instant since, long lateDetections) {
    /** Validates. */
    public ClockSkew {
        Objects.requireNonNull(engineClock, "engineClock");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(since, "since");
        if (lateDetections < 1) {
            throw new GeofenceException("ClockSkew.lateDetections must be >= 1, was " + lateDetections);
        }
    }

    /** How far the engine clock is ahead of the latest LATE detection's event time. */
    public Duration clockAhead() {
        return Duration.between(eventTime, engineClock);
    }
}
