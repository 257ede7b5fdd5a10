package io.offsite.benchmarks.geofence;

import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.Detection;
import io.offsite.geofence.EffectSink;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceRegistry;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.Intake;
import io.offsite.geofence.spi.EpisodeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Detections per second through the whole engine — reorder ring, fence index, ladder step, timers and the
 * in-memory episode store — with 100,000 tracked vehicles over the 10,000-fence city ({@link CityTraffic}: half
 * parked in fences, half elsewhere, every reported position jittering by up to ±0.5 m). Each invocation submits
 * one virtual second of traffic (≈ 87,000 detections: every car once, minus the absent ones); detections are
 * built in an untimed per-invocation setup. The first 125 virtual seconds run untimed in the trial setup, so
 * measurement starts when parked cars' episodes turn ACTIVE (owner request at 120 s). Owner texts are reported
 * delivered 2 s after their request once per virtual second (the window then runs from the delivery, so parked
 * cars still reach dispatch 10 min later; the signals are part of the timed work). Score = detections per
 * second (one thread). {@code detections} uses {@link GeofenceEngine#submitAll}, {@code detectionsOneByOne}
 * calls {@code submit} per detection. {@code latenessMs} = 5000 and {@code checkpointMs} = 10000 are the engine
 * defaults; latenessMs 0 shows the cost of the 5 s reordering window, checkpointMs 0 that of writing every
 * "last seen" change to the store at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EndToEndBenchmark {
    static final int VEHICLES = 100_000;
    static final int PREWARM_SECONDS = 125;

    /** Allowed lateness of the reordering buffer, in ms (5 s is the engine default; 0 applies in arrival order). */
    @Param({"5000", "0"})
    public long latenessMs;

    /** Store writes of "last seen" data: 10000 = every 10 s of event time (the library default), 0 = at once. */
    @Param({"10000", "0"})
    public long checkpointMs;

    private GeofenceEngine engine;
    private CityTraffic traffic;
    private final Detection[] batch = new Detection[VEHICLES];
    private final Intake[] intakes = new Intake[VEHICLES];
    private int batchSize;
    private long second;
    private Counter sink;

    @Setup(Level.Trial)
    public void setUp() {
        List<Fence> fences = FenceSets.polygons(10_000, 42);
        traffic = new CityTraffic(fences, VEHICLES, 3);
        engine = GeofenceEngine.builder(FenceRegistry.of(fences), CityTraffic.OFFICERS).store(EpisodeStore.inMemory())
                .clock(CityTraffic.CLOCK)
                .allowedLateness(Duration.ofMillis(latenessMs)).checkpointInterval(Duration.ofMillis(checkpointMs))
                .expectedSubjects(VEHICLES * 2).episodeIdKey(CityTraffic.ID_KEY).build();
        sink = new Counter();
        // run the first PREWARM_SECONDS of traffic untimed, so the measured seconds see ACTIVE episodes
        // (owner requests fire at 120 s) rather than only the start-up tracking phase
        for (int i = 0; i < PREWARM_SECONDS; i++) {
            nextSecond();
            for (int k = 0; k < batchSize; k++) {
                engine.submit(batch[k], sink);
            }
            sink.deliver(engine);
        }
        System.out.printf("%nprewarmed %d virtual seconds: %d tracked subjects, %d effects so far%n",
                PREWARM_SECONDS, engine.trackedSubjects(), sink.effects);
    }

    @Setup(Level.Invocation)
    public void nextSecond() {
        batchSize = traffic.second(second++, batch);
    }

    /** The batch entry point, {@link GeofenceEngine#submitAll}: one virtual second of traffic per call. */
    @Benchmark
    @OperationsPerInvocation(87_143)
    public void detections(Blackhole bh) {
        // 87,143 = average detections per virtual second (100,000 cars, each absent 90 s of every 700 s)
        engine.submitAll(batch, 0, batchSize, intakes, sink);
        sink.deliver(engine);
        bh.consume(intakes[batchSize - 1]);
        bh.consume(sink.effects);
    }

    /** The same traffic through {@link GeofenceEngine#submit(Detection, EffectSink)}, one detection per call. */
    @Benchmark
    @OperationsPerInvocation(87_143)
    public void detectionsOneByOne(Blackhole bh) {
        for (int i = 0; i < batchSize; i++) {
            bh.consume(engine.submit(batch[i], sink));
        }
        sink.deliver(engine);
        bh.consume(sink.effects);
    }

    /**
     * Counts effects and keeps the owner texts to report delivered (a host does so from its outbox's receipts,
     * never from inside the sink); problems would be a bug in this setup, so they fail the run.
     */
    static final class Counter implements EffectSink {
        long effects;
        final List<RequestOwnerMove> texts = new ArrayList<>();

        @Override
        public void effect(EnforcementEffect e) {
            effects++;
            if (e instanceof RequestOwnerMove r) {
                texts.add(r);
            }
        }

        /** Reports every kept owner text delivered 2 s after its request, so its window starts and dispatch follows. */
        void deliver(GeofenceEngine engine) {
            for (int i = 0; i < texts.size(); i++) {
                RequestOwnerMove r = texts.get(i);
                engine.ownerNotified(r.episodeId(), r.at().plusSeconds(2));
            }
            texts.clear();
        }

        @Override
        public void problem(String message) {
            throw new IllegalStateException(message);
        }
    }
}
