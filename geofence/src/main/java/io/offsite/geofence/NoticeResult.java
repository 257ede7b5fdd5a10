package io.offsite.geofence;

import java.util.Objects;

/**
 * What an owner-notice signal did.
 *
 * @param outcome applied, or why not
 * @param detail  one line naming the episode's times (request, delivery, wait end) behind the outcome
 *
 * <p>Effects the signal causes (e.g. {@link io.offsite.core.effect.MoveWindowStarted} when the window started) go
 * to the engine's sink ({@link GeofenceEngineBuilder#effects}), like every other effect.
 */
public record NoticeResult(NoticeOutcome outcome, String detail) {
    public NoticeResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
