package io.offsite.geofence;

import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.car;
import static io.offsite.geofence.Scenario.engine;
import static io.offsite.geofence.Scenario.noParking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What happens to late, duplicate and subject-less detections, and to bad engine settings. */
class IntakeTest {

    @Test
    void detectionOlderThanAllowedLateness_isReportedLateAndIgnored() {
        GeofenceEngine e = engine(noParking("F1").build());
        assertThat(Scenario.submit(e, car("浙A12345", 100)).intake()).isEqualTo(Intake.ACCEPTED);
        assertThat(Scenario.submit(e, car("浙A12345", 96)).intake()).isEqualTo(Intake.ACCEPTED);
        assertThat(Scenario.submit(e, car("浙A12345", 94)).intake()).isEqualTo(Intake.LATE);
        assertThat(Scenario.wm(e)).isEqualTo(at(95).toEpochMilli());
    }

    @Test
    void exactDuplicate_isReportedDuplicate() {
        GeofenceEngine e = engine(noParking("F1").build());
        assertThat(Scenario.submit(e, car("浙A12345", 100)).intake()).isEqualTo(Intake.ACCEPTED);
        assertThat(Scenario.submit(e, car("浙A12345", 100)).intake()).isEqualTo(Intake.DUPLICATE);
    }

    @Test
    void duplicateOfAnOlderPendingDetection_isReportedDuplicate() {
        GeofenceEngine e = engine(noParking("F1").build());
        for (int s = 100; s <= 103; s++) {
            assertThat(Scenario.submit(e, car("浙A12345", s)).intake()).isEqualTo(Intake.ACCEPTED);
        }
        assertThat(Scenario.submit(e, car("浙A12345", 101)).intake()).isEqualTo(Intake.DUPLICATE);
        assertThat(Scenario.submit(e, car("浙A12345", 100)).intake()).isEqualTo(Intake.DUPLICATE);
    }

    @Test
    void sameTimeFromTwoCameras_isAppliedInContentOrder_whateverTheArrivalOrder() {
        Detection a = Detection.builder(CameraId.of("33010600001320000001"), at(130)).plate("浙A12345", 0.9)
                .at(Scenario.LON, Scenario.LAT).build();
        Detection b = Detection.builder(CameraId.of("33010600001320000002"), at(130)).plate("浙A12345", 0.7)
                .at(Scenario.LON + 0.00001, Scenario.LAT).build();
        List<EpisodeState> states = new ArrayList<>();
        for (List<Detection> last : List.of(List.of(a, b), List.of(b, a))) {
            GeofenceEngine e = engine(noParking("F1").build());
            List<Detection> ds = new ArrayList<>(Scenario.parked("浙A12345", 0, 129, 1));
            ds.addAll(last);
            assertThat(Scenario.submit(e, ds.get(0)).intake()).isEqualTo(Intake.ACCEPTED);
            for (Detection d : ds.subList(1, ds.size())) {
                assertThat(Scenario.submit(e, d).intake()).isEqualTo(Intake.ACCEPTED);
            }
            // a third copy of either is a duplicate, also once the two share a ring entry
            assertThat(Scenario.submit(e, a).intake()).isEqualTo(Intake.DUPLICATE);
            assertThat(Scenario.submit(e, b).intake()).isEqualTo(Intake.DUPLICATE);
            Scenario.advanceTo(e, at(150));
            states.add(e.episodes().get(0));
        }
        assertThat(states.get(0)).isEqualTo(states.get(1));
        assertThat(states.get(0).lastSeen()).isEqualTo(at(130).toEpochMilli());
    }

    @Test
    void trackerKeyedDetections_areBufferedWhole_andDeduplicated() {
        Detection v = Detection.builder(CameraId.of(Scenario.CAM), at(10)).objectClass(ObjectClass.PERSON)
                .tracker("t-17").snapshot("s3://snap/1.jpg").at(Scenario.LON, Scenario.LAT).build();
        Detection same = Detection.builder(CameraId.of(Scenario.CAM), at(10)).objectClass(ObjectClass.PERSON)
                .tracker("t-17").snapshot("s3://snap/1.jpg").at(Scenario.LON, Scenario.LAT).build();
        GeofenceEngine e = engine(noParking("F1").build());
        assertThat(Scenario.submit(e, v).intake()).isEqualTo(Intake.ACCEPTED);
        assertThat(Scenario.submit(e, same).intake()).isEqualTo(Intake.DUPLICATE);
    }

