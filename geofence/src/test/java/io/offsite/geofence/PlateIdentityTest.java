package io.offsite.geofence;

import static io.offsite.geofence.Scenario.LAT;
import static io.offsite.geofence.Scenario.LON;
import static io.offsite.geofence.Scenario.car;
import static io.offsite.geofence.Scenario.engine;
import static io.offsite.geofence.Scenario.noParking;
import static io.offsite.geofence.Scenario.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.OwnerNotice;
import io.offsite.core.effect.PlateReview;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.spi.EpisodeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One car is one subject, two cars are two — even when their plates differ only by OCR-confusable characters. */
class PlateIdentityTest {
    /** Degrees of longitude per metre at the scenario's latitude (about 96,150 m per degree). */
    static final double DEG_PER_M = 1 / (111_320.0 * Math.cos(Math.toRadians(LAT)));
    static final String B = "浙JB1234";
    static final String EIGHT = "浙J81234";

    static List<RequestOwnerMove> texts(List<EnforcementEffect> fx) {
        return fx.stream().filter(e -> e instanceof RequestOwnerMove).map(e -> (RequestOwnerMove) e).toList();
    }

    @Test
    void confusablePlatesParkedSideBySide_areTwoEpisodes_andTwoTexts() {
        List<Detection> ds = new ArrayList<>();
        for (int s = 0; s <= 300; s++) {
            ds.add(car(B, s, LON, LAT));
            ds.add(car(EIGHT, s, LON + 2.5 * DEG_PER_M, LAT)); // the next bay, 2.5 m east
        }
        List<RequestOwnerMove> texts = texts(run(engine(noParking("F1").build()), ds, 300));

        assertThat(texts).extracting(RequestOwnerMove::plate).containsExactlyInAnyOrder(B, EIGHT);
        assertThat(texts.get(0).episodeId()).isNotEqualTo(texts.get(1).episodeId());
        // each vote counted only its own car's reads: 121 reads of 0.95 up to the dwell end
        assertThat(texts).allSatisfy(t -> assertThat(t.plateMargin()).isCloseTo(121 * 0.95, within(1e-9)));
    }

    @Test
    void oneCarReadAlternatelyAsBoth_isOneEpisode_namedByTheVoteWinner() {
        List<Detection> ds = new ArrayList<>();
        for (int s = 0; s <= 800; s++) {
            // the misread comes first, so the track is keyed by it; jitter of ±0.3 m
            double jitter = (s % 7 - 3) * 0.1 * DEG_PER_M;
            ds.add(car(s % 3 == 0 ? EIGHT : B, s, LON + jitter, LAT));
        }
        GeofenceEngine e = engine(noParking("F1").build());
        List<EnforcementEffect> fx = run(e, ds, 800);

        assertThat(texts(fx)).singleElement().satisfies(t -> {
            assertThat(t.plate()).isEqualTo(B);
            assertThat(t.plateMargin()).isCloseTo((80 - 41) * 0.95, within(1e-9)); // 80 B, 41 8 reads to 120 s
        });
        assertThat(fx).filteredOn(x -> x instanceof DispatchOfficer).singleElement()
                .extracting(x -> ((DispatchOfficer) x).subject()).isEqualTo(B);
        assertThat(e.episodes()).hasSize(1);
    }

    @Test
    void confusableMisreadFartherThanTheRadius_isNotAttached() {
        List<Detection> ds = new ArrayList<>();
        for (int s = 0; s <= 300; s++) {
            ds.add(car(B, s, LON, LAT));
            if (s % 10 == 0) {
                ds.add(car(EIGHT, s, LON, LAT + 1.5 / 111_320.0)); // 1.5 m away: beyond the 1 m default
            }
        }
        GeofenceEngine e = engine(noParking("F1").build());
        List<RequestOwnerMove> texts = texts(run(e, ds, 300));

        RequestOwnerMove b = texts.stream().filter(t -> t.plate().equals(B)).findFirst().orElseThrow();
        assertThat(b.plateMargin()).isCloseTo(121 * 0.95, within(1e-9)); // no 8-read voted against it
        assertThat(e.episodes()).extracting(EpisodeState::subject).containsExactlyInAnyOrder(B, EIGHT);
    }

