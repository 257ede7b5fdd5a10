package io.offsite.benchmarks.geofence;

import io.offsite.geofence.GeometryIndex;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.ItemVisitor;
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
 * Point → containing polygons: the OffSite grid index ({@link GeometryIndex}, the engine behind
 * {@code FenceIndex}) against the JTS baseline (STRtree of envelopes + one pre-warmed
 * {@link IndexedPointInAreaLocator} per polygon, counting INTERIOR), same polygons and points, one thread, in the
 * same run. Corpora ({@link IndexCorpora}): 10,000 and 500 star fences over 20 km × 20 km, and the hard shapes.
 * 262,144 points per invocation, at least half of them inside some polygon. Set-up compares the two answers
 * (the full set of containing polygons) on every point and throws if one differs or fewer than half the points
 * are inside. Scores are points per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FenceIndexBenchmark {
    static final int POINTS = 1 << 18;

    @Param({"fences10k", "fences500", "hard"})
    public String corpus;

    @Param({"32"})
    public double cellMeters;

    private double[] xy;
    private GeometryIndex<Integer> index;
    private STRtree tree;
    private final int[] buf = new int[64];
    private final JtsCounter counter = new JtsCounter();

    @Setup
    public void setUp() {
        List<Geometry> shapes = IndexCorpora.corpus(corpus);
        xy = IndexCorpora.points(shapes, POINTS, 7);
        GeometryIndex.Builder<Integer> b = GeometryIndex.<Integer>builder().cellMeters(cellMeters);
        tree = new STRtree();
        for (int i = 0; i < shapes.size(); i++) {
            b.add(i, shapes.get(i));
            tree.insert(shapes.get(i).getEnvelopeInternal(), new Entry(i, new IndexedPointInAreaLocator(shapes.get(i))));
        }
        index = b.build();
        tree.build();
        int inside = agreementCheck();
        double ratio = (double) inside / POINTS;
        System.out.printf("%nCORPUS %s: %d polygons, %d vertices, %d points, inside ratio %.3f (agreement with JTS: all)%n",
                corpus, shapes.size(), IndexCorpora.vertices(shapes), POINTS, ratio);
        if (ratio < 0.5) {
            throw new IllegalStateException("only " + ratio + " of the query points are inside a polygon; need >= 0.5");
        }
    }

    /** Every point: the index's set of containing polygons must equal JTS's. Returns how many points are inside. */
    private int agreementCheck() {
        int inside = 0;
        int[] mine = new int[4096];
        JtsCollector jts = new JtsCollector();
        for (int i = 0; i < POINTS; i++) {
            int n = index.containing(xy[2 * i], xy[2 * i + 1], mine);
            int[] ours = new int[n];
            for (int k = 0; k < n; k++) {
                ours[k] = index.item(mine[k]);
            }
            Arrays.sort(ours);
            jts.reset(xy[2 * i], xy[2 * i + 1]);
            tree.query(jts.env, jts);
            int[] theirs = Arrays.copyOf(jts.hits, jts.n);
            Arrays.sort(theirs);
            if (!Arrays.equals(ours, theirs)) {
                throw new IllegalStateException("index and JTS disagree at (" + xy[2 * i] + ", " + xy[2 * i + 1]
                        + "): " + Arrays.toString(ours) + " vs " + Arrays.toString(theirs));
            }
            if (n > 0) {
                inside++;
            }
        }
        return inside;
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
        JtsCounter v = counter;
        v.hits = 0;
        for (int i = 0; i < POINTS; i++) {
            v.c.x = xy[2 * i];
            v.c.y = xy[2 * i + 1];
            v.env.init(v.c);
            tree.query(v.env, v);
        }
        bh.consume(v.hits);
    }

    record Entry(int id, IndexedPointInAreaLocator locator) {
    }

    /** A reusable STRtree visitor counting INTERIOR answers (no allocation per point). */
    static final class JtsCounter implements ItemVisitor {
        final Coordinate c = new Coordinate();
        final Envelope env = new Envelope();
        int hits;

        @Override
        public void visitItem(Object item) {
            Entry e = (Entry) item;
            if (e.locator.locate(c) == Location.INTERIOR) {
                hits += 1 + e.id;
            }
        }
    }

    /** Collects the ids JTS finds containing one point. */
    static final class JtsCollector implements ItemVisitor {
        final Coordinate c = new Coordinate();
        final Envelope env = new Envelope();
        int[] hits = new int[64];
        int n;

        void reset(double x, double y) {
            c.x = x;
            c.y = y;
            env.init(c);
            n = 0;
        }

        @Override
        public void visitItem(Object item) {
            Entry e = (Entry) item;
            if (e.locator.locate(c) == Location.INTERIOR) {
                if (n == hits.length) {
                    hits = Arrays.copyOf(hits, 2 * n);
                }
                hits[n++] = e.id;
            }
        }
    }
}
