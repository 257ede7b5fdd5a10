package io.offsite.geofence;

import static io.offsite.geofence.Scenario.CAM;
import static io.offsite.geofence.Scenario.LAT;
import static io.offsite.geofence.Scenario.LON;
import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.car;
import static io.offsite.geofence.Scenario.noParking;
import static io.offsite.geofence.Scenario.parked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.spi.EpisodeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event time is checked against the engine's clock: a detection from the future is refused, never absorbed. */
class FutureSkewTest {
    /** The last second of the supported range: far in the future, yet a detection can be built with it. */
    private static final Instant FAR = Instant.parse("8999-12-31T23:59:59Z");

    static GeofenceEngine engine(Clock clock, EpisodeStore store) {
        return Scenario.builder(FenceRegistry.of(List.of(noParking("F1").build())), Scenario.OFFICERS)
                .store(store).clock(clock).episodeIdKey(Scenario.ID_KEY).build();
    }

    static Detection from(String plate, Instant t) {
        return Detection.builder(CameraId.of(CAM), t).plate(plate, 0.95).at(LON, LAT).build();
    }

    /** Car A parked 0–900 s, car B 30–900 s, every 5 s, fed one by one with the clock following event time. */
    private static List<EnforcementEffect> twoCars(GeofenceEngine e, TestClock clock, Detection poison, long poisonAt) {
        List<EnforcementEffect> out = new ArrayList<>();
        for (long s = 0; s <= 900; s += 5) {
            clock.set(at(s));
            if (s == poisonAt) {
                EngineResult r = Scenario.submit(e, poison);
                assertThat(r.intake()).isEqualTo(Intake.FUTURE);
                assertThat(r.effects()).isEmpty();
                assertThat(r.problems()).singleElement().asString().contains(CAM, poison.eventTime().toString(),
                        at(s).toString(), "PT5M");
            }
            for (Detection d : s >= 30 ? List.of(car("浙A12345", s), car("浙B67890", s)) : List.of(car("浙A12345", s))) {
                EngineResult r = Scenario.submit(e, d);
                assertThat(r.intake()).as("%s", d).isEqualTo(Intake.ACCEPTED);
                Scenario.deliverAtOnce(e, r.effects(), out);
            }
        }
        clock.set(at(1000));
        Scenario.deliverAtOnce(e, Scenario.tick(e).effects(), out);
        return out;
    }

    @Test
    void detectionFromTheFarFuture_isRefusedAsFuture_andEveryOtherCarKeepsItsEffects() {
        // a 9999-12-31 stamp cannot even be built (outside EventTimes); the far future inside the range is refused
        assertThatThrownBy(() -> from("浙C11111", Instant.parse("9999-12-31T00:00:00Z")))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("9999-12-31");
        TestClock c1 = new TestClock(at(0));
        List<EnforcementEffect> clean = twoCars(engine(c1, EpisodeStore.inMemory()), c1, null, -1);
        assertThat(clean).filteredOn(x -> x instanceof RequestOwnerMove).hasSize(2);

        // the same traffic with one detection stamped in the far future (before this check it moved the watermark
        // there, and every later detection of every car was LATE: no effect at all)
        TestClock c2 = new TestClock(at(0));
        GeofenceEngine e = engine(c2, EpisodeStore.inMemory());
        List<EnforcementEffect> poisoned = twoCars(e, c2, from("浙C11111", FAR), 60);
        assertThat(poisoned).isEqualTo(clean);
        assertThat(Scenario.wm(e)).isLessThan(at(1000).toEpochMilli());
    }

    @Test
    void futureDetectionOfATrackedCar_leavesItsEpisodeAlone() {
        TestClock c1 = new TestClock(at(0));
        List<EnforcementEffect> clean = twoCars(engine(c1, EpisodeStore.inMemory()), c1, null, -1);
        TestClock c2 = new TestClock(at(0));
        // car A itself, stamped an hour ahead (a camera whose clock is off), half-way through its stay
        List<EnforcementEffect> poisoned = twoCars(engine(c2, EpisodeStore.inMemory()), c2,
                from("浙A12345", at(3600 + 400)), 400);
        assertThat(poisoned).isEqualTo(clean);
    }

