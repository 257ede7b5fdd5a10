package io.offsite.geofence;

/**
 * What the engine made of a host's owner-notice signal ({@link GeofenceEngine#ownerNotified},
 * {@link GeofenceEngine#ownerUnreachable}). Ordinary races (a receipt after the wait, a repeated callback, a
 * signal for an episode that ended) are outcomes, never exceptions.
 */
public enum NoticeOutcome {
    /** The signal changed the episode: the window started from the delivery, or the owner counts as not told. */
    APPLIED,
    /** No episode with this id waits for an owner notice (never existed, ended, no owner text, or long settled). */
    UNKNOWN_EPISODE,
    /** The episode already had its notice settled the same way (a repeated receipt or dead-letter callback). */
    DUPLICATE,
    /**
     * Too late to start the window: the delivery came after the delivery wait ended, or the owner was already
     * judged unreachable and the officer sent (or about to be sent on the next sighting).
     */
    TOO_LATE,
    /** The signal's time is before the text was requested: rejected, the episode keeps waiting. */
    BEFORE_REQUEST,
    /**
     * The signal's time is more than {@link GeofenceEngineBuilder#maxFutureSkew} ahead of the engine's clock (a
     * gateway clock off): rejected, the episode keeps waiting.
     */
    FUTURE
}
