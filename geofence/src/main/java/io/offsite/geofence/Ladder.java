package io.offsite.geofence;

import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.MoveWindowStarted;
import io.offsite.core.effect.PlateReview;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.EpisodeState.Notice;
import io.offsite.geofence.EpisodeState.Phase;
import io.offsite.core.spi.OfficerDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The escalation ladder as a pure, deterministic step function: {@code (state, sighting | tick) → (state,
 * effects)}. Time comes only from the inputs (event time). Given the same state, input and context it always
 * returns the same transition; it never mutates anything. {@link GeofenceEngine} feeds it in event-time
 * order per subject and persists the returned states; hosts may also drive it directly.
 *
 * <p>Rules: a subject becomes "parked" (or "present" for vendors) once it has stayed within the jitter radius
 * for the dwell time while the fence is active; rung 0 then fires on that sighting. Later rungs fire on the
 * first sighting at or after their due time that is still inside the fence and within the radius — so no
 * dispatch happens unless the subject was observed at or after the window end. Leaving the fence, moving
 * beyond the radius, or a gap longer than the tolerance ends an active episode as {@code MOVED}; the fence's
 * active period ending resolves it as {@code FENCE_INACTIVE}. Each rung fires at most once per episode.
 *
 * <p>Owner texts ({@link LadderPolicy.WindowStart#DELIVERY}, the default): after a rung that texts the owner the
 * episode waits for the host's delivery signal ({@link #notified}); the move window runs from the delivery time.
 * Without a delivery within the policy's delivery wait, or after an {@link #unreachable} signal, the next rung
 * fires on the first sighting at or after the wait's end (or the signal) as an on-site dispatch — the car must
 * still be there for a dispatch to make sense — whose evidence says no off-site case may rest on the text;
 * the episode then ends as escalated.
 *
 * <p>Every time taken is an event time within {@link EventTimes}; one outside it is refused with a
 * {@link GeofenceException}, so no step's arithmetic can overflow.
 */
final class Ladder {
    private Ladder() {
    }

    /**
     * One sighting of the subject.
     *
     * @param at           event time, epoch ms, within {@link EventTimes}
     * @param x            lon (or pixel x for pixel fences)
     * @param y            lat (or pixel y)
     * @param inside       whether the position is inside the fence
     * @param cameraId     raw camera id
     * @param plate        the plate read, or null for plate-less subjects
     * @param plateLegible whether the read is legible enough for evidence
     * @param vehicleClass special vehicle class (for exemptions)
     */
    public record Sighting(long at, double x, double y, boolean inside, String cameraId, PlateRead plate,
            boolean plateLegible, VehicleClass vehicleClass) {
        public Sighting {
            Objects.requireNonNull(cameraId, "cameraId");
            Objects.requireNonNull(vehicleClass, "vehicleClass");
            if (!EventTimes.contains(at)) {
                EventTimes.check(at, "sighting from camera " + cameraId + ": at");
            }
        }
    }

    /** Counts the ladder reads from the host's history; must be a pure function of its arguments. */
    public interface History {
        /** Warned episodes of this subject (or location, per policy) started in {@code [from, before)}. */
        int priorWarned(Fence fence, String subject, long from, long before);

        /** Notices (dispatch, case) issued to {@code subject} on the local day containing {@code at}. */
        int noticesOnDay(String subject, long at);

        /** A history with nothing in it. */
        static History empty() {
            return new History() {
                @Override
                public int priorWarned(Fence fence, String subject, long from, long before) {
                    return 0;
                }

                @Override
                public int noticesOnDay(String subject, long at) {
                    return 0;
                }
            };
        }
    }

    /**
     * What the step function may consult besides the state.
     *
     * @param fence              the fence (policy, schedule, exemptions, cell)
     * @param officers           cell → responsible officer
     * @param history            repeat and daily-notice counts
     * @param metersPerDegreeLon metres per degree of longitude near the fence (jitter distance)
     * @param ids                how an episode's id is computed when its first rung fires
     * @param plateReviewMargin  plate vote margin below which the owner is not texted: a {@link PlateReview} is
     *                           emitted instead of the {@link RequestOwnerMove}
     */
    public record Context(Fence fence, OfficerDirectory officers, History history, double metersPerDegreeLon,
            EpisodeIds ids, double plateReviewMargin) {
        public Context {
            Objects.requireNonNull(fence, "fence");
            Objects.requireNonNull(officers, "officers");
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(ids, "ids");
            if (!(plateReviewMargin >= 0)) {
                throw new GeofenceException("plateReviewMargin must be >= 0, was " + plateReviewMargin);
            }
        }
    }

    /**
     * The result of one step.
     *
     * @param state    the next state ({@link Phase#ENDED} when nothing is left to track)
     * @param effects  effects decided by this step, in order
     * @param warned   whether this step started a warned episode (rung 0 fired, not exempt)
     * @param noticed  whether this step issued a notice (dispatch or case)
     * @param problems effects that could not be produced, e.g. no officer on duty for the cell
     */
    public record Transition(EpisodeState state, List<EnforcementEffect> effects, boolean warned, boolean noticed,
            List<String> problems) {
        public Transition {
            Objects.requireNonNull(state, "state");
            effects = List.copyOf(effects);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The outcome of an owner-notice signal.
     *
     * @param outcome    applied, or why not
     * @param detail     one line with the times behind the outcome
     * @param transition the next state (unchanged unless applied) and its effects
     */
    public record Noticed(NoticeOutcome outcome, String detail, Transition transition) {
        public Noticed {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(transition, "transition");
        }
    }

    /**
     * The owner was told at {@code deliveredAt} (the SMS delivery receipt): an episode whose owner text awaits
     * delivery starts its move window there — the next rung is due at {@code deliveredAt} + the window — and
     * emits {@link MoveWindowStarted}. A delivery before the request is {@link NoticeOutcome#BEFORE_REQUEST}; one
     * after the delivery wait, or after the owner was judged unreachable, is {@link NoticeOutcome#TOO_LATE}.
     */
    public static Noticed notified(EpisodeState s, long deliveredAt, Context ctx) {
        if (!EventTimes.contains(deliveredAt)) {
            EventTimes.check(deliveredAt, "episode " + s.episodeId() + ": deliveredAt");
        }
        return NoticeStep.notified(s, deliveredAt, ctx);
    }

    /**
     * The owner could not be told ({@code reason}: dead letter, no recipient): the next rung falls due at
     * {@code at} (or the end of the delivery wait, if earlier) and fires on the first sighting at or after it as an
     * on-site dispatch with the reason "owner could not be told".
     */
    public static Noticed unreachable(EpisodeState s, long at, String reason, Context ctx) {
        if (!EventTimes.contains(at)) {
            EventTimes.check(at, "episode " + s.episodeId() + ": unreachable at");
        }
        return NoticeStep.unreachable(s, at, reason, ctx);
    }

    /** A fresh tracking state for a first sighting inside the fence. */
    public static EpisodeState start(Fence fence, String subject, Sighting s) {
        String display = s.plate() != null ? s.plate().text() : subject;
        double conf = s.plate() != null ? s.plate().confidence() : 0;
        return new EpisodeState(fence.id(), subject, display, conf, Phase.TRACKING, s.at(), s.at(), s.x(), s.y(),
                s.x(), s.y(), s.cameraId(), s.plateLegible(), 0, 0, Long.MAX_VALUE, Long.MAX_VALUE, 0, "");
    }

    /** The next event time at which {@link #tick} would change this state, or {@link Long#MAX_VALUE}. */
    public static long nextDeadline(EpisodeState s, Context ctx) {
        return nextDeadline(s.phase(), s.lastSeen(), s.activeUntil(), ctx.fence().policy().gapMs);
    }

    /** {@link #nextDeadline(EpisodeState, Context)} from the components it reads. */
    static long nextDeadline(Phase phase, long lastSeen, long activeUntil, long gapMs) {
        if (phase == Phase.ENDED) {
            return Long.MAX_VALUE;
        }
        long gap = lastSeen + gapMs + 1;
        return phase == Phase.ACTIVE ? Math.min(gap, activeUntil) : gap;
    }

    /** Advances time to {@code at} without a sighting: gap expiry and the end of the fence's active period. */
    public static Transition tick(EpisodeState s, long at, Context ctx) {
        if (!EventTimes.contains(at)) {
            EventTimes.check(at, "tick of episode " + s.fenceId() + ": at");
        }
        StepEffects acc = new StepEffects();
        EpisodeState next = deadlines(s, at, ctx, acc);
        return acc.done(next);
    }

    /** Applies one sighting (callers feed sightings per subject in event-time order). */
    public static Transition sight(EpisodeState s, Sighting sg, Context ctx) {
        StepEffects acc = new StepEffects();
        if (sg.at() < s.lastSeen() || s.phase() == Phase.ENDED) {
            return acc.done(s);
        }
        LadderPolicy p = ctx.fence().policy();
        EpisodeState cur = deadlines(s, sg.at(), ctx, acc);
        if (cur.phase() == Phase.ENDED) {
            if (!sg.inside()) {
                return acc.done(cur);
            }
            cur = start(ctx.fence(), s.subject(), sg);
        }
        if (!sg.inside()) {
            if (cur.phase() == Phase.ACTIVE) {
                acc.resolve(cur, sg.at(), EpisodeResolved.Outcome.MOVED, "left the fence");
            }
            return acc.done(ended(cur, sg.at()));
        }
        if (distance(cur, sg, ctx) > (ctx.fence().isPixelFence() ? p.jitterRadiusPixels : p.jitterRadiusMeters)) {
            if (cur.phase() == Phase.ACTIVE) {
                acc.resolve(cur, sg.at(), EpisodeResolved.Outcome.MOVED, "moved beyond the jitter radius");
            }
            cur = start(ctx.fence(), s.subject(), sg);
        } else {
            cur = seen(cur, sg.at(), sg.x(), sg.y(), sg.cameraId(), sg.plate(), sg.plateLegible());
        }
        FenceSchedule schedule = ctx.fence().schedule();
        if (!schedule.isActive(sg.at())) {
            if (cur.phase() == Phase.ACTIVE) {
                acc.resolve(cur, sg.at(), EpisodeResolved.Outcome.FENCE_INACTIVE, "fence not enforced now");
                cur = backToTracking(cur);
            }
            return acc.done(cur);
        }
        if (cur.phase() == Phase.TRACKING) {
            long dwellFrom = Math.max(cur.firstSeen(), schedule.activeSince(sg.at()));
            if (sg.at() - dwellFrom >= p.dwellMs) {
                cur = Rungs.first(cur, sg, ctx, acc);
            }
        }
        while (cur.phase() == Phase.ACTIVE && sg.at() >= cur.nextStepAt()) {
            cur = Rungs.fire(cur, cur.stepsFired(), sg.at(), cur.repeatCount(), ctx, acc);
        }
        return acc.done(cur);
    }

    /**
     * The state after a "quiet" sighting — one that only updates the last-seen data and the plate vote, exactly
     * as {@link #sight} would, with no effects, no warning and no notice — or null when the sighting is not quiet
     * (a deadline passed, the subject left or moved, the fence is inactive for an active episode, dwell ended or
     * a rung is due): then the caller must use {@link #sight}. Lets the engine skip the sighting and transition
     * objects for the common case; {@code LadderQuietSightTest} checks it against {@link #sight}.
     */
    static EpisodeState quietSight(EpisodeState s, long at, double x, double y, boolean inside, String cam,
            PlateRead plate, boolean legible, Context ctx) {
        if (!isQuiet(s.phase(), s.firstSeen(), s.lastSeen(), s.anchorX(), s.anchorY(), s.nextStepAt(), s.activeUntil(),
                at, x, y, inside, new FenceRule(ctx))) {
            return null;
        }
        return seen(s, at, x, y, cam, plate, legible);
    }

    /** Whether a sighting at (at, x, y) of a state with these components is quiet (see {@link #quietSight}). */
    static boolean isQuiet(Phase ph, long firstSeen, long lastSeen, double anchorX, double anchorY, long nextStepAt,
            long activeUntil, long at, double x, double y, boolean inside, FenceRule r) {
        if (!inside || at < lastSeen || ph == Phase.ENDED) {
            return false;
        }
        long gapEnd = lastSeen + r.gapMs;
        if (at > gapEnd || (ph == Phase.ACTIVE && activeUntil <= at && activeUntil <= gapEnd)) {
            return false;
        }
        if (r.distance(anchorX, anchorY, x, y) > r.jitterRadius) {
            return false;
        }
        if (!r.isActive(at)) {
            return ph != Phase.ACTIVE;
        }
        if (ph == Phase.TRACKING) {
            return at - Math.max(firstSeen, r.activeSince(at)) < r.dwellMs;
        }
        return ph != Phase.ACTIVE || at < nextStepAt;
    }

    /**
     * The plate vote after one more read: a confidence-weighted majority vote (Boyer-Moore), so one misread
     * never wins. Given whether the read's text is the one shown, returns the new weight of the text shown, or
     * (negative) the negated weight of the read's text when that text takes over.
     */
    static double vote(boolean sameText, double weight, double confidence) {
        return sameText ? weight + confidence : weight - confidence;
    }

    /** {@code cur} re-seen at (at, x, y) within the radius: last-seen data and the plate vote updated. */
    private static EpisodeState seen(EpisodeState cur, long at, double x, double y, String cam, PlateRead plate,
            boolean legible) {
        String display = cur.display();
        double weight = cur.displayConfidence();
        if (plate != null) {
            weight = vote(plate.text().equals(display), weight, plate.confidence());
            if (weight < 0) {
                display = plate.text();
                weight = -weight;
            }
        }
        return cur.with(cur.phase(), cur.firstSeen(), at, cur.anchorX(), cur.anchorY(), x, y, cam,
                cur.plateLegible() || legible, cur.stepsFired(), cur.startedAt(), cur.nextStepAt(), cur.activeUntil(),
                cur.repeatCount(), display, weight);
    }

    private static EpisodeState deadlines(EpisodeState s, long at, Context ctx, StepEffects acc) {
        if (s.phase() == Phase.ENDED) {
            return s;
        }
        long gapEnd = s.lastSeen() + ctx.fence().policy().gapMs;
        EpisodeState cur = s;
        if (cur.phase() == Phase.ACTIVE && cur.activeUntil() <= at && cur.activeUntil() <= gapEnd) {
            acc.resolve(cur, cur.activeUntil(), EpisodeResolved.Outcome.FENCE_INACTIVE, "fence's active period ended");
            cur = backToTracking(cur);
        }
        if (at > gapEnd) {
            if (cur.phase() == Phase.ACTIVE) {
                acc.resolve(cur, gapEnd, EpisodeResolved.Outcome.MOVED,
                        "not seen for " + Duration.ofMillis(ctx.fence().policy().gapMs).toSeconds() + " s");
            }
            return ended(cur, cur.lastSeen());
        }
        return cur;
    }

    private static double distance(EpisodeState s, Sighting sg, Context ctx) {
        return jitterDistance(ctx.fence().isPixelFence(), ctx.metersPerDegreeLon(), s.anchorX(), s.anchorY(), sg.x(),
                sg.y());
    }

    /** Distance from the anchor to (x, y): pixels for a pixel fence, else metres (lon/lat in degrees). */
    static double jitterDistance(boolean pixel, double metersPerDegreeLon, double anchorX, double anchorY, double x,
            double y) {
        double dx = x - anchorX;
        double dy = y - anchorY;
        if (!pixel) {
            dx *= metersPerDegreeLon;
            dy *= 111_320.0;
        }
        return Math.sqrt(dx * dx + dy * dy);
    }

    static EpisodeState done(EpisodeState s, int fired) {
        return s.with(Phase.DONE, s.firstSeen(), s.lastSeen(), s.anchorX(), s.anchorY(), s.lastX(), s.lastY(),
                s.cameraId(), s.plateLegible(), fired, s.startedAt(), Long.MAX_VALUE, s.activeUntil(), s.repeatCount(),
                s.display(), s.displayConfidence());
    }

    private static EpisodeState backToTracking(EpisodeState s) {
        return s.with(Phase.TRACKING, s.firstSeen(), s.lastSeen(), s.anchorX(), s.anchorY(), s.lastX(), s.lastY(),
                s.cameraId(), s.plateLegible(), 0, 0, Long.MAX_VALUE, Long.MAX_VALUE, 0, s.display(),
                s.displayConfidence()).withNotice(Notice.NONE, 0, "", Long.MAX_VALUE);
    }

    private static EpisodeState ended(EpisodeState s, long at) {
        return s.with(Phase.ENDED, s.firstSeen(), s.lastSeen(), s.anchorX(),
                s.anchorY(), s.lastX(), s.lastY(), s.cameraId(), s.plateLegible(), s.stepsFired(), s.startedAt(),
                Long.MAX_VALUE, s.activeUntil(), s.repeatCount(), s.display(), s.displayConfidence());
    }
}
