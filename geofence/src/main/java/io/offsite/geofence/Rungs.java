package io.offsite.geofence;

import io.offsite.core.Masks;
import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.DispatchUnaddressed;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.FileCase;
import io.offsite.core.effect.MoveWindowStarted;
import io.offsite.core.effect.OwnerNotice;
import io.offsite.core.effect.PlateReview;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.effect.VoiceWarning;
import io.offsite.core.geo.GeoPoint;
import io.offsite.geofence.EpisodeState.Notice;
import io.offsite.geofence.EpisodeState.Phase;
import io.offsite.core.spi.OfficerDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rungs of {@link Ladder}: the first rung at dwell end (exemptions, repeat counting, escalation at once) and
 * firing rung i — the owner text and its delivery wait or window, loudspeaker warnings, the officer dispatch up
 * the grid (or {@link DispatchUnaddressed}), cases and evidence requests — including the on-site dispatch after an
 * owner who could not be told. Pure: part of the step function.
 */
final class Rungs {
    private Rungs() {
    }

    static EpisodeState first(EpisodeState cur, Ladder.Sighting sg, Ladder.Context ctx, StepEffects acc) {
        Fence f = ctx.fence();
        LadderPolicy p = f.policy();
        EpisodeState started = cur.with(Phase.ACTIVE, cur.firstSeen(), cur.lastSeen(), cur.anchorX(), cur.anchorY(),
                cur.lastX(), cur.lastY(), cur.cameraId(), cur.plateLegible(), 0, sg.at(), sg.at(),
                f.schedule().activeUntil(sg.at()), 0, cur.display(), cur.displayConfidence())
                .withEpisodeId(ctx.ids().of(f.id(), cur.subject(), sg.at()));
        String plate = Double.isNaN(margin(cur)) ? "" : cur.display();
        if (f.exemptions().exempts(plate, sg.vehicleClass(), sg.at())) {
            acc.resolve(started, sg.at(), EpisodeResolved.Outcome.EXEMPT, "exempt: " + sg.vehicleClass()
                    + (plate.isEmpty() ? "" : " " + Masks.plate(plate)));
            return Ladder.done(started, 0);
        }
        int prior = ctx.history().priorWarned(f, cur.subject(), sg.at() - p.repeatWindowMs, sg.at());
        started = started.with(Phase.ACTIVE, started.firstSeen(), started.lastSeen(), started.anchorX(),
                started.anchorY(), started.lastX(), started.lastY(), started.cameraId(), started.plateLegible(), 0,
                started.startedAt(), started.nextStepAt(), started.activeUntil(), prior, started.display(),
                started.displayConfidence());
        acc.warned = true;
        if (p.escalateAtOnceAfter > 0 && prior >= p.escalateAtOnceAfter && p.steps.size() > 1) {
            return fire(started, p.steps.size() - 1, sg.at(), prior, ctx, acc);
        }
        return fire(started, 0, sg.at(), prior, ctx, acc);
    }

