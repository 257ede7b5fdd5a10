package io.offsite.benchmarks.grid;

import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridCell;
import io.offsite.core.grid.GridLevel;
import io.offsite.core.grid.GridLocation;
import io.offsite.testkit.grid.SyntheticGrid;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code Grid.locate} on a generated 5,000-street, four-level grid (20 km × 10 km, jittered quadrilateral
 * streets) against the plain JTS baseline over the same streets: an STRtree of street envelopes plus one
 * {@link IndexedPointInAreaLocator} per street. Both resolve the same 1,048,576 random points, 1,024 per
 * invocation; scores are locates per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class GridLocateBenchmark {
    private static final int BATCH = 1024;
    private static final int POINTS = 1 << 20;

    private Grid grid;
    private STRtree baseline;
    private double[] lons;
    private double[] lats;
    private int cursor;

    /** A street polygon with its prepared JTS locator. */
    private record Indexed(GridCell cell, IndexedPointInAreaLocator locator) {
    }

    @Setup
    public void setUp() {
        List<GridCell> cells = SyntheticGrid.builder().sizeMeters(20_000, 10_000).squadrons(5, 4)
                .areasPerSquadron(4, 2).streetsPerArea(5, 5).generate(new SplittableRandom(42));
        grid = Grid.builder().cells(cells).build();
        baseline = new STRtree();
        for (GridCell c : cells) {
            if (c.level() == GridLevel.STREET) {
                IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(c.polygon());
                loc.locate(c.polygon().getCoordinate()); // build its index now, not in the measurement
                baseline.insert(c.polygon().getEnvelopeInternal(), new Indexed(c, loc));
            }
        }
        baseline.build();
        Envelope env = cells.get(0).polygon().getEnvelopeInternal();
        SplittableRandom r = new SplittableRandom(7);
        lons = new double[POINTS];
        lats = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            lons[i] = env.getMinX() + r.nextDouble() * env.getWidth();
            lats[i] = env.getMinY() + r.nextDouble() * env.getHeight();
        }
        int found = 0;
        for (int i = 0; i < 10_000; i++) {
            Optional<GridLocation> a = grid.locate(lons[i], lats[i]);
            Object b = jts(lons[i], lats[i]);
            if (a.isPresent() != (b != null) || (b != null && a.get().cell() != ((Indexed) b).cell())) {
                throw new IllegalStateException("OffSite and JTS disagree at " + lons[i] + ", " + lats[i]);
            }
            found += a.isPresent() ? 1 : 0;
        }
        if (found < 9_000) {
            throw new IllegalStateException("too few points inside the grid: " + found);
        }
    }

    private Object jts(double lon, double lat) {
        Coordinate c = new Coordinate(lon, lat);
        for (Object o : baseline.query(new Envelope(c))) {
            Indexed ix = (Indexed) o;
            if (ix.locator().locate(c) == Location.INTERIOR) {
                return ix;
            }
        }
        return null;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void offsiteLocate(Blackhole bh) {
        int base = cursor;
        for (int i = 0; i < BATCH; i++) {
            int k = (base + i) & (POINTS - 1);
            bh.consume(grid.locate(lons[k], lats[k]));
        }
        cursor = (base + BATCH) & (POINTS - 1);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void jtsStrTreeIndexedLocator(Blackhole bh) {
        int base = cursor;
        for (int i = 0; i < BATCH; i++) {
            int k = (base + i) & (POINTS - 1);
            bh.consume(jts(lons[k], lats[k]));
        }
        cursor = (base + BATCH) & (POINTS - 1);
    }
}
