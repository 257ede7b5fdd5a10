package io.offsite.geofence;

/**
 * The engine's event-time side: what happens when a timer fires as the watermark passes it — a pending detection
 * applied to its subject's track ({@link SubjectStep}), an episode deadline, an idle track released — with the
 * grouped look-ahead loads that keep the tracks of the next pending entries in cache. The intake side
 * ({@link GeofenceEngine#submit}) buffers detections into the {@link PendingRing} and schedules them here.
 * Confined to the engine's thread.
 */
final class Applier implements TimerService.Firing {
    /** How many pending entries' tracks are brought into cache together. */
    static final int LOOK_AHEAD = 16;
    /** Timer streams: episode deadlines and idle-track release (pending detections use stream 0). */
    private static final int DEADLINE_STREAM = 2;
    private static final int IDLE_STREAM = 3;
    /** How long (event time) an idle subject's track is kept before it is released. */
    private static final long IDLE_RETENTION_MS = 30_000;

    private final FenceRegistry fences;
    private final EngineHistory history;
    private final TimerService timers;
    private final TrackTable tracks;
    private final PendingRing pending;
    private final SubjectStep step;
    /** Detections held in same-time groups beyond each group's first (they take no ring entry of their own). */
    long groupExtras;
    /** A sink for look-ahead loads, so they are not optimised away. */
    long touches;
    private int fired;

    Applier(FenceRegistry fences, EngineHistory history, TimerService timers, TrackTable tracks, PendingRing pending,
            SubjectStep step) {
        this.fences = fences;
        this.history = history;
        this.timers = timers;
        this.tracks = tracks;
        this.pending = pending;
        this.step = step;
    }

    /**
     * Timer keys: even = a pending detection's ring entry ({@link PendingRing#key}), odd = slot * 2 + 1 for a
     * track's episode-deadline wake.
     */
    @Override
    public void fire(long at, int key) {
        FenceIndex index = fences.snapshot();
        Track t;
        boolean deadlineWake = (key & 1) == 1;
        if (deadlineWake) {
            t = tracks.bySlot(key >>> 1);
            if (t == null || t.deadlineWake != at) {
                return;
            }
            t.deadlineWake = Long.MAX_VALUE;
            history.stepping(t);
        } else {
            int s = pending.slotOfKey(key);
            if (s < 0) {
                return;
            }
            t = pending.track(s);
            if ((++fired & (LOOK_AHEAD - 1)) == 0) {
                // every LOOK_AHEAD entries, bring the entries and tracks of the next group into cache together
                // (their loads overlap), and the fence rules of this group (whose tracks were brought in one group
                // ago); the next entries to fire are those the timers' calendar names (out-of-order input), else
                // the next in arrival order
                long sum = 0;
                for (int k = 0; k < LOOK_AHEAD; k++) {
                    Track later = ahead(s, LOOK_AHEAD + k);
                    if (later != null) {
                        sum += later.touchAll();
                    }
                }
                for (int k = 0; k < LOOK_AHEAD; k++) {
                    sum += step.touchRule(ahead(s, k), index);
                }
                touches += sum;
            }
            history.stepping(t);
            Object details = pending.details(s);
            if (details == null) {
                attached(t, step.apply(t, at, pending.x(s), pending.y(s), null, pending.camera(s),
                        pending.plateBits(s), pending.confidence(s), null, pending.objectClass(s),
                        pending.vehicleClass(s), index), at, index);
            } else if (details instanceof Detection d) {
                attached(t, step.apply(t, d, index), at, index);
            } else {
                Detection[] group = (Detection[]) details;
                for (Detection d : group) {
                    attached(t, step.apply(t, d, index), at, index);
                }
                groupExtras -= group.length - 1;
            }
            pending.consume(s);
            if (--t.pendingCount == 0) {
                pending.heads.remove(t);
            }
        }
        long next = step.deadlines(t, at, index);
        if (t.isIdle()) {
            // keep an idle track for IDLE_RETENTION_MS, so a subject seen again soon —
            // a passing car seen every second — is not dropped and re-created on every detection
            if (deadlineWake) {
                release(t);
            } else if (t.deadlineWake == Long.MAX_VALUE) {
                t.deadlineWake = at + IDLE_RETENTION_MS;
                timers.schedule(t.deadlineWake, t.slot * 2 + 1, IDLE_STREAM);
            }
            return;
        }
        arm(t, next);
    }

    /**
     * After {@code t}'s detection was applied to {@code took}: when that is another track (a misread attached to
     * its open episode), fires that track's due deadlines and re-arms its wake; its deadlines may have moved.
     */
    void attached(Track t, Track took, long at, FenceIndex index) {
        if (took != t) {
            history.stepping(took);
            arm(took, step.deadlines(took, at, index));
            history.stepping(t);
        }
    }

    /** Arms {@code t}'s deadline wake for {@code next} unless an earlier entry is outstanding (it re-arms). */
    void arm(Track t, long next) {
        // an outstanding deadline entry at or before `next` fires early and re-arms; otherwise arm one
        if (next != Long.MAX_VALUE && next < t.deadlineWake) {
            t.deadlineWake = next;
            timers.schedule(next, t.slot * 2 + 1, DEADLINE_STREAM);
        }
    }

    Track trackFor(long bits, String key) {
        Track t = tracks.get(bits, key);
        if (t == null) {
            t = tracks.create(bits, key);
            history.attach(t);
        }
        return t;
    }

    void release(Track t) {
        history.detach(t);
        tracks.release(t);
    }

    /** Restores stored episodes into their tracks and arms their deadlines (at engine start). */
    void restore(java.util.Collection<EpisodeState> episodes) {
        for (EpisodeState s : episodes) {
            String key = s.subject();
            Track t = trackFor(PackedPlate.pack(key), key);
            step.addEpisode(t, s);
            step.restored(t, s);
            long d = step.restoredDeadline(s, fences.snapshot());
            if (d < t.deadlineWake) {
                t.deadlineWake = d;
                timers.schedule(d, t.slot * 2 + 1);
            }
        }
    }

    /**
     * A look-ahead hint: the track of the entry about {@code n} places after slot {@code s} in firing order — the one
     * the timers' calendar names (its ring columns read too), else the one {@code n} slots on in arrival order.
     */
    private Track ahead(int s, int n) {
        int key = timers.keyAhead(n);
        if (key < 0 || (key & 1) != 0) {
            return pending.trackAhead(s, n);
        }
        int h = pending.slotHint(key);
        touches += pending.touchEntry(h);
        return pending.track(h);
    }
}
