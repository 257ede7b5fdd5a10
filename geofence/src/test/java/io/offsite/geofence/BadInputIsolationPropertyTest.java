package io.offsite.geofence;

import static io.offsite.geofence.Scenario.CAM;
import static io.offsite.geofence.Scenario.LAT;
import static io.offsite.geofence.Scenario.LON;
import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.noParking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One bad input never affects another subject: normal traffic of a few cars, interleaved with bad inputs — detections
 * from the future (of those very cars too), instants outside the range, malformed detections, detections without a
 * subject, late detections, far-future or extreme clock and notice calls, a permit holder valid until
 * {@link Instant#MAX} — gives the cars exactly the effects of the same traffic without the bad inputs.
 */
class BadInputIsolationPropertyTest {
    private static final String[] NORMAL = {"浙A10001", "浙A10003", "浙A10007"};
    private static final String EXEMPT = "浙P00001";
    private static final int KINDS = 8;
    private static final Instant FAR = Instant.parse("8999-12-31T23:59:59Z");
    private static final List<Instant> OUTSIDE = List.of(Instant.MAX, Instant.MIN, Instant.EPOCH.minusSeconds(1),
            Instant.EPOCH.minus(Duration.ofDays(36_500)), EventTimes.END, Instant.parse("9999-12-31T00:00:00Z"));

    /** A normal detection, or a bad input of kind {@code kind} (0..KINDS-1), at a place in the arrival order. */
    private record Op(long second, Detection normal, int kind) {
    }

    @Test
    void badInputsInterleavedWithTraffic_leaveEveryOtherSubjectsEffectsUnchanged() {
        int[] kindsSeen = new int[KINDS];
        int[] dispatches = {0};
        qt().withExamples(80).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Fence fence = noParking("F1").exemptions(Exemptions.defaults()
                    .withPermit(new Exemptions.Permit(EXEMPT, Instant.MIN, Instant.MAX, "P-forever"))).build();
            List<Op> normal = traffic(r);
            List<Op> mixed = new ArrayList<>(normal);
            int bad = 1 + r.nextInt(40);
            for (int i = 0; i < bad; i++) {
                int k = r.nextInt(KINDS);
                kindsSeen[k]++;
                mixed.add(r.nextInt(mixed.size() + 1), new Op(-1, null, k));
            }
            if (r.nextBoolean()) { // the permit holder parks too (before: ArithmeticException inside submit)
                for (long s = r.nextInt(200); s < 1_200; s += 5) {
                    mixed.add(position(mixed, s), new Op(s, detection(EXEMPT, s, 0), -1));
                }
            }
            List<EnforcementEffect> clean = run(fence, normal, r);
            List<EnforcementEffect> dirty = run(fence, mixed, new Random(seed ^ 0x5DEECE66DL));

            Set<String> cleanIds = new HashSet<>();
            clean.forEach(e -> cleanIds.add(e.episodeId()));
            assertThat(dirty.stream().filter(e -> cleanIds.contains(e.episodeId())).toList()).isEqualTo(clean);
            // whatever else happened belongs to other subjects (the late ones, the permit holder), never to the cars
            for (EnforcementEffect e : dirty) {
                if (!cleanIds.contains(e.episodeId())) {
                    for (String p : NORMAL) {
                        assertThat(e.toString()).doesNotContain(p);
                    }
                }
            }
            dispatches[0] += (int) clean.stream().filter(e -> e instanceof DispatchOfficer).count();
        });
        // the generator reaches every bad kind, and the cars get as far as the officer dispatch
        assertThat(java.util.Arrays.stream(kindsSeen).min().orElse(0)).isGreaterThanOrEqualTo(80);
        assertThat(dispatches[0]).isGreaterThanOrEqualTo(40);
    }

    /** Three cars, each parked for a random stay, seen every 1–10 s; in arrival order. */
    private static List<Op> traffic(Random r) {
        List<Op> ops = new ArrayList<>();
        for (int c = 0; c < NORMAL.length; c++) {
            long from = r.nextInt(300);
            long to = from + 60 + r.nextInt(1_100);
            int every = 1 + r.nextInt(10);
            for (long s = from; s <= to; s += every) {
                ops.add(new Op(s, detection(NORMAL[c], s, c + 1), -1));
            }
        }
        ops.sort(Comparator.comparingLong(Op::second));
        return ops;
    }

    /** Where a detection at {@code s} goes in arrival order: after everything not later than it. */
    private static int position(List<Op> ops, long s) {
        int i = ops.size();
        while (i > 0 && (ops.get(i - 1).second() < 0 || ops.get(i - 1).second() > s)) {
            i--;
        }
        return i;
    }

    /** Car {@code slot} stands 4 m east of the previous one (two bays), inside the fence. */
    private static Detection detection(String plate, long s, int slot) {
        return Detection.builder(CameraId.of(CAM), at(s)).plate(plate, 0.95)
                .at(LON + slot * 4 * PlateIdentityTest.DEG_PER_M, LAT).build();
    }

    /** Feeds {@code ops} with the clock following event time; owner texts are delivered at once; returns effects. */
    private static List<EnforcementEffect> run(Fence fence, List<Op> ops, Random r) {
        TestClock clock = new TestClock(at(0));
        GeofenceEngine e = Scenario.builder(FenceRegistry.of(List.of(fence)), Scenario.OFFICERS).clock(clock)
                .episodeIdKey(Scenario.ID_KEY).build();
        List<EnforcementEffect> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        long now = 0;
        for (Op op : ops) {
            if (op.normal() != null) {
                now = op.second();
                clock.set(at(now));
                EngineResult res = Scenario.submit(e, op.normal());
                assertThat(res.intake()).isEqualTo(Intake.ACCEPTED);
                for (EnforcementEffect x : res.effects()) {
                    if (x instanceof RequestOwnerMove m) {
                        ids.add(m.episodeId());
                    }
                }
                Scenario.deliverAtOnce(e, res.effects(), out);
            } else {
                bad(e, op.kind(), now, ids, r, out);
            }
        }
        clock.set(at(now + 3_600));
        Scenario.deliverAtOnce(e, Scenario.tick(e).effects(), out);
        return out;
    }

    private static void bad(GeofenceEngine e, int kind, long now, List<String> ids, Random r,
            List<EnforcementEffect> out) {
        long wm = Scenario.wm(e);
        String plate = r.nextBoolean() ? NORMAL[r.nextInt(NORMAL.length)] : "浙Z9" + (1000 + r.nextInt(9000));
        switch (kind) {
            case 0 -> { // from the future, of any plate: a camera's clock ahead, up to the end of the range
                long ahead = 301 + (long) (r.nextDouble() * (FAR.getEpochSecond() - at(now).getEpochSecond() - 301));
                EngineResult res = Scenario.submit(e, detection(plate, now + ahead, r.nextInt(4)));
                assertThat(res.intake()).isEqualTo(Intake.FUTURE);
                assertThat(res.effects()).isEmpty();
            }
            case 1 -> { // an instant outside the supported range: refused before it reaches the engine
                Instant t = OUTSIDE.get(r.nextInt(OUTSIDE.size()));
                assertThatThrownBy(() -> Detection.builder(CameraId.of(CAM), t)).isInstanceOf(GeofenceException.class);
            }
            case 2 -> { // malformed: no position, or a confidence out of range
                assertThatThrownBy(() -> Detection.builder(CameraId.of(CAM), at(now)).plate(plate, 0.9).build())
                        .isInstanceOf(GeofenceException.class);
                assertThatThrownBy(() -> Detection.builder(CameraId.of(CAM), at(now)).plate(plate, Double.NaN))
                        .isInstanceOf(GeofenceException.class);
            }
            case 3 -> assertThat(Scenario.submit(e, Detection.builder(CameraId.of(CAM), at(now)).at(LON, LAT).build())
                    .intake()).isEqualTo(Intake.NO_SUBJECT);
            case 4 -> { // an hour late, of another plate (LATE once the watermark has passed it)
                Intake in = Scenario.submit(e, detection("浙Z8" + (1000 + r.nextInt(9000)), now - 3_600, r.nextInt(4)))
                        .intake();
                assertThat(in).isIn(Intake.LATE, Intake.ACCEPTED);
                if (in == Intake.ACCEPTED) { // nothing was seen yet: it may move the watermark, but only up to itself
                    assertThat(Scenario.wm(e)).isLessThanOrEqualTo(at(now - 3_600).toEpochMilli() - 5_000);
                    return;
                }
            }
            case 5 -> { // the host's clock call from the far future or beyond the range
                Instant t = r.nextBoolean() ? FAR : OUTSIDE.get(r.nextInt(OUTSIDE.size()));
                assertThatThrownBy(() -> Scenario.advanceTo(e, t)).isInstanceOf(GeofenceException.class);
            }
            case 6 -> { // a delivery receipt stamped in the future, for a real episode or an unknown one
                String id = ids.isEmpty() || r.nextBoolean() ? "AAAAAAAAAAAAAAAAAAAAAA" : ids.get(r.nextInt(ids.size()));
                assertThat(e.ownerNotified(id, FAR).outcome()).isEqualTo(NoticeOutcome.FUTURE);
                assertThat(e.ownerUnreachable(id, at(now + 86_400), "dead letter").outcome())
                        .isEqualTo(NoticeOutcome.FUTURE);
            }
            default -> { // a receipt at an instant outside the range
                Instant t = OUTSIDE.get(r.nextInt(OUTSIDE.size()));
                String id = ids.isEmpty() ? "AAAAAAAAAAAAAAAAAAAAAA" : ids.get(r.nextInt(ids.size()));
                assertThatThrownBy(() -> e.ownerNotified(id, t)).isInstanceOf(GeofenceException.class);
            }
        }
        assertThat(Scenario.wm(e)).as("bad input of kind %d moved the watermark", kind).isEqualTo(wm);
    }
}
