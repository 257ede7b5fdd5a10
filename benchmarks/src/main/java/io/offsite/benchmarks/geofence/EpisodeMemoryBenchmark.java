package io.offsite.benchmarks.geofence;

import io.offsite.geofence.Detection;
import io.offsite.geofence.EffectSink;
import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceRegistry;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.geofence.spi.SubjectHistory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bytes of heap per active episode, measured as a heap delta: the setup builds an engine, forces GC, reads used
 * heap, drives {@code episodes} parked cars (one per fence interior point) past the dwell time so each holds an
 * ACTIVE episode with its owner request sent, reports each text delivered (the steady state of a parked car: its
 * window runs from the delivery; an episode awaiting delivery costs ~24 B more in the engine's notice index for
 * the seconds until its receipt), with nothing buffered, forces GC again and divides the growth by the number of
 * active episodes. It prints {@code BYTES_PER_EPISODE store=... value} lines. The store is
 * either a no-op (engine state only) or the in-memory store (engine plus a second map holding the states). The
 * timed method is a trivial read so JMH has something to run; the figure of interest is the printed line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EpisodeMemoryBenchmark {
    @Param({"none", "inMemory"})
    public String store;

    @Param({"200000"})
    public int episodes;

    private GeofenceEngine engine;
    private double bytesPerEpisode;

    @Setup
    public void measure() {
        List<Fence> fences = FenceSets.polygons(10_000, 42);
        double[] lon = new double[episodes];
        double[] lat = new double[episodes];
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < episodes; i++) {
            org.locationtech.jts.geom.Point p = fences.get(r.nextInt(fences.size())).area().getInteriorPoint();
            lon[i] = p.getX();
            lat[i] = p.getY();
        }
        io.offsite.geofence.CameraId cam = io.offsite.geofence.CameraId.of("33100300001320000001");
        List<io.offsite.core.effect.RequestOwnerMove> texts = new java.util.ArrayList<>();
        EffectSink sink = EffectSink.of(e -> {
            if (e instanceof io.offsite.core.effect.RequestOwnerMove text) {
                texts.add(text);
            }
        }, p -> {
            throw new IllegalStateException(p);
        });
        GeofenceEngine e = GeofenceEngine.builder(FenceRegistry.of(fences), CityTraffic.OFFICERS).effects(sink)
                .clock(CityTraffic.CLOCK)
                .store("none".equals(store) ? new NoStore() : EpisodeStore.inMemory())
                .allowedLateness(Duration.ZERO).expectedSubjects(episodes).episodeIdKey(CityTraffic.ID_KEY).build();
        long before = usedAfterGc();
        for (long sec : new long[] {0, 50, 100, 125}) {
            for (int i = 0; i < episodes; i++) {
                e.submit(Detection.builder(cam, CityTraffic.START.plusSeconds(sec).plusMillis((long) i * 1000 / episodes))
                        .plate(String.format("浙J%06d", i), 0.93).at(lon[i], lat[i]).build());
            }
        }
        e.advanceTo(CityTraffic.START.plusSeconds(127));
        for (io.offsite.core.effect.RequestOwnerMove text : texts) {
            e.ownerNotified(text.episodeId(), text.at().plusSeconds(2));
        }
        long delivered = texts.size();
        texts.clear();
        long active = delivered; // each owner text is one episode turned ACTIVE, none has ended (all still parked)
        long after = usedAfterGc();
        engine = e;
        bytesPerEpisode = (after - before) / (double) active;
        System.out.printf("%nBYTES_PER_EPISODE store=%s activeEpisodes=%d delivered=%d heapDelta=%d bytesPerEpisode=%.1f%n",
                store, active, delivered, after - before, bytesPerEpisode);
    }

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    @Benchmark
    public double readFigure() {
        return bytesPerEpisode + engine.trackedSubjects();
    }

    /** Keeps nothing: isolates the engine's own memory. */
    static final class NoStore implements EpisodeStore {
        @Override
        public void put(EpisodeState state) {
        }

        @Override
        public void remove(String fenceId, String subject) {
        }

        @Override
        public Collection<EpisodeState> episodes() {
            return List.of();
        }

        @Override
        public void putHistory(SubjectHistory history) {
        }

        @Override
        public Collection<SubjectHistory> histories() {
            return List.of();
        }

        @Override
        public void putWatermark(long watermark) {
        }

        @Override
        public long watermark() {
            return Long.MIN_VALUE;
        }
    }
}
