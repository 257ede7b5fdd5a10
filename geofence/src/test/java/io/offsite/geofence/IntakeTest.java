package io.offsite.geofence;

import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.car;
import static io.offsite.geofence.Scenario.engine;
import static io.offsite.geofence.Scenario.noParking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What happens to late, duplicate and subject-less detections, and to bad engine settings. */
class IntakeTest {

    @Test
    void detectionOlderThanAllowedLateness_isReportedLateAndIgnored() {
        GeofenceEngine e = engine(noParking("F1").build());
        assertThat(e.submit(car("浙A12345", 100)).intake()).isEqualTo(Intake.ACCEPTED);
        assertThat(e.submit(car("浙A12345", 96)).intake()).isEqualTo(Intake.ACCEPTED);
        assertThat(e.submit(car("浙A12345", 94)).intake()).isEqualTo(Intake.LATE);
        assertThat(e.watermark()).isEqualTo(at(95).toEpochMilli());
    }

    @Test
    void exactDuplicate_isReportedDuplicate() {
        GeofenceEngine e = engine(noParking("F1").build());
        assertThat(e.submit(car("浙A12345", 100)).intake()).isEqualTo(Intake.ACCEPTED);
        assertThat(e.submit(car("浙A12345", 100)).intake()).isEqualTo(Intake.DUPLICATE);
    }

    @Test
    void noPlateAndNoTracker_isNoSubject() {
        Detection d = Detection.builder(CameraId.of(Scenario.CAM), at(0)).at(Scenario.LON, Scenario.LAT).build();
        assertThat(engine(noParking("F1").build()).submit(d).intake()).isEqualTo(Intake.NO_SUBJECT);
    }

    @Test
    void detectionWithoutPosition_isRejectedNamingCameraAndTime() {
        assertThatThrownBy(() -> Detection.builder(CameraId.of("cam-1"), at(0)).build())
                .isInstanceOf(GeofenceException.class).hasMessageContaining("cam-1").hasMessageContaining("no position");
    }

    @Test
    void badSettings_areRejectedNamingTheValue() {
        assertThatThrownBy(() -> GeofenceEngine.builder(FenceRegistry.of(java.util.List.of()), Scenario.OFFICERS)
                .allowedLateness(Duration.ofSeconds(-1))).hasMessageContaining("allowedLateness").hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> LadderPolicy.builder().jitterRadiusMeters(0)).hasMessageContaining("jitterRadiusMeters");
        assertThatThrownBy(() -> LadderPolicy.builder().steps(java.util.List.of(
                LadderStep.after(Duration.ofMinutes(1), LadderAction.VOICE_WARNING))).build())
                .hasMessageContaining("first ladder step");
        assertThatThrownBy(() -> new PlateRead("浙A1", 1.5)).hasMessageContaining("confidence");
    }
}
