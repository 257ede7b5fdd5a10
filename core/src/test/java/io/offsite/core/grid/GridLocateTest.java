package io.offsite.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.geo.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GridLocateTest {
    private static Grid district;

    @BeforeAll
    static void load() {
        district = Grid.builder().cells(Cells.district()).build();
    }

    private static String streetAt(double lon, double lat) {
        return district.locate(lon, lat).map(l -> l.cell().id().value()).orElse("outside");
    }

    @Test
    void pointInStreet_resolvesWholeChainAndOfficer() {
        GridLocation loc = district.locate(GeoPoint.of(121.245, 28.63)).orElseThrow();
        assertThat(loc.chain()).extracting(c -> c.id().value()).containsExactly("HY-1-A-1", "HY-1-A", "HY-1", "HY");
        assertThat(loc.responsibleOfficer()).isEqualTo(OfficerId.of("HYZF-1001"));
        assertThat(loc.squadron()).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("西城中队"));
        assertThat(loc.at(GridLevel.BUILT_UP_AREA)).isPresent();
    }

    @Test
    void pointOutsideGrid_isEmpty_andLocateOrThrowNamesThePoint() {
        assertThat(district.locate(121.34, 28.63)).isEmpty();
        assertThatThrownBy(() -> district.locateOrThrow(GeoPoint.of(121.34, 28.63)))
                .isInstanceOf(OutsideGridException.class).hasMessageContaining("(121.34, 28.63)").hasMessageContaining("outside the grid");
    }

    @Test
    void pointInHole_belongsToTheStreetFillingTheHole() {
        assertThat(streetAt(121.25, 28.65)).isEqualTo("HY-1-B-2");
        assertThat(streetAt(121.242, 28.65)).isEqualTo("HY-1-B-1");
    }

    @Test
    void multipolygonStreet_resolvesFromEitherPart() {
        assertThat(streetAt(121.265, 28.63)).isEqualTo("HY-2-A-1");
        assertThat(streetAt(121.275, 28.65)).isEqualTo("HY-2-A-1");
        assertThat(streetAt(121.275, 28.63)).isEqualTo("HY-2-A-2");
        assertThat(streetAt(121.265, 28.65)).isEqualTo("HY-2-A-2");
    }

    @Test
    void pointOnSharedNorthSouthEdge_belongsToTheEastCell() {
        assertThat(streetAt(121.25, 28.63)).isEqualTo("HY-1-A-2");
        assertThat(streetAt(121.26, 28.63)).isEqualTo("HY-2-A-1");
    }

    @Test
    void pointOnSharedEastWestEdge_belongsToTheNorthCell() {
        assertThat(streetAt(121.245, 28.64)).isEqualTo("HY-1-B-1");
        assertThat(streetAt(121.25, 28.645)).isEqualTo("HY-1-B-2");
        assertThat(streetAt(121.25, 28.655)).isEqualTo("HY-1-B-1");
    }

    @Test
    void pointOnVertexSharedByFourCells_belongsToExactlyOne() {
        assertThat(streetAt(121.27, 28.64)).isEqualTo("HY-2-A-1");
        assertThat(streetAt(121.25, 28.64)).isEqualTo("HY-1-B-1");
    }

    @Test
    void pointOnOuterBoundary_isInsideOnWestAndSouth_outsideOnEastAndNorth() {
        assertThat(streetAt(121.24, 28.63)).isEqualTo("HY-1-A-1");
        assertThat(streetAt(121.245, 28.62)).isEqualTo("HY-1-A-1");
        assertThat(streetAt(121.28, 28.63)).isEqualTo("outside");
        assertThat(streetAt(121.245, 28.66)).isEqualTo("outside");
    }

    @Test
    void pointOnDiagonalSharedEdge_belongsToExactlyOneOfTwoTriangles() {
        List<GridCell> cells = List.of(
                Cells.cell("B", GridLevel.BUILT_UP_AREA, null, Cells.rect(120.0, 30.0, 120.01, 30.01)),
                Cells.cell("S", GridLevel.SQUADRON, "B", Cells.rect(120.0, 30.0, 120.01, 30.01)),
                Cells.cell("A", GridLevel.AREA, "S", Cells.rect(120.0, 30.0, 120.01, 30.01)),
                Cells.cell("LOW", GridLevel.STREET, "A", "POLYGON ((120.0 30.0, 120.01 30.0, 120.01 30.01, 120.0 30.0))"),
                Cells.cell("UP", GridLevel.STREET, "A", "POLYGON ((120.0 30.0, 120.01 30.01, 120.0 30.01, 120.0 30.0))"));
        Grid grid = Grid.builder().cells(cells).build();
        for (int i = 1; i < 100; i++) {
            double t = i / 100.0;
            double lon = 120.0 + 0.01 * t;
            double lat = 30.0 + 0.01 * t;
            // whatever cell claims it, exactly one does: count claims with the exact per-cell rule
            int claims = 0;
            for (GridCell c : grid.cells()) {
                if (c.level() == GridLevel.STREET && new HalfOpenRings(c.polygon()).contains(lon, lat)) {
                    claims++;
                }
            }
            assertThat(claims).as("claims at t=%s", t).isLessThanOrEqualTo(1);
            assertThat(grid.locate(lon, lat)).as("located at t=%s", t).isPresent();
        }
    }

    @Test
    void managedLookupsMatchExactPerCellTest_onEveryBucketEdge() {
        // Sweep a fine lattice including points exactly on cell borders; the bucket index must agree with
        // a plain scan of every street with the same boundary rule.
        List<GridCell> streets = district.cells().stream().filter(c -> c.level() == GridLevel.STREET).toList();
        for (int i = 0; i <= 200; i++) {
            for (int j = 0; j <= 200; j++) {
                double lon = 121.2395 + i * 0.0002025;
                double lat = 28.6195 + j * 0.0002025;
                String expected = "outside";
                int claims = 0;
                for (GridCell s : streets) {
                    if (new HalfOpenRings(s.polygon()).contains(lon, lat)) {
                        expected = s.id().value();
                        claims++;
                    }
                }
                assertThat(claims).isLessThanOrEqualTo(1);
                assertThat(streetAt(lon, lat)).as("(%s, %s)", lon, lat).isEqualTo(expected);
            }
        }
    }
}
