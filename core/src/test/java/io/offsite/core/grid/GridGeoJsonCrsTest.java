package io.offsite.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.geo.CoordinateSystem;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.KrugerSeries;
import io.offsite.core.geo.LocalProjection;
import io.offsite.core.geojson.GeoJsonException;
import java.io.StringReader;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** A Huangyan grid exported by a city GIS in CGCS2000 3-degree Gauss-Kruger metres reads like the lon/lat one. */
class GridGeoJsonCrsTest {
    private static final double W = 121.25;
    private static final double M = 121.26;
    private static final double E = 121.27;
    private static final double S = 28.63;
    private static final double N = 28.65;
    /** id, level, parent, ring (lon, lat pairs, closed). */
    private static final Object[][] CELLS = {
        {"HY-B", "built-up-area", null, new double[] {W, S, M, S, E, S, E, N, M, N, W, N, W, S}},
        {"HY-S", "squadron", "HY-B", new double[] {W, S, M, S, E, S, E, N, M, N, W, N, W, S}},
        {"HY-A", "area", "HY-S", new double[] {W, S, M, S, E, S, E, N, M, N, W, N, W, S}},
        {"HY-T1", "street", "HY-A", new double[] {W, S, M, S, M, N, W, N, W, S}},
        {"HY-T2", "street", "HY-A", new double[] {M, S, E, S, E, N, M, N, M, S}},
    };

    /** The sample cells as a FeatureCollection, each lon/lat vertex mapped by {@code to}. */
    private static String document(Object[][] cells, String crsMember, UnaryOperator<double[]> to) {
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",").append(crsMember).append("\"features\":[");
        for (int i = 0; i < cells.length; i++) {
            Object[] c = cells[i];
            double[] ring = (double[]) c[3];
            b.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
            for (int k = 0; k < ring.length; k += 2) {
                double[] xy = to.apply(new double[] {ring[k], ring[k + 1]});
                b.append(k == 0 ? "" : ",").append('[').append(xy[0]).append(',').append(xy[1]).append(']');
            }
            b.append("]]},\"properties\":{\"id\":\"").append(c[0]).append("\",\"level\":\"").append(c[1]).append('"');
            if (c[2] != null) {
                b.append(",\"parent\":\"").append(c[2]).append('"');
            }
            b.append(",\"responsibleOfficer\":\"HY-O-").append(i).append("\",\"members\":[{\"id\":\"HY-O-").append(i)
                    .append("\",\"role\":\"enforcement-officer\"}]}}");
        }
        return b.append("]}").toString();
    }

    private static String gaussKruger(Object[][] cells, String crsMember, double falseEasting) {
        KrugerSeries independent = KrugerSeries.gaussKruger(120, falseEasting);
        return document(cells, crsMember, p -> independent.forward(p[0], p[1]));
    }

    @Test
    void huangyanCellsInEpsg4549_readWithinOneCentimetreOfTheLonLatCells() {
        List<GridCell> lonLat = GridGeoJson.create().read(new StringReader(document(CELLS, "", p -> p)));
        List<GridCell> projected = GridGeoJson.create().withCrs(CoordinateSystem.epsg(4549))
                .read(new StringReader(gaussKruger(CELLS, "", 500_000)));
        LocalProjection metres = LocalProjection.centredOn(GeoPoint.of(M, 28.64));
        assertThat(projected).hasSameSizeAs(lonLat);
        for (int i = 0; i < lonLat.size(); i++) {
            Coordinate[] expected = lonLat.get(i).polygon().getCoordinates();
            Coordinate[] actual = projected.get(i).polygon().getCoordinates();
            assertThat(actual).hasSameSizeAs(expected);
            for (int k = 0; k < expected.length; k++) {
                double d = metres.distanceMeters(GeoPoint.of(expected[k].x, expected[k].y), GeoPoint.of(actual[k].x, actual[k].y));
                assertThat(d).as("cell %s vertex %d", lonLat.get(i).id(), k).isLessThan(0.01);
            }
            assertThat(projected.get(i).id()).isEqualTo(lonLat.get(i).id());
        }
    }

    @Test
    void gridWithZonePrefixDeclaredByItsCrsMember_buildsAndLocates() {
        String crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4528\"}},";
        Grid grid = GridGeoJson.create().readGrid(new StringReader(gaussKruger(CELLS, crs, 40_500_000)));
        assertThat(grid.locate(121.255, 28.64).orElseThrow().cell().id().value()).isEqualTo("HY-T1");
        assertThat(grid.locate(121.265, 28.64).orElseThrow().cell().id().value()).isEqualTo("HY-T2");
        assertThat(grid.locate(121.28, 28.64)).isEmpty();
    }

    @Test
    void cellsInTheWrongZone_areRefusedNamingFeatureAndPosition() {
        String plain = gaussKruger(CELLS, "", 500_000);
        assertThatThrownBy(() -> GridGeoJson.create().withCrs(CoordinateSystem.epsg(4528)).read(new StringReader(plain)))
                .isInstanceOf(GeoJsonException.class)
                .hasMessageStartingWith("features[0].geometry.coordinates[0][0]: position [")
                .hasMessageContaining("is outside EPSG:4528 (CGCS2000 / 3-degree Gauss-Kruger zone 40): the easting is -39877.8 km"
                        + " from the false easting 40500000");
        assertThatThrownBy(() -> GridGeoJson.create().withCrs(CoordinateSystem.epsg(4549)).read(new StringReader(document(CELLS, "", p -> p))))
                .isInstanceOf(GeoJsonException.class)
                .hasMessageStartingWith("features[0].geometry.coordinates[0][0]: position [121.25, 28.63] is outside EPSG:4549");
    }

    @Test
    void selfIntersectingCellInMetres_isRefusedAfterConversionNamingTheCell() {
        // HY-T1 as a bow tie: its edges cross at about (121.255, 28.64)
        Object[][] cells = CELLS.clone();
        cells[3] = new Object[] {"HY-T1", "street", "HY-A", new double[] {W, S, M, N, M, S, W, N, W, S}};
        String doc = gaussKruger(cells, "", 500_000);
        assertThatThrownBy(() -> GridGeoJson.create().withCrs(CoordinateSystem.epsg(4549)).readGrid(new StringReader(doc)))
                .isInstanceOf(GridValidationException.class)
                .hasMessageContaining("cell HY-T1 polygon is invalid: Self-intersection at [121.25");
    }
}
