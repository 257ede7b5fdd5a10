package io.offsite.geofence;

import io.offsite.core.Masks;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.geofence.EpisodeState.Notice;
import io.offsite.geofence.EpisodeState.Phase;
import io.offsite.core.spi.OfficerDirectory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One subject's step in the {@link GeofenceEngine}: applies a detection to its track's episodes (the fence
 * lookup with the clearance memo, the in-place quiet sighting, otherwise the pure {@link Ladder}), fires due
 * episode deadlines, and keeps the store and the histories in step with the results. Holds the per-snapshot
 * {@link FenceRule}s. Confined to the engine's thread.
 */
final class SubjectStep {
    private static final int MAX_HITS = 32;
    /** Moves of less than this (about 2 m) between two sightings make a subject look stationary. */
    private static final double STATIONARY_DEGREES = 2e-5;

    private final EngineHistory history;
    private final StoreWriter writer;
    private final NoticeIndex notices;
    private final double legibleConfidence;
    private final double confusableRadiusMeters;
    private final ConfusionIndex confusions = new ConfusionIndex();
    private final int[] hits = new int[MAX_HITS];
    private final FenceRules rules;
    private EffectSink sink;

    SubjectStep(OfficerDirectory officers, EngineHistory history, StoreWriter writer, NoticeIndex notices,
            double legibleConfidence, ZoneId zone, double confusableRadiusMeters, EpisodeIds ids,
            double plateReviewMargin) {
        this.history = history;
        this.writer = writer;
        this.notices = notices;
        this.legibleConfidence = legibleConfidence;
        this.confusableRadiusMeters = confusableRadiusMeters;
        this.rules = new FenceRules(officers, history, zone, ids, plateReviewMargin);
    }

    /** Where the effects and problems of the next steps go. */
    void sink(EffectSink out) {
        this.sink = out;
    }

