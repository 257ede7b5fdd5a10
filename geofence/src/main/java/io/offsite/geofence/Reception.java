package io.offsite.geofence;

import java.time.Instant;
import java.util.List;

/**
 * The engine's intake of detections and its event time: refuses FUTURE, LATE, DUPLICATE and over-capacity
 * detections, buffers the rest in the reorder ring (a timer at each one's event time) and moves the watermark
 * ({@code latest event time − lateness}, or the clock's time − lateness), firing every deadline it passes.
 * {@link GeofenceEngine} is its public face. Confined to the engine's thread.
 */
final class Reception {
    /** Timer stream of pending detections (at their event time); {@link Applier} has the others. */
    private static final int ARRIVAL_STREAM = 0;

    private final FenceRegistry fences;
    private final EngineHistory history;
    private final TimerService timers;
    private final TrackTable tracks;
    private final PendingRing pending;
    private final Capacity caps;
    private final Applier applier;
    private final StoreWriter writer;
    private final EffectSink sink;
    private final SkewGuard skew;
    private final LateWarning lateWarning;
    private final long latenessMs;
    /** Subjects looked up ahead by {@link #submitAll}, and a sink for those loads so they are not optimised away. */
    private final Track[] lookAhead = new Track[Applier.LOOK_AHEAD];
    long watermark;
    private long maxEvent = Long.MIN_VALUE;
    /** The clock time of the last {@link #advanceMillis}/{@link #tick}, or {@link Long#MIN_VALUE}. */
    private long clockAt = Long.MIN_VALUE;
    /** The clock's time + maxFutureSkew as last read ({@link #isFuture}); nothing at or before it is future. */
    private long futureLimit;

    Reception(FenceRegistry fences, EngineHistory history, TimerService timers, TrackTable tracks, PendingRing pending,
            Capacity caps, Applier applier, StoreWriter writer, EffectSink sink, SkewGuard skew,
            LateWarning lateWarning, long latenessMs, long watermark) {
        this.fences = fences;
        this.history = history;
        this.timers = timers;
        this.tracks = tracks;
        this.pending = pending;
        this.caps = caps;
        this.applier = applier;
        this.writer = writer;
        this.sink = sink;
        this.skew = skew;
        this.lateWarning = lateWarning;
        this.latenessMs = latenessMs;
        this.watermark = watermark;
        this.futureLimit = skew.limit(); // refuses a clock outside EventTimes at once
    }

    /** One detection's intake (see {@link GeofenceEngine#submit}); the caller ends the call on the writer. */
    Intake submitOne(Detection d) {
        String key = d.subjectKey;
        if (key == null) {
            return Intake.NO_SUBJECT;
        }
        long t = d.eventMillis();
        if (t > futureLimit && isFuture(t)) {
            sink.problem("detection from camera " + d.camera().raw() + " refused (FUTURE): event time " + why(t)
                    + "; not applied, the watermark stays at " + watermarkText()
                    + "; check the camera's clock");
            return Intake.FUTURE;
        }
        if (t < watermark) {
            if (clockAt != Long.MIN_VALUE && (maxEvent == Long.MIN_VALUE || t >= maxEvent - latenessMs)) {
                // late only because the clock moved the watermark past the detections' event time
                lateWarning.late(t, watermark, clockAt, maxEvent);
            }
            return Intake.LATE;
        }
        Track track = tracks.get(d.subjectBits, key);
        if (track == null) {
            if (tracks.size() >= caps.maxTracked) {
                return refuse(Capacity.Kind.TRACKED);
            }
            if (buffered() >= caps.maxBuffered) {
                return refuse(Capacity.Kind.BUFFERED);
            }
            track = applier.trackFor(d.subjectBits, key);
        }
        if (track.pendingCount > 0 && t <= pending.heads.maxTime(track)) {
            // not newer than everything this subject has pending: a duplicate, or a same-time detection that
            // must be ordered by content (rare: the common detection is its subject's newest)
            int same = pending.slotAt(track, t, caps.maxSearch);
            if (same == PendingRing.SEARCH_TOO_LONG) {
                return refuse(Capacity.Kind.PER_SUBJECT);
            }
            if (same >= 0) {
                if (pending.holds(same, d)) {
                    return Intake.DUPLICATE;
                }
                if (pending.groupSize(same) >= caps.maxPerSubject) {
                    return refuse(Capacity.Kind.PER_SUBJECT);
                }
                if (buffered() >= caps.maxBuffered) {
                    return refuse(Capacity.Kind.BUFFERED);
                }
                pending.join(same, d);
                applier.groupExtras++;
                lateWarning.agreed();
                return Intake.ACCEPTED;
            }
        }
        if (track.pendingCount >= caps.maxPerSubject) {
            return refuse(Capacity.Kind.PER_SUBJECT);
        }
        if (buffered() >= caps.maxBuffered) {
            return refuse(Capacity.Kind.BUFFERED);
        }
        if (lateWarning.open) {
            lateWarning.agreed();
        }
        boolean more = track.pendingCount > 0;
        long seq = pending.add(d, track, more ? pending.heads.newestSeq(track) : -1);
        pending.heads.put(track, seq, more ? Math.max(pending.heads.maxTime(track), t) : t);
        track.pendingCount++;
        timers.schedule(t, PendingRing.key(seq), ARRIVAL_STREAM);
        if (t > maxEvent) {
            maxEvent = t;
            advance(t - latenessMs);
        }
        return Intake.ACCEPTED;
    }

