package io.offsite.geofence;

import io.offsite.core.effect.EnforcementEffect;
import java.util.List;
import java.util.Objects;

/**
 * What an owner-notice signal did.
 *
 * @param outcome applied, or why not
 * @param detail  one line naming the episode's times (request, delivery, wait end) behind the outcome
 * @param effects effects it caused, e.g. {@link io.offsite.core.effect.MoveWindowStarted} when the window started
 */
public record NoticeResult(NoticeOutcome outcome, String detail, List<EnforcementEffect> effects) {
    public NoticeResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        effects = List.copyOf(effects);
    }
}
