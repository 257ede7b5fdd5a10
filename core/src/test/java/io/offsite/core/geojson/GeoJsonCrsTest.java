package io.offsite.core.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.geo.CoordinateSystem;
import io.offsite.core.geo.KrugerSeries;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** GeoJSON in a projected CRS: declared by the caller or by the legacy crs member, converted to lon/lat on read. */
class GeoJsonCrsTest {
    private static final double LON = 121.26;
    private static final double LAT = 28.64;
    private static final double[] EN = KrugerSeries.gaussKruger(120, 500_000).forward(LON, LAT);

    private static String point(String crsMember, double x, double y) {
        return "{\"type\":\"FeatureCollection\"," + crsMember + "\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[" + x + "," + y + "]},\"properties\":{}}]}";
    }

    private static String named(String name) {
        return "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + name + "\"}},";
    }

    private static void assertHuangyan(Geometry g) {
        Coordinate c = g.getCoordinate();
        assertThat(Math.abs(c.x - LON)).isLessThan(1e-8);
        assertThat(Math.abs(c.y - LAT)).isLessThan(1e-8);
    }

    @Test
    void crsMember_urnAndShortForm_areReadAndConverted() {
        for (String name : new String[] {"urn:ogc:def:crs:EPSG::4549", "EPSG:4549"}) {
            List<GeoJsonFeature> fs = GeoJson.create().read(point(named(name), EN[0], EN[1]));
            assertHuangyan(fs.get(0).geometry());
        }
    }

    @Test
    void declaredCrs_convertsADocumentWithoutCrsMember() {
        assertHuangyan(GeoJson.create().withCrs(CoordinateSystem.epsg(4549)).read(point("", EN[0], EN[1])).get(0).geometry());
        assertHuangyan(GeoJson.create().withCrs(CoordinateSystem.epsg(4549))
                .read(point(named("urn:ogc:def:crs:EPSG::4549"), EN[0], EN[1])).get(0).geometry());
    }

    @Test
    void withoutAnyCrs_projectedMetresAreStillRefused() {
        assertThatThrownBy(() -> GeoJson.create().read(point("", EN[0], EN[1]))).isInstanceOf(GeoJsonException.class)
                .hasMessageStartingWith("features[0].geometry.coordinates: longitude 623201.41");
    }

    @Test
    void crsMemberDisagreeingWithTheDeclaredCrs_isRefused() {
        assertThatThrownBy(() -> GeoJson.create().withCrs(CoordinateSystem.epsg(4549))
                .read(point(named("EPSG:32651"), EN[0], EN[1]))).isInstanceOf(GeoJsonException.class)
                .hasMessage("$.crs.properties.name: the document declares EPSG:32651 (WGS 84 / UTM zone 51N) but the reader"
                        + " was told the coordinates are in EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E)");
    }

    @Test
    void unsupportedOrMalformedCrsMember_isRefusedNamingIt() {
        assertThatThrownBy(() -> GeoJson.create().read(point(named("urn:ogc:def:crs:EPSG::3857"), 1, 2)))
                .isInstanceOf(GeoJsonException.class).hasMessageStartingWith("$.crs.properties.name: EPSG:3857 is not a supported")
                .hasMessageContaining("EPSG:4534-4554");
        assertThatThrownBy(() -> GeoJson.create().read(point("\"crs\":{\"type\":\"link\",\"properties\":{\"href\":\"x\"}},", 1, 2)))
                .hasMessageStartingWith("$.crs: expected a named CRS");
        assertThatThrownBy(() -> GeoJson.create().read(point("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":7}},", 1, 2)))
                .hasMessageStartingWith("$.crs.properties.name: expected a CRS name string, was 7");
    }

    @Test
    void crsMemberOnAFeatureOrGeometry_isRefusedNotIgnored() {
        String onFeature = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"," + named("EPSG:4549")
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":{}}]}";
        assertThatThrownBy(() -> GeoJson.create().read(onFeature)).hasMessageStartingWith("features[0].crs: a crs member is read only");
        String onGeometry = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{"
                + named("EPSG:4549") + "\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":{}}]}";
        assertThatThrownBy(() -> GeoJson.create().read(onGeometry))
                .hasMessageStartingWith("features[0].geometry.crs: a crs member is read only");
    }

    @Test
    void positionOutsideTheDeclaredCrs_isRefusedNamingFeatureAndPosition() {
        String doc = "{\"type\":\"FeatureCollection\"," + named("EPSG:4549") + "\"features\":["
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + EN[0] + "," + EN[1] + "]},\"properties\":{}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[" + EN[0] + "," + EN[1] + "],["
                + LON + "," + LAT + "]]},\"properties\":{}}]}";
        assertThatThrownBy(() -> GeoJson.create().read(doc)).isInstanceOf(GeoJsonException.class)
                .satisfies(e -> assertThat(((GeoJsonException) e).featureIndex()).isEqualTo(1))
                .hasMessageStartingWith("features[1].geometry.coordinates[1]: position [121.26, 28.64] is outside EPSG:4549");
    }

    @Test
    void writing_alwaysProducesLonLat() {
        GeoJson codec = GeoJson.create().withCrs(CoordinateSystem.epsg(4549));
        List<GeoJsonFeature> fs = codec.read(point("", EN[0], EN[1]));
        String out = codec.write(fs);
        assertThat(out).doesNotContain("crs").contains("\"coordinates\" : [ 121.2");
        assertHuangyan(GeoJson.create().read(out).get(0).geometry());
        assertThat(CoordinateSystem.epsg(4549).toLonLat(EN[0], EN[1]).lon()).isEqualTo(fs.get(0).geometry().getCoordinate().x);
    }
}
