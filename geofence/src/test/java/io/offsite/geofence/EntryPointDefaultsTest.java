package io.offsite.geofence;

import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.parked;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fence means the same whether built in code or imported from GeoJSON; a zone-less schedule follows the engine. */
class EntryPointDefaultsTest {
    static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[120.1545,30.2735],[120.1555,30.2735],"
            + "[120.1555,30.2745],[120.1545,30.2745],[120.1545,30.2735]]]}";

    static Fence imported(String extraProperties) {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"F1\",\"geometry\":"
                + POLYGON + ",\"properties\":{\"kind\":\"NO_PARKING\",\"cell\":\"street-7\"" + extraProperties + "}}]}";
        return FenceGeoJson.create().read(json).get(0);
    }

    static Fence built() {
        return Fence.builder("F1", FenceKind.NO_PARKING, Scenario.CELL).polygon(Scenario.square(120.155, 30.274, 0.0005))
                .build();
    }

    @Test
    void noExemptions_builderAndGeoJsonAgree_onTheEmergencyClasses() {
        assertThat(imported("").exemptions()).isEqualTo(built().exemptions()).isEqualTo(Exemptions.defaults());
        assertThat(Exemptions.defaults().classes()).containsExactlyInAnyOrder(VehicleClass.POLICE, VehicleClass.FIRE,
                VehicleClass.AMBULANCE);
    }

    @Test
    void geoJsonExemptionsWithOnlyPlatePatterns_keepTheDefaultClasses_likeTheBuilder() {
        Fence f = imported(",\"exemptions\":{\"platePatterns\":[\"^.*警$\"]}");
        assertThat(f.exemptions().classes()).isEqualTo(built().exemptions().withPlatePattern("^.*警$").classes());
        assertThat(f.exemptions().exempts("", VehicleClass.AMBULANCE, 0)).isTrue();
        assertThat(f.exemptions().exempts("浙A1234警", VehicleClass.ORDINARY, 0)).isTrue();
        assertThat(imported(",\"exemptions\":{\"classes\":[]}").exemptions().classes()).as("explicitly none").isEmpty();
    }

    @Test
    void noPolicy_builderAndGeoJsonAgree_includingTheWindowRule() {
        assertThat(imported("").policy().toString()).isEqualTo(built().policy().toString());
        assertThat(imported("").policy().windowFrom()).isEqualTo(LadderPolicy.WindowStart.DELIVERY);
        Fence decision = imported(",\"policy\":{\"windowFrom\":\"DECISION\",\"deliveryWaitSeconds\":120}");
        assertThat(decision.policy().windowFrom()).isEqualTo(LadderPolicy.WindowStart.DECISION);
        assertThat(decision.policy().deliveryWait()).isEqualTo(Duration.ofMinutes(2));
        FenceGeoJson io = FenceGeoJson.create();
        assertThat(io.read(io.write(List.of(decision))).get(0).policy().toString())
                .isEqualTo(decision.policy().toString());
    }

    /** Enforced 08:00–09:00 every day in the zone the schedule is read in. */
    static FenceSchedule morning(FenceSchedule.Builder b) {
        return b.weekly(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(9, 0)).build();
    }

    static long ownerTexts(Fence f, ZoneId engineZone) {
        GeofenceEngine e = Scenario.builder(FenceRegistry.of(List.of(f)), Scenario.OFFICERS).zone(engineZone).episodeIdKey(Scenario.ID_KEY)
                .build();
        // T0 = 00:00 UTC = 08:00 Asia/Shanghai: parked 00:00–00:05 UTC
        List<EnforcementEffect> fx = Scenario.run(e, parked("浙A12345", 0, 300, 1), 400);
        return fx.stream().filter(x -> x instanceof RequestOwnerMove).count();
    }

    @Test
    void scheduleWithoutZone_fromTheBuilderOrGeoJson_isReadInTheEnginesZone() {
        Fence code = Scenario.noParking("F1").schedule(morning(FenceSchedule.builder())).build();
        Fence geo = imported(",\"schedule\":{\"weekly\":[{\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\",\"SAT\","
                + "\"SUN\"],\"from\":\"08:00\",\"to\":\"09:00\"}]}");
        assertThat(code.schedule().hasOwnZone()).isFalse();
        assertThat(geo.schedule().hasOwnZone()).isFalse();
        for (Fence f : List.of(code, geo)) {
            assertThat(ownerTexts(f, ZoneId.of("Asia/Shanghai"))).as("08:00 in Shanghai: enforced").isEqualTo(1);
            assertThat(ownerTexts(f, ZoneOffset.UTC)).as("00:00 in UTC: not enforced").isZero();
        }
        Fence own = Scenario.noParking("F1").schedule(morning(FenceSchedule.builder(ZoneId.of("Asia/Shanghai"))))
                .build();
        assertThat(ownerTexts(own, ZoneOffset.UTC)).as("a schedule with its own zone ignores the engine's").isEqualTo(1);
        FenceGeoJson io = FenceGeoJson.create();
        assertThat(io.read(io.write(List.of(code))).get(0).schedule().hasOwnZone()).isFalse();
        assertThat(io.read(io.write(List.of(own))).get(0).schedule().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(at(0)).isEqualTo(Scenario.T0);
    }
}
