package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Camera alarm times arrive as local wall-clock time with no zone (DOMAIN §6). */
class AlarmTimeTest {
    static final CameraId CAM = CameraId.of("33010600001320000001");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void shanghaiLocalTime_isEightHoursAheadOfUtc() {
        assertThat(CAM.alarmInstant(LocalDateTime.of(2026, 11, 2, 8, 0), SHANGHAI))
                .isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    }

    @Test
    void text_withTOrSpaceAndFraction_parsesToTheSameInstant() {
        Instant expected = Instant.parse("2026-11-02T00:00:00.250Z");
        assertThat(CAM.alarmInstant("2026-11-02T08:00:00.25", SHANGHAI)).isEqualTo(expected);
        assertThat(CAM.alarmInstant(" 2026-11-02 08:00:00.250 ", SHANGHAI)).isEqualTo(expected);
    }

    @Test
    void timeInSpringForwardGap_isRejectedNamingCameraTimeAndZone() {
        assertThatThrownBy(() -> CAM.alarmInstant(LocalDateTime.of(2026, 3, 29, 2, 30), BERLIN))
                .isInstanceOf(GeofenceException.class)
                .hasMessageContaining("33010600001320000001").hasMessageContaining("2026-03-29T02:30")
                .hasMessageContaining("Europe/Berlin").hasMessageContaining("does not exist");
    }

    @Test
    void timeInAutumnOverlap_takesTheEarlierOffset() {
        assertThat(CAM.alarmInstant(LocalDateTime.of(2026, 10, 25, 2, 30), BERLIN))
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void malformedOrZonedText_isRejectedNamingCameraAndText() {
        assertThatThrownBy(() -> CAM.alarmInstant("02/11/2026 08:00", SHANGHAI))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("33010600001320000001")
                .hasMessageContaining("\"02/11/2026 08:00\"");
        assertThatThrownBy(() -> CAM.alarmInstant("2026-11-02T08:00:00+08:00", SHANGHAI))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("not a local date-time");
    }

    @Test
    void nullArguments_areRejectedByName() {
        assertThatThrownBy(() -> CAM.alarmInstant((LocalDateTime) null, SHANGHAI)).hasMessageContaining("localTime");
        assertThatThrownBy(() -> CAM.alarmInstant("2026-11-02T08:00:00", null)).hasMessageContaining("cameraZone");
    }
}
