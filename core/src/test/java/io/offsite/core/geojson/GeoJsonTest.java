package io.offsite.core.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

class GeoJsonTest {
    private final GeoJson codec = GeoJson.create();

    private static String fc(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static final String OK = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[120,30]},\"properties\":{}}";

    @Test
    void malformedJson_reportsLineAndColumn() {
        assertThatThrownBy(() -> codec.read("{\"type\": \"FeatureCollection\", \"features\": [}"))
                .isInstanceOf(GeoJsonException.class).hasMessageContaining("not valid JSON at line 1");
    }

    @Test
    void wrongTopLevelType_isRejected() {
        assertThatThrownBy(() -> codec.read("{\"type\":\"Feature\"}")).hasMessageContaining("$.type")
                .hasMessageContaining("FeatureCollection");
    }

    @Test
    void longitudeOutOfRange_namesFeatureIndexAndPosition() {
        String bad = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[120,30],[191,30]]},\"properties\":{}}";
        GeoJsonException e = org.junit.jupiter.api.Assertions.assertThrows(GeoJsonException.class,
                () -> codec.read(fc(OK, bad)));
        assertThat(e.featureIndex()).isEqualTo(1);
        assertThat(e.path()).isEqualTo("features[1].geometry.coordinates[1]");
        assertThat(e.getMessage()).contains("longitude 191.0");
    }

    @Test
    void unclosedRing_isRejectedWithBothEnds() {
        String bad = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]},\"properties\":{}}";
        assertThatThrownBy(() -> codec.read(fc(bad))).hasMessageContaining("features[0].geometry.coordinates[0]")
                .hasMessageContaining("not closed");
    }

    @Test
    void unsupportedGeometryType_isNamed() {
        String bad = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Circle\",\"coordinates\":[0,0]},\"properties\":{}}";
        assertThatThrownBy(() -> codec.read(fc(bad))).hasMessageContaining("features[0].geometry.type")
                .hasMessageContaining("Circle");
    }

    @Test
    void missingGeometry_isNamed() {
        assertThatThrownBy(() -> codec.read(fc("{\"type\":\"Feature\",\"properties\":{}}")))
                .hasMessageContaining("features[0].geometry").hasMessageContaining("missing");
    }

    @Test
    void writeThenRead_keepsGeometryIdAndProperties() throws Exception {
        var poly = new WKTReader().read("MULTIPOLYGON (((120.1 30.2, 120.2 30.2, 120.2 30.3, 120.1 30.2)), ((121 31, 121.1 31, 121.1 31.1, 121 31)))");
        GeoJsonFeature f = GeoJsonFeature.of("f1", poly, Map.of("name", "北山街", "n", 3, "tags", List.of("a", "b")));
        List<GeoJsonFeature> back = codec.read(codec.write(List.of(f)));
        assertThat(back).singleElement().satisfies(g -> {
            assertThat(g.id()).contains("f1");
            assertThat(g.geometry().equalsExact(poly)).isTrue();
            assertThat(g.properties()).isEqualTo(f.properties());
        });
    }
}
