package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geojson.GeoJsonException;
import io.offsite.core.grid.CellId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** A fence may name the managed object it lies in front of ({@code frontOf}): builder, copies and GeoJSON. */
class FenceFrontOfTest {
    private static final CellId CELL = CellId.of("street-7");

    private static Polygon pixels() {
        return new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(100, 400), new Coordinate(700, 400),
            new Coordinate(700, 700), new Coordinate(100, 700), new Coordinate(100, 400)});
    }

    private static String doc(String frontOf) {
        String feature = "{\"type\":\"Feature\",\"id\":\"F%d\",\"geometry\":" + EntryPointDefaultsTest.POLYGON
                + ",\"properties\":{\"kind\":\"SHOP_FRONT\",\"cell\":\"street-7\"%s}}";
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.format(feature, 0, "") + ","
                + String.format(feature, 1, frontOf) + "]}";
    }

    @Test
    void pixelShopFrontFence_namesItsShop() {
        Fence f = Fence.builder("shopfront-laodong-n-12", FenceKind.SHOP_FRONT, CELL)
                .pixels("33100300001321000012", 2, pixels(), GeoPoint.of(121.2620, 28.6470)).frontOf("hy-shop-0001")
                .build();
        assertThat(f.frontOf()).contains("hy-shop-0001");
        assertThat(f.toString()).contains("front of hy-shop-0001");
        assertThat(f.toBuilder().build().frontOf()).contains("hy-shop-0001");
        assertThat(f.withSchedule(FenceSchedule.always()).frontOf()).contains("hy-shop-0001");
    }

    @Test
    void fenceWithoutFrontOf_hasNone() {
        Fence f = Fence.builder("no-dumping-1", FenceKind.NO_DUMPING, CELL).circle(GeoPoint.of(121.26, 28.64), 10).build();
        assertThat(f.frontOf()).isEmpty();
        assertThat(f.toString()).doesNotContain("front of");
    }

    @Test
    void blankOrPaddedFrontOf_isRefusedNamingTheFence() {
        Fence.Builder b = Fence.builder("shopfront-1", FenceKind.SHOP_FRONT, CELL);
        assertThatThrownBy(() -> b.frontOf(" ")).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("fence shopfront-1: frontOf must be a non-blank");
        assertThatThrownBy(() -> b.frontOf(null)).isInstanceOf(GeofenceException.class).hasMessageContaining("was null");
        assertThatThrownBy(() -> b.frontOf("hy-shop-0001 ")).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("surrounding whitespace");
        assertThatThrownBy(() -> b.frontOf("x".repeat(129))).hasMessageContaining("at most 128 characters");
    }

    @Test
    void geoJson_roundTripsFrontOf() {
        List<Fence> read = FenceGeoJson.create().read(doc(",\"frontOf\":\"hy-shop-0001\""));
        assertThat(read.get(0).frontOf()).isEmpty();
        assertThat(read.get(1).frontOf()).contains("hy-shop-0001");
        String written = FenceGeoJson.create().write(read);
        assertThat(written).containsPattern("\"frontOf\"\\s*:\\s*\"hy-shop-0001\"");
        List<Fence> again = FenceGeoJson.create().read(written);
        assertThat(again).extracting(Fence::frontOf).containsExactly(java.util.Optional.empty(),
                java.util.Optional.of("hy-shop-0001"));
    }

    @Test
    void geoJsonBlankFrontOf_isRefusedWithTheFeatureIndexAndPath() {
        for (String bad : new String[] {"\"\"", "\"   \"", "\" hy-shop-0001\""}) {
            assertThatThrownBy(() -> FenceGeoJson.create().read(doc(",\"frontOf\":" + bad)))
                    .isInstanceOf(GeoJsonException.class).hasMessageStartingWith("features[1].properties.frontOf: ")
                    .satisfies(e -> assertThat(((GeoJsonException) e).featureIndex()).isEqualTo(1));
        }
        assertThatThrownBy(() -> FenceGeoJson.create().read(doc(",\"frontOf\":17")))
                .hasMessageStartingWith("features[1].properties.frontOf: ").hasMessageContaining("expected a string");
    }
}
