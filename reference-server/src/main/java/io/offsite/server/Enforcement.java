package io.offsite.server;

import io.offsite.cases.CaseLifecycle;
import io.offsite.cases.CaseService;
import io.offsite.cases.penalty.PenaltyCatalogue;
import io.offsite.core.Masks;
import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.FileCase;
import io.offsite.core.effect.MoveWindowStarted;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.effect.VoiceWarning;
import io.offsite.evidence.spi.BlobStore;
import io.offsite.geofence.Batch;
import io.offsite.geofence.CollectingSink;
import io.offsite.geofence.Detection;
import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.Intake;
import io.offsite.notify.Channel;
import io.offsite.notify.EffectNotifier;
import io.offsite.notify.EffectOutcome;
import io.offsite.notify.Outbox;
import io.offsite.notify.Receipt;
import io.offsite.notify.ReceiptOutcome;
import io.offsite.notify.Recipients;
import io.offsite.notify.SimulatedGateway;
import io.offsite.notify.spi.Gateway;
import io.offsite.store.jdbc.JdbcCaseStore;
import io.offsite.store.jdbc.JdbcChainJournals;
import io.offsite.store.jdbc.JdbcEpisodeStore;
import io.offsite.store.jdbc.JdbcOutboxStore;
import io.offsite.store.jdbc.OffsiteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one real job: wiring the libraries. Detections go to the geofence engine (episodes in the database
 * through {@link JdbcEpisodeStore}); its effects go to notify's outbox (owner texts, officer messages, loudspeaker
 * warnings) and to the {@link CaseDesk} (evidence chain + case); the outbox's delivery receipts and dead letters go
 * back to the engine, whose ten-minute window runs from the delivery. {@link #pump()} moves time: timers fire, due
 * messages are sent, simulated receipts arrive. One lock orders every engine call; effects are routed after the
 * engine call that produced them, in the order produced.
 */
final class Enforcement implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Enforcement.class);

    private final ServerClock clock;
    private final OffsiteDatabase db;
    private final Places places;
    private final OpenEpisodes episodes;
    private final GeofenceEngine engine;
    private final CollectingSink decided = new CollectingSink();
    private final Outbox outbox;
    private final List<SimulatedGateway> simulated;
    private final EffectNotifier notifier;
    private final CaseDesk desk;
    private final Premises premises;
    private final ShopFronts shops;
    private final TruckWatch trucks;
    private final CaseService cases;
    private final JdbcCaseStore caseStore;
    private final CaseLifecycle lifecycle;
    private final PenaltyCatalogue catalogue;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.Optional<RecorderFetches> fetches;
    private final List<Consumer<ServerEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Intake, LongAdder> intakes = new EnumMap<>(Intake.class);
    private final Map<String, LongAdder> effectCounts = new ConcurrentHashMap<>();

    /**
     * @param blobs     where evidence bytes (and pushed pictures) are kept
     * @param sms       the SMS gateway (owner texts, officer texts)
     * @param speaker   the camera-speaker gateway that plays loudspeaker warnings (VOICE channel, addressed to the
     *                  camera id)
     * @param simulated the simulated gateways behind {@code sms}/{@code speaker} whose receipts {@link #pump()}
     *                  applies; empty when receipts come from real gateways' callbacks ({@code POST /sms/receipts})
     */
    Enforcement(ServerClock clock, OffsiteDatabase db, Places places, Path dataDir, BlobStore blobs, Gateway sms,
            Gateway speaker, List<SimulatedGateway> simulated, CameraSnapshots cameras, Premises premises,
            String truckPermits, java.util.Optional<CameraSnapshots> recorder) {
        this.clock = clock;
        this.db = db;
        this.places = places;
        for (Intake i : Intake.values()) {
            intakes.put(i, new LongAdder());
        }
        this.episodes = new OpenEpisodes(JdbcEpisodeStore.create(db, "server"));
        if (episodes.watermark() != Long.MIN_VALUE) {
            clock.resumeAt(Instant.ofEpochMilli(episodes.watermark()));
        }
        this.engine = GeofenceEngine.builder(places.registry(), places.directory()).effects(decided).store(episodes)
                .clock(clock).allowedLateness(Duration.ofSeconds(2))
                .episodeIdKey(EpisodeIdKey.load(io.offsite.store.jdbc.JdbcDocuments.create(db), dataDir))
                .zone(CaseDesk.HUANGYAN).build();
        this.simulated = List.copyOf(simulated);
        this.outbox = Outbox.builder(JdbcOutboxStore.create(db)).clock(clock).holder("server-" + ProcessHandle.current().pid())
                .claimOnEnqueue(true) // pump() dispatches every tick, so it sends what it enqueues itself
                .gateway(Channel.SMS, sms).gateway(Channel.VOICE, speaker)
                .listener(new OwnerTexts(engine, this::publish, clock)).build();
        Recipients recipients = Recipients.builder().clock(clock).vehicleRegistry(places.directory())
                .officerDirectory(places.directory()).build();
        this.notifier = EffectNotifier.builder(outbox, recipients).sign("黄岩综合执法")
                .placeNames((fenceId, at) -> places.grid().locate(at).map(l -> l.cell().name()).orElse(fenceId)).build();
        this.catalogue = PenaltyCatalogue.shipped();
        this.lifecycle = CaseLifecycle.builder().build();
        this.caseStore = JdbcCaseStore.create(db);
        this.cases = CaseService.create(lifecycle, caseStore);
        this.premises = premises;
        this.shops = new ShopFronts(places, premises, outbox, this::publish);
        this.desk = new CaseDesk(clock, JdbcChainJournals.create(db), blobs,
                FileSigningKeys.open(dataDir.resolve("keys"), "huangyan-enforcement"), cases, lifecycle, catalogue,
                cameras, outbox::find, places::grid, places::area, this::publish, shops);
        // the recorder's playback is slow: fetched on its own thread, the item added under the lock when it arrives
        this.fetches = recorder.map(r -> new RecorderFetches(r, io.offsite.store.jdbc.JdbcInputJournal.create(db,
                "recorder-fetches"), clock, (job, snapshot) -> locked(() -> desk.addFetched(job, snapshot))));
        fetches.ifPresent(desk::deferTo);
        this.trucks = new TruckWatch(io.offsite.store.jdbc.JdbcDocuments.create(db),
                io.offsite.store.jdbc.JdbcInputJournal.create(db, "trucks"), clock.instant(), dataDir, truckPermits,
                new com.fasterxml.jackson.databind.ObjectMapper(), desk, this::publish);
        // owner signals since the last checkpoint die with a crash (EpisodeStore: durable with the next checkpoint):
        // tell the engine again what the outbox knows — repeats answer DUPLICATE, so this is always safe
        lock.lock();
        try {
            OwnerTexts.resignal(outbox, engine, episodes.snapshot().stream().map(EpisodeState::episodeId).toList());
            route();
        } finally {
            lock.unlock();
        }
    }


    void listen(Consumer<ServerEvent> listener) {
        listeners.add(listener);
    }

    void unlisten(Consumer<ServerEvent> listener) {
        listeners.remove(listener);
    }

    void publish(ServerEvent e) {
        for (Consumer<ServerEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("event listener failed: {}", Masks.exception(ex).getMessage());
            }
        }
    }

    /** Hands a batch to the engine and routes what it decided. */
    Batch submit(List<Detection> detections) {
        lock.lock();
        try {
            Batch b = engine.submitAll(detections);
            for (Intake i : b.intakes()) {
                intakes.get(i).increment();
            }
            route();
            return b;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} on the trucks under the engine lock (findings file cases through the desk). */
    <T> T trucks(java.util.function.Function<TruckWatch, T> work) {
        lock.lock();
        try {
            return work.apply(trucks);
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable work) {
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    Premises premises() {
        return premises;
    }

    /** Files an illegal-building finding as a case (under the engine lock, like every case filing). */
    Optional<String> buildingCase(String key, io.offsite.core.patrol.IllegalBuildingFinding f,
            io.offsite.core.geo.GeoPoint at, String record) {
        lock.lock();
        try {
            return desk.findings().fileBuilding(key, f, at, record);
        } finally {
            lock.unlock();
        }
    }

    /** Moves the engine to the clock's now, sends due messages, applies simulated receipts. */
    void pump() {
        lock.lock();
        try {
            engine.advanceTo(clock.instant());
            trucks.advanceTo(clock.instant());
            route();
            outbox.dispatchDue();
            for (SimulatedGateway sim : simulated) {
                sim.takeReceipts(clock.instant()).forEach(outbox::onReceipt);
            }
            route();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes the texts whose outcome (delivery or dead letter) is older than {@code retention} from the outbox
     * table; returns how many. Outside the engine's lock: the outbox orders its own calls, and no engine state
     * reads a final text.
     */
    int purgeOutbox(Duration retention) {
        return outbox.purgeFinal(clock.instant().minus(retention));
    }

    /** A gateway's delivery callback. */
    ReceiptOutcome receipt(Receipt r) {
        lock.lock();
        try {
            ReceiptOutcome o = outbox.onReceipt(r);
            route();
            return o;
        } finally {
            lock.unlock();
        }
    }

    private void route() {
        for (EnforcementEffect e : decided.takeEffects()) {
            effectCounts.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
            try {
                routeOne(e);
            } catch (RuntimeException ex) {
                LOG.error("effect {} could not be routed: {}", e.idempotencyKey(), Masks.exception(ex).getMessage(), ex);
                publish(new ServerEvent(e.at(), "RoutingFailed", e.episodeId(), e.getClass().getSimpleName() + ": "
                        + Masks.inText(String.valueOf(ex.getMessage()))));
            }
        }
        for (String p : decided.takeProblems()) {
            LOG.warn("geofence: {}", Masks.inText(p));
        }
    }

    private void routeOne(EnforcementEffect e) {
        publish(new ServerEvent(e.at(), e.getClass().getSimpleName(), e.episodeId(), EffectLines.describe(e)));
        if (e instanceof RequestOwnerMove r) {
            desk.ordered(r);
        } else if (e instanceof DispatchOfficer d) {
            desk.dispatched(d);
        }
        if (e instanceof CaptureEvidence ce) {
            desk.capture(ce);
        } else if (e instanceof FileCase f) {
            desk.fileCase(f);
        } else if (!(e instanceof EpisodeResolved) && !(e instanceof MoveWindowStarted)) {
            EffectOutcome o = notifier.handle(e);
            publish(new ServerEvent(e.at(), "Outbox", e.episodeId(), o.kind() + ": " + Masks.inText(o.detail())));
        }
        if (e instanceof VoiceWarning v) {
            shops.warned(v);
        }
    }

    ServerClock clock() {
        return clock;
    }

    Places places() {
        return places;
    }

    OpenEpisodes episodes() {
        return episodes;
    }

    Outbox outbox() {
        return outbox;
    }

    CaseDesk desk() {
        return desk;
    }

    CaseService cases() {
        return cases;
    }

    JdbcCaseStore caseStore() {
        return caseStore;
    }

    CaseLifecycle lifecycle() {
        return lifecycle;
    }

    PenaltyCatalogue catalogue() {
        return catalogue;
    }

    OffsiteDatabase database() {
        return db;
    }

    /** Subjects the engine watches inside fences (before and after the dwell). */
    int trackedSubjects() {
        lock.lock();
        try {
            return engine.trackedSubjects();
        } finally {
            lock.unlock();
        }
    }

    long intakes(Intake i) {
        return intakes.get(i).sum();
    }

    Map<String, Long> effectCounts() {
        Map<String, Long> m = new java.util.TreeMap<>();
        effectCounts.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Checkpoints the engine so the next start resumes from now. */
    @Override
    public void close() {
        fetches.ifPresent(RecorderFetches::close);
        lock.lock();
        try {
            engine.checkpoint();
        } finally {
            lock.unlock();
        }
    }

    /** Recorder fetches queued or in progress (0 without a recorder). */
    int recorderFetchesPending() {
        return fetches.map(RecorderFetches::pending).orElse(0);
    }

    Instant now() {
        return clock.instant();
    }
}
