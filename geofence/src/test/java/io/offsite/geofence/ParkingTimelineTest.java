package io.offsite.geofence;

import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.car;
import static io.offsite.geofence.Scenario.concat;
import static io.offsite.geofence.Scenario.engine;
import static io.offsite.geofence.Scenario.noParking;
import static io.offsite.geofence.Scenario.parked;
import static io.offsite.geofence.Scenario.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.EpisodeResolved.Outcome;
import io.offsite.core.effect.RequestOwnerMove;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timelines in the Traccar style: feed detections, assert the effects. */
class ParkingTimelineTest {

    @Test
    void parkedPastWindow_requestsOwnerAtDwellThenDispatchesOfficerOnceWithEvidence() {
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), parked("浙A12345", 0, 800, 1), 900);

        assertThat(fx).hasSize(4);
        RequestOwnerMove sms = (RequestOwnerMove) fx.get(0);
        assertThat(sms.at()).isEqualTo(at(120));
        assertThat(sms.moveWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(sms.deliverBy()).isEqualTo(at(420));
        assertThat(sms.plate()).isEqualTo("浙A12345");
        assertThat(sms.cellId()).isEqualTo(Scenario.CELL);
        DispatchOfficer dispatch = (DispatchOfficer) fx.get(1);
        assertThat(dispatch.at()).isEqualTo(at(720));
        assertThat(dispatch.officerId()).isEqualTo(Scenario.OFFICER);
        assertThat(dispatch.episodeId()).isEqualTo(sms.episodeId());
        CaptureEvidence ev = (CaptureEvidence) fx.get(2);
        assertThat(ev.stillsAt()).containsExactly(at(0), at(120), at(720));
        assertThat(ev.minStills()).isEqualTo(3);
        assertThat(ev.plateLegibleRequired()).isTrue();
        assertThat(ev.minSpan()).isEqualTo(Duration.ofMinutes(10));
        assertThat(Duration.between(ev.stillsAt().get(1), ev.stillsAt().get(2))).isGreaterThanOrEqualTo(ev.minSpan());
        assertThat(((EpisodeResolved) fx.get(3)).outcome()).isEqualTo(Outcome.ESCALATED);
    }

    @Test
    void movedDuringWindow_resolvesMovedAfterGapWithoutDispatch() {
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), parked("浙A12345", 0, 400, 1), 1000);

        assertThat(fx).hasSize(2);
        assertThat(fx.get(0)).isInstanceOf(RequestOwnerMove.class);
        EpisodeResolved r = (EpisodeResolved) fx.get(1);
        assertThat(r.outcome()).isEqualTo(Outcome.MOVED);
        assertThat(r.at()).isEqualTo(at(460));
    }

    @Test
    void leavesFence_resolvesMovedAtExitSighting() {
        List<Detection> ds = concat(parked("浙A12345", 0, 300, 1), List.of(car("浙A12345", 305, Scenario.LON + 0.01, Scenario.LAT)));
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), ds, 400);

        assertThat(fx).extracting(e -> e.getClass().getSimpleName()).containsExactly("RequestOwnerMove", "EpisodeResolved");
        assertThat(fx.get(1).at()).isEqualTo(at(305));
    }

    @Test
    void jitteringJustInsideTheEdge_staysParked_andHalfAMetreAcrossTheEdgeIsLeaving() {
        // the east edge of F1 is at LON + 0.0005; one metre of longitude here is about 1.04e-5 degrees
        double metre = 1.04e-5;
        double edge = Scenario.LON + 0.0005;
        java.util.Random r = new java.util.Random(5);
        List<Detection> ds = new java.util.ArrayList<>();
        for (int s = 0; s <= 300; s++) {
            // 0.3 m inside the edge, ± 0.1 m of jitter: the engine reuses its index answer for most of these
            ds.add(car("浙A12345", s, edge - 0.3 * metre + (r.nextDouble() - 0.5) * 0.2 * metre,
                    Scenario.LAT + (r.nextDouble() - 0.5) * 0.2 * metre));
        }
        ds.add(car("浙A12345", 301, edge + 0.2 * metre, Scenario.LAT));
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), ds, 400);

        assertThat(fx).extracting(e -> e.getClass().getSimpleName()).containsExactly("RequestOwnerMove", "EpisodeResolved");
        assertThat(((EpisodeResolved) fx.get(1)).outcome()).isEqualTo(Outcome.MOVED);
        assertThat(fx.get(1).at()).isEqualTo(at(301));
    }

    @Test
    void fenceAddedWhereACarAlreadyStands_startsItsEpisode_despiteTheRememberedLookup() {
        double lon = Scenario.LON + 0.01;
        // F1 and a far fence F3 make the index span the car's spot, so its empty-cell answer is remembered
        FenceRegistry registry = FenceRegistry.of(List.of(noParking("F1").build(), Fence.builder("F3",
                FenceKind.NO_PARKING, Scenario.CELL).polygon(Scenario.square(lon + 0.01, Scenario.LAT, 0.0005)).build()));
        GeofenceEngine e = Scenario.builder(registry, Scenario.OFFICERS).episodeIdKey(Scenario.ID_KEY).build();
        List<EnforcementEffect> fx = new java.util.ArrayList<>();
        for (int s = 0; s <= 400; s++) {
            if (s == 60) {
                // the car has been looked up (outside every fence) and its answer remembered; now a fence appears
                registry.put(Fence.builder("F2", FenceKind.NO_PARKING, Scenario.CELL)
                        .polygon(Scenario.square(lon, Scenario.LAT, 0.0005)).build());
            }
            fx.addAll(Scenario.submit(e, car("浙A12345", s, lon + (s % 3) * 1e-7, Scenario.LAT)).effects());
        }
        fx.addAll(Scenario.advanceTo(e, at(400)).effects());

        assertThat(fx).singleElement().isInstanceOfSatisfying(RequestOwnerMove.class,
                r -> assertThat(r.fenceId()).isEqualTo("F2"));
    }

    @Test
    void releasedSubjectsHistory_isKeptForTheRepeatWindow_thenForgotten() {
        GeofenceEngine e = engine(noParking("F1").policy(LadderPolicy.parking().toBuilder()
                .repeat(LadderPolicy.RepeatScope.SUBJECT, Duration.ofDays(30), 0).build()).build());
        run(e, parked("浙A12345", 0, 300, 1), 400);
        // warned at 120 s, gone since 300 s: its track is released, its warning kept for repeat counting
        Scenario.advanceTo(e, at(3_600));
        assertThat(e.trackedSubjects()).isZero();
        assertThat(e.rememberedSubjects()).isEqualTo(1);
        Scenario.advanceTo(e, at(29 * 86_400L));
        assertThat(e.rememberedSubjects()).isEqualTo(1);
        Scenario.advanceTo(e, at(31 * 86_400L));
        assertThat(e.rememberedSubjects()).isZero();
    }

    @Test
    void occlusionShorterThanGapTolerance_keepsEpisodeAndDispatches() {
        List<Detection> ds = concat(parked("浙A12345", 0, 300, 1), parked("浙A12345", 345, 800, 1));
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), ds, 900);

        assertThat(fx).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("RequestOwnerMove", "DispatchOfficer", "CaptureEvidence", "EpisodeResolved");
    }

    @Test
    void gapLongerThanToleranceBeforeDwell_restartsDwell() {
        List<Detection> ds = concat(parked("浙A12345", 0, 90, 1), parked("浙A12345", 200, 400, 1));
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), ds, 401);

        assertThat(fx).hasSize(1);
        assertThat(fx.get(0).at()).isEqualTo(at(320));
    }

    @Test
    void notSeenAtOrAfterWindowEnd_neverDispatches() {
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), parked("浙A12345", 0, 719, 1), 2000);

        assertThat(fx).noneMatch(e -> e instanceof DispatchOfficer);
        assertThat(((EpisodeResolved) fx.get(fx.size() - 1)).outcome()).isEqualTo(Outcome.MOVED);
    }

    @Test
    void jitterWithinRadius_stillParked_butDriftBeyondRadiusRestartsDwell() {
        double tiny = 0.00002; // ~2 m
        List<Detection> jitter = new java.util.ArrayList<>();
        for (int s = 0; s <= 130; s++) {
            jitter.add(car("浙A12345", s, Scenario.LON + (s % 2) * tiny, Scenario.LAT));
        }
        assertThat(run(engine(noParking("F1").build()), jitter, 131)).hasSize(1);

        List<Detection> crawl = new java.util.ArrayList<>();
        for (int s = 0; s <= 130; s++) {
            crawl.add(car("浙A12345", s, Scenario.LON - 0.0004 + s * 0.000006, Scenario.LAT));
        }
        assertThat(run(engine(noParking("F1").build()), crawl, 131)).isEmpty();
    }

    @Test
    void ocrConfusedReads_areOneVehicleAndOneEpisode() {
        List<Detection> ds = new java.util.ArrayList<>();
        for (int s = 0; s <= 800; s++) {
            ds.add(car(s % 3 == 0 ? "浙A1234B" : (s % 3 == 1 ? "浙A12348" : "浙 a·1234b"), s));
        }
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), ds, 900);

        assertThat(fx).filteredOn(e -> e instanceof RequestOwnerMove).hasSize(1);
        assertThat(fx).filteredOn(e -> e instanceof DispatchOfficer).hasSize(1);
    }

    @Test
    void occasionalMisread_doesNotBecomeThePlateNamedInEffects() {
        List<Detection> ds = new java.util.ArrayList<>();
        for (int s = 0; s <= 800; s++) {
            ds.add(car(s % 5 == 0 ? "浙A1234S" : "浙A12345", s));
        }
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), ds, 900);

        assertThat(((RequestOwnerMove) fx.get(0)).plate()).isEqualTo("浙A12345");
        assertThat(((DispatchOfficer) fx.get(1)).subject()).isEqualTo("浙A12345");
    }

    @Test
    void policeVehicle_isResolvedExemptOnce_withoutOwnerRequest() {
        List<Detection> ds = new java.util.ArrayList<>();
        for (int s = 0; s <= 800; s++) {
            ds.add(Detection.builder(CameraId.of(Scenario.CAM), at(s)).plate("浙A0001警", 0.9)
                    .vehicleClass(VehicleClass.POLICE).at(Scenario.LON, Scenario.LAT).build());
        }
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), ds, 900);

        assertThat(fx).hasSize(1);
        assertThat(((EpisodeResolved) fx.get(0)).outcome()).isEqualTo(Outcome.EXEMPT);
    }

    @Test
    void validPermit_exempts_butExpiredPermitDoesNot() {
        Exemptions ex = Exemptions.none().withPermit(new Exemptions.Permit("浙A12345", at(-3600), at(60), "P-1"));
        Fence f = noParking("F1").exemptions(ex).build();
        assertThat(run(engine(f), parked("浙A12345", 0, 800, 1), 900))
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("RequestOwnerMove", "DispatchOfficer",
                        "CaptureEvidence", "EpisodeResolved");
        Exemptions valid = Exemptions.none().withPermit(new Exemptions.Permit("浙A12345", at(-3600), at(3600), "P-2"))
                .withPlatePattern("^.*警$");
        Fence g = noParking("F1").exemptions(valid).build();
        List<EnforcementEffect> fx = run(engine(g), concat(parked("浙A12345", 0, 800, 1)), 900);
        assertThat(fx).hasSize(1);
        assertThat(((EpisodeResolved) fx.get(0)).outcome()).isEqualTo(Outcome.EXEMPT);
    }

    @Test
    void secondEpisodeSameDay_isCappedWithoutDispatch_andCountsAsRepeat() {
        GeofenceEngine e = engine(noParking("F1").build());
        List<Detection> day = concat(parked("浙A12345", 0, 800, 1), parked("浙A12345", 2000, 2800, 1));
        List<EnforcementEffect> fx = run(e, day, 2900);

        assertThat(fx).filteredOn(x -> x instanceof DispatchOfficer).hasSize(1);
        assertThat(fx).filteredOn(x -> x instanceof RequestOwnerMove).hasSize(2);
        assertThat(fx).filteredOn(x -> x instanceof EpisodeResolved r && r.outcome() == Outcome.CAPPED).hasSize(1);
        List<String> ids = fx.stream().filter(x -> x instanceof RequestOwnerMove).map(EnforcementEffect::episodeId).toList();
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
    }

    @Test
    void reentryNextDay_startsNewEpisode_dispatchesAgain_andReasonCountsRepeat() {
        GeofenceEngine e = engine(noParking("F1").build());
        long nextDay = 86_400;
        List<Detection> ds = concat(parked("浙A12345", 0, 800, 1), parked("浙A12345", nextDay, nextDay + 800, 1));
        List<EnforcementEffect> fx = run(e, ds, nextDay + 900);

        List<DispatchOfficer> d = fx.stream().filter(x -> x instanceof DispatchOfficer).map(x -> (DispatchOfficer) x).toList();
        assertThat(d).hasSize(2);
        assertThat(d.get(1).reason()).contains("repeat #2");
        assertThat(d.get(0).episodeId()).isNotEqualTo(d.get(1).episodeId());
    }

    @Test
    void noOfficerAnywhere_emitsDispatchUnaddressed_notOnlyAProblem_andStillRequestsEvidence() {
        Fence f = Fence.builder("F9", FenceKind.NO_PARKING, io.offsite.core.grid.CellId.of("orphan-cell"))
                .polygon(Scenario.square(Scenario.LON, Scenario.LAT, 0.0005)).build();
        GeofenceEngine e = engine(f);
        java.util.List<String> problems = new java.util.ArrayList<>();
        java.util.List<EnforcementEffect> fx = new java.util.ArrayList<>();
        for (Detection d : parked("浙A12345", 0, 800, 1)) {
            EngineResult r = Scenario.submit(e, d);
            Scenario.deliverAtOnce(e, r.effects(), fx);
            problems.addAll(r.problems());
        }
        EngineResult last = Scenario.advanceTo(e, at(900));
        fx.addAll(last.effects());
        problems.addAll(last.problems());

        assertThat(problems).isEmpty();
        assertThat(fx).anyMatch(x -> x instanceof CaptureEvidence).noneMatch(x -> x instanceof DispatchOfficer);
        assertThat(fx).filteredOn(x -> x instanceof io.offsite.core.effect.DispatchUnaddressed).singleElement()
                .satisfies(x -> {
                    io.offsite.core.effect.DispatchUnaddressed u = (io.offsite.core.effect.DispatchUnaddressed) x;
                    assertThat(u.cellId().value()).isEqualTo("orphan-cell");
                    assertThat(u.reason()).contains("no officer on duty in cell orphan-cell or any cell above it");
                });
    }

    @Test
    void overlappingFences_runOneEpisodePerFence_andLeavingOneKeepsTheOther() {
        Fence a = Fence.builder("A", FenceKind.NO_PARKING, Scenario.CELL)
                .polygon(Scenario.square(Scenario.LON, Scenario.LAT, 0.0005)).build();
        Fence b = Fence.builder("B", FenceKind.NO_PARKING, Scenario.CELL)
                .polygon(Scenario.square(Scenario.LON + 0.0008, Scenario.LAT, 0.0005)).build();
        Fence c = Fence.builder("C", FenceKind.NO_PARKING, Scenario.CELL)
                .polygon(Scenario.square(Scenario.LON + 0.0004, Scenario.LAT, 0.0002)).build();
        double overlapLon = Scenario.LON + 0.0004;
        List<Detection> ds = new java.util.ArrayList<>();
        for (int s = 0; s <= 300; s++) {
            ds.add(car("浙A12345", s, overlapLon, Scenario.LAT));
        }
        for (int s = 301; s <= 1100; s++) {
            ds.add(car("浙A12345", s, Scenario.LON + 0.0010, Scenario.LAT)); // only inside B now
        }
        List<EnforcementEffect> fx = run(engine(a, b, c), ds, 1150);

        assertThat(fx.stream().filter(e -> e instanceof RequestOwnerMove).map(e -> ((RequestOwnerMove) e).fenceId()))
                .containsExactlyInAnyOrder("A", "B", "C", "B");
        assertThat(fx.stream().filter(e -> e instanceof EpisodeResolved r && r.outcome() == Outcome.MOVED).count()).isEqualTo(3);
        assertThat(fx.stream().filter(e -> e instanceof DispatchOfficer).map(e -> ((DispatchOfficer) e).fenceId()))
                .containsExactly("B");
    }
}
