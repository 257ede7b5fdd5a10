package io.offsite.geofence;

import static io.offsite.geofence.Scenario.CAM;
import static io.offsite.geofence.Scenario.LAT;
import static io.offsite.geofence.Scenario.LON;
import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.car;
import static io.offsite.geofence.Scenario.engine;
import static io.offsite.geofence.Scenario.noParking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.geo.GeoPoint;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instants and dates at the extremes give a clear GeofenceException or work — never overflow inside the engine. */
class ExtremeTimeTest {
    private static final String RANGE = "[1970-01-01T00:00:00Z, 9000-01-01T00:00:00Z)";
    private static final List<Instant> OUTSIDE = List.of(Instant.MAX, Instant.MIN, Instant.EPOCH.minusMillis(1),
            Instant.EPOCH.minus(Duration.ofDays(365 * 100)), EventTimes.END, Instant.ofEpochMilli(Long.MAX_VALUE),
            Instant.ofEpochMilli(Long.MIN_VALUE), Instant.parse("9999-12-31T23:59:59Z"));

    /** Cars A and B parked 0–900 s every 5 s, interleaved; returns every effect. */
    private static List<EnforcementEffect> parkedPair(GeofenceEngine e) {
        List<EnforcementEffect> out = new ArrayList<>();
        for (int s = 0; s <= 900; s += 5) {
            for (String p : List.of("浙B99999", "浙A12345")) {
                Scenario.deliverAtOnce(e, Scenario.submit(e, car(p, s)).effects(), out);
            }
        }
        Scenario.deliverAtOnce(e, Scenario.advanceTo(e, at(1000)).effects(), out);
        return out;
    }

    @Test
    void permitValidUntilInstantMax_exemptsWithoutOverflow_andOtherCarsKeepTheirEffects() {
        // before: ArithmeticException inside submit once B reached dwell; then half the submits threw, A got nothing
        Exemptions forever = Exemptions.none()
                .withPermit(new Exemptions.Permit("浙B99999", Instant.MIN, Instant.MAX, "P-forever"));
        List<EnforcementEffect> fx = parkedPair(engine(noParking("F1").exemptions(forever).build()));
        Exemptions bounded = Exemptions.none()
                .withPermit(new Exemptions.Permit("浙B99999", at(-3600), at(3600), "P-today"));
        List<EnforcementEffect> expected = parkedPair(engine(noParking("F1").exemptions(bounded).build()));
        assertThat(fx).isEqualTo(expected);
        assertThat(fx).filteredOn(x -> x instanceof EpisodeResolved r && r.outcome() == EpisodeResolved.Outcome.EXEMPT)
                .hasSize(1);
        assertThat(fx).anyMatch(x -> x instanceof io.offsite.core.effect.DispatchOfficer);
    }

    @Test
    void permitCoverage_atOpenEnds_followsItsInstants() {
        Exemptions.Permit p = new Exemptions.Permit("浙B99999", Instant.MIN, Instant.MAX, "P-1");
        Exemptions ex = Exemptions.none().withPermit(p);
        for (long t : new long[] {Long.MIN_VALUE, -1, 0, at(0).toEpochMilli(), Long.MAX_VALUE - 1}) {
            assertThat(ex.exempts("浙B99999", VehicleClass.ORDINARY, t)).as("%d", t).isTrue();
        }
        Exemptions until = Exemptions.none()
                .withPermit(new Exemptions.Permit("浙B99999", at(0), Instant.MAX, "P-2"));
        assertThat(until.exempts("浙B99999", VehicleClass.ORDINARY, at(-1).toEpochMilli())).isFalse();
        assertThat(until.exempts("浙B99999", VehicleClass.ORDINARY, Long.MAX_VALUE)).isFalse(); // Long.MAX saturates
    }

    @Test
    void detectionOutsideTheEventTimeRange_isRefusedByTheBuilder_namingCameraTimeAndRange() {
        for (Instant t : OUTSIDE) {
            assertThatThrownBy(() -> Detection.builder(CameraId.of(CAM), t)).as("%s", t)
                    .isInstanceOf(GeofenceException.class).hasMessageContaining(CAM)
                    .hasMessageContaining(t.toString()).hasMessageContaining(RANGE);
        }
        for (Instant t : List.of(EventTimes.EARLIEST, EventTimes.END.minusMillis(1))) {
            assertThat(Detection.builder(CameraId.of(CAM), t).plate("浙A12345", 0.9).at(LON, LAT).build().eventTime())
                    .isEqualTo(t);
        }
        assertThat(EventTimes.contains(Instant.MAX)).isFalse();
        assertThat(EventTimes.contains(Instant.EPOCH)).isTrue();
    }

