package io.offsite.core.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.Shapes;
import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class FootprintCheckTest {
    private static final String ID = "91331003MA2H000001";
    private static final Instant SEEN = Instant.parse("2026-12-07T02:14:00Z");
    private static final Offset<Double> CM2 = Offset.offset(0.05);

    @ParameterizedTest(name = "permit {0}×{1} m, observed {2}×{3} m at ({4}, {5}) → excess {6} m²")
    @CsvSource({
        // permit w, h; observed w, h and offset of its SW corner from the permit's; expected excess m²
        "20, 30, 20, 35, 0, 0, 100",   // extended 5 m to the north
        "20, 30, 20, 30, 0, 0, 0",     // as permitted
        "20, 30, 10, 10, 5, 5, 0",     // smaller, inside
        "20, 30, 26, 30, 0, 0, 180",   // extended 6 m to the east
        "20, 30, 20, 30, 0, 10, 200",  // built 10 m further north than permitted
        "20, 30, 30, 40, -5, -5, 600", // grown 5 m on every side: 1200 − 600
    })
    void rectangles_nearHuangyan_giveExactExcessAreas(double pw, double ph, double ow, double oh, double dx, double dy,
            double excess) {
        FootprintComparison c = FootprintCheck.create().compare(ID, SEEN, Huangyan.rect(100, 200, pw, ph),
                Huangyan.rect(100 + dx, 200 + dy, ow, oh));
        assertThat(c.permittedSquareMeters()).isCloseTo(pw * ph, CM2);
        assertThat(c.observedSquareMeters()).isCloseTo(ow * oh, CM2);
        assertThat(c.excessSquareMeters()).isCloseTo(excess, CM2);
        assertThat(c.withinTolerance()).isEqualTo(excess <= 5);
        assertThat(c.finding().isPresent()).isEqualTo(excess > 5);
    }

    @Test
    void permitExceededByAHundredSquareMetres_yieldsAFindingForTheFile() {
        Polygon permit = Huangyan.rect(0, 0, 20, 30);
        Polygon observed = Huangyan.rect(0, 0, 20, 35);
        IllegalBuildingFinding f = FootprintCheck.create().compare(ID, SEEN, permit, observed).finding().orElseThrow();

        assertThat(f.objectId()).isEqualTo(ID);
        assertThat(f.observedAt()).isEqualTo(SEEN);
        assertThat(f.permitted()).containsSame(permit);
        assertThat(f.observed()).isSameAs(observed);
        assertThat(f.excessSquareMeters()).isCloseTo(100, CM2);
        assertThat(Huangyan.PROJ.areaSquareMeters(f.excess())).isCloseTo(100, CM2); // the excess polygon is lon/lat
        assertThat(f.excess().getEnvelopeInternal().getMinY()).isCloseTo(Huangyan.at(0, 30).lat(), Offset.offset(1e-7));
        assertThat(f.description()).contains("违法建设").contains("observed footprint exceeds permit by 100.0 m²")
                .contains("observed 700.0 m², permitted 600.0 m²");

        EnterpriseArchive file = f.recordIn(EnterpriseArchive.empty(ID));
        assertThat(file.findings()).singleElement().satisfies(x -> {
            assertThat(x.violation()).isEqualTo(Violation.ILLEGAL_BUILDING);
            assertThat(x.at()).isEqualTo(SEEN);
            assertThat(x.description()).isEqualTo(f.description());
        });
    }

    @Test
    void excessBelowThreshold_isWithinTolerance_andNoFinding() {
        FootprintComparison c = FootprintCheck.builder().thresholdSquareMeters(5).build()
                .compare(ID, SEEN, Huangyan.rect(0, 0, 20, 30), Huangyan.rect(0, 0, 20, 30.2)); // 4 m²
        assertThat(c.excessSquareMeters()).isCloseTo(4, CM2);
        assertThat(c.withinTolerance()).isTrue();
        assertThat(c.finding()).isEmpty();
    }

    @Test
    void toleranceBuffer_givesTheStripNextToThePermitToTheParty() {
        // the permit grown 0.5 m on every side: the 5 m extension north counts only from 0.5 m out
        FootprintComparison c = FootprintCheck.builder().toleranceMeters(0.5).build()
                .compare(ID, SEEN, Huangyan.rect(0, 0, 20, 30), Huangyan.rect(0, 0, 20, 35));
        assertThat(c.excessSquareMeters()).isCloseTo(20 * 4.5, CM2);
        // a wall surveyed 0.4 m out of place is no excess at all
        FootprintComparison shifted = FootprintCheck.builder().toleranceMeters(0.5).build()
                .compare(ID, SEEN, Huangyan.rect(0, 0, 20, 30), Huangyan.rect(0.4, 0.4, 20, 30));
        assertThat(shifted.excessSquareMeters()).isCloseTo(0, CM2);
    }

    @Test
    void noPermit_makesTheWholeObservedFootprintExcess() {
        FootprintComparison c = FootprintCheck.create().compareWithoutPermit(ID, SEEN, Huangyan.rect(0, 0, 12, 8));
        assertThat(c.permitted()).isEmpty();
        assertThat(c.permittedSquareMeters()).isZero();
        assertThat(c.excessSquareMeters()).isCloseTo(96, CM2);
        assertThat(c.finding()).hasValueSatisfying(f -> {
            assertThat(f.permitted()).isEmpty();
            assertThat(f.description()).contains("observed footprint of 96.0 m² has no building permit");
        });
    }

    @Test
    void wktAndArraysThroughShapes_areAccepted() {
        Geometry permit = Shapes.fromWkt("POLYGON ((121.2600 28.6400, 121.2602 28.6400, 121.2602 28.6403,"
                + " 121.2600 28.6403, 121.2600 28.6400))");
        Polygon observed = Shapes.polygon(121.2600, 28.6400, 121.2603, 28.6400, 121.2603, 28.6403, 121.2600, 28.6403);
        FootprintComparison c = FootprintCheck.create().compare(ID, SEEN, permit, observed);
        assertThat(c.excessSquareMeters()).isCloseTo(c.observedSquareMeters() - c.permittedSquareMeters(), CM2);
        assertThat(c.excessSquareMeters()).isGreaterThan(300); // ~9.8 m × 33.2 m
    }

    @Test
    void wktFootprints_areComparedDirectly_andAnUnreadableOneIsNamed() {
        String permit = "POLYGON ((121.2600 28.6400, 121.2602 28.6400, 121.2602 28.6403, 121.2600 28.6403, 121.2600 28.6400))";
        String observed = "POLYGON ((121.2600 28.6400, 121.2603 28.6400, 121.2603 28.6403, 121.2600 28.6403, 121.2600 28.6400))";
        FootprintComparison c = FootprintCheck.create().compareWkt(ID, SEEN, permit, observed);
        assertThat(c.excessSquareMeters()).isCloseTo(c.observedSquareMeters() - c.permittedSquareMeters(), CM2);
        assertThat(FootprintCheck.create().compareWithoutPermitWkt(ID, SEEN, observed).excessSquareMeters())
                .isCloseTo(c.observedSquareMeters(), CM2);
        assertThatThrownBy(() -> FootprintCheck.create().compareWkt(ID, SEEN, permit, "POLYGON ((121.26 28.64, 121.27"))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("observed footprint: WKT is not readable");
        assertThatThrownBy(() -> FootprintCheck.create().compareWkt(ID, SEEN,
                "POLYGON ((121.26 28.64, 121.2603 28.6403, 121.2603 28.64, 121.26 28.6403, 121.26 28.64))", observed))
                .hasMessageStartingWith("permitted footprint: WKT Polygon is not valid: Self-intersection");
    }

    @Test
    void selfIntersectingObservedFootprint_isRejectedWithReasonAndPosition() {
        Polygon bowtie = new GeometryFactory().createPolygon(new org.locationtech.jts.geom.Coordinate[] {
            new org.locationtech.jts.geom.Coordinate(121.26, 28.64), new org.locationtech.jts.geom.Coordinate(121.2603, 28.6403),
            new org.locationtech.jts.geom.Coordinate(121.2603, 28.64), new org.locationtech.jts.geom.Coordinate(121.26, 28.6403),
            new org.locationtech.jts.geom.Coordinate(121.26, 28.64)});
        assertThatThrownBy(() -> FootprintCheck.create().compare(ID, SEEN, Huangyan.rect(0, 0, 20, 30), bowtie))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("observed footprint is not valid: Self-intersection at (121.26015");
        assertThatThrownBy(() -> FootprintCheck.create().compare(ID, SEEN, bowtie, Huangyan.rect(0, 0, 20, 30)))
                .hasMessageStartingWith("permitted footprint is not valid: Self-intersection");
    }

    @Test
    void nonPolygonOrEmptyFootprints_areRejectedNamingWhichOne() {
        GeometryFactory gf = new GeometryFactory();
        Polygon ok = Huangyan.rect(0, 0, 20, 30);
        assertThatThrownBy(() -> FootprintCheck.create().compare(ID, SEEN,
                Shapes.fromWkt("LINESTRING (121.26 28.64, 121.27 28.64)"), ok))
                .hasMessage("permitted footprint must be a Polygon or MultiPolygon, was LineString");
        assertThatThrownBy(() -> FootprintCheck.create().compare(ID, SEEN, ok, gf.createPolygon()))
                .hasMessage("observed footprint is empty");
        assertThatThrownBy(() -> FootprintCheck.create().compareWithoutPermit(ID, SEEN, null))
                .hasMessageContaining("observed footprint is required");
        Polygon metres = gf.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
            new org.locationtech.jts.geom.Coordinate(0, 0), new org.locationtech.jts.geom.Coordinate(500, 0),
            new org.locationtech.jts.geom.Coordinate(500, 500), new org.locationtech.jts.geom.Coordinate(0, 0)});
        assertThatThrownBy(() -> FootprintCheck.create().compareWithoutPermit(ID, SEEN, metres))
                .hasMessageContaining("observed footprint must be WGS-84 lon/lat degrees");
    }

    @Test
    void badSettings_areRejectedAtTheSetter() {
        assertThatThrownBy(() -> FootprintCheck.builder().thresholdSquareMeters(-1))
                .hasMessage("thresholdSquareMeters must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> FootprintCheck.builder().toleranceMeters(Double.NaN))
                .hasMessage("toleranceMeters must be finite and >= 0, was NaN");
    }

    @Test
    void findingForAnotherObject_cannotGoIntoThisFile() {
        IllegalBuildingFinding f = FootprintCheck.create()
                .compareWithoutPermit(ID, SEEN, Huangyan.rect(0, 0, 10, 10)).finding().orElseThrow();
        assertThatThrownBy(() -> f.recordIn(EnterpriseArchive.empty("91331003MA2H000002")))
                .hasMessageContaining("cannot go into the archive of '91331003MA2H000002'");
    }
}
