package io.offsite.benchmarks.geofence;

import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.MoveWindowStarted;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.Batch;
import io.offsite.geofence.Detection;
import io.offsite.geofence.EffectSink;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceRegistry;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.Intake;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.store.jdbc.JdbcEpisodeStore;
import io.offsite.store.jdbc.OffsiteDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Detections per second through the whole engine — reorder ring, fence index, ladder step, timers, owner-notice
 * signals and the in-memory episode store — with the engine's default settings (5 s lateness, 10 s checkpoints,
 * parking ladder: text at 2 min, dispatch and evidence 10 min after the delivery) over the 10,000-fence city and
 * {@value #VEHICLES} cars of {@link CityTraffic}'s mix (some stay past dwell + window, some leave inside the
 * window, short stops, cars elsewhere), each seen every 5–30 s, delivered in arrival order with per-camera
 * latencies of 0–4 s (so event times arrive out of order, within the lateness). One invocation submits the next
 * {@value #BATCH} detections (built untimed); the first {@value #PREWARM_MINUTES} virtual minutes run untimed in
 * the trial set-up (through {@link GeofenceEngine#submitAll}, {@value #BATCH} at a time), so the measured traffic sees every phase of an episode, dispatches included. Owner texts are
 * reported delivered 2 s after their request after each invocation (timed, as a host's receipts would arrive).
 * {@code detections} hands each invocation's detections to {@link GeofenceEngine#submitAll}, {@code detectionsOneByOne}
 * calls {@link GeofenceEngine#submit} per detection. Score = detections per second (one thread); the auxiliary
 * counters are effects per second by type. The trial fails (at tear-down) if no dispatch, no evidence request or no
 * episode ending happened in the measured traffic, or if any detection was not accepted.
 *
 * <p>{@code store}: {@code memory} is the in-memory episode store; {@code h2} is {@link JdbcEpisodeStore} on an
 * embedded H2 file ({@link OffsiteDatabase#embedded}, in a temporary directory), written in one batched transaction
 * at each of the engine's default 10 s checkpoints (owner signals included) and at the end of each engine call that
 * started an episode. The tear-down also checks that the H2 store holds the engine's started episodes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EndToEndBenchmark {
    static final int VEHICLES = 300_000;
    static final int BATCH = 16_384;
    static final int PREWARM_MINUTES = 15;

    /** The episode store: {@code memory} or {@code h2} (JdbcEpisodeStore on an embedded H2 file). */
    @Param({"memory", "h2"})
    public String store;

    private GeofenceEngine engine;
    private OffsiteDatabase database;
    private JdbcEpisodeStore jdbcStore;
    private Path dataDir;
    private CityTraffic traffic;
    private final Detection[] batch = new Detection[BATCH];
    private final List<Detection> batchList = Arrays.asList(batch);
    private final Counter sink = new Counter();
    /** Detections of the timed part of the trial (after the prewarm) that were not accepted. */
    private long notAccepted;

    /** Effects per second by type (JMH auxiliary counters, reset each iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Effects {
        public long ownerTexts;
        public long windowsStarted;
        public long dispatches;
        public long evidenceRequests;
        public long episodesEnded;

        @Setup(Level.Iteration)
        public void clean() {
            ownerTexts = 0;
            windowsStarted = 0;
            dispatches = 0;
            evidenceRequests = 0;
            episodesEnded = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<Fence> fences = FenceSets.polygons(10_000, 42);
        traffic = new CityTraffic(fences, VEHICLES, 3);
        EpisodeStore episodes = EpisodeStore.inMemory();
        if (store.equals("h2")) {
            dataDir = Files.createTempDirectory("offsite-bench-h2");
            database = OffsiteDatabase.embedded(dataDir);
            jdbcStore = JdbcEpisodeStore.create(database, "bench");
            episodes = jdbcStore;
        }
        engine = GeofenceEngine.builder(FenceRegistry.of(fences), CityTraffic.OFFICERS).effects(sink)
                .store(episodes).clock(CityTraffic.CLOCK)
                .expectedSubjects(VEHICLES).episodeIdKey(CityTraffic.ID_KEY).build();
        long prewarmMs = PREWARM_MINUTES * 60_000L;
        long n = 0;
        while (traffic.headMillis() < prewarmMs) {
            traffic.fill(batch, BATCH);
            Batch b = engine.submitAll(batchList);
            if (b.count(Intake.ACCEPTED) != BATCH) {
                throw new IllegalStateException("prewarm: " + (BATCH - b.count(Intake.ACCEPTED))
                        + " detections of a batch were not accepted");
            }
            sink.deliver(engine);
            n += BATCH;
        }
        System.out.printf("%nprewarmed %d virtual minutes (%d detections): %d tracked subjects; effects so far: %s%n",
                PREWARM_MINUTES, n, engine.trackedSubjects(), sink);
        sink.reset();
    }

    @Setup(Level.Invocation)
    public void nextBatch() {
        traffic.fill(batch, BATCH);
    }

    /** The batch entry point, {@link GeofenceEngine#submitAll}: {@value #BATCH} detections per call. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void detections(Effects fx, Blackhole bh) {
        Batch b = engine.submitAll(batchList);
        notAccepted += BATCH - b.count(Intake.ACCEPTED);
        sink.deliver(engine);
        sink.drainInto(fx);
        bh.consume(b);
    }

    /** The same traffic through {@link GeofenceEngine#submit}, one detection per call. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void detectionsOneByOne(Effects fx) {
        int accepted = 0;
        for (Detection d : batch) {
            if (engine.submit(d) == Intake.ACCEPTED) {
                accepted++;
            }
        }
        notAccepted += BATCH - accepted;
        sink.deliver(engine);
        sink.drainInto(fx);
    }

    /** Fails the trial when the measured traffic did not exercise the whole ladder. */
    @TearDown(Level.Trial)
    public void verify() {
        long dispatches = sink.total[0];
        long evidence = sink.total[1];
        long resolved = sink.total[2];
        System.out.printf("%nmeasured traffic (warm-up and measurement): %d dispatches, %d evidence requests, %d episodes"
                + " ended, %d detections not accepted; virtual time reached %s%n", dispatches, evidence, resolved,
                notAccepted, CityTraffic.START.plusMillis(traffic.headMillis()));
        if (dispatches == 0 || evidence == 0 || resolved == 0 || notAccepted != 0) {
            throw new IllegalStateException("the measured traffic did not exercise the ladder (dispatches " + dispatches
                    + ", evidence " + evidence + ", ended " + resolved + ") or refused detections (" + notAccepted + ")");
        }
        if (jdbcStore != null) {
            engine.checkpoint();
            int stored = jdbcStore.episodes().size();
            System.out.printf("H2 store: %d flushes, %d started episodes stored%n", jdbcStore.flushes(), stored);
            database.close();
            deleteTree(dataDir);
            if (stored == 0) {
                throw new IllegalStateException("the H2 store holds no episode: the benchmark did not exercise it");
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /**
     * The engine's sink: counts effects by type and keeps the owner texts to report delivered (as a host does from
     * its outbox's receipts, after the engine call, never from inside the sink); a problem fails the run.
     */
    static final class Counter implements EffectSink {
        long texts;
        long windows;
        long dispatches;
        long evidence;
        long resolved;
        private final List<RequestOwnerMove> toDeliver = new ArrayList<>();

        @Override
        public void effect(EnforcementEffect e) {
            if (e instanceof RequestOwnerMove r) {
                texts++;
                toDeliver.add(r);
            } else if (e instanceof MoveWindowStarted) {
                windows++;
            } else if (e instanceof DispatchOfficer) {
                dispatches++;
            } else if (e instanceof CaptureEvidence) {
                evidence++;
            } else if (e instanceof EpisodeResolved) {
                resolved++;
            }
        }

        @Override
        public void problem(String message) {
            throw new IllegalStateException(message);
        }

        /** Reports every kept owner text delivered 2 s after its request: its window starts there. */
        void deliver(GeofenceEngine engine) {
            for (int i = 0; i < toDeliver.size(); i++) {
                RequestOwnerMove r = toDeliver.get(i);
                engine.ownerNotified(r.episodeId(), r.at().plusSeconds(2));
            }
            toDeliver.clear();
        }

        /** Moves the counts into the iteration's auxiliary counters (keeping trial totals in the benchmark). */
        void drainInto(Effects fx) {
            fx.ownerTexts += texts;
            fx.windowsStarted += windows;
            fx.dispatches += dispatches;
            fx.evidenceRequests += evidence;
            fx.episodesEnded += resolved;
            total[0] += dispatches;
            total[1] += evidence;
            total[2] += resolved;
            reset();
        }

        final long[] total = new long[3];

        void reset() {
            texts = 0;
            windows = 0;
            dispatches = 0;
            evidence = 0;
            resolved = 0;
        }

        @Override
        public String toString() {
            return texts + " owner texts, " + windows + " windows started, " + dispatches + " dispatches, " + evidence
                    + " evidence requests, " + resolved + " episodes ended";
        }
    }
}
