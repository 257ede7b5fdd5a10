package io.offsite.geofence.truck;

import static io.offsite.geofence.truck.TruckFixtures.ROAD_LAT;
import static io.offsite.geofence.truck.TruckFixtures.TRUCK;
import static io.offsite.geofence.truck.TruckFixtures.permit;
import static io.offsite.geofence.truck.TruckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OUTSIDE_PERMITTED_HOURS with a night window crossing midnight (20:00–06:00 Asia/Shanghai). */
class PermittedHoursTimelineTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static TruckPosition movingAt(String localDateTime, double speed) {
        Instant t = LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
        return TruckPosition.of(TRUCK, t, 121.2600, ROAD_LAT, speed);
    }

    private static List<TruckFinding> hours(TruckPermit permit, TruckPosition... ps) {
        return run(permit, b -> b).feed(ps).of(TruckFindingKind.OUTSIDE_PERMITTED_HOURS);
    }

    @Test
    void movingOneSecondBeforeTheWindowOpens_isOutsideHours() {
        List<TruckFinding> f = hours(TruckFixtures.nightPermit(), movingAt("2026-11-02T19:59:59", 30));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).start()).isEqualTo(Instant.parse("2026-11-02T11:59:59Z"));
    }

    @Test
    void movingAtTheWindowsOpening_isPermitted() {
        assertThat(hours(TruckFixtures.nightPermit(), movingAt("2026-11-02T20:00:00", 30))).isEmpty();
    }

    @Test
    void movingAfterMidnightUntilOneSecondBeforeSix_isPermitted() {
        assertThat(hours(TruckFixtures.nightPermit(), movingAt("2026-11-03T00:00:00", 30),
                movingAt("2026-11-03T02:00:00", 30), movingAt("2026-11-03T05:59:59", 30))).isEmpty();
    }

    @Test
    void movingAtSixInTheMorning_isOutsideHours() {
        assertThat(hours(TruckFixtures.nightPermit(), movingAt("2026-11-03T05:59:59", 30),
                movingAt("2026-11-03T06:00:00", 30))).hasSize(1);
    }

    @Test
    void outsideHours_findsOncePerEpisodeAndRearmsInTheNextWindow() {
        List<TruckFinding> f = hours(TruckFixtures.nightPermit(), movingAt("2026-11-03T06:10:00", 30),
                movingAt("2026-11-03T06:20:00", 30), movingAt("2026-11-03T21:00:00", 30),
                movingAt("2026-11-04T07:00:00", 30));
        assertThat(f).extracting(TruckFinding::start).containsExactly(Instant.parse("2026-11-02T22:10:00Z"),
                Instant.parse("2026-11-03T23:00:00Z"));
    }

    @Test
    void parkedOutsideHours_isNotAFinding() {
        assertThat(hours(TruckFixtures.nightPermit(), movingAt("2026-11-03T10:00:00", 0),
                movingAt("2026-11-03T10:30:00", 2))).isEmpty();
    }

    @Test
    void nightStartingOnTheLastValidDay_runsPastMidnightButTheNextNightIsOutside() {
        TruckPermit p = permit().window(PermitWindow.daily(LocalTime.of(20, 0), LocalTime.of(6, 0),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2))).build();
        assertThat(hours(p, movingAt("2026-11-03T02:00:00", 30))).isEmpty();
        assertThat(hours(p, movingAt("2026-11-03T20:30:00", 30))).hasSize(1);
    }

    @Test
    void weekdayNights_fridayNightRunsIntoSaturdayButSaturdayNightIsOutside() {
        TruckPermit p = permit().window(new PermitWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(20, 0), LocalTime.of(6, 0), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31))).build();
        assertThat(hours(p, movingAt("2026-11-07T02:00:00", 30))).isEmpty(); // Saturday 02:00, Friday's night
        assertThat(hours(p, movingAt("2026-11-08T02:00:00", 30))).hasSize(1); // Sunday 02:00, Saturday's night
    }

    @Test
    void coversMatchesTheDocumentedHalfOpenRange() {
        PermitWindow w = TruckFixtures.NIGHTS;
        assertThat(w.covers(LocalDateTime.parse("2026-11-10T20:00:00"))).isTrue();
        assertThat(w.covers(LocalDateTime.parse("2026-11-10T19:59:59"))).isFalse();
        assertThat(w.covers(LocalDateTime.parse("2026-11-11T05:59:59"))).isTrue();
        assertThat(w.covers(LocalDateTime.parse("2026-11-11T06:00:00"))).isFalse();
        assertThat(w.covers(LocalDateTime.parse("2026-11-01T01:00:00"))).isFalse(); // belongs to Oct 31
    }
}