    static EpisodeState fire(EpisodeState cur, int i, long at, int prior, Ladder.Context ctx, StepEffects acc) {
        Fence f = ctx.fence();
        LadderPolicy p = f.policy();
        LadderStep step = p.steps.get(i);
        boolean last = i == p.steps.size() - 1;
        // the rung after an owner text whose delivery never came (or was reported impossible): the owner was not told
        boolean notTold = i > 0 && (cur.notice() == Notice.AWAITING || cur.notice() == Notice.UNREACHABLE);
        if (notTold && cur.notice() == Notice.AWAITING) {
            cur = cur.withNotice(Notice.UNREACHABLE, cur.nextStepAt(), "no delivery receipt within "
                    + p.deliveryWaitMs / 1000 + " s of the request", cur.nextStepAt());
        }
        String id = cur.episodeId();
        GeoPoint loc = location(cur, f);
        boolean notice = step.isNotice() || notTold;
        if (notice && ctx.history().noticesOnDay(cur.subject(), at) >= p.maxNoticesPerDay) {
            acc.resolve(cur, at, EpisodeResolved.Outcome.CAPPED,
                    "daily notice cap of " + p.maxNoticesPerDay + " reached for " + Masks.inText(cur.display()));
            return Ladder.done(cur, i + 1);
        }
        Set<LadderAction> actions = step.actions();
        if (notTold && !actions.contains(LadderAction.DISPATCH_OFFICER)) {
            actions = EnumSet.copyOf(actions);
            actions.add(LadderAction.DISPATCH_OFFICER);
        }
        boolean texted = false;
        boolean reviewed = false; // the text was withheld: nobody was told, so the next rung is on-site handling
        boolean waits = !last && p.windowStart == LadderPolicy.WindowStart.DELIVERY;
        for (LadderAction a : LadderAction.values()) {
            if (!actions.contains(a)) {
                continue;
            }
            switch (a) {
                case REQUEST_OWNER_MOVE: {
                    if (margin(cur) < ctx.plateReviewMargin()) { // the plate is in doubt: a person checks it first
                        acc.add(new PlateReview(id, Instant.ofEpochMilli(at), f.id(), f.cell(), cur.display(),
                                cur.displayConfidence(), loc, cur.cameraId()));
                        reviewed = !last;
                        break;
                    }
                    long window = last ? 0 : p.waitMs[i + 1];
                    acc.add(new RequestOwnerMove(id, Instant.ofEpochMilli(at), f.id(), f.cell(), cur.display(), loc,
                            cur.cameraId(), Duration.ofMillis(window),
                            Instant.ofEpochMilli(waits ? at + p.deliveryWaitMs : at), margin(cur)));
                    if (!last && !waits) {
                        acc.add(new MoveWindowStarted(id, Instant.ofEpochMilli(at), Instant.ofEpochMilli(at + window),
                                OwnerNotice.UNCONFIRMED));
                    }
                    texted = !last;
                    break;
                }
                case VOICE_WARNING:
                    acc.add(new VoiceWarning(id, Instant.ofEpochMilli(at), p.violation, f.id(), f.cell(), cur.cameraId(),
                            i + 1, cur.display(), loc));
                    break;
                case DISPATCH_OFFICER:
                    dispatch(cur, at, prior, notTold, loc, ctx, acc);
                    break;
                case FILE_CASE:
                    acc.add(new FileCase(id, Instant.ofEpochMilli(at), p.violation, f.id(), f.cell(), cur.display(),
                            loc, prior));
                    break;
                default:
                    acc.add(evidence(cur, at, id, f, notTold));
            }
        }
        if (notice) {
            acc.noticed = true;
        }
        if (last || notTold) {
            EpisodeResolved.Outcome outcome = actions.contains(LadderAction.FILE_CASE)
                    ? EpisodeResolved.Outcome.CASE_FILED : EpisodeResolved.Outcome.ESCALATED;
            acc.resolve(cur, at, outcome, notTold ? "owner could not be told (" + cur.noticeDetail()
                    + "); officer sent for on-site handling" : "ladder completed after " + (i + 1) + " step(s)");
            return Ladder.done(cur, i + 1);
        }
        EpisodeState next = cur.with(Phase.ACTIVE, cur.firstSeen(), cur.lastSeen(), cur.anchorX(), cur.anchorY(),
                cur.lastX(), cur.lastY(), cur.cameraId(), cur.plateLegible(), i + 1, cur.startedAt(), at + p.waitMs[i + 1],
                cur.activeUntil(), cur.repeatCount(), cur.display(), cur.displayConfidence());
        if (reviewed) {
            next = next.withNotice(Notice.UNREACHABLE, at, String.format(Locale.ROOT,
                    "plate in doubt: vote margin %.2f below %.2f, sent for review instead of a text", margin(cur),
                    ctx.plateReviewMargin()), next.nextStepAt());
        }
        if (texted) {
            next = waits ? next.withNotice(Notice.AWAITING, at, "", at + p.deliveryWaitMs)
                    : next.withNotice(Notice.ASSUMED, at, "", next.nextStepAt());
        }
        return next;
    }

