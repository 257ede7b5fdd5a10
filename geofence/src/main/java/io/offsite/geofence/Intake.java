package io.offsite.geofence;

/** What the engine did with a submitted detection. */
public enum Intake {
    /** Buffered; it is applied once the watermark passes its event time. */
    ACCEPTED,
    /** Older than the allowed lateness (before the watermark): reported and ignored. */
    LATE,
    /** Equal to a detection already buffered: ignored, changes nothing. */
    DUPLICATE,
    /** Neither a plate nor a tracker id: nothing to track it by; ignored. */
    NO_SUBJECT
}
