package io.offsite.core.effect;

import java.time.Instant;
import java.util.Objects;

/**
 * An episode ended; nothing more will be asked for it.
 *
 * @param episodeId the episode
 * @param at        event time of the ending
 * @param outcome   why it ended
 * @param detail    one human-readable line
 */
public record EpisodeResolved(String episodeId, Instant at, Outcome outcome, String detail)
        implements EnforcementEffect {
    public EpisodeResolved {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String idempotencyKey() {
        return episodeId + "/resolved";
    }

    /** Why an episode ended. */
    public enum Outcome {
        /** The subject left (or was not seen past the gap tolerance) before escalation. */
        MOVED,
        /** The subject was still there at window end and the officer was dispatched. */
        ESCALATED,
        /** A case was filed. */
        CASE_FILED,
        /** The fence's active period ended (schedule) before escalation. */
        FENCE_INACTIVE,
        /** The subject is exempt (permit, vehicle class, plate pattern). */
        EXEMPT,
        /** The daily notice cap for this subject was reached. */
        CAPPED
    }
}
