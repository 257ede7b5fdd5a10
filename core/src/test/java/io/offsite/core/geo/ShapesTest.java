package io.offsite.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.offsite.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** Polygons from lon/lat arrays and WKT: closed when open, refused with the vertex and the reason when wrong. */
class ShapesTest {
    private static final double[] SQUARE = {121.25, 28.63, 121.27, 28.63, 121.27, 28.65, 121.25, 28.65};

    @Test
    void openRing_isClosedByRepeatingTheFirstVertex() {
        Polygon p = Shapes.polygon(SQUARE);
        Coordinate[] cs = p.getExteriorRing().getCoordinates();
        assertThat(cs).hasSize(5);
        assertThat(cs[4]).isEqualTo(cs[0]);
        assertThat(p.getArea()).isCloseTo(0.02 * 0.02, within(1e-12));
    }

    @Test
    void closedRing_isTakenAsGiven() {
        Polygon p = Shapes.polygon(121.25, 28.63, 121.27, 28.63, 121.27, 28.65, 121.25, 28.63);
        assertThat(p.getExteriorRing().getNumPoints()).isEqualTo(4);
    }

    @Test
    void shellWithHole_fromRingArrays() {
        double[][] shell = {{121.25, 28.63}, {121.27, 28.63}, {121.27, 28.65}, {121.25, 28.65}};
        double[][] hole = {{121.255, 28.635}, {121.26, 28.635}, {121.26, 28.64}, {121.255, 28.635}};
        Polygon p = Shapes.polygon(shell, hole);
        assertThat(p.getNumInteriorRing()).isEqualTo(1);
        assertThat(p.contains(p.getFactory().createPoint(new Coordinate(121.2575, 28.636)))).isFalse();
        assertThat(p.contains(p.getFactory().createPoint(new Coordinate(121.265, 28.645)))).isTrue();
    }

    @Test
    void oddCountOfValues_isRefused() {
        assertThatThrownBy(() -> Shapes.polygon(121.25, 28.63, 121.27)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("odd count of 3 values");
    }

    @Test
    void notANumber_isRefusedNamingTheVertex() {
        assertThatThrownBy(() -> Shapes.polygon(121.25, 28.63, 121.27, Double.NaN, 121.27, 28.65))
                .isInstanceOf(InvalidValueException.class).hasMessage("shell vertex 1: latitude is not a number (NaN)");
    }

    @Test
    void outOfRangeLonLat_isRefusedNamingTheVertex() {
        assertThatThrownBy(() -> Shapes.polygon(121.25, 28.63, 191.27, 28.63, 121.27, 28.65))
                .hasMessage("shell vertex 1: longitude 191.27 outside -180..180");
        double[][] shell = {{121.25, 28.63}, {121.27, 28.63}, {121.27, 28.65}};
        double[][] hole = {{121.26, 28.635}, {121.265, 95}, {121.262, 28.64}};
        assertThatThrownBy(() -> Shapes.polygon(shell, hole)).hasMessage("hole 0 vertex 1: latitude 95.0 outside -90..90");
        assertThatThrownBy(() -> Shapes.polygon(new double[][] {{121.25, 28.63}, {121.27}, {121.27, 28.65}}))
                .hasMessage("shell vertex 1 must be {lon, lat}, had 1 values");
    }

    @Test
    void tooFewDistinctVertices_isRefused() {
        assertThatThrownBy(() -> Shapes.polygon(121.25, 28.63, 121.27, 28.63)).hasMessage("shell needs at least 3 distinct vertices, had 2");
        assertThatThrownBy(() -> Shapes.polygon(121.25, 28.63, 121.27, 28.63, 121.25, 28.63))
                .hasMessage("shell needs at least 3 distinct vertices, had 2");
        assertThatThrownBy(() -> Shapes.polygon()).hasMessage("shell needs at least 3 distinct vertices, had 0");
    }

    @Test
    void selfIntersection_isRefusedNamingThePositionAndTheEdge() {
        // a bow tie: edges 1-2 and 3-0 cross at (121.26, 28.64)
        assertThatThrownBy(() -> Shapes.polygon(121.25, 28.63, 121.27, 28.65, 121.27, 28.63, 121.25, 28.65))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("polygon is not valid: Self-intersection at (121.26")
                .hasMessageContaining("shell edge from vertex");
    }

    @Test
    void holeOutsideShell_isRefused() {
        double[][] shell = {{121.25, 28.63}, {121.27, 28.63}, {121.27, 28.65}, {121.25, 28.65}};
        double[][] hole = {{121.30, 28.635}, {121.31, 28.635}, {121.31, 28.64}};
        assertThatThrownBy(() -> Shapes.polygon(shell, hole)).hasMessageContaining("Hole lies outside shell")
                .hasMessageContaining("hole 0 vertex 0");
    }

    @Test
    void wkt_readsValidatedLonLatGeometry() {
        Geometry g = Shapes.fromWkt("POLYGON ((121.25 28.63, 121.27 28.63, 121.27 28.65, 121.25 28.65, 121.25 28.63))");
        assertThat(g).isInstanceOf(Polygon.class);
        assertThat(g.equalsExact(Shapes.polygon(SQUARE))).isTrue();
        assertThat(Shapes.fromWkt("LINESTRING (121.25 28.63, 121.27 28.65)").getNumPoints()).isEqualTo(2);
    }

    @Test
    void badWkt_isRefusedSayingWhy() {
        assertThatThrownBy(() -> Shapes.fromWkt("POLYGON ((121.25 28.63, 121.27")).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("WKT is not readable");
        assertThatThrownBy(() -> Shapes.fromWkt("POLYGON EMPTY")).hasMessage("WKT geometry Polygon is empty");
        assertThatThrownBy(() -> Shapes.fromWkt("POLYGON ((121.25 28.63, 121.27 128.63, 121.27 28.65, 121.25 28.63))"))
                .hasMessage("WKT coordinate 1: latitude 128.63 outside -90..90");
        assertThatThrownBy(() -> Shapes.fromWkt("POLYGON ((121.25 28.63, 121.27 28.65, 121.27 28.63, 121.25 28.65, 121.25 28.63))"))
                .hasMessageStartingWith("WKT Polygon is not valid: Self-intersection at (121.26");
    }

    @Test
    void wktInAProjectedSystem_isConvertedToLonLat() {
        CoordinateSystem gk = CoordinateSystem.epsg(4549);
        Polygon lonLat = Shapes.polygon(SQUARE);
        Geometry metres = gk.fromLonLat(lonLat);
        Geometry back = Shapes.fromWkt(metres.toText(), gk);
        for (int k = 0; k < 5; k++) {
            assertThat(back.getCoordinates()[k].distance(lonLat.getCoordinates()[k])).isLessThan(1e-10);
        }
        assertThatThrownBy(() -> Shapes.fromWkt(lonLat.toText(), gk)).hasMessageStartingWith("WKT coordinate 0: position [121.25, 28.63]"
                + " is outside EPSG:4549");
    }
}
