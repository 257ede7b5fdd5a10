package io.offsite.geofence;

import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.core.spi.OfficerDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs detections through the fence index, the per-subject {@link Ladder} and the timers, and reports
 * effects. Order-independent within the allowed lateness: detections wait in a reorder ring and are applied in
 * event-time order (same-time detections of one subject in content order) once the watermark ({@code latest event time − allowed lateness}, or the supplied clock's
 * time − allowed lateness on {@link #tick()}) passes them; a detection older than the watermark is returned as
 * {@link Intake#LATE} and ignored; an exact duplicate is {@link Intake#DUPLICATE}; one stamped more than
 * {@link Builder#maxFutureSkew} ahead of the clock is {@link Intake#FUTURE} and refused, so no single event can move
 * the watermark ahead of everyone else's. Deadlines (gap tolerance,
 * end of a fence's active period) fire by event time through a {@link TimerService}. Every change of a started
 * episode that decides what fires next is written to the {@link EpisodeStore} at once, "last seen" changes at
 * checkpoints ({@link Builder#checkpointInterval(Duration)}); a new engine built on the same store resumes where
 * the old one stopped (hosts replay input from the store's watermark), and overdue deadlines fire exactly once.
 *
 * <p>Bounded: at most {@link Builder#maxTrackedSubjects} subjects, {@link Builder#maxBufferedDetections} detections
 * waiting for the watermark and {@link Builder#maxBufferedPerSubject} per subject; a detection that would need
 * memory beyond a cap is refused as {@link Intake#OVER_CAPACITY} (reported to the sink, counted in
 * {@link #refusedDetections()}), while subjects already tracked keep being processed.
 *
 * <p>Single-threaded: confine one engine to one thread (shard by subject for more). The fence set may change
 * concurrently through the {@link FenceRegistry}.
 */
public final class GeofenceEngine {
    private static final Logger LOG = LoggerFactory.getLogger(GeofenceEngine.class);
    /** How many detections {@link #submitAll} looks up ahead, and how far ahead a pending detection's track is. */
    private static final int LOOK_AHEAD = 16;
    /** Timer streams: pending detections (at their event time), episode deadlines, idle-track release. */
    private static final int ARRIVAL_STREAM = 0;
    private static final int DEADLINE_STREAM = 2;
    private static final int IDLE_STREAM = 3;
    /** How often (event time) released subjects' histories are pruned, and how many are checked each time. */
    private static final long PRUNE_EVERY_MS = 1_000;
    private static final int PRUNE_BUDGET = 1_000;
    /** How long (event time) an idle subject's track is kept before it is released. */
    private static final long IDLE_RETENTION_MS = 30_000;
    /** {@link #pendingAt}: the search was cut off by the per-subject cap. */
    private static final int SEARCH_TOO_LONG = -2;

    private final FenceRegistry fences;
    private final EpisodeStore store;
    private final Clock clock;
    private final long latenessMs;
    private final EngineHistory history;
    private final TimerService timers;
    private final TrackTable tracks;
    private long watermark;
    private long maxEvent = Long.MIN_VALUE;
    private long lastPrune = Long.MIN_VALUE / 2;
    private FenceIndex windowOf;
    private long longestWindow;
    private final StoreWriter writer;
    private final TimerService.Firing firing = this::fire;
    private final PendingRing pending;
    private final Capacity caps;
    /** Detections held in same-time groups beyond each group's first (they take no ring entry of their own). */
    private long groupExtras;
    /** Subjects looked up ahead by {@link #submitAll}, and a sink for those loads so they are not optimised away. */
    private final Track[] lookAhead = new Track[LOOK_AHEAD];
    private long touches;
    /** Entries visited by same-time searches ({@link #pendingAt}); tests check the work per detection is bounded. */
    long searchSteps;
    private int fired;
    private final SubjectStep step;
    private final NoticeDesk notices;
    private final LateWarning lateWarning = new LateWarning(LOG::warn);
    /** The clock time of the last {@link #advanceTo}/{@link #tick}, or {@link Long#MIN_VALUE}. */
    private long clockAt = Long.MIN_VALUE;
    /** Event time against the clock: {@link Intake#FUTURE}. */
    private final SkewGuard skew;
    /** The clock's time + maxFutureSkew as last read ({@link #isFuture}); nothing at or before it is future. */
    private long futureLimit;

    private GeofenceEngine(Builder b) {
        fences = b.fences;
        store = b.store;
        clock = b.clock;
        latenessMs = b.lateness.toMillis();
        history = new EngineHistory(b.zone, store);
        timers = TimerService.create(b.expectedSubjects);
        tracks = new TrackTable(b.expectedSubjects);
        pending = new PendingRing(Math.min(b.expectedSubjects, b.maxBuffered));
        caps = new Capacity(b.maxTracked, b.maxBuffered, b.maxPerSubject);
        writer = new StoreWriter(store, b.checkpointInterval.toMillis());
        NoticeIndex awaiting = new NoticeIndex();
        step = new SubjectStep(b.officers, history, writer, awaiting, b.legibleConfidence, b.zone,
                b.confusableRadiusMeters, b.ids, b.plateReviewMargin);
        notices = new NoticeDesk(awaiting, tracks, step);
        skew = new SkewGuard(clock, b.maxFutureSkew);
        watermark = store.watermark();
        futureLimit = skew.limit(); // refuses a clock outside EventTimes at once
        if (watermark != Long.MIN_VALUE && isFuture(watermark)) {
            throw new GeofenceException("the store's watermark " + why(watermark) + ": a detection from the future"
                    + " moved it (before future event times were refused), or the clock is wrong; correct the clock, or"
                    + " reset the store's watermark (EpisodeStore.putWatermark) and replay the input from a known time");
        }
        for (EpisodeState s : store.episodes()) {
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
        if (tracks.size() > caps.maxTracked) {
            // restore everything (no started episode is dropped); new subjects are refused until under the cap
            LOG.warn("restored {} tracked subjects from the store, above maxTrackedSubjects = {}: all are kept and"
                    + " processed, but detections of new subjects are refused (OVER_CAPACITY) until fewer than {} are"
                    + " tracked; raise maxTrackedSubjects", tracks.size(), caps.maxTracked, caps.maxTracked);
        }
        if (caps.impliedBytes() > Runtime.getRuntime().maxMemory()) {
            LOG.warn("the engine's caps allow about {} MB of heap (maxTrackedSubjects = {} x ~{} B, "
                    + "maxBufferedDetections = {} x ~{} B) but the JVM's maximum heap is {} MB: lower the caps or raise"
                    + " -Xmx, or a flood of new plates can exhaust the heap before a cap refuses it",
                    caps.impliedBytes() >> 20, caps.maxTracked, Capacity.BYTES_PER_SUBJECT, caps.maxBuffered,
                    Capacity.BYTES_PER_DETECTION, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    /** Starts an engine over a live fence set and an officer directory. */
    public static Builder builder(FenceRegistry fences, OfficerDirectory officers) {
        return new Builder(fences, officers);
    }

    /**
     * Submits one detection; effects decided meanwhile go to {@code sink}. Allocation-light hot path. A detection
     * more than {@link Builder#maxFutureSkew} ahead of the clock is {@link Intake#FUTURE}: nothing changes, and the
     * sink gets a problem naming the camera and both times.
     */
    public Intake submit(Detection d, EffectSink out) {
        Objects.requireNonNull(d, "detection");
        step.sink(Objects.requireNonNull(out, "sink"));
        String key = d.subjectKey;
        if (key == null) {
            return Intake.NO_SUBJECT;
        }
        long t = d.eventMillis();
        if (t > futureLimit && isFuture(t)) {
            out.problem("detection from camera " + d.camera().raw() + " refused (FUTURE): event time " + why(t)
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
                return caps.refuse(Capacity.Kind.TRACKED, out, watermark, tracks.size(), buffered());
            }
            if (buffered() >= caps.maxBuffered) {
                return caps.refuse(Capacity.Kind.BUFFERED, out, watermark, tracks.size(), buffered());
            }
            track = trackFor(d.subjectBits, key);
        }
        if (track.pendingCount > 0 && t <= track.maxPendingTime) {
            // not newer than everything this subject has pending: a duplicate, or a same-time detection that
            // must be ordered by content (rare: the common detection is its subject's newest)
            int same = pendingAt(track, t);
            if (same == SEARCH_TOO_LONG) {
                return caps.refuse(Capacity.Kind.PER_SUBJECT, out, watermark, tracks.size(), buffered());
            }
            if (same >= 0) {
                if (pending.holds(same, d)) {
                    return Intake.DUPLICATE;
                }
                if (pending.groupSize(same) >= caps.maxPerSubject) {
                    return caps.refuse(Capacity.Kind.PER_SUBJECT, out, watermark, tracks.size(), buffered());
                }
                if (buffered() >= caps.maxBuffered) {
                    return caps.refuse(Capacity.Kind.BUFFERED, out, watermark, tracks.size(), buffered());
                }
                pending.join(same, d);
                groupExtras++;
                return Intake.ACCEPTED;
            }
        }
        if (track.pendingCount >= caps.maxPerSubject) {
            return caps.refuse(Capacity.Kind.PER_SUBJECT, out, watermark, tracks.size(), buffered());
        }
        if (buffered() >= caps.maxBuffered) {
            return caps.refuse(Capacity.Kind.BUFFERED, out, watermark, tracks.size(), buffered());
        }
        long seq = pending.add(d, track, track.pendingCount > 0 ? track.newestSeq : -1);
        track.maxPendingTime = track.pendingCount > 0 ? Math.max(track.maxPendingTime, t) : t;
        track.newestSeq = seq;
        track.pendingCount++;
        timers.schedule(t, PendingRing.key(seq), ARRIVAL_STREAM);
        if (t > maxEvent) {
            maxEvent = t;
            advance(t - latenessMs);
        }
        return Intake.ACCEPTED;
    }

    /**
     * Submits {@code batch[from..to)} in order, exactly like calling {@link #submit(Detection, EffectSink)} for
     * each, and writes each one's {@link Intake} to {@code intakes} (same indices; may be null). Faster for a batch
     * (as a message consumer receives them): the subjects of the next few detections are looked up ahead, so
     * their memory loads overlap instead of waiting one after another. A null element is refused before anything
     * is submitted.
     */
    public void submitAll(Detection[] batch, int from, int to, Intake[] intakes, EffectSink out) {
        Objects.checkFromToIndex(from, to, batch.length);
        if (intakes != null) {
            Objects.checkFromToIndex(from, to, intakes.length);
        }
        Objects.requireNonNull(out, "sink");
        for (int i = from; i < to; i++) {
            if (batch[i] == null) {
                throw new GeofenceException("batch[" + i + "] is null; nothing of batch[" + from + ".." + to
                        + ") was submitted");
            }
        }
        Track[] ahead = lookAhead;
        for (int base = from; base < to; base += LOOK_AHEAD) {
            int end = Math.min(base + LOOK_AHEAD, to);
            for (int i = base; i < end; i++) {
                Detection d = batch[i];
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
            touches += touched;
            for (int i = base; i < end; i++) {
                Intake in = submit(batch[i], out);
                if (intakes != null) {
                    intakes[i] = in;
                }
            }
        }
    }

    /** Submits one detection and returns what it caused. */
    public EngineResult submit(Detection d) {
        CollectingSink c = new CollectingSink();
        Intake in = submit(d, c);
        return new EngineResult(in, c.effects, c.problems);
    }

    /**
     * Declares that event time has reached {@code now}: applies everything older than {@code now − lateness}.
     *
     * @throws GeofenceException when {@code now} is outside {@link EventTimes} or more than
     *         {@link Builder#maxFutureSkew} ahead of the clock (the watermark does not move)
     */
    public EngineResult advanceTo(Instant now) {
        CollectingSink c = new CollectingSink();
        advanceTo(now, c);
        return new EngineResult(Intake.ACCEPTED, c.effects, c.problems);
    }

    /** Like {@link #advanceTo(Instant)}, streaming into {@code out}. */
    public void advanceTo(Instant now, EffectSink out) {
        long ms = EventTimes.millis(now, "advanceTo: now");
        if (isFuture(ms)) {
            throw new GeofenceException("advanceTo: now " + why(ms) + "; refused, the watermark stays at "
                    + watermarkText());
        }
        advanceMillis(ms, Objects.requireNonNull(out, "sink"));
    }

    private void advanceMillis(long now, EffectSink out) {
        step.sink(out);
        long wm = now - latenessMs;
        if (wm > watermark) {
            clockAt = now;
        }
        advance(wm);
    }

    /**
     * The host's signal that the owner was told: the owner text of {@code episodeId} was delivered at
     * {@code deliveredAt} (the gateway's delivery receipt, e.g. from the outbox's {@code onDelivered}). The move
     * window runs from this time: the next rung (the officer dispatch) falls due at {@code deliveredAt} + the
     * window and fires on the first sighting at or after it; {@link io.offsite.core.effect.MoveWindowStarted} is
     * returned. Written to the store at once. Races are outcomes: {@link NoticeOutcome#UNKNOWN_EPISODE},
     * {@link NoticeOutcome#DUPLICATE}, {@link NoticeOutcome#TOO_LATE} (after the delivery wait or after the owner
     * was judged unreachable), {@link NoticeOutcome#BEFORE_REQUEST}.
     */
    public NoticeResult ownerNotified(String episodeId, Instant deliveredAt) {
        Objects.requireNonNull(episodeId, "episodeId");
        long at = EventTimes.millis(deliveredAt, "ownerNotified(" + episodeId + "): deliveredAt");
        if (isFuture(at)) {
            return future(episodeId, "delivery", at);
        }
        return notices.signal(episodeId, true, at, null, fences.snapshot(), new CollectingSink());
    }

    /**
     * The host's signal that the owner could not be told at {@code at} (the text was dead-lettered, or there is
     * no recipient): the officer is sent on the first sighting at or after {@code at} with the reason "owner could
     * not be told ({@code reason})" for on-site handling, and the evidence request says no off-site case may rest on
     * the text. Outcomes as for {@link #ownerNotified}; a blank reason is refused.
     */
    public NoticeResult ownerUnreachable(String episodeId, Instant at, String reason) {
        Objects.requireNonNull(episodeId, "episodeId");
        long ms = EventTimes.millis(at, "ownerUnreachable(" + episodeId + "): at");
        if (reason == null || reason.isBlank()) {
            throw new GeofenceException("ownerUnreachable(" + episodeId + "): reason must be non-blank, was "
                    + (reason == null ? "null" : "\"" + reason + "\""));
        }
        if (isFuture(ms)) {
            return future(episodeId, "unreachable signal", ms);
        }
        return notices.signal(episodeId, false, ms, reason, fences.snapshot(), new CollectingSink());
    }

    /**
     * Whether {@code t} (epoch ms) is more than maxFutureSkew ahead of the clock; reads the clock only when {@code t}
     * passes the last limit ({@code submit} makes that test itself first, one comparison).
     */
    private boolean isFuture(long t) {
        if (t <= futureLimit) {
            return false;
        }
        futureLimit = skew.limit();
        return t > futureLimit;
    }

    private String why(long t) {
        return skew.why(t, futureLimit);
    }

    private NoticeResult future(String episodeId, String what, long at) {
        return new NoticeResult(NoticeOutcome.FUTURE, "episode " + episodeId + ": " + what + " at " + why(at)
                + "; ignored, the episode keeps waiting", List.of());
    }

    /**
     * Advances event time to the supplied clock's instant (fires deadlines when no detections arrive).
     *
     * @throws GeofenceException when the clock reads a time outside {@link EventTimes}
     */
    public EngineResult tick() {
        long now = skew.now();
        futureLimit = now + skew.skewMs;
        CollectingSink c = new CollectingSink();
        advanceMillis(now, c);
        return new EngineResult(Intake.ACCEPTED, c.effects, c.problems);
    }

    private String watermarkText() {
        return watermark == Long.MIN_VALUE ? "none (nothing applied yet)" : Instant.ofEpochMilli(watermark).toString();
    }

    /** Every detection before this event time (epoch ms) has been applied; older ones are late. */
    public long watermark() {
        return watermark;
    }

    /**
     * Number of subjects with buffered detections or open states, plus idle ones not yet released (an idle
     * subject is released when it is still idle 30 s of event time after it went idle).
     */
    public int trackedSubjects() {
        return tracks.size();
    }

    /**
     * Number of detections waiting for the watermark, as counted against {@link Builder#maxBufferedDetections}: reorder
     * ring entries not yet reclaimed (an applied entry is reclaimed once every older one is) plus same-time
     * detections sharing an entry (monitoring).
     */
    public long bufferedDetections() {
        return buffered();
    }

    /** Number of detections refused as {@link Intake#OVER_CAPACITY} since this engine was built (monitoring). */
    public long refusedDetections() {
        return caps.refused();
    }

    /** Work done by same-time searches and group operations so far (entries visited plus comparisons). */
    long searchWork() {
        return searchSteps + pending.steps;
    }

    private long buffered() {
        return pending.size() + groupExtras;
    }

    /** Number of pending timer entries: episode deadlines and detections waiting for the watermark (monitoring). */
    public int pendingDeadlines() {
        return timers.size();
    }

    /** Number of subjects without a track whose repeat/notice counts are still kept (monitoring). */
    public int rememberedSubjects() {
        return history.releasedSubjects();
    }

    /** A copy of every current episode state (tracking, active and done). */
    public List<EpisodeState> episodes() {
        List<EpisodeState> out = new ArrayList<>();
        for (Track t : tracks.all()) {
            for (int i = 0; i < t.episodeCount; i++) {
                out.add(t.episode(i));
            }
        }
        return out;
    }

    private void advance(long wm) {
        if (wm <= watermark) {
            return;
        }
        watermark = wm;
        timers.pollDue(wm - 1, firing);
        writer.advanced(wm);
        if (wm - lastPrune >= PRUNE_EVERY_MS) {
            lastPrune = wm;
            history.prune(wm, longestRepeatWindow(fences.snapshot()), PRUNE_BUDGET);
        }
    }

    /** The longest repeat window of any fence in {@code index} (cached per snapshot). */
    private long longestRepeatWindow(FenceIndex index) {
        if (windowOf != index) {
            long w = 0;
            for (int i = 0; i < index.size(); i++) {
                w = Math.max(w, index.fence(i).policy().repeatWindowMs);
            }
            longestWindow = w;
            windowOf = index;
        }
        return longestWindow;
    }

    /**
     * Writes every pending "last seen" change and the watermark to the store now (call before a planned
     * shutdown; between checkpoints the store lags by at most the checkpoint interval, see
     * {@link Builder#checkpointInterval(Duration)}).
     */
    public void checkpoint() {
        writer.checkpoint(watermark);
    }

    /**
     * The ring slot of {@code t}'s pending entry with event time {@code at}, or -1, or {@link #SEARCH_TOO_LONG} when
     * finding out would walk more than {@link Capacity#maxSearch} of its entries (bounded work per detection).
     */
    private int pendingAt(Track t, long at) {
        int live = t.pendingCount;
        int budget = caps.maxSearch;
        for (long q = t.newestSeq; q >= 0 && live > 0; ) {
            int s = pending.slotOf(q);
            if (s < 0) {
                break;
            }
            if (--budget < 0) {
                return SEARCH_TOO_LONG;
            }
            searchSteps++;
            if (!pending.consumed(s)) {
                if (pending.time(s) == at) {
                    return s;
                }
                live--;
            }
            q = pending.prev(s);
        }
        return -1;
    }

    /**
     * Timer keys: even = a pending detection's ring entry ({@link PendingRing#key}), odd = slot * 2 + 1 for a
     * track's episode-deadline wake.
     */
    private void fire(long at, int key) {
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
                // pending entries fire in about arrival order: every LOOK_AHEAD entries, bring the tracks of the
                // next group into cache together (their loads overlap), and the fence rules of this group (whose
                // tracks were brought in one group ago)
                long sum = 0;
                for (int k = 0; k < LOOK_AHEAD; k++) {
                    Track later = pending.trackAhead(s, LOOK_AHEAD + k);
                    if (later != null) {
                        sum += later.touchAll();
                    }
                }
                for (int k = 0; k < LOOK_AHEAD; k++) {
                    sum += step.touchRule(pending.trackAhead(s, k), index);
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
            t.pendingCount--;
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
    private void attached(Track t, Track took, long at, FenceIndex index) {
        if (took != t) {
            history.stepping(took);
            arm(took, step.deadlines(took, at, index));
            history.stepping(t);
        }
    }

    /** Arms {@code t}'s deadline wake for {@code next} unless an earlier entry is outstanding (it re-arms). */
    private void arm(Track t, long next) {
        // an outstanding deadline entry at or before `next` fires early and re-arms; otherwise arm one
        if (next != Long.MAX_VALUE && next < t.deadlineWake) {
            t.deadlineWake = next;
            timers.schedule(next, t.slot * 2 + 1, DEADLINE_STREAM);
        }
    }

    private Track trackFor(long bits, String key) {
        Track t = tracks.get(bits, key);
        if (t == null) {
            t = tracks.create(bits, key);
            history.attach(t);
        }
        return t;
    }

    private void release(Track t) {
        history.detach(t);
        tracks.release(t);
    }

    /** Engine settings; each setter validates at once. */
    public static final class Builder {
        private final FenceRegistry fences;
        private final OfficerDirectory officers;
        private EpisodeStore store;
        private Clock clock = Clock.systemUTC();
        private Duration lateness = Duration.ofSeconds(5);
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private double legibleConfidence = 0.8;
        private double confusableRadiusMeters = 1.0;
        private double plateReviewMargin = 1.0;
        private EpisodeIds ids;
        private int expectedSubjects = 1024;
        private int maxTracked = Capacity.DEFAULT_TRACKED;
        private int maxBuffered = Capacity.DEFAULT_BUFFERED;
        private int maxPerSubject = Capacity.DEFAULT_PER_SUBJECT;
        private Duration checkpointInterval = Duration.ofSeconds(10);
        private Duration maxFutureSkew = Duration.ofMinutes(5);

        private Builder(FenceRegistry fences, OfficerDirectory officers) {
            this.fences = Objects.requireNonNull(fences, "fences");
            this.officers = Objects.requireNonNull(officers, "officers");
        }

        /** Where episodes are persisted (default: a fresh {@link EpisodeStore#inMemory()}). */
        public Builder store(EpisodeStore s) {
            this.store = Objects.requireNonNull(s, "store");
            return this;
        }

        /** The clock {@link #tick()} reads (default: system UTC). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** How late (in event time) a detection may arrive and still be applied in order; 0–1 h. */
        public Builder allowedLateness(Duration d) {
            Objects.requireNonNull(d, "allowedLateness");
            if (d.isNegative() || d.compareTo(Duration.ofHours(1)) > 0) {
                throw new GeofenceException("allowedLateness must be within [0, 1 h], was " + d);
            }
            this.lateness = d;
            return this;
        }

        /**
         * Zone of the "per day" notice cap and of fence schedules that name no zone of their own (default
         * Asia/Shanghai, {@link FenceSchedule#DEFAULT_ZONE}).
         */
        public Builder zone(ZoneId z) {
            this.zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        /** Plate confidence at or above which a read counts as legible for evidence (default 0.8). */
        public Builder legiblePlateConfidence(double c) {
            if (!(c >= 0 && c <= 1)) {
                throw new GeofenceException("legiblePlateConfidence must be within [0, 1], was " + c);
            }
            this.legibleConfidence = c;
            return this;
        }

        /**
         * How close (metres) a plate read with no open episode of its own must be to the last position of an open
         * episode of a plate that differs only by OCR confusions (B/8, D/0/Q/O, S/5, Z/2, G/6, I/1) in the same
         * fence to be taken as a misread of that car and attached to its episode; farther away it is a car of its
         * own. Default 1.0 m: two cars side by side stand at least about 2.4 m apart centre to centre (on-street bays
         * are 2.5 m wide, a car about 1.8 m), so a read within 1 m of one car's position is nearer to it than to any
         * neighbour, while a camera's position estimate of a parked car jitters by decimetres. 0 disables
         * attaching (exact plates only). 0–10 m.
         */
        public Builder confusableRadiusMeters(double m) {
            if (!(m >= 0 && m <= 10)) {
                throw new GeofenceException("confusableRadiusMeters must be within [0, 10], was " + m);
            }
            this.confusableRadiusMeters = m;
            return this;
        }

        /**
         * The per-deployment secret key of episode ids (required; at least 16 bytes, 32 random bytes recommended).
         * Ids and the effects' idempotency keys are {@link EpisodeIds}: a keyed hash of fence, subject and episode
         * start, so no id names a plate. Ids must be the same after a restart — the outbox drops a re-delivered
         * effect by its idempotency key — so the key is a setting the host keeps (like a database password), never
         * generated per process: generate it once per deployment (e.g. {@code openssl rand -base64 32}) and keep it
         * in the deployment's secret configuration. A stored episode keeps the id it got when it started, so a new
         * key changes only the ids of episodes started afterwards.
         */
        public Builder episodeIdKey(byte[] key) {
            this.ids = EpisodeIds.hmacSha256(key);
            return this;
        }

        /**
         * The least plate vote margin (summed confidence of the reads agreeing with the winning text minus those
         * disagreeing) at which the owner is texted; below it the owner-text rung emits a
         * {@link io.offsite.core.effect.PlateReview} instead of the {@link io.offsite.core.effect.RequestOwnerMove}.
         * Default 1.0: the winner must outweigh every disagreeing read by at least one fully confident read; a car
         * read alternately as 浙JB1234 and 浙J81234 stays below it, a car seen a few times with an occasional
         * misread is far above it. 0 never flags. 0–100.
         */
        public Builder plateReviewMargin(double margin) {
            if (!(margin >= 0 && margin <= 100)) {
                throw new GeofenceException("plateReviewMargin must be within [0, 100], was " + margin);
            }
            this.plateReviewMargin = margin;
            return this;
        }

        /** Capacity hint for the number of concurrently tracked subjects. */
        public Builder expectedSubjects(int n) {
            if (n < 1) {
                throw new GeofenceException("expectedSubjects must be >= 1, was " + n);
            }
            this.expectedSubjects = n;
            return this;
        }

        /**
         * The most subjects the engine tracks at once (default 1,000,000, about 320 MB of heap at ~320 B each): a
         * subject is tracked while it has detections waiting, an open episode, or was seen in the last 30 s of event
         * time. At the cap a detection of a new subject is refused as {@link Intake#OVER_CAPACITY}; subjects already
         * tracked keep being processed (a parked car still gets its owner text). A restart restores every stored
         * episode even above the cap (logged at WARN) and refuses new subjects until the count is below it.
         * 1–268,435,456.
         */
        public Builder maxTrackedSubjects(int n) {
            if (n < 1 || n > Capacity.MAX_TRACKED) {
                throw new GeofenceException("maxTrackedSubjects must be within [1, " + Capacity.MAX_TRACKED + "], was "
                        + n);
            }
            this.maxTracked = n;
            return this;
        }

        /**
         * The most detections waiting for the watermark at once (default 1,000,000, about 90 MB at ~90 B each — a
         * compact plate read; one kept whole, with a pixel box or tracker id, also holds its {@link Detection}):
         * about 200,000 detections per second of event time at the default 5 s lateness. Above it a detection is
         * refused as {@link Intake#OVER_CAPACITY} until event time moves on and frees entries. 1–1,073,741,824.
         */
        public Builder maxBufferedDetections(int n) {
            if (n < 1 || n > Capacity.MAX_BUFFERED) {
                throw new GeofenceException("maxBufferedDetections must be within [1, " + Capacity.MAX_BUFFERED
                        + "], was " + n);
            }
            this.maxBuffered = n;
            return this;
        }

        /**
         * The most detections one subject may have waiting (default 1,024): at most this many distinct event times,
         * and at most this many detections at one event time; an out-of-order detection's search through its
         * subject's entries visits at most twice this many. It bounds the work per detection (no quadratic path) and
         * keeps one noisy subject from filling the buffer; beyond it a detection is refused as
         * {@link Intake#OVER_CAPACITY}. Raise it only when one subject is really seen more often than this within the
         * allowed lateness. 1–1,048,576.
         */
        public Builder maxBufferedPerSubject(int n) {
            if (n < 1 || n > Capacity.MAX_PER_SUBJECT) {
                throw new GeofenceException("maxBufferedPerSubject must be within [1, " + Capacity.MAX_PER_SUBJECT
                        + "], was " + n);
            }
            this.maxPerSubject = n;
            return this;
        }

        /**
         * How often (in event time) "last seen" changes of started episodes (time, position, camera, plate vote
         * weight) are written to the store together with the watermark. Changes that decide what fires next
         * (phase, rungs, deadlines, anchor, plate shown) are always written at once, so nothing fires twice after a
         * restart. Default 10 s, like a stream processor's commit interval: a parked car seen every second costs
         * one store write per interval, not one per sighting (a database-backed store could not take a write per
         * detection). Restored "last seen" data can then be up to one interval old, unless the host replays its
         * input from {@link EpisodeStore#watermark()} (which makes the restored state exact) or calls
         * {@link GeofenceEngine#checkpoint()} before a planned shutdown. 0 writes every change at once, so the
         * store is exact after every detection without replay, at the cost of a store write per sighting
         * (BENCHMARKS.md has both figures). 0–1 h.
         */
        public Builder checkpointInterval(Duration d) {
            Objects.requireNonNull(d, "checkpointInterval");
            if (d.isNegative() || d.compareTo(Duration.ofHours(1)) > 0) {
                throw new GeofenceException("checkpointInterval must be within [0, 1 h], was " + d);
            }
            this.checkpointInterval = d;
            return this;
        }

        /**
         * How far ahead of the clock ({@link #clock}) an event time may be (default 5 min; 0–24 h). A detection
         * stamped later is {@link Intake#FUTURE}: refused with a problem naming the camera and both times, never
         * buffered or stored, and the watermark does not move — one camera with a wrong clock (or a stamp years
         * ahead) cannot make every other car's detections LATE. {@link GeofenceEngine#advanceTo} beyond it throws,
         * an owner-notice signal beyond it is {@link NoticeOutcome#FUTURE}. Five minutes tolerates a camera that has
         * drifted since its last time sync; a camera sending Beijing time labelled as UTC (8 h ahead) is refused.
         * The clock is read only when an event time passes the last computed limit (one comparison per detection).
         */
        public Builder maxFutureSkew(Duration d) {
            Objects.requireNonNull(d, "maxFutureSkew");
            if (d.isNegative() || d.compareTo(Duration.ofHours(24)) > 0) {
                throw new GeofenceException("maxFutureSkew must be within [0, 24 h], was " + d);
            }
            this.maxFutureSkew = d;
            return this;
        }

        /**
         * The engine; restores started episodes, histories and the watermark from the store.
         *
         * @throws GeofenceException when {@link #episodeIdKey} was not set, the clock reads a time outside
         *         {@link EventTimes}, or the store's watermark is more than {@link #maxFutureSkew} ahead of the clock
         */
        public GeofenceEngine build() {
            if (ids == null) {
                throw new GeofenceException("episodeIdKey is required: set the deployment's secret key of episode ids"
                        + " (at least " + EpisodeIds.MIN_KEY_BYTES + " bytes) with episodeIdKey(key); it must stay the"
                        + " same across restarts");
            }
            if (store == null) {
                store = EpisodeStore.inMemory();
            }
            return new GeofenceEngine(this);
        }
    }
}
