package io.offsite.geofence;

import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.core.spi.OfficerDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The settings of a {@link GeofenceEngine}, from {@link GeofenceEngine#builder}; each setter validates at once and
 * names the value and the rule it broke.
 */
public final class GeofenceEngineBuilder {
    final FenceRegistry fences;
    final OfficerDirectory officers;
    EpisodeStore store;
    EffectSink sink;
    Clock clock = Clock.systemUTC();
    Duration lateness = Duration.ofSeconds(5);
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    double legibleConfidence = 0.8;
    double confusableRadiusMeters = 1.0;
    double plateReviewMargin = 1.0;
    EpisodeIds ids;
    int expectedSubjects = 1024;
    int maxTracked = Capacity.DEFAULT_TRACKED;
    int maxBuffered = Capacity.DEFAULT_BUFFERED;
    int maxPerSubject = Capacity.DEFAULT_PER_SUBJECT;
    Duration checkpointInterval = Duration.ofSeconds(10);
    Duration maxFutureSkew = Duration.ofMinutes(5);

    GeofenceEngineBuilder(FenceRegistry fences, OfficerDirectory officers) {
        this.fences = Objects.requireNonNull(fences, "fences");
        this.officers = Objects.requireNonNull(officers, "officers");
    }

    /**
     * Where every effect and problem goes (required): the one sink of this engine. Effects are decided when the
     * watermark passes the detections that caused them — often during a later {@code submit} or a {@code tick}
     * — so no call returns effects; they all stream here, in event-time order, on the engine's thread. The sink
     * must not call back into the engine (queue owner-notice signals and submit them after the call returns).
     * {@link CollectingSink} collects them for tests and simple hosts.
     */
    public GeofenceEngineBuilder effects(EffectSink sink) {
        this.sink = Objects.requireNonNull(sink, "effects");
        return this;
    }

    /** Where episodes are persisted (default: a fresh {@link EpisodeStore#inMemory()}). */
    public GeofenceEngineBuilder store(EpisodeStore s) {
        this.store = Objects.requireNonNull(s, "store");
        return this;
    }

    /**
     * The clock {@link GeofenceEngine#tick()} reads and event times are checked against (default: system UTC).
     * Set it to the cameras' time base when replaying or simulating: with the system clock, a tick moves the
     * watermark to now, and detections stamped earlier than that are LATE — the engine then warns once and
     * reports it through {@link GeofenceEngine#clockSkew()}.
     */
    public GeofenceEngineBuilder clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /** How late (in event time) a detection may arrive and still be applied in order; 0–1 h. */
    public GeofenceEngineBuilder allowedLateness(Duration d) {
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
    public GeofenceEngineBuilder zone(ZoneId z) {
        this.zone = Objects.requireNonNull(z, "zone");
        return this;
    }

    /** Plate confidence at or above which a read counts as legible for evidence (default 0.8). */
    public GeofenceEngineBuilder legiblePlateConfidence(double c) {
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
    public GeofenceEngineBuilder confusableRadiusMeters(double m) {
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
    public GeofenceEngineBuilder episodeIdKey(byte[] key) {
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
    public GeofenceEngineBuilder plateReviewMargin(double margin) {
        if (!(margin >= 0 && margin <= 100)) {
            throw new GeofenceException("plateReviewMargin must be within [0, 100], was " + margin);
        }
        this.plateReviewMargin = margin;
        return this;
    }

    /** Capacity hint for the number of concurrently tracked subjects. */
    public GeofenceEngineBuilder expectedSubjects(int n) {
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
    public GeofenceEngineBuilder maxTrackedSubjects(int n) {
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
    public GeofenceEngineBuilder maxBufferedDetections(int n) {
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
    public GeofenceEngineBuilder maxBufferedPerSubject(int n) {
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
     * (phase, rungs, deadlines, anchor, plate shown) are always handed to the store at once (a buffering store
     * commits them at its {@link EpisodeStore#flush()}: at each checkpoint and at the end of a call that started an
     * episode), so nothing fires twice after a restart. Default 10 s, like a stream processor's commit interval: a parked car seen every second costs
     * one store write per interval, not one per sighting (a database-backed store could not take a write per
     * detection). Restored "last seen" data can then be up to one interval old, unless the host replays its
     * input from {@link EpisodeStore#watermark()} (which makes the restored state exact) or calls
     * {@link GeofenceEngine#checkpoint()} before a planned shutdown. 0 writes every change at once, so the
     * store is exact after every detection without replay, at the cost of a store write per sighting
     * (BENCHMARKS.md has both figures). 0–1 h.
     */
    public GeofenceEngineBuilder checkpointInterval(Duration d) {
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
    public GeofenceEngineBuilder maxFutureSkew(Duration d) {
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
     * @throws GeofenceException when {@link #episodeIdKey} or {@link #effects} was not set, the clock reads a time outside
     *         {@link EventTimes}, or the store's watermark is more than {@link #maxFutureSkew} ahead of the clock
     */
    public GeofenceEngine build() {
        if (ids == null) {
            throw new GeofenceException("episodeIdKey is required: set the deployment's secret key of episode ids"
                    + " (at least " + EpisodeIds.MIN_KEY_BYTES + " bytes) with episodeIdKey(key); it must stay the"
                    + " same across restarts");
        }
        if (sink == null) {
            throw new GeofenceException("effects(sink) is required: the engine's one sink of effects and problems"
                    + " (e.g. new CollectingSink() or EffectSink.of(effect -> ..., problem -> ...))");
        }
        if (store == null) {
            store = EpisodeStore.inMemory();
        }
        return new GeofenceEngine(this);
    }
}
