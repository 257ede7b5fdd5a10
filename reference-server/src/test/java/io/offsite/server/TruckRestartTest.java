package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.geofence.truck.TruckFinding;
import io.offsite.geofence.truck.TruckFindingKind;
import io.offsite.geofence.truck.TruckPosition;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The truck monitor keeps its state in memory; its input is journalled in the database, so a restarted server
 * rebuilds it: filed findings are not filed again, gate passages still tie a later finding to its site, and an
 * episode still running at the restart is not taken for a new one.
 */
class TruckRestartTest {
    private static final String TRUCK = DemoStreet.TRUCK;

    /** The demo truck from {@code from} for {@code seconds} (a report every 10 s), off its corridor where {@code off} says. */
    private static List<TruckPosition> drive(Instant from, int seconds, java.util.function.IntPredicate off) {
        List<TruckPosition> ps = new ArrayList<>();
        for (int s = 0; s <= seconds; s += 10) {
            int x = s % 1200 <= 600 ? s % 1200 : 1200 - s % 1200; // up and down the road, 9 km/h
            ps.add(TruckPosition.of(TRUCK, from.plusSeconds(s), 121.2420 + x * 0.0000256,
                    off.test(s) ? 28.6425 : 28.6410, 9.0));
        }
        return ps;
    }

    private static List<TruckFinding> findings(Fixture f) {
        return f.enforcement.trucks(TruckWatch::findings);
    }

    @Test
    void restartedServer_keepsFiledFindingsAndGatePassages_andFilesNothingTwice() {
        Path dir = Fixture.newDir();
        Instant start = Fixture.T0.plusSeconds(3_600);
        TruckFinding first;
        String firstCase;
        try (Fixture a = new Fixture(dir, null)) {
            boolean kept = a.enforcement.trucks(t -> t.passage("S-BEIYUAN", "33100300001320000088",
                    start.minusSeconds(120), "浙J58821"));
            assertThat(kept).isTrue();
            a.enforcement.trucks(t -> t.acceptAll(drive(start, 600, s -> s >= 60 && s < 400)));
            first = findings(a).stream().filter(x -> x.kind() == TruckFindingKind.OFF_CORRIDOR).findFirst()
                    .orElseThrow();
            firstCase = a.enforcement.trucks(t -> t.caseOf(first.findingId()));
            assertThat(firstCase).isNotNull();
        }
        try (Fixture b = new Fixture(dir, null)) {
            assertThat(findings(b)).extracting(TruckFinding::findingId).contains(first.findingId());
            String replayedCase = b.enforcement.trucks(t -> t.caseOf(first.findingId()));
            assertThat(replayedCase).isEqualTo(firstCase);
            long eventsBefore = b.enforcement.trucks(t -> (long) t.findings().size());
            // a second detour after the restart: a new case, tied to the site by the passage kept before the restart
            Instant later = start.plusSeconds(1_200);
            b.enforcement.trucks(t -> t.acceptAll(drive(later, 600, s -> s >= 60 && s < 400)));
            List<TruckFinding> now = findings(b);
            assertThat(now).hasSize((int) eventsBefore + 1);
            TruckFinding second = now.get(now.size() - 1);
            assertThat(second.kind()).isEqualTo(TruckFindingKind.OFF_CORRIDOR);
            String secondCase = b.enforcement.trucks(t -> t.caseOf(second.findingId()));
            assertThat(secondCase).isNotEqualTo(firstCase);
            assertThat(b.enforcement.desk().chain(secondCase).items())
                    .anyMatch(i -> i.kind().name().equals("STILL") && i.spec().fact("site").equals(
                            java.util.Optional.of("S-BEIYUAN")));
        }
    }

    @Test
    void detourRunningAcrossTheRestart_isNotFiledAgainWhenTheReplayStartsInsideIt() {
        Path dir = Fixture.newDir();
        Instant start = Fixture.T0.plusSeconds(60); // two hours of positions: more than the replayed hour
        Instant restart = start.plusSeconds(7_210);
        Set<String> before;
        try (Fixture a = new Fixture(dir, null)) {
            a.enforcement.trucks(t -> t.acceptAll(drive(start, 7_200, s -> s >= 60)));
            a.clock.set(restart);
            a.enforcement.trucks(t -> {
                t.advanceTo(restart);
                return null;
            });
            before = findings(a).stream().map(TruckFinding::findingId).collect(Collectors.toSet());
            assertThat(findings(a)).extracting(TruckFinding::kind).contains(TruckFindingKind.OFF_CORRIDOR);
        }
        try (Fixture b = new Fixture(dir, null, restart)) {
            assertThat(findings(b)).extracting(TruckFinding::findingId).allMatch(before::contains);
            b.enforcement.trucks(t -> t.acceptAll(drive(restart.plusSeconds(10), 300, s -> true)));
            assertThat(findings(b)).extracting(TruckFinding::findingId).allMatch(before::contains);
        }
    }
}
