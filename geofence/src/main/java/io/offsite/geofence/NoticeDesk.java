package io.offsite.geofence;

import java.time.Instant;

/**
 * The engine's side of the owner-notice signals: finds the episode by id through the {@link NoticeIndex}
 * (confirming each candidate by its id, never parsing it) and applies the pure step through {@link SubjectStep};
 * answers signals for episodes that no longer wait from the index's memory of recent settlements.
 */
final class NoticeDesk {
    private final NoticeIndex index;
    private final TrackTable tracks;
    private final SubjectStep step;
    private final int[] candidates = new int[8];

    NoticeDesk(NoticeIndex index, TrackTable tracks, SubjectStep step) {
        this.index = index;
        this.tracks = tracks;
        this.step = step;
    }

    /**
     * Applies a delivery ({@code delivered}) or an "unreachable" signal for {@code episodeId} at {@code at}; effects go
     * to the step's sink.
     */
    NoticeResult signal(String episodeId, boolean delivered, long at, String reason, FenceIndex fences) {
        long h = NoticeIndex.hash(episodeId);
        int n = index.find(h, candidates);
        for (int k = 0; k < n; k++) {
            Track t = tracks.bySlot(candidates[k]);
            if (t == null) {
                continue;
            }
            for (int i = 0; i < t.episodeCount; i++) {
                if (t.cell(i).awaitingDelivery() && t.episode(i).episodeId().equals(episodeId)) {
                    Ladder.Noticed r = step.notice(t, i, delivered, at, reason, fences);
                    return new NoticeResult(r.outcome(), r.detail());
                }
            }
        }
        return settled(episodeId, h, delivered, at);
    }

    private NoticeResult settled(String id, long h, boolean delivered, long at) {
        String what = (delivered ? "delivery at " : "unreachable signal at ") + Instant.ofEpochMilli(at);
        switch (index.settled(h)) {
            case NoticeIndex.TOLD:
                return none(NoticeOutcome.DUPLICATE, "episode " + id + ": " + what + " ignored, the owner was already "
                        + "told and the window runs from that delivery");
            case NoticeIndex.UNREACHABLE:
                return none(delivered ? NoticeOutcome.TOO_LATE : NoticeOutcome.DUPLICATE, "episode " + id + ": " + what
                        + " ignored, the owner was already judged unreachable (officer sent, or sent on the next sighting)");
            case NoticeIndex.ENDED:
                return none(NoticeOutcome.UNKNOWN_EPISODE, "episode " + id + ": " + what + " ignored, the episode ended "
                        + "before it (moved, fence inactive or removed)");
            default:
                return none(NoticeOutcome.UNKNOWN_EPISODE, "episode " + id + ": " + what + " ignored, no episode awaits "
                        + "an owner notice under this id");
        }
    }

    private static NoticeResult none(NoticeOutcome o, String detail) {
        return new NoticeResult(o, detail);
    }
}
