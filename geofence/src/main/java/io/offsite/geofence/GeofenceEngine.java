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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs detections through the fence index, the per-subject escalation ladder and the timers, and reports
 * effects. Order-independent within the allowed lateness: detections wait in a reorder ring and are applied in
 * event-time order (same-time detections of one subject in content order) once the watermark ({@code latest event time − allowed lateness}, or the supplied clock's
 * time − allowed lateness on {@link #tick()}) passes them; a detection older than the watermark is returned as
 * {@link Intake#LATE} and ignored; an exact duplicate is {@link Intake#DUPLICATE}; one stamped more than
 * {@link GeofenceEngineBuilder#maxFutureSkew} ahead of the clock is {@link Intake#FUTURE} and refused, so no single event can move
 * the watermark ahead of everyone else's. Deadlines (gap tolerance,
 * end of a fence's active period) fire by event time. Every change of a started
 * episode that decides what fires next is written to the {@link EpisodeStore} at once, "last seen" changes at
 * checkpoints ({@link GeofenceEngineBuilder#checkpointInterval(Duration)}); a new engine built on the same store resumes where
 * the old one stopped (hosts replay input from the store's watermark), and overdue deadlines fire exactly once.
 *
 * <p>Bounded: at most {@link GeofenceEngineBuilder#maxTrackedSubjects} subjects, {@link GeofenceEngineBuilder#maxBufferedDetections} detections
 * waiting for the watermark and {@link GeofenceEngineBuilder#maxBufferedPerSubject} per subject; a detection that would need
 * memory beyond a cap is refused as {@link Intake#OVER_CAPACITY} (reported to the sink, counted in
 * {@link #refusedDetections()}), while subjects already tracked keep being processed.
 *
 * <p>Effects: every effect and problem goes to the one sink set on the builder
 * ({@link GeofenceEngineBuilder#effects}), in event-time order — whichever call happens to apply it. A detection's
 * effects are decided when the watermark passes it, usually during a later {@link #submit} or a {@link #tick()},
 * so no call returns effects; calls return what happened to their input ({@link Intake}, {@link Batch},
 * {@link NoticeResult}). The sink runs on the engine's thread and must not call back into the engine.
 *
 * <p>Clock: {@link #tick()} moves event time to the builder's clock (default: system UTC). When that clock is far
 * ahead of the cameras' event times (an engine built without {@code .clock(…)} replaying past traffic), detections
 * become {@link Intake#LATE}: the engine then logs one SLF4J warning per such disagreement and reports it through
 * {@link #clockSkew()} and {@link #clockLateDetections()}.
 *
 * <p>Single-threaded: confine one engine to one thread (shard by subject for more). The fence set may change
 * concurrently through the {@link FenceRegistry}.
 */
public final class GeofenceEngine {
    private static final Logger LOG = LoggerFactory.getLogger(GeofenceEngine.class);
    private final FenceRegistry fences;
    private final EngineHistory history;
    private final TimerService timers;
    private final TrackTable tracks;
    private final StoreWriter writer;
    private final PendingRing pending;
    private final Capacity caps;
    private final NoticeDesk notices;
    private final LateWarning lateWarning = new LateWarning(LOG::warn);
    /** Intake of detections, the reorder ring's timers and the watermark. */
    private final Reception reception;
    /** The one sink of effects and problems ({@link GeofenceEngineBuilder#effects}). */
    final EffectSink sink;

    GeofenceEngine(GeofenceEngineBuilder b) {
        fences = b.fences;
        sink = b.sink;
        EpisodeStore store = b.store;
        history = new EngineHistory(b.zone, store);
        timers = TimerService.create(b.expectedSubjects);
        tracks = new TrackTable(b.expectedSubjects);
        pending = new PendingRing(Math.min(b.expectedSubjects, b.maxBuffered));
        caps = new Capacity(b.maxTracked, b.maxBuffered, b.maxPerSubject);
        writer = new StoreWriter(store, b.checkpointInterval.toMillis());
        NoticeIndex awaiting = new NoticeIndex();
        SubjectStep step = new SubjectStep(b.officers, history, writer, awaiting, b.legibleConfidence, b.zone,
                b.confusableRadiusMeters, b.ids, b.plateReviewMargin);
        step.sink(b.sink);
        notices = new NoticeDesk(awaiting, tracks, step);
        Applier applier = new Applier(fences, history, timers, tracks, pending, step);
        long watermark = store.watermark();
        reception = new Reception(fences, history, timers, tracks, pending, caps, applier, writer, b.sink,
                new SkewGuard(b.clock, b.maxFutureSkew), lateWarning, b.lateness.toMillis(), watermark);
        if (watermark != Long.MIN_VALUE && reception.isFuture(watermark)) {
            throw new GeofenceException("the store's watermark " + reception.why(watermark) + ": a detection from the"
                    + " future moved it (before future event times were refused), or the clock is wrong; correct the"
                    + " clock, or reset the store's watermark (EpisodeStore.putWatermark) and replay the input from a"
                    + " known time");
        }
        applier.restore(store.episodes());
        caps.warnAtStart(tracks.size(), LOG);
    }

    /** Starts an engine over a live fence set and an officer directory. */
    public static GeofenceEngineBuilder builder(FenceRegistry fences, OfficerDirectory officers) {
        return new GeofenceEngineBuilder(fences, officers);
    }

    /**
     * Submits one detection and returns what happened to it; the effects it causes reach the builder's sink when
     * the watermark passes it (during this or a later call). Allocation-light hot path. A detection more than
     * {@link GeofenceEngineBuilder#maxFutureSkew} ahead of the clock is {@link Intake#FUTURE}: nothing changes, and
     * the sink gets a problem naming the camera and both times.
     */
    public Intake submit(Detection d) {
        Objects.requireNonNull(d, "detection");
        Intake in = reception.submitOne(d);
        writer.endOfCall();
        return in;
    }

    /**
     * Submits a batch in order, exactly like calling {@link #submit(Detection)} for each, and returns each one's
     * {@link Intake}. Faster for a batch (as a message consumer receives them): the subjects of the next few
     * detections are looked up ahead, so their memory loads overlap instead of waiting one after another; one
     * intake array per call. A null element is refused before anything is submitted.
     *
     * @throws GeofenceException when an element is null (naming its index); nothing was submitted
     */
    public Batch submitAll(List<Detection> batch) {
        Objects.requireNonNull(batch, "batch");
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            if (batch.get(i) == null) {
                throw new GeofenceException("submitAll: batch element " + i + " is null; nothing of the batch of " + n
                        + " was submitted");
            }
        }
        Intake[] intakes = reception.submitAll(batch);
        writer.endOfCall();
        return new Batch(intakes);
    }

    /**
     * Declares that event time has reached {@code now}: applies everything older than {@code now − lateness}.
     *
     * @throws GeofenceException when {@code now} is outside {@link EventTimes} or more than
     *         {@link GeofenceEngineBuilder#maxFutureSkew} ahead of the clock (the watermark does not move)
     */
    public void advanceTo(Instant now) {
        long ms = EventTimes.millis(now, "advanceTo: now");
        if (reception.isFuture(ms)) {
            throw new GeofenceException("advanceTo: now " + reception.why(ms) + "; refused, the watermark stays at "
                    + reception.watermarkText());
        }
        reception.advanceMillis(ms);
        writer.endOfCall();
    }

    /**
     * The host's signal that the owner was told: the owner text of {@code episodeId} was delivered at
     * {@code deliveredAt} (the gateway's delivery receipt, e.g. from the outbox's {@code onDelivered}). The move
     * window runs from this time: the next rung (the officer dispatch) falls due at {@code deliveredAt} + the
     * window and fires on the first sighting at or after it; {@link io.offsite.core.effect.MoveWindowStarted} is
     * returned. Handed to the store at once and made durable with the next checkpoint: after a crash the host
     * signals again every delivery it knows about (see {@link EpisodeStore}). Races are outcomes: {@link NoticeOutcome#UNKNOWN_EPISODE},
     * {@link NoticeOutcome#DUPLICATE}, {@link NoticeOutcome#TOO_LATE} (after the delivery wait or after the owner
     * was judged unreachable), {@link NoticeOutcome#BEFORE_REQUEST}.
     */
    public NoticeResult ownerNotified(String episodeId, Instant deliveredAt) {
        Objects.requireNonNull(episodeId, "episodeId");
        long at = EventTimes.millis(deliveredAt, "ownerNotified(" + episodeId + "): deliveredAt");
        if (reception.isFuture(at)) {
            return future(episodeId, "delivery", at);
        }
        NoticeResult r = notices.signal(episodeId, true, at, null, fences.snapshot());
        return r;
    }

    /**
     * The host's signal that the owner could not be told at {@code at} (the text was dead-lettered, or there is
     * no recipient): the officer is sent on the first sighting at or after {@code at} with the reason "owner could
     * not be told ({@code reason})" for on-site handling, and the evidence request says no off-site case may rest on
     * the text. Outcomes as for {@link #ownerNotified}; a blank reason is refused. Durable with the next checkpoint,
     * as {@link #ownerNotified}: after a crash the host signals again every dead-lettered text it knows about.
     */
    public NoticeResult ownerUnreachable(String episodeId, Instant at, String reason) {
        Objects.requireNonNull(episodeId, "episodeId");
        long ms = EventTimes.millis(at, "ownerUnreachable(" + episodeId + "): at");
        if (reason == null || reason.isBlank()) {
            throw new GeofenceException("ownerUnreachable(" + episodeId + "): reason must be non-blank, was "
                    + (reason == null ? "null" : "\"" + reason + "\""));
        }
        if (reception.isFuture(ms)) {
            return future(episodeId, "unreachable signal", ms);
        }
        NoticeResult r = notices.signal(episodeId, false, ms, reason, fences.snapshot());
        return r;
    }

    private NoticeResult future(String episodeId, String what, long at) {
        return new NoticeResult(NoticeOutcome.FUTURE, "episode " + episodeId + ": " + what + " at " + reception.why(at)
                + "; ignored, the episode keeps waiting");
    }

    /**
     * Advances event time to the builder's clock (fires deadlines when no detections arrive); the effects stream
     * into the builder's sink.
     *
     * @throws GeofenceException when the clock reads a time outside {@link EventTimes}
     */
    public void tick() {
        reception.tick();
        writer.endOfCall();
    }

    /**
     * The current disagreement between the engine's clock and the cameras' event times — detections judged
     * {@link Intake#LATE} because a {@link #tick()} or {@link #advanceTo} moved the watermark past them — or empty
     * when there is none (no such LATE detection since the last accepted one). Logged once per disagreement.
     */
    public Optional<ClockSkew> clockSkew() {
        return Optional.ofNullable(lateWarning.current());
    }

    /** Number of detections judged LATE because of the engine's clock since this engine was built (monitoring). */
    public long clockLateDetections() {
        return lateWarning.total();
    }

    /**
     * Every detection before this event time has been applied; older ones are {@link Intake#LATE}. Empty until the
     * first detection or {@link #advanceTo}/{@link #tick()} (or the store's watermark on restart).
     */
    public Optional<Instant> watermark() {
        long wm = reception.watermark;
        return wm == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(wm));
    }

    /**
     * Number of subjects with buffered detections or open states, plus idle ones not yet released (an idle
     * subject is released when it is still idle 30 s of event time after it went idle).
     */
    public int trackedSubjects() {
        return tracks.size();
    }

    /**
     * Number of detections waiting for the watermark, as counted against {@link GeofenceEngineBuilder#maxBufferedDetections}: reorder
     * ring entries not yet reclaimed (an applied entry is reclaimed once every older one is) plus same-time
     * detections sharing an entry (monitoring).
     */
    public long bufferedDetections() {
        return reception.buffered();
    }

    /** Number of detections refused as {@link Intake#OVER_CAPACITY} since this engine was built (monitoring). */
    public long refusedDetections() {
        return caps.refused();
    }

    /** Work done by same-time searches and group operations so far (entries visited plus comparisons). */
    long searchWork() {
        return pending.searchSteps + pending.steps;
    }

    /** Number of pending timer entries: episode deadlines and detections waiting for the watermark (monitoring). */
    public int pendingDeadlines() {
        return timers.size();
    }

    /** Number of subjects without a track whose repeat/notice counts are still kept (monitoring). */
    public int rememberedSubjects() {
        return history.releasedSubjects();
    }

    /** A copy of every current episode state (tracking, active and done); for tests. */
    List<EpisodeState> episodes() {
        List<EpisodeState> out = new ArrayList<>();
        for (Track t : tracks.all()) {
            for (int i = 0; i < t.episodeCount; i++) {
                out.add(t.episode(i));
            }
        }
        return out;
    }

    /**
     * Writes every pending "last seen" change and the watermark to the store now (call before a planned
     * shutdown; between checkpoints the store lags by at most the checkpoint interval, see
     * {@link GeofenceEngineBuilder#checkpointInterval(Duration)}).
     */
    public void checkpoint() {
        writer.checkpoint(reception.watermark);
    }

}
