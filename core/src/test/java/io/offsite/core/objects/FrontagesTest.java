package io.offsite.core.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import io.offsite.core.geo.Shapes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrontagesTest {
    /** 黄岩区劳动北路: three shops in a row along the street, about 8 m apart east-west. */
    private static final GeoPoint ORIGIN = GeoPoint.of(121.2620, 28.6470);
    private static final LocalProjection M = LocalProjection.centredOn(ORIGIN);
    private static final ManagedObject FRUIT = shop("hy-shop-0001", "某水果店", 0, 0);
    private static final ManagedObject NOODLE = shop("hy-shop-0002", "某面馆", 8, 0);
    private static final ManagedObject HARDWARE = shop("hy-shop-0003", "某五金店", 16, 0);

    private static ManagedObject shop(String id, String name, double eastMeters, double northMeters) {
        return new ManagedObject(id, name, ObjectCategory.STREET_SHOP, Optional.empty(), at(eastMeters, northMeters));
    }

    private static GeoPoint at(double eastMeters, double northMeters) {
        return M.unproject(eastMeters, northMeters);
    }

    private static Frontages row() {
        return Frontages.builder().addAll(List.of(FRUIT, NOODLE, HARDWARE)).build();
    }

    @Test
    void pointNearAShop_tracesToTheNearestWithItsDistance() {
        Frontage hit = row().locate(at(9, -4)).orElseThrow();
        assertThat(hit.object()).isEqualTo(NOODLE);
        assertThat(hit.match()).isEqualTo(Frontage.Match.NEAREST);
        assertThat(hit.distanceMeters()).isCloseTo(Math.hypot(1, 4), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void pointBeyondTheLimit_isUnattributed() {
        assertThat(row().locate(at(8, -15.5))).isEmpty();
        assertThat(row().locate(at(8, -14.5))).hasValueSatisfying(f -> assertThat(f.object()).isEqualTo(NOODLE));
        Frontages tight = Frontages.builder().addAll(List.of(FRUIT, NOODLE, HARDWARE)).maxDistanceMeters(5).build();
        assertThat(tight.locate(at(8, -6))).isEmpty();
    }

    @Test
    void pointFarAway_isRejectedByTheBoundingBoxNotTheProjection() {
        assertThat(row().locate(GeoPoint.of(-58.38, -34.60))).isEmpty();
        assertThat(row().locate(GeoPoint.of(121.2620, 29.6470))).isEmpty();
    }

    @Test
    void equidistantShops_tieBreaksOnTheSmallerIdWhateverTheInsertionOrder() {
        GeoPoint midway = at(4, -3);
        List<ManagedObject> objects = new ArrayList<>(List.of(FRUIT, NOODLE, HARDWARE));
        for (int k = 0; k < 6; k++) {
            Collections.rotate(objects, 1);
            if (k == 3) {
                Collections.reverse(objects);
            }
            Frontages f = Frontages.builder().addAll(objects).build();
            assertThat(f.locate(midway).orElseThrow().object().id()).isEqualTo("hy-shop-0001");
        }
    }

    @Test
    void declaredFrontage_winsOverACloserNeighbour() {
        // the noodle shop's pavement strip runs 6 m wide in front of the fruit shop's door too (a corner plot)
        Frontages f = Frontages.builder().addAll(List.of(FRUIT, NOODLE, HARDWARE))
                .frontage("hy-shop-0002", strip(-3, 11, -6, -1)).build();
        Frontage hit = f.locate(at(0.5, -2)).orElseThrow();
        assertThat(hit.object()).isEqualTo(NOODLE);
        assertThat(hit.match()).isEqualTo(Frontage.Match.INSIDE_FRONTAGE);
        assertThat(hit.distanceMeters()).isGreaterThan(7);
        // outside the strip the nearest shop answers again
        assertThat(f.locate(at(0.5, 1)).orElseThrow().object()).isEqualTo(FRUIT);
    }

    @Test
    void pointOnTheFrontageEdge_countsAsInside() {
        Frontages f = Frontages.builder().add(FRUIT).add(HARDWARE).frontage("hy-shop-0003", strip(10, 22, -5, -1))
                .build();
        Frontage hit = f.locate(at(10, -3)).orElseThrow();
        assertThat(hit.object()).isEqualTo(HARDWARE);
        assertThat(hit.match()).isEqualTo(Frontage.Match.INSIDE_FRONTAGE);
    }

    @Test
    void frontageFarFromItsShop_stillTracesEvenBeyondTheDistanceLimit() {
        // a market stall plot 40 m from the registered address
        Frontages f = Frontages.builder().add(FRUIT).frontage("hy-shop-0001", strip(38, 44, -3, 3)).build();
        assertThat(f.locate(at(40, 0))).hasValueSatisfying(h -> {
            assertThat(h.object()).isEqualTo(FRUIT);
            assertThat(h.distanceMeters()).isGreaterThan(Frontages.DEFAULT_MAX_DISTANCE_METERS);
        });
    }

    @Test
    void emptyIndex_locatesNothing() {
        assertThat(Frontages.builder().build().locate(ORIGIN)).isEmpty();
    }

    @Test
    void duplicateObjectId_isRefusedNamingIt() {
        assertThatThrownBy(() -> Frontages.builder().add(FRUIT).add(shop("hy-shop-0001", "copy", 3, 3)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("\"hy-shop-0001\"")
                .hasMessageContaining("twice");
    }

    @Test
    void frontageOfAnUnknownObject_isRefusedAtBuild() {
        Frontages.Builder b = Frontages.builder().add(FRUIT).frontage("hy-shop-9999", strip(0, 4, -4, 0));
        assertThatThrownBy(b::build).isInstanceOf(UnknownObjectException.class)
                .hasMessageContaining("\"hy-shop-9999\"")
                .satisfies(e -> assertThat(((UnknownObjectException) e).objectId()).isEqualTo("hy-shop-9999"));
    }

    @Test
    void malformedFrontages_areRefusedWithTheObjectAndTheReason() {
        Frontages.Builder b = Frontages.builder().add(FRUIT);
        assertThatThrownBy(() -> b.frontage(" ", strip(0, 4, -4, 0))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("non-blank");
        assertThatThrownBy(() -> b.frontage("hy-shop-0001", Shapes.fromWkt("LINESTRING (121.26 28.64, 121.27 28.65)")))
                .hasMessageContaining("frontage of object hy-shop-0001").hasMessageContaining("LineString");
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        org.locationtech.jts.geom.Polygon bowtie = gf.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
            new org.locationtech.jts.geom.Coordinate(121.260, 28.640), new org.locationtech.jts.geom.Coordinate(121.261, 28.641),
            new org.locationtech.jts.geom.Coordinate(121.261, 28.640), new org.locationtech.jts.geom.Coordinate(121.260, 28.641),
            new org.locationtech.jts.geom.Coordinate(121.260, 28.640)});
        assertThatThrownBy(() -> b.frontage("hy-shop-0001", bowtie)).hasMessageContaining("not valid")
                .hasMessageContaining("Self-intersection");
        b.frontage("hy-shop-0001", strip(0, 4, -4, 0));
        assertThatThrownBy(() -> b.frontage("hy-shop-0001", strip(0, 5, -5, 0)))
                .hasMessageContaining("already has a frontage");
    }

    @Test
    void distanceLimit_outsideItsRange_isRefusedNamingTheValue() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 501}) {
            assertThatThrownBy(() -> Frontages.builder().maxDistanceMeters(bad))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxDistanceMeters")
                    .hasMessageContaining(String.valueOf(bad));
        }
    }

    @Test
    void objectLookup_knowsIndexedIdsAndRefusesMalformedOnes() {
        assertThat(row().object("hy-shop-0002")).contains(NOODLE);
        assertThat(row().object("hy-shop-4040")).isEmpty();
        assertThatThrownBy(() -> row().object("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> row().object("hy-shop-0002\n")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("control characters");
    }

    /** A lon/lat rectangle given in metres east/north of the origin. */
    private static org.locationtech.jts.geom.Polygon strip(double west, double east, double south, double north) {
        GeoPoint sw = at(west, south);
        GeoPoint ne = at(east, north);
        return Shapes.polygon(sw.lon(), sw.lat(), ne.lon(), sw.lat(), ne.lon(), ne.lat(), sw.lon(), ne.lat());
    }
}
