package io.offsite.geofence;

import static io.offsite.geofence.Scenario.LAT;
import static io.offsite.geofence.Scenario.LON;
import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.car;
import static io.offsite.geofence.Scenario.noParking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.spi.EpisodeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Memory caps with back-pressure: refusals instead of unbounded growth, and tracked subjects keep working. */
class EngineCapacityTest {
    final Fence fence = noParking("F1").build();
    final List<EnforcementEffect> effects = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final EffectSink sink = EffectSink.of(effects::add, problems::add);

    GeofenceEngineBuilder builder(EpisodeStore store) {
        return Scenario.builder(FenceRegistry.of(List.of(fence)), Scenario.OFFICERS).store(store)
                .episodeIdKey(Scenario.ID_KEY);
    }

    /** A plate read of {@code plate} at {@code ms} after T0, outside the fence (lon offset). */
    static Detection passing(String plate, long ms, double lonOffset) {
        return Detection.builder(CameraId.of(Scenario.CAM), Scenario.T0.plusMillis(ms)).plate(plate, 0.95)
                .at(LON + 0.01 + lonOffset, LAT).build();
    }

    Map<Intake, Integer> tally(GeofenceEngine e, List<Detection> ds) {
        Map<Intake, Integer> n = new EnumMap<>(Intake.class);
        for (Detection d : ds) {
            n.merge(Scenario.submit(e, d, sink), 1, Integer::sum);
        }
        return n;
    }

    @Test
    void newSubjectsBeyondTrackedCap_areRefused_whileATrackedCarStillGetsItsOwnerText() {
        GeofenceEngine e = builder(EpisodeStore.inMemory()).maxTrackedSubjects(10_000).build();
        tally(e, Scenario.parked("浙A12345", 0, 59, 1));
        // 50,000 distinct plates within one second of event time
        List<Detection> flood = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            flood.add(passing(String.format("浙B%05d", i), 60_000 + i / 50, 0));
        }
        Map<Intake, Integer> n = tally(e, flood);
        assertThat(n.get(Intake.ACCEPTED)).isEqualTo(10_000 - 1);
        assertThat(n.get(Intake.OVER_CAPACITY)).isEqualTo(40_001);
        assertThat(e.trackedSubjects()).isEqualTo(10_000);
        assertThat(e.bufferedDetections()).isLessThanOrEqualTo(10_000 + 60);
        assertThat(e.refusedDetections()).isEqualTo(40_001);
        // one report for the whole flood, naming the cap and how to raise it
        assertThat(problems).singleElement().asString().contains("maxTrackedSubjects = 10000")
                .contains("Raise GeofenceEngineBuilder.maxTrackedSubjects");