    @Test
    void futureDetection_isNeitherBufferedNorTrackedNorStored() {
        EpisodeStore store = EpisodeStore.inMemory();
        GeofenceEngine e = engine(Clock.fixed(at(0), java.time.ZoneOffset.UTC), store);
        assertThat(Scenario.submit(e, from("浙A12345", FAR)).intake()).isEqualTo(Intake.FUTURE);
        assertThat(e.trackedSubjects()).isZero();
        assertThat(e.pendingDeadlines()).isZero();
        assertThat(Scenario.wm(e)).isEqualTo(Long.MIN_VALUE);
        e.checkpoint();
        assertThat(store.watermark()).isEqualTo(Long.MIN_VALUE);
        assertThat(store.episodes()).isEmpty();
        // and the next ordinary detection is applied as if the refused one never came
        assertThat(Scenario.submit(e, from("浙A12345", at(0))).intake()).isEqualTo(Intake.ACCEPTED);
    }

    @Test
    void skewLimit_atTheLimitIsAccepted_oneMillisecondBeyondIsFuture() {
        for (Duration skew : List.of(Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(24))) {
            GeofenceEngine e = Scenario.builder(FenceRegistry.of(List.of(noParking("F1").build())),
                    Scenario.OFFICERS).clock(Clock.fixed(at(0), java.time.ZoneOffset.UTC)).maxFutureSkew(skew)
                    .episodeIdKey(Scenario.ID_KEY).build();
            assertThat(Scenario.submit(e, from("浙A12345", at(0).plus(skew).plusMillis(1))).intake()).as("%s", skew)
                    .isEqualTo(Intake.FUTURE);
            assertThat(Scenario.submit(e, from("浙A12345", at(0).plus(skew))).intake()).as("%s", skew)
                    .isEqualTo(Intake.ACCEPTED);
        }
    }

    @Test
    void defaultSkew_isFiveMinutes() {
        GeofenceEngine e = engine(Clock.fixed(at(0), java.time.ZoneOffset.UTC), EpisodeStore.inMemory());
        assertThat(Scenario.submit(e, from("浙A12345", at(300))).intake()).isEqualTo(Intake.ACCEPTED);
        assertThat(Scenario.submit(e, from("浙A12345", at(301))).intake()).isEqualTo(Intake.FUTURE);
    }

    @Test
    void clockMovingOn_acceptsWhatWasTooFarAheadBefore() {
        TestClock clock = new TestClock(at(0));
        GeofenceEngine e = engine(clock, EpisodeStore.inMemory());
        assertThat(Scenario.submit(e, from("浙A12345", at(600))).intake()).isEqualTo(Intake.FUTURE);
        clock.set(at(300));
        assertThat(Scenario.submit(e, from("浙A12345", at(600))).intake()).isEqualTo(Intake.ACCEPTED);
    }

