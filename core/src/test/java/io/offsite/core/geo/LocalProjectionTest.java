package io.offsite.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;

class LocalProjectionTest {
    private final LocalProjection huangyan = LocalProjection.centredOn(GeoPoint.of(121.26, 28.64));

    @Test
    void oneDegreeOfLatitudeAroundHuangyan_isAbout110830Metres() {
        // WGS-84 meridian arc from 28.14°N to 29.14°N: 110,829.9 m (the meridian-arc integral; 29.5–30.5°N gives the tables' 110,852.4 m)
        double d = huangyan.distanceMeters(GeoPoint.of(121.26, 28.14), GeoPoint.of(121.26, 29.14));
        assertThat(d).isCloseTo(110_829.9, Offset.offset(1.0));
    }

    @Test
    void oneDegreeOfLongitudeAtHuangyansLatitude_isAbout97775Metres() {
        // parallel arc at 28.64°N: (π/180)·N·cos φ = 97,774.6 m; TM distance along a parallel near the centre is within 0.1 %
        double d = huangyan.distanceMeters(GeoPoint.of(120.76, 28.64), GeoPoint.of(121.76, 28.64));
        assertThat(d).isCloseTo(97_774.6, Offset.offset(100.0));
    }

    @Test
    void centre_projectsToOrigin() {
        Coordinate c = huangyan.project(GeoPoint.of(121.26, 28.64));
        assertThat(c.x).isCloseTo(0, Offset.offset(1e-9));
        assertThat(c.y).isCloseTo(0, Offset.offset(1e-9));
    }

    @Test
    void projectThenUnproject_roundTripsWithinAMillimetre() {
        qt().withExamples(1000).forAll(doubles().between(118.0, 122.0), doubles().between(28.0, 32.5))
                .checkAssert((lon, lat) -> {
                    Coordinate c = huangyan.project(lon, lat);
                    GeoPoint back = huangyan.unproject(c.x, c.y);
                    assertThat(huangyan.distanceMeters(GeoPoint.of(lon, lat), back)).isLessThan(0.001);
                });
    }

    @Test
    void areaOfSmallSquare_matchesItsSideLengths() throws Exception {
        var square = new WKTReader().read("POLYGON ((121.26 28.64, 121.27 28.64, 121.27 28.65, 121.26 28.65, 121.26 28.64))");
        double w = huangyan.distanceMeters(GeoPoint.of(121.26, 28.645), GeoPoint.of(121.27, 28.645));
        double h = huangyan.distanceMeters(GeoPoint.of(121.265, 28.64), GeoPoint.of(121.265, 28.65));
        assertThat(huangyan.areaSquareMeters(square)).isCloseTo(w * h, Offset.offset(w * h * 1e-4));
    }

    @Test
    void geoPoint_rejectsOutOfRangeDegrees() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GeoPoint.of(181, 0)).hasMessageContaining("lon").hasMessageContaining("181");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GeoPoint.of(0, Double.NaN)).hasMessageContaining("lat");
    }
}