        Map<Intake, Integer> car = tally(e, Scenario.parked("浙A12345", 60, 300, 1));
        assertThat(car).containsOnlyKeys(Intake.ACCEPTED);
        Scenario.advanceTo(e, at(310), sink);
        assertThat(effects).filteredOn(f -> f instanceof RequestOwnerMove).singleElement()
                .satisfies(f -> assertThat(((RequestOwnerMove) f).at()).isEqualTo(at(120)));
        // the flood's idle subjects were released 30 s after their last detection: new subjects are welcome again
        assertThat(e.trackedSubjects()).isEqualTo(1);
        assertThat(Scenario.submit(e, passing("浙C00001", 311_000, 0), sink)).isEqualTo(Intake.ACCEPTED);
    }

    @Test
    void detectionsBeyondBufferedCap_areRefused_untilEventTimeFreesThem() {
        GeofenceEngine e = builder(EpisodeStore.inMemory()).maxBufferedDetections(1_000).build();
        List<Detection> burst = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            burst.add(passing(String.format("浙B%05d", i), 10_000, 0));
        }
        Map<Intake, Integer> n = tally(e, burst);
        assertThat(n).containsEntry(Intake.ACCEPTED, 1_000).containsEntry(Intake.OVER_CAPACITY, 2_000);
        assertThat(e.bufferedDetections()).isEqualTo(1_000);
        assertThat(e.trackedSubjects()).as("a refused new subject leaves no track behind").isEqualTo(1_000);
        assertThat(problems).singleElement().asString().contains("maxBufferedDetections = 1000");

        Scenario.advanceTo(e, at(20), sink);
        assertThat(e.bufferedDetections()).isZero();
        assertThat(Scenario.submit(e, passing("浙B02999", 20_000, 0), sink)).isEqualTo(Intake.ACCEPTED);
    }

    @Test
    void sameInstantGroupMembers_countAgainstBufferedCap_andAreFreedWhenApplied() {
        GeofenceEngine e = builder(EpisodeStore.inMemory()).maxBufferedDetections(100).build();
        List<Detection> one = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            one.add(passing("浙A12345", 10_000, i * 1e-6));
        }
        assertThat(tally(e, one)).containsEntry(Intake.ACCEPTED, 100).containsEntry(Intake.OVER_CAPACITY, 400);
        assertThat(e.bufferedDetections()).isEqualTo(100);
        Scenario.advanceTo(e, at(20), sink);
        assertThat(e.bufferedDetections()).isZero();
    }

    @Test
    void restoreAboveTrackedCap_keepsEveryEpisode_andRefusesNewSubjectsUntilBelowIt() {
        EpisodeStore store = EpisodeStore.inMemory();
        GeofenceEngine first = builder(store).build();
        List<String> plates = List.of("浙A10001", "浙A10002", "浙A10003", "浙A10004", "浙A10005");
        for (long s = 0; s <= 130; s++) {
            for (int k = 0; k < plates.size(); k++) {
                Scenario.submit(first, car(plates.get(k), s, LON + k * 0.0001, LAT), sink);
            }
        }
        Scenario.advanceTo(first, at(140), sink);
        first.checkpoint();
        assertThat(store.episodes()).hasSize(5);

        GeofenceEngine second = builder(store).maxTrackedSubjects(3).build();
        assertThat(second.episodes()).as("nothing dropped on restore").hasSize(5);
        assertThat(second.trackedSubjects()).isEqualTo(5);
        assertThat(Scenario.submit(second, passing("浙C00001", 141_000, 0), sink)).isEqualTo(Intake.OVER_CAPACITY);
        assertThat(Scenario.submit(second, car(plates.get(0), 141, LON, LAT), sink)).as("restored subjects keep working")
                .isEqualTo(Intake.ACCEPTED);
        // the cars leave: their episodes end, their tracks are released, and new subjects are taken again
        Scenario.advanceTo(second, at(1_000), sink);
        assertThat(second.trackedSubjects()).isLessThan(3);
        assertThat(Scenario.submit(second, passing("浙C00001", 1_000_000, 0), sink)).isEqualTo(Intake.ACCEPTED);
    }

    @Test
    void onePlateAtOneInstantFromManyPositions_workPerDetectionIsBounded() {
        // issue 11: 50,000 positions of one plate at one instant took ~45 s (each one compared with all before it)
        GeofenceEngine e = builder(EpisodeStore.inMemory()).build();
        List<Detection> first = new ArrayList<>();
        List<Detection> second = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            (i < 25_000 ? first : second).add(passing("浙A12345", 10_000, i * 1e-7));
        }
        Map<Intake, Integer> n = tally(e, first);
        long half = e.searchWork();
        n.merge(Intake.OVER_CAPACITY, tally(e, second).get(Intake.OVER_CAPACITY), Integer::sum);
        assertThat(n).containsEntry(Intake.ACCEPTED, Capacity.DEFAULT_PER_SUBJECT)
                .containsEntry(Intake.OVER_CAPACITY, 50_000 - Capacity.DEFAULT_PER_SUBJECT);
        // a binary search per detection: ~2 log2(1024) + 3 steps, whatever came before
        assertThat(half).isLessThanOrEqualTo(25_000L * 25);
        assertThat(e.searchWork() - half).as("the second 25,000 cost what the first did, not more")
                .isLessThanOrEqualTo(25_000L * 14);
        assertThat(problems).singleElement().asString().contains("maxBufferedPerSubject = 1024");
    }

    @Test
    void outOfOrderDetectionsOfOneSubject_searchIsBoundedByThePerSubjectCap() {
        GeofenceEngine e = builder(EpisodeStore.inMemory()).allowedLateness(Duration.ofHours(1))
                .maxBufferedPerSubject(64).build();
        // newest first: each detection is older than all its subject has pending, so it searches their entries
        List<Detection> backwards = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            backwards.add(passing("浙A12345", 100_000 - i, 0));
        }
        assertThat(tally(e, backwards)).containsEntry(Intake.ACCEPTED, 64).containsEntry(Intake.OVER_CAPACITY,
                20_000 - 64);
        assertThat(e.searchWork()).isLessThanOrEqualTo(20_000L * (2 * 64 + 1));
        assertThat(Scenario.submit(e, passing("浙A54321", 100_000, 0), sink)).as("other subjects are unaffected")
                .isEqualTo(Intake.ACCEPTED);
    }

    @Test
    void refusalReports_atMostOnePerCapPerMinuteOfEventTime_carryingTheCountInBetween() {
        GeofenceEngine e = builder(EpisodeStore.inMemory()).maxBufferedPerSubject(1).build();
        for (long ms : new long[] {10_000, 20_000, 80_000}) {
            Scenario.advanceTo(e, Scenario.T0.plusMillis(ms), sink); // applies (and frees) the subject's earlier detection
            assertThat(Scenario.submit(e, passing("浙A12345", ms, 0), sink)).isEqualTo(Intake.ACCEPTED);
            assertThat(Scenario.submit(e, passing("浙A12345", ms, 1e-6), sink)).isEqualTo(Intake.OVER_CAPACITY);
            if (ms == 10_000) {
                assertThat(Scenario.submit(e, passing("浙A12345", ms, 2e-6), sink)).isEqualTo(Intake.OVER_CAPACITY);
            }
        }
        assertThat(e.refusedDetections()).isEqualTo(4);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("maxBufferedPerSubject = 1").doesNotContain("more detections refused");
        assertThat(problems.get(1)).contains("; 2 more detections refused by this cap since the last report");
    }

    @Test
    void capSetters_rejectValuesOutsideTheirRange_namingSettingAndValue() {
        GeofenceEngineBuilder b = builder(EpisodeStore.inMemory());
        assertThatThrownBy(() -> b.maxTrackedSubjects(0)).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("maxTrackedSubjects").hasMessageContaining("was 0");
        assertThatThrownBy(() -> b.maxBufferedDetections(-1)).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("maxBufferedDetections").hasMessageContaining("was -1");
        assertThatThrownBy(() -> b.maxBufferedPerSubject(Capacity.MAX_PER_SUBJECT + 1))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("maxBufferedPerSubject");
        assertThatThrownBy(() -> b.maxTrackedSubjects(Capacity.MAX_TRACKED + 1)).isInstanceOf(GeofenceException.class);
    }
}
