package io.offsite.geofence;

import java.util.Objects;

/**
 * The complete, immutable state of one subject in one fence — everything {@link Ladder} needs to decide the
 * next step and everything a store needs to resume after a restart. Times are epoch milliseconds of event
 * time. Positions are lon/lat degrees for geographic fences and pixels for camera-pixel fences.
 *
 * @param fenceId     the fence
 * @param subject     the tracking key (exact normalised plate, or camera + tracker id)
 * @param display     what effects name the subject by: the confidence-weighted majority plate read, or the tracker key
 * @param displayConfidence vote weight of {@code display} (summed confidence of agreeing minus disagreeing reads)
 * @param phase       lifecycle phase
 * @param firstSeen   start of the current stationary presence (within {@link EventTimes}, like every sighting time)
 * @param lastSeen    latest sighting
 * @param anchorX     x (lon or pixel) where the presence started; the jitter radius is measured from here
 * @param anchorY     y (lat or pixel) of the anchor
 * @param lastX       latest x
 * @param lastY       latest y
 * @param cameraId    camera of the latest sighting (raw id)
 * @param plateLegible whether any sighting in this presence had a legible plate
 * @param stepsFired  ladder rungs fired in the current episode
 * @param startedAt   when the first rung fired (the episode's start; part of its id), or 0 when tracking
 * @param nextStepAt  when the next rung becomes due (fires on the first sighting at or after it)
 * @param activeUntil end of the fence's active period at episode start ({@link Long#MAX_VALUE} if none)
 * @param repeatCount earlier warned episodes counted when this episode started
 * @param episodeId   the opaque id effects name the episode by ({@link EpisodeIds}: a keyed hash of fence, subject
 *                    and start, computed once when the first rung fires), or empty while tracking
 * @param notice      where the owner text stands (see {@link Notice}); {@link Notice#NONE} without one
 * @param noticeAt    the time that goes with {@code notice}: request time while {@link Notice#AWAITING}, delivery
 *                    time when {@link Notice#DELIVERED}, when the owner was judged unreachable, or 0 for none
 * @param noticeDetail why the owner could not be told ({@link Notice#UNREACHABLE}), else empty
 */
public record EpisodeState(String fenceId, String subject, String display, double displayConfidence, Phase phase,
        long firstSeen, long lastSeen, double anchorX, double anchorY, double lastX, double lastY, String cameraId,
        boolean plateLegible, int stepsFired, long startedAt, long nextStepAt, long activeUntil, int repeatCount,
        String episodeId, Notice notice, long noticeAt, String noticeDetail) {

    /** Lifecycle phase of a subject in a fence. */
    public enum Phase {
        /** Present, dwell not yet reached (or fence inactive): no effect emitted yet. */
        TRACKING,
        /** At least one rung fired; waiting for the next one. */
        ACTIVE,
        /** The ladder finished (escalated, exempt, capped); silent until the subject leaves. */
        DONE,
        /** Gone; the state can be deleted. */
        ENDED
    }

    /**
     * Where an owner text stands. The move window runs from the delivery ({@link LadderPolicy.WindowStart}); the
     * state is persisted with the episode, so a restart resumes the wait or the window where it was.
     */
    public enum Notice {
        /** No owner text in this episode (yet), or the ladder has none. */
        NONE,
        /** Text requested at {@code noticeAt}; waiting for the delivery signal until {@code nextStepAt}. */
        AWAITING,
        /** Owner told at {@code noticeAt}; the next rung is due at {@code nextStepAt} (delivery + window). */
        DELIVERED,
        /**
         * Owner could not be told ({@code noticeDetail}): the officer is sent on the first sighting at or after
         * {@code nextStepAt}; no off-site case rests on the text.
         */
        UNREACHABLE,
        /** Window from the decision to text ({@link LadderPolicy.WindowStart#DECISION}), requested at {@code noticeAt}. */
        ASSUMED
    }

    /** A state with no owner text ({@link Notice#NONE}). */
    public EpisodeState(String fenceId, String subject, String display, double displayConfidence, Phase phase,
            long firstSeen, long lastSeen, double anchorX, double anchorY, double lastX, double lastY, String cameraId,
            boolean plateLegible, int stepsFired, long startedAt, long nextStepAt, long activeUntil, int repeatCount,
            String episodeId) {
        this(fenceId, subject, display, displayConfidence, phase, firstSeen, lastSeen, anchorX, anchorY, lastX, lastY,
                cameraId, plateLegible, stepsFired, startedAt, nextStepAt, activeUntil, repeatCount, episodeId,
                Notice.NONE, 0, "");
    }

    public EpisodeState {
        Objects.requireNonNull(fenceId, "fenceId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(noticeDetail, "noticeDetail");
        if (!episodeId.isEmpty() && !EpisodeIds.isId(episodeId)) {
            throw new GeofenceException("episode in fence " + fenceId + ": episodeId must be empty or an EpisodeIds id"
                    + " (22 URL-safe Base64 characters), was '" + episodeId + "'");
        }
        if (!EventTimes.contains(firstSeen) || !EventTimes.contains(lastSeen)) {
            throw new GeofenceException("episode " + fenceId + "/" + subject + ": firstSeen " + firstSeen + " / lastSeen "
                    + lastSeen + " ms outside the supported event-time range " + EventTimes.range());
        }
        if (lastSeen < firstSeen) {
            throw new GeofenceException("episode " + fenceId + "/" + subject + ": lastSeen " + lastSeen
                    + " before firstSeen " + firstSeen);
        }
        if (stepsFired < 0 || repeatCount < 0) {
            throw new GeofenceException("episode " + fenceId + "/" + subject + ": negative stepsFired/repeatCount");
        }
    }

    EpisodeState with(Phase p, long first, long last, double ax, double ay, double lx, double ly, String cam,
            boolean legible, int fired, long started, long next, long until, int repeats, String disp, double conf) {
        return new EpisodeState(fenceId, subject, disp, conf, p, first, last, ax, ay, lx, ly, cam, legible, fired,
                started, next, until, repeats, started == startedAt ? episodeId : "", notice, noticeAt, noticeDetail);
    }

    /** A copy with another owner-notice state and next-step time. */
    EpisodeState withNotice(Notice n, long at, String detail, long next) {
        return new EpisodeState(fenceId, subject, display, displayConfidence, phase, firstSeen, lastSeen, anchorX,
                anchorY, lastX, lastY, cameraId, plateLegible, stepsFired, startedAt, next, activeUntil, repeatCount,
                episodeId, n, at, detail);
    }

    EpisodeState withEpisodeId(String id) {
        return new EpisodeState(fenceId, subject, display, displayConfidence, phase, firstSeen, lastSeen, anchorX,
                anchorY, lastX, lastY, cameraId, plateLegible, stepsFired, startedAt, nextStepAt, activeUntil,
                repeatCount, id, notice, noticeAt, noticeDetail);
    }
}
