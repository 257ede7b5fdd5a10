package io.offsite.geofence;

import static io.offsite.geofence.Scenario.engine;
import static io.offsite.geofence.Scenario.noParking;
import static io.offsite.geofence.Scenario.parked;
import static io.offsite.geofence.Scenario.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.effect.EnforcementEffect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Episode ids and idempotency keys are opaque keyed hashes, stable for one key. */
class EpisodeIdTest {

    private static List<EnforcementEffect> parkedCar(byte[] key) {
        GeofenceEngine e = Scenario.builder(FenceRegistry.of(List.of(noParking("F1").build())), Scenario.OFFICERS)
                .episodeIdKey(key).build();
        return run(e, parked("浙J06688", 0, 800, 5), 900);
    }

    @Test
    void episodeIdsAndIdempotencyKeys_nameNoPlate() {
        List<EnforcementEffect> fx = run(engine(noParking("F1").build()), parked("浙J06688", 0, 800, 5), 900);

        assertThat(fx).hasSize(4).allSatisfy(e -> {
            assertThat(e.episodeId()).matches("[A-Za-z0-9_-]{22}");
            assertThat(e.idempotencyKey()).doesNotContain("浙").doesNotContain("06688").doesNotContain("J0")
                    .doesNotContain(Plates.matchKey("浙J06688")).doesNotContain("F1");
        });
        assertThat(fx).extracting(EnforcementEffect::episodeId).containsOnly(fx.get(0).episodeId());
    }

    @Test
    void sameKey_givesTheSameIds_inAnotherEngine_andAnotherKeyOtherIds() {
        byte[] key = "a-deployment-secret-of-32-bytes!".getBytes(StandardCharsets.US_ASCII);
        byte[] other = "another-deployment-secret-32byte".getBytes(StandardCharsets.US_ASCII);

        assertThat(parkedCar(key)).extracting(EnforcementEffect::idempotencyKey)
                .isEqualTo(parkedCar(key.clone()).stream().map(EnforcementEffect::idempotencyKey).toList());
        assertThat(parkedCar(other).get(0).episodeId()).isNotEqualTo(parkedCar(key).get(0).episodeId());
    }

    @Test
    void ids_separateFenceFromSubject_andDependOnTheStart() {
        EpisodeIds ids = EpisodeIds.hmacSha256(Scenario.ID_KEY);

        assertThat(ids.of("F1", "浙A12345", 1000)).isEqualTo(ids.of("F1", "浙A12345", 1000))
                .isNotEqualTo(ids.of("F1", "浙A12345", 1001))
                .isNotEqualTo(ids.of("F", "1浙A12345", 1000));
        assertThat(ids.toString()).doesNotContain(new String(Scenario.ID_KEY, StandardCharsets.US_ASCII));
    }

    @Test
    void episodeState_refusesAnIdThatIsNotAnOpaqueId() {
        String good = EpisodeIds.hmacSha256(Scenario.ID_KEY).of("F1", "浙A12345", 1000);

        assertThat(EpisodeIds.isId(good)).isTrue();
        assertThat(EpisodeIds.text(EpisodeIds.high(good), EpisodeIds.low(good))).isEqualTo(good);
        assertThatThrownBy(() -> new EpisodeState("F1", "浙A12345", "浙A12345", 1, EpisodeState.Phase.ACTIVE, 0, 1, 0, 0,
                0, 0, "cam", true, 1, 1, 2, 3, 0, "F1/浙A12345/1")).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("episodeId must be empty or an EpisodeIds id");
    }

    @Test
    void idBits_roundTripAndMatchJavaBase64() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            long high = i == 0 ? 0 : i == 1 ? -1 : r.nextLong();
            long low = i == 0 ? 0 : i == 1 ? -1 : r.nextLong();
            String id = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(java.nio.ByteBuffer.allocate(16).putLong(high).putLong(low).array());
            assertThat(EpisodeIds.text(high, low)).isEqualTo(id);
            assertThat(EpisodeIds.high(id)).isEqualTo(high);
            assertThat(EpisodeIds.low(id)).isEqualTo(low);
            assertThat(EpisodeIds.isId(id)).isTrue();
        }
    }

    @Test
    void build_withoutEpisodeIdKey_throwsNamingTheSetting() {
        GeofenceEngineBuilder b = Scenario.builder(FenceRegistry.of(List.of()), Scenario.OFFICERS);

        assertThatThrownBy(b::build).isInstanceOf(GeofenceException.class).hasMessageContaining("episodeIdKey")
                .hasMessageContaining("restarts");
    }

    @Test
    void episodeIdKey_shorterThan16Bytes_isRefused() {
        assertThatThrownBy(() -> Scenario.builder(FenceRegistry.of(List.of()), Scenario.OFFICERS)
                .episodeIdKey(new byte[15])).isInstanceOf(GeofenceException.class).hasMessageContaining("16 bytes")
                .hasMessageContaining("had 15");
    }

    @Test
    void confusableRadiusAndReviewMargin_outOfRange_areRefused() {
        GeofenceEngineBuilder b = Scenario.builder(FenceRegistry.of(List.of()), Scenario.OFFICERS);

        assertThatThrownBy(() -> b.confusableRadiusMeters(-0.5)).hasMessageContaining("confusableRadiusMeters")
                .hasMessageContaining("-0.5");
        assertThatThrownBy(() -> b.confusableRadiusMeters(Double.NaN)).hasMessageContaining("confusableRadiusMeters");
        assertThatThrownBy(() -> b.plateReviewMargin(-1)).hasMessageContaining("plateReviewMargin");
    }
}
