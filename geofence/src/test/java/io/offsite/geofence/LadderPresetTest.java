package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.geojson.GeoJsonException;
import io.offsite.core.violation.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderPresetTest {
    @Test
    void everyStandardViolation_hasAPresetLadderWatchingIt() {
        for (Violation v : Violation.standard()) {
            LadderPolicy p = LadderPolicy.preset(v);
            assertThat(p.violation()).as(v.code()).isEqualTo(v);
            assertThat(p.steps()).as(v.code()).isNotEmpty();
        }
    }

    @Test
    void fenceKind_defaultLadderIsThePresetOfItsViolation() {
        assertThat(LadderPolicy.defaultFor(FenceKind.NO_VENDING).violation()).isEqualTo(Violation.ROAD_OCCUPATION);
        assertThat(LadderPolicy.defaultFor(FenceKind.NO_DUMPING).violation()).isEqualTo(Violation.HOUSEHOLD_WASTE);
        assertThat(LadderPolicy.defaultFor(FenceKind.SHOP_FRONT).violation()).isEqualTo(Violation.TRADING_BEYOND_SHOPFRONT);
        for (FenceKind k : FenceKind.values()) {
            assertThat(LadderPolicy.defaultFor(k).toString()).as(k.name())
                    .isEqualTo(LadderPolicy.preset(k.defaultViolation()).toString());
        }
    }

    @Test
    void parkingWithDwellAndWindow_setsTheOwnerTextAfterDwellAndTheDispatchAfterTheWindow() {
        LadderPolicy p = LadderPolicy.parking(Duration.ofMinutes(3), Duration.ofMinutes(15));
        assertThat(p.dwell()).isEqualTo(Duration.ofMinutes(3));
        assertThat(p.steps()).extracting(LadderStep::waitAfterPrevious)
                .containsExactly(Duration.ZERO, Duration.ofMinutes(15));
        assertThat(p.steps().get(0).actions()).containsExactly(LadderAction.REQUEST_OWNER_MOVE);
        assertThat(p.steps().get(1).actions()).contains(LadderAction.DISPATCH_OFFICER, LadderAction.CAPTURE_EVIDENCE);
        assertThat(p.violation()).isEqualTo(Violation.PARKING);
        assertThatThrownBy(() -> LadderPolicy.parking(Duration.ZERO, Duration.ofMinutes(10)))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("parking: dwell").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> LadderPolicy.parking(Duration.ofMinutes(2), Duration.ofDays(4000)))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("parking: window");
    }

    @Test
    void dumping_hasNoWarningStep_capturesEvidenceAndFilesACaseAtOnce() {
        for (LadderPolicy p : List.of(LadderPolicy.dumping(), LadderPolicy.dumping(Duration.ofSeconds(45)),
                LadderPolicy.preset(Violation.HOUSEHOLD_WASTE))) {
            assertThat(p.steps()).singleElement().satisfies(step -> {
                assertThat(step.waitAfterPrevious()).isZero();
                assertThat(step.actions()).containsExactlyInAnyOrder(LadderAction.CAPTURE_EVIDENCE,
                        LadderAction.FILE_CASE);
            });
        }
        assertThat(LadderPolicy.dumping(Duration.ofSeconds(45)).dwell()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void vendingWithTimings_warnsTwiceThenFilesACase() {
        LadderPolicy p = LadderPolicy.vending(Duration.ofSeconds(90), Duration.ofMinutes(3));
        assertThat(p.dwell()).isEqualTo(Duration.ofSeconds(90));
        assertThat(p.violation()).isEqualTo(Violation.ROAD_OCCUPATION);
        assertThat(p.steps()).extracting(LadderStep::waitAfterPrevious)
                .containsExactly(Duration.ZERO, Duration.ofMinutes(3), Duration.ofMinutes(3));
        assertThat(p.steps().get(2).actions()).contains(LadderAction.FILE_CASE);
        assertThat(LadderPolicy.vending().toString()).isEqualTo(
                LadderPolicy.vending(Duration.ofSeconds(60), Duration.ofMinutes(5)).toString());
    }

    @Test
    void localViolation_hasNoPreset_butGetsABuiltLadder() {
        Violation noise = Violation.local("SHOP_NOISE", "商铺噪声扰民");
        assertThatThrownBy(() -> LadderPolicy.preset(noise)).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("SHOP_NOISE").hasMessageContaining("builder");
        assertThat(LadderPolicy.vending().toBuilder().violation(noise).build().violation()).isEqualTo(noise);
    }

    @Test
    void geoJsonPolicy_namesPresetAndViolationByCode_andRejectsMalformedCodes() {
        Fence f = Fence.builder("shop", FenceKind.CUSTOM, Scenario.CELL)
                .polygon(Scenario.square(Scenario.LON, Scenario.LAT, 0.0005))
                .policy(LadderPolicy.preset(Violation.SEWAGE_DUMPING)).build();
        String json = FenceGeoJson.create().write(List.of(f));
        assertThat(json).contains("\"violationCode\" : \"SEWAGE_DUMPING\"");
        assertThat(FenceGeoJson.create().read(json).get(0).policy().violation()).isEqualTo(Violation.SEWAGE_DUMPING);

        String presetOnly = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a\","
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120,30],[120.001,30],[120.001,30.001],[120,30]]]},"
                + "\"properties\":{\"kind\":\"CUSTOM\",\"cell\":\"c\",\"policy\":{\"preset\":\"CONSTRUCTION_WASTE\"}}}]}";
        assertThat(FenceGeoJson.create().read(presetOnly).get(0).policy().toString())
                .isEqualTo(LadderPolicy.preset(Violation.CONSTRUCTION_WASTE).toString());
        assertThatThrownBy(() -> FenceGeoJson.create().read(presetOnly.replace("CONSTRUCTION_WASTE", "SHOP_NOISE")))
                .isInstanceOf(GeoJsonException.class).hasMessageContaining("policy.preset")
                .hasMessageContaining("SHOP_NOISE");
        String bad = json.replace("\"violationCode\" : \"SEWAGE_DUMPING\"", "\"violationCode\" : \"sewage\"");
        assertThatThrownBy(() -> FenceGeoJson.create().read(bad)).isInstanceOf(GeoJsonException.class)
                .hasMessageContaining("policy.violationCode").hasMessageContaining("'sewage'");
    }
}
