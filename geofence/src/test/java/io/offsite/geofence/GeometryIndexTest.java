package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.grid.CellId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The plain geometry index: lon/lat-array and WKT input, validation naming the item, holes and multipolygons. */
class GeometryIndexTest {
    private static final double[] SQUARE = {121.26, 28.64, 121.27, 28.64, 121.27, 28.65, 121.26, 28.65, 121.26, 28.64};

    @Test
    void lonLatArray_containsInteriorOnly_noKindOrCellNeeded() {
        GeometryIndex<String> idx = GeometryIndex.<String>builder().addLonLat("market", SQUARE).build();
        assertThat(idx.containing(121.265, 28.645)).containsExactly("market");
        assertThat(idx.containing(121.26, 28.645)).as("on the west edge").isEmpty();
        assertThat(idx.containing(121.27, 28.65)).as("on a vertex").isEmpty();
        assertThat(idx.containing(121.28, 28.645)).isEmpty();
        assertThat(idx.containsAny(121.265, 28.645)).isTrue();
    }

    @Test
    void selfIntersectingRing_rejectedNamingItemAndCoordinate() {
        double[] bowtie = {121.26, 28.64, 121.27, 28.65, 121.27, 28.64, 121.26, 28.65, 121.26, 28.64};
        assertThatThrownBy(() -> GeometryIndex.<String>builder().addLonLat("bow", bowtie))
                .isInstanceOf(GeofenceException.class)
                .hasMessageContaining("item \"bow\"").hasMessageContaining("Self-intersection").hasMessageContaining("121.265");
    }

    @Test
    void unclosedRing_rejectedSayingSo() {
        double[] open = {121.26, 28.64, 121.27, 28.64, 121.27, 28.65, 121.26, 28.65};
        assertThatThrownBy(() -> GeometryIndex.<String>builder().addLonLat("open", open))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("item \"open\"").hasMessageContaining("not closed");
        assertThatThrownBy(() -> GeometryIndex.<String>builder()
                .addWkt("openWkt", "POLYGON ((121.26 28.64, 121.27 28.64, 121.27 28.65, 121.26 28.65))"))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("item \"openWkt\"").hasMessageContaining("closed");
    }

    @Test
    void tooFewPointsOrOddCount_rejected() {
        assertThatThrownBy(() -> GeometryIndex.<String>builder().addLonLat("tri", 121.26, 28.64, 121.27, 28.64, 121.26, 28.64))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("item \"tri\"").hasMessageContaining("at least 4");
        assertThatThrownBy(() -> GeometryIndex.<String>builder().addLonLat("odd", 121.26, 28.64, 121.27))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("even count");
        assertThatThrownBy(() -> GeometryIndex.<String>builder().addLonLatRings("none", new double[0][]))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("no rings");
    }

    @Test
    void nanOrOutOfRangeCoordinate_rejected() {
        double[] nan = SQUARE.clone();
        nan[3] = Double.NaN;
        assertThatThrownBy(() -> GeometryIndex.<String>builder().addLonLat("nan", nan))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("item \"nan\"").hasMessageContaining("NaN");
        double[] far = SQUARE.clone();
        far[2] = 181;
        assertThatThrownBy(() -> GeometryIndex.<String>builder().addLonLat("far", far))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("point 1").hasMessageContaining("181.0");
        assertThatThrownBy(() -> GeometryIndex.<String>builder()
                .addWkt("utm", "POLYGON ((500000 3170000, 500100 3170000, 500100 3170100, 500000 3170000))"))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("item \"utm\"").hasMessageContaining("not a lon/lat");
    }

    @Test
    void badWkt_rejectedNamingItem() {
        assertThatThrownBy(() -> GeometryIndex.<String>builder().addWkt("typo", "POLYGN ((1 1, 2 1, 2 2, 1 1))"))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("item \"typo\"").hasMessageContaining("unreadable WKT");
        assertThatThrownBy(() -> GeometryIndex.<String>builder().addWkt("line", "LINESTRING (1 1, 2 2)"))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("needs a Polygon or MultiPolygon");
        assertThatThrownBy(() -> GeometryIndex.<String>builder().addWkt("empty", "POLYGON EMPTY"))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("empty");
    }

    @Test
    void hole_excludesItsInteriorAndBoundary() {
        double[] hole = {121.263, 28.643, 121.267, 28.643, 121.267, 28.647, 121.263, 28.647, 121.263, 28.643};
        GeometryIndex<String> idx = GeometryIndex.<String>builder().addLonLatRings("yard", new double[][] {SQUARE, hole}).build();
        assertThat(idx.containing(121.265, 28.645)).as("in the hole").isEmpty();
        assertThat(idx.containing(121.263, 28.645)).as("on the hole's edge").isEmpty();
        assertThat(idx.containing(121.261, 28.645)).containsExactly("yard");
    }

    @Test
    void holeTouchingItsShell_isValidAndExcluded() {
        GeometryIndex<String> idx = GeometryIndex.<String>builder().addWkt("notch",
                "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (0 5, 4 3, 4 7, 0 5))").build();
        assertThat(idx.containing(2, 5)).isEmpty();
        assertThat(idx.containing(0, 5)).as("the touching point").isEmpty();
        assertThat(idx.containing(5, 5)).containsExactly("notch");
        assertThat(idx.containing(1, 1)).containsExactly("notch");
    }

    @Test
    void multiPolygonAndOverlaps_reportEveryContainingItemInAddOrder() {
        GeometryIndex<Integer> idx = GeometryIndex.<Integer>builder()
                .addWkt(7, "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((2 0, 3 0, 3 1, 2 1, 2 0)))")
                .addLonLat(3, 0.5, 0.5, 2.5, 0.5, 2.5, 0.8, 0.5, 0.8, 0.5, 0.5)
                .build();
        assertThat(idx.containing(0.6, 0.6)).containsExactly(7, 3);
        assertThat(idx.containing(2.6, 0.2)).containsExactly(7);
        assertThat(idx.containing(1.5, 0.6)).containsExactly(3);
        assertThat(idx.containing(1.5, 0.2)).isEmpty();
        int[] positions = new int[1];
        assertThat(idx.containing(0.6, 0.6, positions)).as("count beyond the buffer").isEqualTo(2);
        assertThat(idx.item(positions[0])).isEqualTo(7);
        List<Integer> seen = new ArrayList<>();
        assertThat(idx.forEachContaining(0.6, 0.6, seen::add)).isEqualTo(2);
        assertThat(seen).containsExactly(7, 3);
    }

    @Test
    void fenceFromLonLatOrWkt_equalsFenceFromJts() throws Exception {
        Geometry jts = new WKTReader().read("POLYGON ((121.26 28.64, 121.27 28.64, 121.27 28.65, 121.26 28.65, 121.26 28.64))");
        Fence a = Fence.builder("a", FenceKind.NO_PARKING, CellId.of("c")).polygon(SQUARE).build();
        Fence b = Fence.builder("b", FenceKind.NO_PARKING, CellId.of("c")).wkt(jts.toText()).build();
        Fence c = Fence.builder("c", FenceKind.NO_PARKING, CellId.of("c")).polygon(new double[][] {SQUARE}).build();
        assertThat(a.area().equalsExact(jts)).isTrue();
        assertThat(b.area().equalsExact(jts)).isTrue();
        assertThat(c.area().equalsExact(jts)).isTrue();
        assertThatThrownBy(() -> Fence.builder("F9", FenceKind.NO_PARKING, CellId.of("c")).wkt("POLYGON ((1 1, 2 2))"))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("fence F9");
    }
}