    /**
     * The officer dispatch: the cell's officer, else the nearest cell above it with one on duty
     * ({@link OfficerDirectory#assign}); with nobody anywhere an explicit {@link DispatchUnaddressed}.
     */
    private static void dispatch(EpisodeState cur, long at, int prior, boolean notTold, GeoPoint loc, Ladder.Context ctx,
            StepEffects acc) {
        Fence f = ctx.fence();
        String why = notTold ? "owner could not be told (" + cur.noticeDetail() + "); handle on site"
                : reason(cur, at, prior);
        Instant when = Instant.ofEpochMilli(at);
        Optional<OfficerDirectory.Assignment> a = ctx.officers().assign(f.cell(), when);
        if (a.isPresent()) {
            if (!a.get().cell().equals(f.cell())) {
                why += "; no officer on duty in cell " + f.cell() + ", sent the officer of " + a.get().cell();
            }
            acc.add(new DispatchOfficer(cur.episodeId(), when, f.policy().violation, f.id(), f.cell(), a.get().officer(),
                    cur.display(), loc, cur.cameraId(), why, ownerNotice(cur, notTold), margin(cur)));
        } else {
            acc.add(new DispatchUnaddressed(cur.episodeId(), when, f.id(), f.cell(), cur.display(), loc, cur.cameraId(),
                    why + "; no officer on duty in cell " + f.cell() + " or any cell above it"));
        }
    }

    private static CaptureEvidence evidence(EpisodeState cur, long at, String id, Fence f, boolean notTold) {
        LadderPolicy p = f.policy();
        boolean delivered = cur.notice() == Notice.DELIVERED;
        long[] ts = {cur.firstSeen(), cur.startedAt(), delivered ? cur.noticeAt() : cur.startedAt(), at};
        Arrays.sort(ts);
        List<Instant> stills = new ArrayList<>(4);
        long prev = Long.MIN_VALUE;
        for (long t : ts) {
            if (t > prev) {
                stills.add(Instant.ofEpochMilli(t));
                prev = t;
            }
        }
        long window = p.waitMs.length > 1 ? p.waitMs[p.waitMs.length - 1] : 0;
        OwnerNotice notice = ownerNotice(cur, notTold);
        return new CaptureEvidence(id, Instant.ofEpochMilli(at), p.violation, f.id(), cur.cameraId(), cur.display(),
                stills, p.minStills, p.plateLegibleRequired, Duration.ofMillis(window), p.videoClip, notice, margin(cur));
    }

    /** Whether the owner of {@code cur}'s episode was told before this escalation. */
    private static OwnerNotice ownerNotice(EpisodeState cur, boolean notTold) {
        return notTold ? OwnerNotice.NOT_DELIVERED : cur.notice() == Notice.DELIVERED ? OwnerNotice.DELIVERED
                : cur.notice() == Notice.ASSUMED ? OwnerNotice.UNCONFIRMED : OwnerNotice.NOT_REQUIRED;
    }

    /** The plate vote's margin of {@code s}, or NaN when its subject is not a plate (a tracker key). */
    static double margin(EpisodeState s) {
        return s.subject().startsWith(Detection.TRACKER_PREFIX) ? Double.NaN : s.displayConfidence();
    }

    private static String reason(EpisodeState cur, long at, int prior) {
        String since = cur.notice() == Notice.DELIVERED
                ? (at - cur.noticeAt()) / 60_000 + " min after the owner was told (SMS delivered)"
                : (at - cur.startedAt()) / 60_000 + " min after the first warning";
        return "still there " + since + (prior > 0 ? "; repeat #" + (prior + 1) : "");
    }

    private static GeoPoint location(EpisodeState s, Fence f) {
        if (f.shape() instanceof FenceShape.Pixels px) {
            return px.site();
        }
        return GeoPoint.of(s.lastX(), s.lastY());
    }
}