    /**
     * Fires every episode deadline of {@code t} due at {@code at} and returns the earliest one still ahead
     * ({@link Long#MAX_VALUE} when none).
     */
    long deadlines(Track t, long at, FenceIndex index) {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < t.episodeCount; i++) {
            int ord = t.ordinal(i, index);
            if (ord < 0) {
                fenceGone(t, i, at);
                i--;
                continue;
            }
            FenceRule r = rules.get(index, ord);
            if (cellDeadline(t.cell(i), r) <= at) {
                EpisodeState s = t.episode(i);
                if (update(t, i, s, Ladder.tick(s, at, r.context), r.fence())) {
                    i--;
                    continue;
                }
            }
            next = Math.min(next, cellDeadline(t.cell(i), r));
        }
        return next;
    }

    /** Reads the fence rule of {@code t}'s first episode (a look-ahead load); returns a value to consume. */
    long touchRule(Track t, FenceIndex index) {
        return rules.touch(t, index);
    }

    /** Applies detection {@code d} of {@code t}; returns the track that took it (see the other overload). */
    Track apply(Track t, Detection d, FenceIndex index) {
        PlateRead p = d.plateOrNull();
        return apply(t, d.eventMillis(), d.lon, d.lat, d.boxOrNull(), d.camera().raw(), d.plateBits,
                p == null ? Double.NaN : p.confidence(), p, d.objectClass(), d.vehicleClass(), index);
    }

    /**
     * Applies one detection of {@code t} at event time {@code at}: a geographic position (lon, lat) or a pixel
     * box; the plate as packed bits and confidence (NaN: no plate), with its {@link PlateRead} when at hand.
     * Returns the track that took the detection: {@code t}, or — when {@code t} has no open episode and the read
     * is a confusable misread of a plate whose episode is open at about the same position in a fence containing
     * it ({@link #confusableOwner}) — that plate's track.
     */
    Track apply(Track t, long at, double lon, double lat, PixelBox box, String cam, long plateBits,
            double plateConfidence, PlateRead plateRead, ObjectClass objectClass, VehicleClass vehicleClass,
            FenceIndex index) {
        int n;
        boolean pixel = box != null;
        double x;
        double y;
        int preset = -1;
        if (pixel) {
            x = box.bottomCentreX();
            y = box.bottomCentreY();
            preset = box.preset();
            n = index.containingPixel(cam, preset, x, y, hits);
        } else {
            x = lon;
            y = lat;
            n = t.memoHits(index, x, y, hits);
            if (n < 0) {
                n = index.containing(x, y, hits);
                if (n <= MAX_HITS) {
                    // a subject seen again close to its last position is probably stationary: find how far it may
                    // drift before the answer can change, so its next sightings need no geometry test
                    double r = t.nearMemo(index, x, y, STATIONARY_DEGREES) ? index.clearance(x, y) : 0;
                    t.memo(index, x, y, r, hits, n);
                }
            }
        }
        if (n > MAX_HITS) {
            sink.problem("detection of " + Masks.inText(t.subject()) + " at " + Instant.ofEpochMilli(at) + " from camera " + cam
                    + " lies in " + n + " fences; only the first " + MAX_HITS + " are evaluated");
            n = MAX_HITS;
        }
        boolean hasPlate = !Double.isNaN(plateConfidence);
        if (t.episodeCount == 0 && !pixel && n > 0 && t.key != 0 && confusableRadiusMeters > 0 && confusions.size() > 0) {
            // a miss: this exact plate has no open episode; only now consult the confusion index
            Track owner = confusableOwner(t, at, x, y, n, index);
            if (owner != null) {
                history.stepping(owner);
                apply(owner, at, lon, lat, null, cam, plateBits, plateConfidence, plateRead, objectClass,
                        vehicleClass, index);
                history.stepping(t);
                return owner;
            }
        }
        boolean legible = hasPlate && plateConfidence >= legibleConfidence;
        PlateRead plate = plateRead;
        for (int i = 0; i < t.episodeCount; i++) {
            int ord = t.ordinal(i, index);
            if (ord < 0) {
                fenceGone(t, i, at);
                i--;
                continue;
            }
            FenceRule r = rules.get(index, ord);
            if (r.pixel != pixel || (pixel && !samePreset(r.fence(), cam, preset))) {
                continue;
            }
            boolean inside = contains(hits, n, ord) && index.appliesTo(ord, objectClass);
            EpisodeCell cell = t.cell(i);
            long shownBits = cell.displayBits;
            String shown = cell.display();
            boolean wasLegible = cell.plateLegible();
            if (cell.quietSight(at, x, y, inside, cam, hasPlate, plateBits, plateConfidence, plate, legible, r)) {
                // only last-seen data and the plate vote changed: no effects, no history, same phase
                if (cell.stored()) {
                    writer.touched(t, cell,
                            shownBits != cell.displayBits || shown != cell.display() || wasLegible != cell.plateLegible());
                }
                continue;
            }
            if (hasPlate && plate == null) {
                plate = new PlateRead(PackedPlate.unpack(plateBits), plateConfidence);
            }
            EpisodeState s = t.episode(i);
            Ladder.Sighting sg = new Ladder.Sighting(at, x, y, inside, cam, plate, legible, vehicleClass);
            if (update(t, i, s, Ladder.sight(s, sg, r.context), r.fence())) {
                i--;
            }
        }
        for (int k = 0; k < n; k++) {
            if (!index.appliesTo(hits[k], objectClass) || hasEpisodeIn(t, hits[k], index)) {
                continue;
            }
            if (hasPlate && plate == null) {
                plate = new PlateRead(PackedPlate.unpack(plateBits), plateConfidence);
            }
            Ladder.Context ctx = rules.get(index, hits[k]).context;
            Fence f = ctx.fence();
            Ladder.Sighting sg = new Ladder.Sighting(at, x, y, true, cam, plate, legible, vehicleClass);
            EpisodeState s = Ladder.start(f, t.subject(), sg);
            addEpisode(t, s);
            // start() already counted this read in the plate vote: the step must not count it twice
            Ladder.Sighting counted = plate == null ? sg
                    : new Ladder.Sighting(at, x, y, true, cam, null, legible, vehicleClass);
            update(t, t.episodeCount - 1, s, Ladder.sight(s, counted, ctx), f);
        }
        return t;
    }

    /**
     * The track whose open episode a read of {@code t}'s plate at (x, y) attaches to, or null: a track whose plate
     * differs from {@code t}'s only by OCR confusions and that has an episode, not yet past its gap tolerance, in
     * one of the {@code n} fences in {@link #hits}, last seen within the confusable radius of (x, y). The nearest
     * one wins. A plate read farther away (a car parked beside it), in another fence, or after that episode
     * lapsed, is its own subject.
     */
    private Track confusableOwner(Track t, long at, double x, double y, int n, FenceIndex index) {
        long k = PackedPlate.matchBits(t.key);
        Track best = null;
        double bestDistance = confusableRadiusMeters;
        for (int slot = confusions.find(k, confusions.home(k)); slot >= 0; slot = confusions.find(k, slot + 1)) {
            Track u = confusions.at(slot);
            if (u == t || u.key == t.key) {
                continue;
            }
            for (int i = 0; i < u.episodeCount; i++) {
                int ord = u.ordinal(i, index);
                if (ord < 0 || !contains(hits, n, ord)) {
                    continue;
                }
                FenceRule r = rules.get(index, ord);
                EpisodeCell c = u.cell(i);
                if (r.pixel || at < c.lastSeen || at - c.lastSeen > r.gapMs) {
                    continue;
                }
                double d = Ladder.jitterDistance(false, index.metersPerDegreeLon(), c.lastX, c.lastY, x, y);
                if (d <= bestDistance) {
                    best = u;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** Adds an episode to {@code t}; its first one makes a plate track findable by its confusion key. */
    void addEpisode(Track t, EpisodeState s) {
        t.addEpisode(s);
        if (t.episodeCount == 1 && t.key != 0) {
            confusions.add(t);
        }
    }

    private void removeEpisode(Track t, int i) {
        t.removeEpisode(i);
        if (t.episodeCount == 0 && t.key != 0) {
            confusions.remove(t);
        }
    }

    private static boolean hasEpisodeIn(Track t, int ordinal, FenceIndex index) {
        for (int i = 0; i < t.episodeCount; i++) {
            if (t.ordinal(i, index) == ordinal) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePreset(Fence f, String cam, int preset) {
        FenceShape.Pixels px = (FenceShape.Pixels) f.shape();
        return px.preset() == preset && px.cameraId().equals(cam);
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    /** Applies a transition to episode i; returns true when the episode was removed. */
    private boolean update(Track t, int i, EpisodeState old, Ladder.Transition tr, Fence f) {
        EpisodeState s = tr.state();
        List<EnforcementEffect> fx = tr.effects();
        for (int k = 0; k < fx.size(); k++) {
            sink.effect(fx.get(k));
        }
        List<String> problems = tr.problems();
        for (int k = 0; k < problems.size(); k++) {
            sink.problem(problems.get(k));
        }
        if (tr.warned()) {
            history.recordWarned(f, s.subject(), s.startedAt());
        }
        if (tr.noticed()) {
            history.recordNotice(s.subject(), s.lastSeen());
        }
        boolean wasStored = StoreWriter.stored(old);
        if (old.notice() == Notice.AWAITING || s.notice() == Notice.AWAITING) {
            awaiting(t, old, wasStored, s);
        }
        if (s.phase() == Phase.ENDED) {
            removeEpisode(t, i);
            if (wasStored) {
                writer.removed(s);
            }
            return true;
        }
        t.setEpisode(i, s);
        if (StoreWriter.stored(s)) {
            if (s != old) {
                writer.changed(t, t.cell(i), old, s);
            }
        } else if (wasStored) {
            writer.removed(s);
        }
        return false;
    }

    /** Keeps the {@link NoticeIndex} in step when episode {@code old} of {@code t} becomes {@code s}. */
    private void awaiting(Track t, EpisodeState old, boolean wasStored, EpisodeState s) {
        boolean was = wasStored && old.notice() == Notice.AWAITING;
        boolean is = s.phase() == Phase.ACTIVE && s.notice() == Notice.AWAITING;
        boolean same = was && is && old.startedAt() == s.startedAt();
        if (was && !same) {
            byte how = s.phase() == Phase.ENDED || s.startedAt() != old.startedAt() ? NoticeIndex.ENDED
                    : s.notice() == Notice.DELIVERED ? NoticeIndex.TOLD
                    : s.notice() == Notice.UNREACHABLE ? NoticeIndex.UNREACHABLE : NoticeIndex.ENDED;
            notices.settle(NoticeIndex.hash(old.episodeId()), t.slot, how);
        }
        if (is && !same) {
            notices.add(NoticeIndex.hash(s.episodeId()), t.slot);
        }
    }

    /** Registers a restored episode of track {@code t} that awaits delivery. */
    void restored(Track t, EpisodeState s) {
        if (s.phase() == Phase.ACTIVE && s.notice() == Notice.AWAITING) {
            notices.add(NoticeIndex.hash(s.episodeId()), t.slot);
        }
    }

    /**
     * Applies an owner-notice signal to episode i of {@code t} (which awaits delivery): the pure
     * {@link Ladder#notified}/{@link Ladder#unreachable} step, then the store and the index as for any transition.
     */
    Ladder.Noticed notice(Track t, int i, boolean delivered, long at, String reason, FenceIndex index) {
        EpisodeState s = t.episode(i);
        int ord = t.ordinal(i, index);
        if (ord < 0) {
            fenceGone(t, i, at);
            return new Ladder.Noticed(NoticeOutcome.UNKNOWN_EPISODE, "episode " + s.episodeId() + ": fence "
                    + s.fenceId() + " was removed", new Ladder.Transition(s, List.of(), false, false, List.of()));
        }
        FenceRule r = rules.get(index, ord);
        Ladder.Noticed n = delivered ? Ladder.notified(s, at, r.context) : Ladder.unreachable(s, at, reason, r.context);
        if (n.outcome() == NoticeOutcome.APPLIED) {
            history.stepping(t);
            update(t, i, s, n.transition(), r.fence());
        }
        return n;
    }

    /** {@link Ladder#nextDeadline} of a cell, without materialising its state. */
    private static long cellDeadline(EpisodeCell c, FenceRule r) {
        return Ladder.nextDeadline(c.phase(), c.lastSeen, c.activeUntil, r.gapMs);
    }

    /** Episode i's fence was removed from the fence set: resolves an active episode and drops it. */
    private void fenceGone(Track t, int i, long at) {
        EpisodeState s = t.episode(i);
        if (s.phase() == Phase.ACTIVE) {
            sink.effect(new EpisodeResolved(s.episodeId(), Instant.ofEpochMilli(Math.max(at, s.lastSeen())),
                    EpisodeResolved.Outcome.FENCE_INACTIVE, "fence " + s.fenceId() + " was removed"));
        }
        if (StoreWriter.stored(s)) {
            writer.removed(s);
            if (s.notice() == Notice.AWAITING) {
                notices.settle(NoticeIndex.hash(s.episodeId()), t.slot, NoticeIndex.ENDED);
            }
        }
        removeEpisode(t, i);
    }

    /** The next deadline of a restored episode in {@code index}. */
    long restoredDeadline(EpisodeState s, FenceIndex index) {
        int ord = index.ordinalOf(s.fenceId());
        if (ord < 0) {
            return s.lastSeen();
        }
        return Ladder.nextDeadline(s, rules.get(index, ord).context);
    }
}
