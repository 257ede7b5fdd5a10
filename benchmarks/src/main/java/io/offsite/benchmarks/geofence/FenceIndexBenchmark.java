package io.offsite.benchmarks.geofence;

import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceIndex;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Point → fences lookup: the OffSite grid index versus STRtree + IndexedPointInAreaLocator (the JTS
 * baseline), same fences (10,000 polygons, 10–40 vertices, 20–200 m across, 20 km × 20 km) and the same
 * 1,000,000 uniform random points, one thread. Scores are points per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FenceIndexBenchmark {
    static final int POINTS = 1_000_000;

    @Param({"32"})
    public double cellMeters;

    private double[] xy;
    private FenceIndex index;
    private STRtree tree;
    private final int[] buf = new int[64];

    @Setup
    public void setUp() {
        List<Fence> fences = FenceSets.polygons(10_000, 42);
        xy = FenceSets.points(POINTS, 7);
        index = FenceIndex.of(fences, cellMeters);
        tree = new STRtree();
        for (Fence f : fences) {
            tree.insert(f.area().getEnvelopeInternal(), new Entry(f, new IndexedPointInAreaLocator(f.area())));
        }
        tree.build();
        // warm every lazily built locator so the baseline is measured at its best
        for (Object o : tree.itemsTree()) {
            warm(o);
        }
    }

    private static void warm(Object o) {
        if (o instanceof Entry e) {
            e.locator.locate(e.fence.area().getCoordinate());
        } else if (o instanceof List<?> l) {
            for (Object x : l) {
                warm(x);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public void gridIndex(Blackhole bh) {
        int hits = 0;
        for (int i = 0; i < POINTS; i++) {
            int n = index.containing(xy[2 * i], xy[2 * i + 1], buf);
            hits += n;
            if (n > 0) {
                hits += buf[0];
            }
        }
        bh.consume(hits);
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public void jtsStrTreeIndexedLocator(Blackhole bh) {
        int[] hits = new int[1];
        Coordinate c = new Coordinate();
        Envelope env = new Envelope();
        for (int i = 0; i < POINTS; i++) {
            c.x = xy[2 * i];
            c.y = xy[2 * i + 1];
            env.init(c);
            tree.query(env, item -> {
                Entry e = (Entry) item;
                if (e.locator.locate(c) == Location.INTERIOR) {
                    hits[0]++;
                }
            });
        }
        bh.consume(hits[0]);
    }

    record Entry(Fence fence, IndexedPointInAreaLocator locator) {
    }
}
