package io.offsite.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class Gcj02Test {

    @Test
    void knownOffsetInBeijing_isAboutFiveHundredMetres() {
        GeoPoint wgs = GeoPoint.of(116.391, 39.907);
        GeoPoint gcj = Gcj02.fromWgs84(wgs);
        // published GCJ-02 offsets around Beijing are ~+0.0062° lon, ~+0.0014° lat
        assertThat(gcj.lon() - wgs.lon()).isCloseTo(0.0062, Offset.offset(0.0005));
        assertThat(gcj.lat() - wgs.lat()).isCloseTo(0.0014, Offset.offset(0.0005));
    }

    @Test
    void outsideChina_isUnchanged() {
        GeoPoint tokyo = GeoPoint.of(139.69, 35.69);
        assertThat(Gcj02.fromWgs84(tokyo)).isEqualTo(tokyo);
        assertThat(Gcj02.toWgs84(tokyo)).isEqualTo(tokyo);
    }

    @Test
    void roundTripInsideChina_isWithinOneMetre() {
        qt().withExamples(2000).forAll(doubles().between(73.6, 134.7), doubles().between(18.2, 53.5))
                .checkAssert((lon, lat) -> {
                    GeoPoint wgs = GeoPoint.of(lon, lat);
                    GeoPoint back = Gcj02.toWgs84(Gcj02.fromWgs84(wgs));
                    LocalProjection p = LocalProjection.centredOn(wgs);
                    assertThat(p.distanceMeters(wgs, back)).isLessThan(1.0);
                });
    }
}