    @Test
    void engineCallsAtExtremeInstants_throwGeofenceException_andChangeNothing() {
        GeofenceEngine e = engine(noParking("F1").build());
        Scenario.submit(e, car("浙A12345", 100));
        long wm = Scenario.wm(e);
        for (Instant t : OUTSIDE) {
            assertThatThrownBy(() -> Scenario.advanceTo(e, t)).as("%s", t).isInstanceOf(GeofenceException.class)
                    .hasMessageContaining("advanceTo").hasMessageContaining(RANGE);
            assertThatThrownBy(() -> e.ownerNotified("AAAAAAAAAAAAAAAAAAAAAA", t)).as("%s", t)
                    .isInstanceOf(GeofenceException.class).hasMessageContaining("deliveredAt")
                    .hasMessageContaining(RANGE);
            assertThatThrownBy(() -> e.ownerUnreachable("AAAAAAAAAAAAAAAAAAAAAA", t, "dead letter")).as("%s", t)
                    .isInstanceOf(GeofenceException.class).hasMessageContaining("at ").hasMessageContaining(RANGE);
        }
        assertThat(Scenario.wm(e)).isEqualTo(wm);
        assertThat(Scenario.submit(e, car("浙A12345", 101)).intake()).isEqualTo(Intake.ACCEPTED);
    }

    @Test
    void clockOutsideTheRange_isRefusedWhenBuiltAndOnTick() {
        GeofenceEngineBuilder b = Scenario.builder(FenceRegistry.of(List.of(noParking("F1").build())),
                Scenario.OFFICERS).episodeIdKey(Scenario.ID_KEY);
        for (Instant t : List.of(Instant.MAX, Instant.MIN, Instant.parse("9999-12-31T00:00:00Z"))) {
            assertThatThrownBy(() -> b.clock(Clock.fixed(t, ZoneOffset.UTC)).build()).as("%s", t)
                    .isInstanceOf(GeofenceException.class).hasMessageContaining("engine clock")
                    .hasMessageContaining(RANGE);
        }
        TestClock clock = new TestClock(at(0));
        GeofenceEngine e = b.clock(clock).build();
        Scenario.submit(e, car("浙A12345", 0));
        long wm = Scenario.wm(e);
        clock.set(Instant.MAX);
        assertThatThrownBy(e::tick).isInstanceOf(GeofenceException.class).hasMessageContaining("engine clock");
        assertThatThrownBy(() -> Scenario.submit(e, car("浙A12345", 600))).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("engine clock");
        assertThat(Scenario.wm(e)).isEqualTo(wm);
        clock.set(at(10));
        assertThat(Scenario.tick(e).effects()).isEmpty();
        assertThat(Scenario.wm(e)).isEqualTo(at(5).toEpochMilli());
    }

    @Test
    void scheduleDatesOutsideTheRange_areRefusedNamingTheDate() {
        for (LocalDate d : List.of(LocalDate.MAX, LocalDate.MIN, LocalDate.of(1969, 12, 31), LocalDate.of(9000, 1, 1))) {
            assertThatThrownBy(() -> FenceSchedule.builder().off(d)).as("%s", d).isInstanceOf(GeofenceException.class)
                    .hasMessageContaining(d.toString()).hasMessageContaining("1970-01-01").hasMessageContaining("8999-12-31");
            assertThatThrownBy(() -> FenceSchedule.builder().on(d, LocalTime.of(8, 0), LocalTime.of(9, 0))).as("%s", d)
                    .isInstanceOf(GeofenceException.class).hasMessageContaining(d.toString());
        }
        assertThatCode(() -> FenceSchedule.builder().off(LocalDate.of(1970, 1, 1)).off(LocalDate.of(8999, 12, 31))
                .build()).doesNotThrowAnyException();
    }