    @Test
    void confusableMisreadInAnotherFence_isNotAttached_evenWithinTheRadius() {
        Fence west = Fence.builder("W", FenceKind.NO_PARKING, Scenario.CELL)
                .polygon(Scenario.square(LON - 0.0005, LAT, 0.0005)).build();
        Fence east = Fence.builder("E", FenceKind.NO_PARKING, Scenario.CELL)
                .polygon(Scenario.square(LON + 0.0005, LAT, 0.0005)).build();
        List<Detection> ds = new ArrayList<>();
        for (int s = 0; s <= 300; s++) {
            ds.add(car(B, s, LON - 0.4 * DEG_PER_M, LAT));     // in W, 0.4 m west of the shared edge
            if (s % 10 == 0) {
                ds.add(car(EIGHT, s, LON + 0.4 * DEG_PER_M, LAT)); // in E, 0.8 m from B
            }
        }
        GeofenceEngine e = engine(west, east);
        run(e, ds, 300);

        assertThat(e.episodes()).extracting(s -> s.fenceId() + " " + s.subject())
                .containsExactlyInAnyOrder("W " + B, "E " + EIGHT);
    }

    @Test
    void misreadAfterTheEpisodeLapsed_isItsOwnSubject() {
        List<Detection> ds = new ArrayList<>();
        for (int s = 0; s <= 100; s++) {
            ds.add(car(B, s));
        }
        ds.add(car(EIGHT, 200)); // B's episode ended 60 s after its last sighting
        GeofenceEngine e = engine(noParking("F1").build());
        run(e, ds, 210);

        assertThat(e.episodes()).extracting(EpisodeState::subject).containsExactly(EIGHT);
    }

    @Test
    void radiusZero_attachesNothing() {
        List<Detection> ds = new ArrayList<>();
        for (int s = 0; s <= 300; s++) {
            ds.add(car(s % 2 == 0 ? B : EIGHT, s));
        }
        GeofenceEngine e = Scenario.builder(FenceRegistry.of(List.of(noParking("F1").build())), Scenario.OFFICERS)
                .episodeIdKey(Scenario.ID_KEY).confusableRadiusMeters(0).build();
        run(e, ds, 300);

        assertThat(e.episodes()).extracting(EpisodeState::subject).containsExactlyInAnyOrder(B, EIGHT);
    }

    @Test
    void lowPlateMargin_isFlaggedForReview_andNotTexted() {
        List<Detection> ds = new ArrayList<>();
        for (int s = 0; s <= 800; s++) {
            ds.add(car(s % 2 == 0 ? B : EIGHT, s)); // read as both equally often: the plate is in doubt
        }
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), ds, 800);

        assertThat(texts(fx)).isEmpty();
        PlateReview review = fx.stream().filter(x -> x instanceof PlateReview).map(x -> (PlateReview) x)
                .findFirst().orElseThrow();
        assertThat(review.plate()).isEqualTo(B);
        assertThat(review.plateMargin()).isLessThan(1.0);
        assertThat(review.at()).isEqualTo(Scenario.at(120));
        assertThat(review.idempotencyKey()).isEqualTo(review.episodeId() + "/plate-review");
    }

    @Test
    void plateInDoubt_nobodyIsTold_soTheOfficerHandlesItOnSite_andNoOffSiteCaseRestsOnIt() {
        List<Detection> ds = new ArrayList<>();
        for (int s = 0; s <= 800; s++) {
            ds.add(car(s % 2 == 0 ? B : EIGHT, s));
        }
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), ds, 800);

        DispatchOfficer d = fx.stream().filter(x -> x instanceof DispatchOfficer).map(x -> (DispatchOfficer) x)
                .findFirst().orElseThrow();
        assertThat(d.at()).isEqualTo(Scenario.at(720)); // the review had the whole window
        assertThat(d.reason()).startsWith("owner could not be told (plate in doubt");
        assertThat(d.ownerNotice()).isEqualTo(OwnerNotice.NOT_DELIVERED);
        assertThat(fx).filteredOn(x -> x instanceof CaptureEvidence)
                .allMatch(x -> ((CaptureEvidence) x).ownerNotice() == OwnerNotice.NOT_DELIVERED);
    }

    @Test
    void plateReviewMarginZero_textsEvenAnEvenVote() {
        List<Detection> ds = new ArrayList<>();
        for (int s = 0; s <= 300; s++) {
            ds.add(car(s % 2 == 0 ? B : EIGHT, s));
        }
        GeofenceEngine e = Scenario.builder(FenceRegistry.of(List.of(noParking("F1").build())), Scenario.OFFICERS)
                .episodeIdKey(Scenario.ID_KEY).store(EpisodeStore.inMemory()).allowedLateness(Duration.ofSeconds(5))
                .plateReviewMargin(0).build();

        assertThat(texts(run(e, ds, 300))).hasSize(1);
    }
}
