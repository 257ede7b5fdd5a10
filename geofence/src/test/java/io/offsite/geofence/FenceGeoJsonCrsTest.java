package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.geo.CoordinateSystem;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geojson.GeoJsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** Fences exported in WGS 84 / UTM 51N (Huangyan's UTM zone) read and index like the same fences in lon/lat. */
class FenceGeoJsonCrsTest {
    private static final CoordinateSystem UTM_51N = CoordinateSystem.utm(51, true);

    /** An area with a hole, a circle and a corridor near Huangyan, each vertex mapped by {@code to}. */
    private static String fences(String crsMember, UnaryOperator<double[]> to) {
        return "{\"type\":\"FeatureCollection\"," + crsMember + "\"features\":["
                + feature("HY-F1", "{\"type\":\"Polygon\",\"coordinates\":[" + ring(to, 121.250, 28.630, 121.258, 28.630, 121.258,
                        28.638, 121.250, 28.638) + "," + ring(to, 121.253, 28.633, 121.255, 28.633, 121.255, 28.635, 121.253, 28.635)
                        + "]}", "\"kind\":\"NO_PARKING\",\"cell\":\"HY-T1\"") + ","
                + feature("HY-F2", "{\"type\":\"Point\",\"coordinates\":" + position(to, 121.262, 28.641) + "}",
                        "\"kind\":\"NO_VENDING\",\"cell\":\"HY-T2\",\"shape\":\"circle\",\"radiusMeters\":80") + ","
                + feature("HY-F3", "{\"type\":\"LineString\",\"coordinates\":[" + position(to, 121.249, 28.645) + ","
                        + position(to, 121.256, 28.642) + "," + position(to, 121.266, 28.646) + "]}",
                        "\"kind\":\"WASTE_ROUTE_CORRIDOR\",\"cell\":\"HY-T2\",\"shape\":\"corridor\",\"bufferMeters\":25")
                + "]}";
    }

    private static String feature(String id, String geometry, String props) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":" + geometry + ",\"properties\":{" + props + "}}";
    }

    private static String ring(UnaryOperator<double[]> to, double... lonLat) {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k <= lonLat.length; k += 2) {
            int at = k % lonLat.length;
            b.append(k == 0 ? "" : ",").append(position(to, lonLat[at], lonLat[at + 1]));
        }
        return b.append(']').toString();
    }

    private static String position(UnaryOperator<double[]> to, double lon, double lat) {
        double[] xy = to.apply(new double[] {lon, lat});
        return "[" + xy[0] + "," + xy[1] + "]";
    }

    private static double[] toUtm(double[] lonLat) {
        Coordinate c = UTM_51N.fromLonLat(GeoPoint.of(lonLat[0], lonLat[1]));
        return new double[] {c.x, c.y};
    }

    private static List<String> ids(List<Fence> fences) {
        List<String> out = new ArrayList<>();
        fences.forEach(f -> out.add(f.id()));
        return out;
    }

    @Test
    void fencesInUtm51N_readAndIndexLikeTheLonLatFences() {
        List<Fence> lonLat = FenceGeoJson.create().read(fences("", p -> p));
        String utm = fences("", FenceGeoJsonCrsTest::toUtm);
        String named = fences("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32651\"}},",
                FenceGeoJsonCrsTest::toUtm);
        for (List<Fence> projected : List.of(FenceGeoJson.create().withCrs(UTM_51N).read(utm), FenceGeoJson.create().read(named))) {
            assertThat(ids(projected)).containsExactly("HY-F1", "HY-F2", "HY-F3");
            for (int i = 0; i < lonLat.size(); i++) {
                assertThat(projected.get(i).kind()).isEqualTo(lonLat.get(i).kind());
            }
            FenceIndex expected = FenceIndex.of(lonLat);
            FenceIndex actual = FenceIndex.of(projected);
            int inside = 0;
            for (int i = 0; i < 60; i++) {
                for (int j = 0; j < 60; j++) {
                    GeoPoint p = GeoPoint.of(121.2470123 + i * 0.00035, 28.6280417 + j * 0.0003);
                    List<String> want = ids(expected.containing(p));
                    assertThat(ids(actual.containing(p))).as("fences at %s", p).isEqualTo(want);
                    inside += want.isEmpty() ? 0 : 1;
                }
            }
            assertThat(inside).as("sample points inside some fence").isGreaterThan(300);
        }
    }

    @Test
    void lonLatNumbersDeclaredAsUtm_areRefusedNamingFeatureAndPosition() {
        String lonLatNumbers = fences("", p -> p);
        assertThatThrownBy(() -> FenceGeoJson.create().withCrs(UTM_51N).read(lonLatNumbers)).isInstanceOf(GeoJsonException.class)
                .hasMessageStartingWith("features[0].geometry.coordinates[0][0]: position [121.25, 28.63] is outside EPSG:32651");
    }
}