    @Test
    void submitAll_refusesFutureDetectionsInPlace_andAppliesTheRest() {
        GeofenceEngine e = engine(Clock.fixed(at(100), java.time.ZoneOffset.UTC), EpisodeStore.inMemory());
        Detection[] batch = {car("浙A12345", 0), from("浙C11111", FAR), car("浙A12345", 1), from("浙A12345", at(7200)),
            car("浙B67890", 2)};
        Batch b = e.submitAll(List.of(batch));
        List<String> problems = Scenario.sink(e).takeProblems();
        assertThat(b.intakes()).containsExactly(Intake.ACCEPTED, Intake.FUTURE, Intake.ACCEPTED, Intake.FUTURE,
                Intake.ACCEPTED);
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).contains("FUTURE", "maxFutureSkew"));
        assertThat(e.trackedSubjects()).isEqualTo(2);
        assertThat(Scenario.wm(e)).isEqualTo(at(2).toEpochMilli() - 5_000);
    }

    @Test
    void advanceToBeyondTheSkew_throwsNamingTheLimit_andLeavesTheWatermark() {
        GeofenceEngine e = engine(Clock.fixed(at(100), java.time.ZoneOffset.UTC), EpisodeStore.inMemory());
        Scenario.submit(e, car("浙A12345", 50));
        long before = Scenario.wm(e);
        assertThatThrownBy(() -> Scenario.advanceTo(e, FAR)).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("advanceTo").hasMessageContaining(FAR.toString())
                .hasMessageContaining(at(100).toString()).hasMessageContaining(at(400).toString());
        assertThat(Scenario.wm(e)).isEqualTo(before);
        Scenario.advanceTo(e, at(400)); // the limit itself is allowed
        assertThat(Scenario.wm(e)).isEqualTo(at(395).toEpochMilli());
    }

    @Test
    void ownerSignalsFromTheFuture_areRefusedOutcomes_andTheEpisodeKeepsWaiting() {
        TestClock clock = new TestClock(at(0));
        GeofenceEngine e = engine(clock, EpisodeStore.inMemory());
        List<EnforcementEffect> fx = new ArrayList<>();
        for (Detection d : parked("浙A12345", 0, 130, 1)) {
            clock.set(d.eventTime());
            fx.addAll(Scenario.submit(e, d).effects());
        }
        clock.set(at(140));
        fx.addAll(Scenario.tick(e).effects());
        RequestOwnerMove text = fx.stream().filter(x -> x instanceof RequestOwnerMove).map(x -> (RequestOwnerMove) x)
                .findFirst().orElseThrow();

        NoticeResult early = e.ownerNotified(text.episodeId(), FAR);
        assertThat(early.outcome()).isEqualTo(NoticeOutcome.FUTURE);
        assertThat(early.detail()).contains(FAR.toString(), at(140).toString());
        assertThat(Scenario.sink(e).takeEffects()).isEmpty();
        assertThat(e.ownerUnreachable(text.episodeId(), at(140 + 3600), "dead letter").outcome())
                .isEqualTo(NoticeOutcome.FUTURE);
        // the episode still waits: the real receipt applies
        assertThat(e.ownerNotified(text.episodeId(), text.at().plusSeconds(5)).outcome())
                .isEqualTo(NoticeOutcome.APPLIED);
    }

    @Test
    void maxFutureSkew_outsideZeroToOneDay_isRefusedNamingTheValue() {
        GeofenceEngineBuilder b = Scenario.builder(FenceRegistry.of(List.of()), Scenario.OFFICERS);
        assertThatThrownBy(() -> b.maxFutureSkew(Duration.ofMillis(-1))).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("maxFutureSkew").hasMessageContaining("PT-0.001S");
        assertThatThrownBy(() -> b.maxFutureSkew(Duration.ofHours(24).plusMillis(1)))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("24 h");
        assertThatThrownBy(() -> b.maxFutureSkew(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("maxFutureSkew");
    }

    @Test
    void storeWatermarkAheadOfTheClock_refusesToBuild_namingBothTimes() {
        EpisodeStore store = EpisodeStore.inMemory();
        store.putWatermark(FAR.toEpochMilli());
        assertThatThrownBy(() -> engine(Clock.fixed(at(0), java.time.ZoneOffset.UTC), store))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("watermark")
                .hasMessageContaining(FAR.toString()).hasMessageContaining(at(0).toString())
                .hasMessageContaining("putWatermark");
        store.putWatermark(at(0).toEpochMilli());
        assertThat(Scenario.wm(engine(Clock.fixed(at(0), java.time.ZoneOffset.UTC), store)))
                .isEqualTo(at(0).toEpochMilli());
    }
}
