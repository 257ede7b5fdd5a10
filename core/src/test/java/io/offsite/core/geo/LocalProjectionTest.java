package io.offsite.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;

class LocalProjectionTest {
    private final LocalProjection hangzhou = LocalProjection.centredOn(GeoPoint.of(120.15, 30.27));

    @Test
    void oneDegreeOfLatitudeAtThirtyNorth_isAbout110852Metres() {
        // WGS-84 meridian arc from 29.5°N to 30.5°N: 110,852.4 m (reference geodesic tables)
        double d = hangzhou.distanceMeters(GeoPoint.of(120.15, 29.5), GeoPoint.of(120.15, 30.5));
        assertThat(d).isCloseTo(110_852.4, Offset.offset(1.0));
    }

    @Test
    void oneDegreeOfLongitudeAtThirtyNorth_isAbout96486Metres() {
        // parallel arc at 30°N: (π/180)·N·cos φ = 96,486.3 m; TM distance along a parallel near the centre is within 0.1 %
        double d = hangzhou.distanceMeters(GeoPoint.of(119.65, 30.0), GeoPoint.of(120.65, 30.0));
        assertThat(d).isCloseTo(96_486.3, Offset.offset(100.0));
    }

    @Test
    void centre_projectsToOrigin() {
        Coordinate c = hangzhou.project(GeoPoint.of(120.15, 30.27));
        assertThat(c.x).isCloseTo(0, Offset.offset(1e-9));
        assertThat(c.y).isCloseTo(0, Offset.offset(1e-9));
    }

    @Test
    void projectThenUnproject_roundTripsWithinAMillimetre() {
        qt().withExamples(1000).forAll(doubles().between(118.0, 122.0), doubles().between(28.0, 32.5))
                .checkAssert((lon, lat) -> {
                    Coordinate c = hangzhou.project(lon, lat);
                    GeoPoint back = hangzhou.unproject(c.x, c.y);
                    assertThat(hangzhou.distanceMeters(GeoPoint.of(lon, lat), back)).isLessThan(0.001);
                });
    }

    @Test
    void areaOfSmallSquare_matchesItsSideLengths() throws Exception {
        var square = new WKTReader().read("POLYGON ((120.15 30.27, 120.16 30.27, 120.16 30.28, 120.15 30.28, 120.15 30.27))");
        double w = hangzhou.distanceMeters(GeoPoint.of(120.15, 30.275), GeoPoint.of(120.16, 30.275));
        double h = hangzhou.distanceMeters(GeoPoint.of(120.155, 30.27), GeoPoint.of(120.155, 30.28));
        assertThat(hangzhou.areaSquareMeters(square)).isCloseTo(w * h, Offset.offset(w * h * 1e-4));
    }

    @Test
    void geoPoint_rejectsOutOfRangeDegrees() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GeoPoint.of(181, 0)).hasMessageContaining("lon").hasMessageContaining("181");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GeoPoint.of(0, Double.NaN)).hasMessageContaining("lat");
    }
}