    @Test
    void moreDetectionsPendingThanTheRingFirstHolds_areAllApplied() {
        GeofenceEngine e = Scenario.builder(FenceRegistry.of(List.of(noParking("F1").build())), Scenario.OFFICERS)
                .expectedSubjects(1).allowedLateness(Duration.ofSeconds(60)).episodeIdKey(Scenario.ID_KEY).build();
        for (int i = 0; i < 5_000; i++) {
            // 5,000 cars within 50 s, all pending at once (the ring starts with room for 64)
            assertThat(Scenario.submit(e, car(String.format("浙B%05d", i), i / 100)).intake()).isEqualTo(Intake.ACCEPTED);
        }
        Scenario.advanceTo(e, at(120));
        assertThat(e.trackedSubjects()).isEqualTo(5_000);
        assertThat(e.episodes()).hasSize(5_000).allMatch(s -> s.phase() == EpisodeState.Phase.TRACKING);
    }

    @Test
    void ringGrowingAfterItWrapped_keepsEveryPendingDetection() {
        GeofenceEngine e = Scenario.builder(FenceRegistry.of(List.of(noParking("F1").build())), Scenario.OFFICERS)
                .expectedSubjects(1).allowedLateness(Duration.ofSeconds(10)).episodeIdKey(Scenario.ID_KEY).build();
        for (int i = 0; i < 100; i++) {
            // one car a second: applied as the watermark passes, so the ring's start moves round
            Scenario.submit(e, car(String.format("浙C%05d", i), i));
        }
        for (int i = 0; i < 500; i++) {
            // then a burst in one second: the ring must grow while its live entries wrap around its end
            assertThat(Scenario.submit(e, car(String.format("浙E%05d", i), 100)).intake()).isEqualTo(Intake.ACCEPTED);
        }
        Scenario.advanceTo(e, at(111));
        // watermark 101 s: cars seen once more than the 60 s gap tolerance before it have ended (浙C00000–40)
        assertThat(e.episodes()).filteredOn(s -> s.subject().startsWith("浙E")).hasSize(500)
                .allMatch(s -> s.lastSeen() == at(100).toEpochMilli());
        assertThat(e.episodes()).filteredOn(s -> s.subject().startsWith("浙C")).extracting(EpisodeState::subject)
                .hasSize(59).contains("浙C00041", "浙C00099");
    }

    @Test
    void noPlateAndNoTracker_isNoSubject() {
        Detection d = Detection.builder(CameraId.of(Scenario.CAM), at(0)).at(Scenario.LON, Scenario.LAT).build();
        assertThat(engine(noParking("F1").build()).submit(d)).isEqualTo(Intake.NO_SUBJECT);
    }

    @Test
    void detectionWithoutPosition_isRejectedNamingCameraAndTime() {
        assertThatThrownBy(() -> Detection.builder(CameraId.of("cam-1"), at(0)).build())
                .isInstanceOf(GeofenceException.class).hasMessageContaining("cam-1").hasMessageContaining("no position");
    }

    @Test
    void badSettings_areRejectedNamingTheValue() {
        assertThatThrownBy(() -> Scenario.builder(FenceRegistry.of(java.util.List.of()), Scenario.OFFICERS)
                .allowedLateness(Duration.ofSeconds(-1))).hasMessageContaining("allowedLateness").hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> LadderPolicy.builder().jitterRadiusMeters(0)).hasMessageContaining("jitterRadiusMeters");
        assertThatThrownBy(() -> LadderPolicy.builder().steps(java.util.List.of(
                LadderStep.after(Duration.ofMinutes(1), LadderAction.VOICE_WARNING))).build())
                .hasMessageContaining("first ladder step");
        assertThatThrownBy(() -> new PlateRead("浙A1", 1.5)).hasMessageContaining("confidence");
    }
}
