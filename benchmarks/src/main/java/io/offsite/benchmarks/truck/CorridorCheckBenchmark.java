package io.offsite.benchmarks.truck;

import io.offsite.core.geo.GeoPoint;
import io.offsite.geofence.truck.TruckFinding;
import io.offsite.geofence.truck.TruckFindingKind;
import io.offsite.geofence.truck.TruckMonitor;
import io.offsite.geofence.truck.TruckPosition;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

/**
 * Positions per second through {@link TruckMonitor#accept(TruckPosition)} on one thread: 500 trucks, 50 route
 * corridors, each truck permitted 1–3 ({@link TruckFleet}); every truck reports every 10 s of event time (the 500
 * reports of a round staggered over 10 s), 10 % of the reports off the truck's corridors (one 3-minute detour per
 * 2-hour lap, which must give one OFF_CORRIDOR finding, and single-report spikes, which must not).
 *
 * <p>{@code acceptLap}: one invocation is one lap (720 rounds × 500 reports = 360,000 positions); the lap's
 * {@link TruckPosition}s (times advancing lap after lap) are built before it, outside the measurement, so the
 * score is {@code accept} alone. {@code decodeAndAccept}: one invocation is one round of 500 reports, each
 * {@link TruckPosition} built inside the measurement (as a host decoding JT/T 808 would). Findings (each with its
 * SHA-256 track extract) are counted by the sink and returned to JMH; set-up checks that one lap gives one
 * OFF_CORRIDOR per truck and nothing else, and each iteration's tear-down checks the findings against the laps
 * driven.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CorridorCheckBenchmark {
    static final int TRUCKS = 500;
    static final int CORRIDORS = 50;
    static final Instant BASE = Instant.parse("2026-11-02T12:00:00Z");

    /** Counts findings by kind; keeps the last one so the work cannot be optimised away. */
    static final class Counter implements Consumer<TruckFinding> {
        long offCorridor;
        long other;
        TruckFinding last;

        @Override
        public void accept(TruckFinding f) {
            if (f.kind() == TruckFindingKind.OFF_CORRIDOR) {
                offCorridor++;
            } else {
                other++;
            }
            last = f;
        }
    }

    /** The fleet, a checked monitor and the rounds fed so far. */
    @State(Scope.Benchmark)
    public static class Run {
        @Param({"32"})
        public double cellMeters;

        TruckFleet fleet;
        TruckMonitor monitor;
        final Counter counter = new Counter();
        long round;
        private long roundsAtStart;
        private long findingsAtStart;

        @Setup(Level.Trial)
        public void setUp() {
            fleet = new TruckFleet(TRUCKS, CORRIDORS, 42);
            Counter check = new Counter();
            TruckMonitor probe = TruckMonitor.builder().permits(fleet.permits).cellMeters(cellMeters).findings(check)
                    .build();
            for (int s = 0; s < TruckFleet.LAP; s++) {
                feedRound(probe, s);
            }
            probe.flush();
            System.out.printf("%nSETUP one lap (%d reports, %.1f %% off by construction): %d OFF_CORRIDOR, %d other"
                    + " findings; last track %d positions, sha256 %s%n", TRUCKS * TruckFleet.LAP, 100.0 * offShare(),
                    check.offCorridor, check.other, check.last.track().positions().size(), check.last.track().sha256Hex());
            if (check.offCorridor < TRUCKS * 9 / 10 || check.offCorridor > TRUCKS || check.other != 0) {
                throw new IllegalStateException("expected about one OFF_CORRIDOR finding per truck per lap and nothing"
                        + " else, got " + check.offCorridor + " and " + check.other);
            }
            monitor = TruckMonitor.builder().permits(fleet.permits).cellMeters(cellMeters).findings(counter).build();
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            roundsAtStart = round;
            findingsAtStart = counter.offCorridor;
        }

        @TearDown(Level.Iteration)
        public void checkIteration() {
            long laps = (round - roundsAtStart) / TruckFleet.LAP;
            long found = counter.offCorridor - findingsAtStart;
            if (counter.other != 0 || laps >= 2 && found < (laps - 1) * TRUCKS * 9 / 10) {
                throw new IllegalStateException(laps + " laps gave " + found + " OFF_CORRIDOR and " + counter.other
                        + " other findings");
            }
            System.out.printf("  [%d rounds, %d OFF_CORRIDOR findings, %d out of order]%n", round - roundsAtStart,
                    found, monitor.outOfOrderCount());
        }

        private double offShare() {
            long n = 0;
            for (boolean[] row : fleet.off) {
                for (boolean b : row) {
                    n += b ? 1 : 0;
                }
            }
            return (double) n / (TRUCKS * TruckFleet.LAP);
        }

        /** The report of truck {@code i} in round {@code r}: {@code i % 10} seconds into the round's 10 s. */
        TruckPosition report(int i, long r) {
            GeoPoint at = fleet.path[i][(int) (r % TruckFleet.LAP)];
            return new TruckPosition(fleet.truckIds[i], Instant.ofEpochSecond(BASE.getEpochSecond() + r * 10 + i % 10),
                    at, 32.5, TruckPosition.NO_HEADING);
        }

        int feedRound(TruckMonitor m, long r) {
            int accepted = 0;
            for (int i = 0; i < TRUCKS; i++) {
                if (m.accept(report(i, r)) == TruckMonitor.Outcome.ACCEPTED) {
                    accepted++;
                }
            }
            return accepted;
        }
    }

    /** The next lap's positions, built before each {@code acceptLap} invocation. */
    @State(Scope.Benchmark)
    public static class Lap {
        final TruckPosition[] positions = new TruckPosition[TRUCKS * TruckFleet.LAP];

        @Setup(Level.Invocation)
        public void prepare(Run run) {
            int k = 0;
            for (int s = 0; s < TruckFleet.LAP; s++) {
                for (int i = 0; i < TRUCKS; i++) {
                    positions[k++] = run.report(i, run.round + s);
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(TRUCKS * TruckFleet.LAP)
    public long acceptLap(Run run, Lap lap) {
        TruckMonitor m = run.monitor;
        long accepted = 0;
        for (TruckPosition p : lap.positions) {
            if (m.accept(p) == TruckMonitor.Outcome.ACCEPTED) {
                accepted++;
            }
        }
        run.round += TruckFleet.LAP;
        return accepted + run.counter.offCorridor;
    }

    @Benchmark
    @OperationsPerInvocation(TRUCKS)
    public long decodeAndAccept(Run run) {
        int accepted = run.feedRound(run.monitor, run.round++);
        return accepted + run.counter.offCorridor;
    }
}
