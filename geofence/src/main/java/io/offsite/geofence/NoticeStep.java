package io.offsite.geofence;

import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.MoveWindowStarted;
import io.offsite.core.effect.OwnerNotice;
import io.offsite.geofence.EpisodeState.Notice;
import io.offsite.geofence.EpisodeState.Phase;
import java.time.Instant;
import java.util.List;

/**
 * The pure owner-notice steps behind {@link Ladder#notified} and {@link Ladder#unreachable}: a delivery starts
 * the move window (the next rung falls due the window after it); an "unreachable" signal makes the next rung due
 * at once, as an on-site dispatch. Every race is an outcome, not an exception.
 */
final class NoticeStep {
    private NoticeStep() {
    }

    static Ladder.Noticed notified(EpisodeState s, long deliveredAt, Ladder.Context ctx) {
        String id = s.episodeId();
        Instant d = Instant.ofEpochMilli(deliveredAt);
        switch (s.notice()) {
            case AWAITING: {
                if (s.phase() != Phase.ACTIVE) {
                    return unchanged(s, NoticeOutcome.UNKNOWN_EPISODE, "episode " + id + " is " + s.phase());
                }
                if (deliveredAt < s.noticeAt()) {
                    return unchanged(s, NoticeOutcome.BEFORE_REQUEST, "episode " + id + ": delivery time " + d
                            + " is before the owner text was requested at " + Instant.ofEpochMilli(s.noticeAt()));
                }
                if (deliveredAt > s.nextStepAt()) {
                    return unchanged(s, NoticeOutcome.TOO_LATE, "episode " + id + ": delivered " + d
                            + ", after the delivery wait ended at " + Instant.ofEpochMilli(s.nextStepAt())
                            + "; the owner counts as not told and the officer is sent on the next sighting");
                }
                long window = ctx.fence().policy().waitMs[s.stepsFired()];
                long moveBy = deliveredAt + window;
                EpisodeState next = s.withNotice(Notice.DELIVERED, deliveredAt, "", moveBy);
                List<EnforcementEffect> fx = List.of(new MoveWindowStarted(id, d, Instant.ofEpochMilli(moveBy),
                        OwnerNotice.DELIVERED));
                return new Ladder.Noticed(NoticeOutcome.APPLIED, "episode " + id + ": owner told at " + d
                        + "; the window ends at " + Instant.ofEpochMilli(moveBy),
                        new Ladder.Transition(next, fx, false, false, List.of()));
            }
            case DELIVERED:
                return unchanged(s, NoticeOutcome.DUPLICATE, "episode " + id + ": owner already told at "
                        + Instant.ofEpochMilli(s.noticeAt()));
            case UNREACHABLE:
                return unchanged(s, NoticeOutcome.TOO_LATE, "episode " + id + ": owner already judged unreachable at "
                        + Instant.ofEpochMilli(s.noticeAt()) + " (" + s.noticeDetail() + ")"
                        + (s.phase() == Phase.DONE ? "; the officer was sent" : "; the officer is sent on the next sighting"));
            default:
                return unchanged(s, NoticeOutcome.UNKNOWN_EPISODE, "episode " + id + " has no owner text awaiting delivery"
                        + (s.notice() == Notice.ASSUMED ? " (its window runs from the decision to text)" : ""));
        }
    }

    static Ladder.Noticed unreachable(EpisodeState s, long at, String reason, Ladder.Context ctx) {
        if (reason == null || reason.isBlank()) {
            throw new GeofenceException("episode " + s.episodeId() + ": the reason the owner could not be told must be "
                    + "non-blank, was " + (reason == null ? "null" : "\"" + reason + "\""));
        }
        String id = s.episodeId();
        Instant t = Instant.ofEpochMilli(at);
        switch (s.notice()) {
            case AWAITING: {
                if (s.phase() != Phase.ACTIVE) {
                    return unchanged(s, NoticeOutcome.UNKNOWN_EPISODE, "episode " + id + " is " + s.phase());
                }
                if (at < s.noticeAt()) {
                    return unchanged(s, NoticeOutcome.BEFORE_REQUEST, "episode " + id + ": unreachable at " + t
                            + ", before the owner text was requested at " + Instant.ofEpochMilli(s.noticeAt()));
                }
                long due = Math.min(s.nextStepAt(), at);
                EpisodeState next = s.withNotice(Notice.UNREACHABLE, at, reason, due);
                return new Ladder.Noticed(NoticeOutcome.APPLIED, "episode " + id + ": owner could not be told ("
                        + reason + "); the officer is sent on the first sighting at or after " + Instant.ofEpochMilli(due),
                        new Ladder.Transition(next, List.of(), false, false, List.of()));
            }
            case DELIVERED:
                return unchanged(s, NoticeOutcome.DUPLICATE, "episode " + id + ": owner was already told at "
                        + Instant.ofEpochMilli(s.noticeAt()) + "; the window runs from that delivery");
            case UNREACHABLE:
                return unchanged(s, NoticeOutcome.DUPLICATE, "episode " + id + ": owner already judged unreachable at "
                        + Instant.ofEpochMilli(s.noticeAt()) + " (" + s.noticeDetail() + ")");
            default:
                return unchanged(s, NoticeOutcome.UNKNOWN_EPISODE, "episode " + id + " has no owner text awaiting delivery");
        }
    }

    private static Ladder.Noticed unchanged(EpisodeState s, NoticeOutcome o, String detail) {
        return new Ladder.Noticed(o, detail, new Ladder.Transition(s, List.of(), false, false, List.of()));
    }
}
