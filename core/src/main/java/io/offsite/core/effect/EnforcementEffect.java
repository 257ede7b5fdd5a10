package io.offsite.core.effect;

import java.time.Instant;

/**
 * What an enforcement episode asks its host to do. Effects are produced by the geofence engine and
 * consumed by whatever the host wires them to: the notify outbox sends {@link RequestOwnerMove},
 * {@link DispatchOfficer} and {@link VoiceWarning}; the evidence module answers {@link CaptureEvidence};
 * the case lifecycle opens a case on {@link FileCase}; {@link MoveWindowStarted} and {@link DispatchUnaddressed}
 * go on the case timeline and to a person respectively; a person checks the plate of a {@link PlateReview}.
 * These small shared records are how the feature
 * modules talk without depending on each other.
 *
 * <p>Every effect names its episode and the event time it was decided at, and carries a stable
 * {@link #idempotencyKey()} (one per episode step) so that re-delivering it after a restart is harmless.
 */
public sealed interface EnforcementEffect
        permits RequestOwnerMove, MoveWindowStarted, DispatchOfficer, DispatchUnaddressed, VoiceWarning,
        CaptureEvidence, FileCase, EpisodeResolved, PlateReview {

    /** The episode that produced this effect. */
    String episodeId();

    /** Event time at which the effect was decided (taken from detections or ticks, never the wall clock). */
    Instant at();

    /** A key unique to this episode step, e.g. {@code "ep-42/request-owner-move"}. */
    String idempotencyKey();
}
