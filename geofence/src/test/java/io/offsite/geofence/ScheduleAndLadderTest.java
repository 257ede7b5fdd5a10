package io.offsite.geofence;

import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.engine;
import static io.offsite.geofence.Scenario.noParking;
import static io.offsite.geofence.Scenario.parked;
import static io.offsite.geofence.Scenario.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved.Outcome;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.FileCase;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.effect.VoiceWarning;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.violation.Violation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fence schedules, the vending ladder, repeats and pixel fences. */
class ScheduleAndLadderTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** T0 is 08:00 local on Monday 2026-11-02. */
    static final FenceSchedule STRICT_0810_0830 = FenceSchedule.builder(SHANGHAI)
            .weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 10), LocalTime.of(8, 30)).build();

    @Test
    void fenceBecomingActiveWhileParked_startsDwellAtActivation() {
        Fence f = noParking("F1").schedule(STRICT_0810_0830).build();
        List<EnforcementEffect> fx = run(engine(f), parked("浙A12345", 0, 600 + 130, 1), 780);

        assertThat(fx).hasSize(1);
        assertThat(fx.get(0)).isInstanceOf(RequestOwnerMove.class);
        assertThat(fx.get(0).at()).isEqualTo(at(600 + 120));
    }

    @Test
    void fenceActivePeriodEndingMidWindow_resolvesFenceInactiveWithoutDispatch() {
        Fence f = noParking("F1").schedule(STRICT_0810_0830).build();
        List<EnforcementEffect> fx = run(engine(f), parked("浙A12345", 1500, 2400, 1), 2500);

        assertThat(fx).extracting(e -> e.getClass().getSimpleName()).containsExactly("RequestOwnerMove", "EpisodeResolved");
        EpisodeResolved r = (EpisodeResolved) fx.get(1);
        assertThat(r.outcome()).isEqualTo(Outcome.FENCE_INACTIVE);
        assertThat(r.at()).isEqualTo(at(1800));
    }

    @Test
    void fenceActivePeriodEnding_firesByTimerWhenNoDetectionsArrive() {
        Fence f = noParking("F1").schedule(STRICT_0810_0830).build();
        GeofenceEngine e = engine(f);
        List<EnforcementEffect> fx = new ArrayList<>(run(e, parked("浙A12345", 1500, 1750, 1), 1751));
        fx.addAll(Scenario.advanceTo(e, at(1830)).effects());

        assertThat(fx).extracting(x -> x.getClass().getSimpleName()).containsExactly("RequestOwnerMove", "EpisodeResolved");
        assertThat(fx.get(1).at()).isEqualTo(at(1800));
    }

    @Test
    void holidayOff_noEffects() {
        FenceSchedule s = FenceSchedule.builder(SHANGHAI).allDay(EnumSet.allOf(DayOfWeek.class))
                .off(LocalDate.of(2026, 11, 2)).build();
        assertThat(run(engine(noParking("F1").schedule(s).build()), parked("浙A12345", 0, 800, 1), 900)).isEmpty();
    }

    @Test
    void vendingLadder_warnsTwiceThenFilesCaseWithEvidence() {
        Fence f = Fence.builder("V1", FenceKind.NO_VENDING, Scenario.CELL)
                .polygon(Scenario.square(Scenario.LON, Scenario.LAT, 0.0005)).build();
        List<EnforcementEffect> fx = run(engine(f), vendor("t-9", 0, 700), 800);

        assertThat(fx).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("VoiceWarning", "VoiceWarning", "FileCase", "CaptureEvidence", "EpisodeResolved");
        assertThat(((VoiceWarning) fx.get(0)).warningNumber()).isEqualTo(1);
        assertThat(fx.get(0).at()).isEqualTo(at(60));
        assertThat(((VoiceWarning) fx.get(1)).warningNumber()).isEqualTo(2);
        assertThat(fx.get(1).at()).isEqualTo(at(360));
        assertThat(fx.get(2).at()).isEqualTo(at(660));
        assertThat(((VoiceWarning) fx.get(0)).violation()).isEqualTo(Violation.ROAD_OCCUPATION);
        assertThat(((FileCase) fx.get(2)).violation()).isEqualTo(Violation.ROAD_OCCUPATION);
        assertThat(((CaptureEvidence) fx.get(3)).violation()).isEqualTo(Violation.ROAD_OCCUPATION);
        assertThat(((CaptureEvidence) fx.get(3)).videoClip()).isTrue();
        assertThat(((EpisodeResolved) fx.get(4)).outcome()).isEqualTo(Outcome.CASE_FILED);
    }

    @Test
    void vendingRepeatAtSameLocation_thirdEpisodeFilesCaseAtOnce() {
        Fence f = Fence.builder("V1", FenceKind.NO_VENDING, Scenario.CELL)
                .polygon(Scenario.square(Scenario.LON, Scenario.LAT, 0.0005)).build();
        GeofenceEngine e = engine(f);
        long day = 86_400;
        List<Detection> ds = new ArrayList<>(vendor("a", 0, 200));
        ds.addAll(vendor("b", day, day + 200));
        ds.addAll(vendor("c", 2 * day, 2 * day + 200));
        List<EnforcementEffect> fx = run(e, ds, 2 * day + 1000);

        assertThat(fx).filteredOn(x -> x instanceof VoiceWarning).hasSize(2);
        List<FileCase> cases = fx.stream().filter(x -> x instanceof FileCase).map(x -> (FileCase) x).toList();
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.at()).isEqualTo(at(2 * day + 60));
            assertThat(c.repeatCount()).isEqualTo(2);
        });
    }

    @Test
    void pixelFence_testsBottomCentreOfBox_andReportsSite() {
        GeoPoint site = GeoPoint.of(120.2, 30.3);
        Fence f = Fence.builder("P1", FenceKind.NO_PARKING, Scenario.CELL)
                .pixels(Scenario.CAM, 2, Scenario.GF.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
                    new org.locationtech.jts.geom.Coordinate(100, 500), new org.locationtech.jts.geom.Coordinate(900, 500),
                    new org.locationtech.jts.geom.Coordinate(900, 1000), new org.locationtech.jts.geom.Coordinate(100, 1000),
                    new org.locationtech.jts.geom.Coordinate(100, 500)}), site).build();
        List<Detection> inside = new ArrayList<>();
        List<Detection> wrongPreset = new ArrayList<>();
        for (int s = 0; s <= 130; s++) {
            // box from y=300 to y=600: top is outside the fence, bottom-centre (400, 600) is inside
            inside.add(Detection.builder(CameraId.of(Scenario.CAM), at(s)).plate("浙B77777", 0.9)
                    .box(new PixelBox(2, 300, 300, 200, 300)).build());
            wrongPreset.add(Detection.builder(CameraId.of(Scenario.CAM), at(s)).plate("浙B77777", 0.9)
                    .box(new PixelBox(3, 300, 300, 200, 300)).build());
        }
        List<EnforcementEffect> fx = run(engine(f), inside, 140);
        assertThat(fx).singleElement().isInstanceOf(RequestOwnerMove.class);
        assertThat(((RequestOwnerMove) fx.get(0)).location()).isEqualTo(site);
        assertThat(run(engine(f), wrongPreset, 140)).isEmpty();
    }

    @Test
    void objectClassOutsidePolicy_isIgnoredByFence() {
        List<Detection> people = new ArrayList<>();
        for (int s = 0; s <= 800; s++) {
            people.add(Detection.builder(CameraId.of(Scenario.CAM), at(s)).objectClass(ObjectClass.PERSON)
                    .tracker("p1").at(Scenario.LON, Scenario.LAT).build());
        }
        assertThat(run(engine(noParking("F1").build()), people, 900)).isEmpty();
    }

    @Test
    void customLadder_zeroDwellAndSingleStep_firesOnFirstSighting() {
        LadderPolicy p = LadderPolicy.builder().dwell(Duration.ZERO)
                .steps(List.of(LadderStep.after(Duration.ZERO, LadderAction.FILE_CASE))).build();
        List<EnforcementEffect> fx = run(engine(noParking("F1").policy(p).build()), parked("浙A12345", 10, 10, 1), 100);
        assertThat(fx).extracting(e -> e.getClass().getSimpleName()).containsExactly("FileCase", "EpisodeResolved");
        assertThat(fx.get(0).at()).isEqualTo(at(10));
    }

    static List<Detection> vendor(String tracker, long from, long to) {
        List<Detection> out = new ArrayList<>();
        for (long s = from; s <= to; s += 2) {
            out.add(Detection.builder(CameraId.of(Scenario.CAM), at(s)).objectClass(ObjectClass.VENDOR)
                    .tracker(tracker).at(Scenario.LON, Scenario.LAT).build());
        }
        return out;
    }
}