    @Test
    void scheduleQueriesAtExtremeTimes_neverOverflow() {
        // weekdays all day: a period that ends at the weekend, so activeUntil/activeSince compute day boundaries
        FenceSchedule weekdays = FenceSchedule.builder(ZoneId.of("Asia/Shanghai")).allDay(EnumSet.range(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY)).build();
        FenceSchedule westward = FenceSchedule.builder(ZoneId.of("America/Los_Angeles"))
                .weekly(EnumSet.allOf(DayOfWeek.class), LocalTime.of(20, 0), LocalTime.MIDNIGHT).build();
        for (FenceSchedule s : List.of(weekdays, westward)) {
            for (Instant t : List.of(Instant.MAX, Instant.MIN, EventTimes.END, Instant.ofEpochMilli(Long.MAX_VALUE))) {
                assertThatCode(() -> s.isActive(t)).as("%s", t).doesNotThrowAnyException();
            }
            for (long t : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 86_400_000L * 3, Long.MIN_VALUE,
                Long.MIN_VALUE + 86_400_000L * 3}) {
                for (long k = 0; k < 7; k++) { // each weekday near the ends of the long range
                    long q = t > 0 ? t - k * 86_400_000L : t + k * 86_400_000L;
                    long until = s.activeUntil(q);
                    long since = s.activeSince(q);
                    assertThat(until == Long.MIN_VALUE || until > q).as("activeUntil(%d) = %d", q, until).isTrue();
                    assertThat(since == Long.MAX_VALUE || since <= q).as("activeSince(%d) = %d", q, since).isTrue();
                }
            }
        }
        Fence f = noParking("F1").schedule(weekdays).build();
        assertThatCode(() -> FenceRegistry.of(List.of(f)).snapshot().activeContaining(GeoPoint.of(LON, LAT), Instant.MAX))
                .doesNotThrowAnyException();
    }

    @Test
    void policyDurationsBeyondTenYears_areRefusedNamingTheField() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        Duration justOver = LadderPolicy.MAX_DURATION.plusMillis(1);
        for (Duration d : List.of(huge, justOver)) {
            assertThatThrownBy(() -> LadderPolicy.builder().dwell(d)).isInstanceOf(GeofenceException.class)
                    .hasMessageContaining("dwell").hasMessageContaining("3650 days");
            assertThatThrownBy(() -> LadderPolicy.builder().gapTolerance(d)).isInstanceOf(GeofenceException.class)
                    .hasMessageContaining("gapTolerance");
            assertThatThrownBy(() -> LadderPolicy.builder().repeat(LadderPolicy.RepeatScope.SUBJECT, d, 0))
                    .isInstanceOf(GeofenceException.class).hasMessageContaining("repeatWindow");
            assertThatThrownBy(() -> LadderStep.after(d, LadderAction.DISPATCH_OFFICER))
                    .isInstanceOf(GeofenceException.class).hasMessageContaining("waitAfterPrevious");
        }
        assertThatCode(() -> LadderPolicy.builder().dwell(LadderPolicy.MAX_DURATION)
                .repeat(LadderPolicy.RepeatScope.SUBJECT, LadderPolicy.MAX_DURATION, 0).build())
                .doesNotThrowAnyException();
    }

    @Test
    void ladderStepInputsOutsideTheRange_areRefusedWithGeofenceException() {
        Fence f = noParking("F1").build();
        Ladder.Context ctx = new Ladder.Context(f, Scenario.OFFICERS, Ladder.History.empty(), 97_000,
                EpisodeIds.hmacSha256(Scenario.ID_KEY), 1.0);
        Ladder.Sighting ok = new Ladder.Sighting(at(0).toEpochMilli(), LON, LAT, true, CAM, null, false,
                VehicleClass.ORDINARY);
        EpisodeState s = Ladder.start(f, "浙A12345", ok);
        for (long t : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -1, EventTimes.END_MS}) {
            assertThatThrownBy(() -> new Ladder.Sighting(t, LON, LAT, true, CAM, null, false, VehicleClass.ORDINARY))
                    .as("%d", t).isInstanceOf(GeofenceException.class).hasMessageContaining(RANGE);
            assertThatThrownBy(() -> Ladder.tick(s, t, ctx)).isInstanceOf(GeofenceException.class);
            assertThatThrownBy(() -> Ladder.notified(s, t, ctx)).isInstanceOf(GeofenceException.class);
            assertThatThrownBy(() -> Ladder.unreachable(s, t, "x", ctx)).isInstanceOf(GeofenceException.class);
            assertThatThrownBy(() -> new EpisodeState("F1", "浙A12345", "浙A12345", 1, EpisodeState.Phase.TRACKING,
                    Math.min(t, 0), Math.max(t, 0), LON, LAT, LON, LAT, CAM, false, 0, 0, Long.MAX_VALUE,
                    Long.MAX_VALUE, 0, "")).isInstanceOf(GeofenceException.class).hasMessageContaining(RANGE);
        }
    }

    @Test
    void alarmTimeOutsideTheRange_isRefusedNamingCameraTimeAndZone() {
        CameraId cam = CameraId.of(CAM);
        for (LocalDateTime t : List.of(LocalDateTime.MAX, LocalDateTime.MIN, LocalDateTime.of(9999, 12, 31, 0, 0))) {
            for (ZoneId z : List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/Los_Angeles"))) {
                assertThatThrownBy(() -> cam.alarmInstant(t, z)).as("%s %s", t, z)
                        .isInstanceOf(GeofenceException.class).hasMessageContaining(CAM)
                        .hasMessageContaining(t.toString()).hasMessageContaining(RANGE);
            }
        }
        assertThatThrownBy(() -> cam.alarmInstant("+999999999-12-31T23:59:59", ZoneId.of("America/Los_Angeles")))
                .isInstanceOf(GeofenceException.class);
    }
}
