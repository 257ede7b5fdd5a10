package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.offsite.geofence.EpisodeState.Phase;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine's quiet-sighting shortcut must agree exactly with the full {@link Ladder#sight} step. */
class LadderQuietSightTest {
    private static final Fence ALWAYS = Scenario.noParking("F1").build();
    private static final Fence STRICT = Scenario.noParking("F2").schedule(ScheduleAndLadderTest.STRICT_0810_0830).build();
    private static final long T0 = Scenario.T0.toEpochMilli();
    private static final String[] PLATES = {"浙A12345", "浙A1234S", "浙B99999"};

    private static Ladder.Context context(Fence f) {
        return new Ladder.Context(f, Scenario.OFFICERS, Ladder.History.empty(), 96_000,
                EpisodeIds.hmacSha256(Scenario.ID_KEY), 1.0);
    }

    private static EpisodeState randomState(Random r, Fence f) {
        Phase phase = Phase.values()[r.nextInt(4)];
        long first = T0 + r.nextInt(3_600_000);
        long last = first + r.nextInt(900_000);
        double ax = Scenario.LON + (r.nextDouble() - 0.5) * 0.0008;
        double ay = Scenario.LAT + (r.nextDouble() - 0.5) * 0.0008;
        boolean started = phase == Phase.ACTIVE || phase == Phase.DONE;
        long startedAt = started ? first + r.nextInt(200_000) : 0;
        long next = phase == Phase.ACTIVE ? last + r.nextInt(120_000) - 30_000 : Long.MAX_VALUE;
        long until = r.nextBoolean() ? Long.MAX_VALUE : last + r.nextInt(120_000) - 30_000;
        return new EpisodeState(f.id(), "ZJA12345", PLATES[r.nextInt(3)], r.nextDouble() * 3, phase, first, last, ax,
                ay, ax, ay, Scenario.CAM, r.nextBoolean(), started ? r.nextInt(2) : 0, startedAt, next, until,
                r.nextInt(3), started ? EpisodeIds.hmacSha256(Scenario.ID_KEY).of(f.id(), "ZJA12345", startedAt) : "");
    }

    @Test
    void quietSight_equalsFullStepWithoutEffects_andIsNullOtherwiseOnlyWhenStepDoesMore() {
        int[] quiet = new int[1];
        qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Fence f = r.nextBoolean() ? ALWAYS : STRICT;
            Ladder.Context ctx = context(f);
            EpisodeState s = randomState(r, f);
            long at = s.lastSeen() + (r.nextInt(3) == 0 ? r.nextInt(200_000) : r.nextInt(20_000)) - 2_000;
            // exact boundaries: rung due, gap end, active-period end, dwell end (± 1 ms)
            long[] edges = {s.nextStepAt(), s.lastSeen() + f.policy().gapTolerance().toMillis(), s.activeUntil(),
                s.firstSeen() + f.policy().dwell().toMillis()};
            long edge = edges[r.nextInt(edges.length)];
            if (r.nextInt(3) == 0 && edge < Long.MAX_VALUE - 1) {
                at = edge + r.nextInt(3) - 1;
            }
            double x = s.anchorX() + (r.nextDouble() - 0.5) * (r.nextBoolean() ? 0.0004 : 0.0001);
            double y = s.anchorY() + (r.nextDouble() - 0.5) * (r.nextBoolean() ? 0.0004 : 0.0001);
            boolean inside = r.nextInt(10) > 0;
            PlateRead plate = r.nextInt(4) == 0 ? null : new PlateRead(PLATES[r.nextInt(3)], 0.3 + r.nextDouble() * 0.7);
            boolean legible = plate != null && plate.confidence() >= 0.8;
            Ladder.Transition full = Ladder.sight(s,
                    new Ladder.Sighting(at, x, y, inside, Scenario.CAM, plate, legible, VehicleClass.ORDINARY), ctx);
            EpisodeState q = Ladder.quietSight(s, at, x, y, inside, Scenario.CAM, plate, legible, ctx);
            // the engine's in-place variant agrees, and leaves the cell untouched when the sighting is not quiet
            EpisodeCell cell = new EpisodeCell();
            cell.load(s);
            assertThat(cell.quietSight(at, x, y, inside, Scenario.CAM, plate != null,
                    plate == null ? 0 : PackedPlate.pack(plate.text()), plate == null ? Double.NaN : plate.confidence(),
                    plate, legible, new FenceRule(ctx))).isEqualTo(q != null);
            assertThat(cell.toState(s.subject(), 0)).isEqualTo(q != null ? q : s);
            if (q != null) {
                quiet[0]++;
                assertThat(q).isEqualTo(full.state());
                assertThat(full.effects()).isEmpty();
                assertThat(full.problems()).isEmpty();
                assertThat(full.warned()).isFalse();
                assertThat(full.noticed()).isFalse();
            } else if (full.effects().isEmpty() && full.state().phase() == s.phase() && !full.warned()) {
                // a non-quiet sighting that changed nothing but last-seen data is fine only when it moved the anchor
                // or the step refused it (older than last seen / ended state)
                assertThat(full.state().anchorX() != s.anchorX() || full.state().firstSeen() != s.firstSeen()
                        || full.state().lastSeen() == s.lastSeen() || at < s.lastSeen()).isTrue();
            }
        });
        // the generator must exercise the shortcut, or the equality above proves nothing
        assertThat(quiet[0]).isGreaterThan(150);
    }
}
