package io.offsite.geofence.truck;

import static io.offsite.geofence.truck.TruckFixtures.OFF_LAT;
import static io.offsite.geofence.truck.TruckFixtures.ROAD_LAT;
import static io.offsite.geofence.truck.TruckFixtures.T0;
import static io.offsite.geofence.truck.TruckFixtures.TRUCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * OFF_CORRIDOR over random timelines: runs on and off the road with random report gaps (3–60 s), re-sent
 * duplicates and late reports mixed in. Oracle: on the in-order reports, one finding per maximal run of off-road
 * reports whose last report is more than the tolerance after its first, started at the first.
 */
class OffCorridorPropertyTest {
    private static final long TOLERANCE_S = 120;

    /** A timeline: the in-order reports, and the feed with duplicates and late reports mixed in. */
    record Timeline(List<TruckPosition> inOrder, List<TruckPosition> feed) {
    }

    static Timeline timeline(Random rnd) {
        List<TruckPosition> inOrder = new ArrayList<>();
        List<TruckPosition> feed = new ArrayList<>();
        long t = 0;
        int runs = 2 + rnd.nextInt(8);
        for (int r = 0; r < runs; r++) {
            boolean off = r % 2 == 1;
            int reports = 1 + rnd.nextInt(12);
            for (int k = 0; k < reports; k++) {
                t += 3 + rnd.nextInt(58);
                double lon = 121.2520 + rnd.nextInt(1500) * 0.00001;
                TruckPosition p = TruckPosition.of(TRUCK, T0.plusSeconds(t), lon, off ? OFF_LAT : ROAD_LAT, 30);
                inOrder.add(p);
                feed.add(p);
                if (rnd.nextInt(10) == 0) {
                    feed.add(inOrder.get(rnd.nextInt(inOrder.size()))); // re-sent: a duplicate or out of order
                }
                if (rnd.nextInt(15) == 0 && t > 2) { // a late report, 1–2 s before the newest, somewhere else
                    feed.add(TruckPosition.of(TRUCK, T0.plusSeconds(t - 1 - rnd.nextInt(2)), lon,
                            rnd.nextBoolean() ? OFF_LAT : ROAD_LAT, 30));
                }
            }
        }
        return new Timeline(inOrder, feed);
    }

    static List<Instant> expectedStarts(List<TruckPosition> inOrder) {
        List<Instant> starts = new ArrayList<>();
        Instant runStart = null;
        boolean fired = false;
        for (TruckPosition p : inOrder) {
            boolean off = p.location().lat() == OFF_LAT;
            if (!off) {
                runStart = null;
                fired = false;
            } else if (runStart == null) {
                runStart = p.time();
            } else if (!fired && Duration.between(runStart, p.time()).getSeconds() > TOLERANCE_S) {
                fired = true;
                starts.add(runStart);
            }
        }
        return starts;
    }

    static List<TruckFinding> run(Timeline tl) {
        return TruckFixtures.run(b -> b).feed(tl.feed().toArray(new TruckPosition[0]))
                .of(TruckFindingKind.OFF_CORRIDOR);
    }

    @Test
    void offCorridorFindings_matchTheOracleDespiteDuplicatesAndLateReports() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Timeline tl = timeline(new Random(seed));
            List<TruckFinding> found = run(tl);
            assertThat(found).extracting(TruckFinding::start).isEqualTo(expectedStarts(tl.inOrder()));
            assertThat(found).extracting(TruckFinding::findingId).doesNotHaveDuplicates();
            for (TruckFinding f : found) {
                assertThat(Duration.between(f.start(), f.decidedAt()).getSeconds()).isGreaterThan(TOLERANCE_S);
                assertThat(f.track().positions()).allSatisfy(p -> assertThat(p.time())
                        .isBetween(f.start().minusSeconds(300), f.decidedAt().plusSeconds(120)));
                assertThat(f.track()).isEqualTo(TrackExtract.of(f.track().positions()));
            }
        });
    }

    /** How often timelines reach a finding, and an off run that stays under the tolerance. */
    @Test
    void generators_reachFindingsAndShortDetours() {
        int timelines = 300;
        int withFinding = 0;
        int withShortRun = 0;
        for (long seed = 0; seed < timelines; seed++) {
            Timeline tl = timeline(new Random(seed * 0x9E3779B97F4A7C15L));
            withFinding += expectedStarts(tl.inOrder()).isEmpty() ? 0 : 1;
            long offRuns = 0;
            boolean prevOff = false;
            for (TruckPosition p : tl.inOrder()) {
                boolean off = p.location().lat() == OFF_LAT;
                offRuns += off && !prevOff ? 1 : 0;
                prevOff = off;
            }
            withShortRun += offRuns > expectedStarts(tl.inOrder()).size() ? 1 : 0;
        }
        System.out.printf("OffCorridorPropertyTest timelines: %d of %d reach a finding, %d have an off run under the"
                + " tolerance%n", withFinding, timelines, withShortRun);
        assertThat(withFinding).isGreaterThanOrEqualTo(timelines / 3);
        assertThat(withShortRun).isGreaterThanOrEqualTo(timelines / 3);
    }
}
