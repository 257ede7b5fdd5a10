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
    NO_SUBJECT,
    /**
     * Event time more than {@link GeofenceEngineBuilder#maxFutureSkew} ahead of the engine's clock (a camera clock
     * off by hours or years): refused — not buffered, not stored, the watermark does not move — and reported to the
     * sink as a problem naming the camera, both times and the limit.
     */
    FUTURE,
    /**
     * Refused because keeping it would exceed one of the engine's memory caps
     * ({@link GeofenceEngineBuilder#maxTrackedSubjects}, {@link GeofenceEngineBuilder#maxBufferedDetections},
     * {@link GeofenceEngineBuilder#maxBufferedPerSubject}): nothing was changed; subjects already tracked keep
     * being processed. The sink gets a problem naming the cap and how to raise it (the first refusal, then at most
     * one per minute of event time); {@link GeofenceEngine#refusedDetections()} counts them all. Back-pressure:
     * the host may resubmit once event time has moved on, within the allowed lateness.
     */
    OVER_CAPACITY
}