    /**
     * {@link #submitOne} for each element, the subjects of the next few detections looked up ahead so their memory
     * loads overlap; the caller checked that no element is null.
     */
    Intake[] submitAll(List<Detection> batch) {
        int n = batch.size();
        Intake[] intakes = new Intake[n];
        Track[] ahead = lookAhead;
        for (int base = 0; base < n; base += Applier.LOOK_AHEAD) {
            int end = Math.min(base + Applier.LOOK_AHEAD, n);
            for (int i = base; i < end; i++) {
                Detection d = batch.get(i);
                ahead[i - base] = d.subjectKey == null ? null : tracks.home(d.subjectBits, d.subjectKey);
            }
            long touched = 0;
            for (int i = 0; i < end - base; i++) {
                Track t = ahead[i];
                if (t != null) {
                    touched += t.touchSubmit();
                    ahead[i] = null;
                }
            }
            applier.touches += touched;
            for (int i = base; i < end; i++) {
                intakes[i] = submitOne(batch.get(i));
            }
        }
        return intakes;
    }

    /** Event time reached the clock's {@code now}: applies everything older than {@code now − lateness}. */
    void advanceMillis(long now) {
        long wm = now - latenessMs;
        if (wm > watermark) {
            clockAt = now;
        }
        advance(wm);
    }

    /** {@link #advanceMillis} to the clock's time, refreshing the future limit. */
    void tick() {
        long now = skew.now();
        futureLimit = now + skew.skewMs;
        advanceMillis(now);
    }

    private void advance(long wm) {
        if (wm <= watermark) {
            return;
        }
        watermark = wm;
        timers.pollDue(wm - 1, applier);
        writer.advanced(wm);
        history.pruneDue(wm, fences.snapshot());
    }

    /**
     * Whether {@code t} (epoch ms) is more than maxFutureSkew ahead of the clock; reads the clock only when {@code t}
     * passes the last limit ({@code submitOne} makes that test itself first, one comparison).
     */
    boolean isFuture(long t) {
        if (t <= futureLimit) {
            return false;
        }
        futureLimit = skew.limit();
        return t > futureLimit;
    }

    /** Why {@code t} is in the future, for a message. */
    String why(long t) {
        return skew.why(t, futureLimit);
    }

    String watermarkText() {
        return watermark == Long.MIN_VALUE ? "none (nothing applied yet)" : Instant.ofEpochMilli(watermark).toString();
    }

    private Intake refuse(Capacity.Kind kind) {
        return caps.refuse(kind, sink, watermark, tracks.size(), buffered());
    }

    /** Detections waiting for the watermark, as counted against the buffer cap. */
    long buffered() {
        return pending.size() + applier.groupExtras;
    }
}
