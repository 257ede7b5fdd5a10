package io.offsite.core.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Hostile and careless GeoJSON (issue 11.6, 11.7): refused with a GeoJsonException naming where and why. */
class GeoJsonHostileInputTest {
    private static final String POINT = "{\"type\":\"Point\",\"coordinates\":[121.26,28.64]}";
    private final GeoJson codec = GeoJson.create();

    private static String collection(String feature) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + feature + "]}";
    }

    private static String feature(String geometry, String props) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":" + props + "}";
    }

    private GeoJsonException refused(String json) {
        GeoJsonException e = catchThrowableOfType(GeoJsonException.class, () -> codec.read(json));
        assertThat(e).as("should be refused: %s", json.length() > 200 ? json.substring(0, 200) : json).isNotNull();
        assertThat(e.getMessage()).hasSizeLessThan(600);
        return e;
    }

    @Test
    void duplicateGeometryMember_isRefusedNotLastWins() {
        String json = collection("{\"type\":\"Feature\",\"geometry\":" + POINT + ",\"geometry\":"
                + POINT.replace("121.26", "0") + ",\"properties\":{}}");
        assertThat(refused(json).getMessage()).contains("Duplicate field 'geometry'").contains("line 1, column");
    }

    @Test
    void duplicatePropertyKey_isRefused() {
        String json = collection(feature(POINT, "{\"responsibleOfficer\":\"o-1\",\"responsibleOfficer\":\"o-2\"}"));
        assertThat(refused(json).getMessage()).contains("Duplicate field 'responsibleOfficer'");
    }

    @Test
    void trailingGarbageAndSecondDocument_areRefused() {
        String one = collection(feature(POINT, "{}"));
        assertThat(refused(one + " x").getMessage()).contains("not valid JSON");
        assertThat(refused(one + one).getMessage()).containsIgnoringCase("trailing token");
    }

    @Test
    void deeplyNestedProperties_areRefusedWithoutStackOverflow() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        GeoJsonException e = refused(collection(feature(POINT, "{\"x\":" + deep + "}")));
        assertThat(e.getMessage()).contains("nesting depth").contains(String.valueOf(GeoJson.MAX_NESTING_DEPTH));
    }

    @Test
    void numberLiteralLongerThanTheLimit_isRefused() {
        String json = collection(feature("{\"type\":\"Point\",\"coordinates\":[1" + "0".repeat(5_000) + ",28]}", "{}"));
        assertThat(refused(json).getMessage()).contains("Number value length");
    }

    @Test
    void wrongJsonTypes_namePathAndValue() {
        assertThat(refused(collection(feature("\"Point\"", "{}"))).path()).isEqualTo("features[0].geometry");
        assertThat(refused(collection(feature("{\"type\":7,\"coordinates\":[1,2]}", "{}"))).path())
                .isEqualTo("features[0].geometry.type");
        assertThat(refused(collection(feature("{\"type\":\"Point\",\"coordinates\":{\"a\":1}}", "{}"))).path())
                .isEqualTo("features[0].geometry.coordinates");
        assertThat(refused(collection(feature("{\"type\":\"Point\",\"coordinates\":[\"1\",\"2\"]}", "{}"))).getMessage())
                .contains("expected a position [lon, lat]");
        assertThat(refused(collection(feature(POINT, "[1]"))).path()).isEqualTo("features[0].properties");
        assertThat(refused("{\"type\":\"FeatureCollection\",\"features\":{}}").path()).isEqualTo("$.features");
        assertThat(refused(collection("[]")).path()).isEqualTo("features[0].type");
        assertThat(refused(collection(feature("{\"type\":\"Polygon\",\"coordinates\":[5]}", "{}"))).path())
                .isEqualTo("features[0].geometry.coordinates[0]");
    }

    @Test
    void unsupportedGeometryType_listsTheSupportedOnes() {
        GeoJsonException e = refused(collection(feature("{\"type\":\"Circle\",\"coordinates\":[1,2]}", "{}")));
        assertThat(e.getMessage()).contains("\"Circle\"").contains("Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon");
    }

    @Test
    void hugeOffendingValue_isAbbreviatedInTheMessage() {
        String big = "\"" + "x".repeat(500_000) + "\"";
        GeoJsonException e = refused(collection(feature("{\"type\":\"Point\",\"coordinates\":[" + big + ",1]}", "{}")));
        assertThat(e.getMessage()).contains("...");
    }
}
