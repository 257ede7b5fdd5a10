package io.offsite.testkit.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridCell;
import io.offsite.core.grid.GridGeoJson;
import io.offsite.core.grid.GridLevel;
import io.offsite.core.grid.GridLocation;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** Properties of the grid over randomly generated valid tilings (grid model of issue 2). */
class SyntheticGridPropertyTest {
    private static final GeometryFactory GF = new GeometryFactory();

    private static List<GridCell> tiling(long seed, int shape) {
        SplittableRandom r = new SplittableRandom(seed);
        return SyntheticGrid.builder().squadrons(1 + shape % 3, 1 + shape / 3 % 2).areasPerSquadron(1 + shape % 2, 2)
                .streetsPerArea(2 + shape % 3, 1 + shape % 4).jitter(0.4 * r.nextDouble())
                .sizeMeters(500 + r.nextDouble() * 5000, 500 + r.nextDouble() * 5000).generate(r);
    }

    @Test
    void everyPointInsideTheTopCell_locatesToExactlyOneStreetThatContainsIt() {
        qt().withExamples(40).forAll(longs().all(), integers().between(0, 23)).checkAssert((seed, shape) -> {
            List<GridCell> cells = tiling(seed, shape);
            Grid grid = Grid.builder().cells(cells).build();
            GridCell top = cells.get(0);
            var env = top.polygon().getEnvelopeInternal();
            SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
            List<GridCell> streets = cells.stream().filter(c -> c.level() == GridLevel.STREET).toList();
            for (int i = 0; i < 300; i++) {
                double lon = env.getMinX() + r.nextDouble() * env.getWidth();
                double lat = env.getMinY() + r.nextDouble() * env.getHeight();
                Point p = GF.createPoint(new Coordinate(lon, lat));
                boolean inTop = top.polygon().contains(p);
                Optional<GridLocation> loc = grid.locate(lon, lat);
                if (inTop) {
                    long containing = streets.stream().filter(s -> s.polygon().covers(p)).count();
                    assertThat(containing).as("streets covering (%s, %s)", lon, lat).isGreaterThanOrEqualTo(1);
                    assertThat(loc).as("(%s, %s) locates", lon, lat).isPresent();
                    GridCell street = loc.get().street().orElseThrow();
                    assertThat(street.polygon().covers(p)).isTrue();
                    assertThat(loc.get().chain()).hasSize(4);
                    assertThat(loc.get().chain().get(3).id()).isEqualTo(top.id());
                } else if (!top.polygon().covers(p)) {
                    assertThat(loc).isEmpty();
                }
            }
        });
    }

    @Test
    void pointsOnSharedLatticeVertices_locateToExactlyOneStreet() {
        qt().withExamples(20).forAll(longs().all(), integers().between(0, 23)).checkAssert((seed, shape) -> {
            List<GridCell> cells = tiling(seed, shape);
            Grid grid = Grid.builder().cells(cells).build();
            GridCell top = cells.get(0);
            for (GridCell s : cells) {
                if (s.level() != GridLevel.STREET) {
                    continue;
                }
                for (Coordinate c : s.polygon().getCoordinates()) {
                    Point p = GF.createPoint(c);
                    if (top.polygon().contains(p)) {
                        assertThat(grid.locate(c.x, c.y)).as("interior vertex %s", c).isPresent();
                    }
                }
            }
        });
    }

    @Test
    void exportThenImport_isLossless() {
        qt().withExamples(15).forAll(longs().all(), integers().between(0, 23)).checkAssert((seed, shape) -> {
            List<GridCell> cells = tiling(seed, shape);
            GridGeoJson codec = GridGeoJson.create();
            List<GridCell> back = codec.read(new StringReader(codec.write(cells)));
            assertThat(back).hasSameSizeAs(cells);
            for (int i = 0; i < cells.size(); i++) {
                assertThat(back.get(i).polygon().equalsExact(cells.get(i).polygon())).isTrue();
                assertThat(back.get(i)).usingRecursiveComparison().ignoringFields("polygon").isEqualTo(cells.get(i));
            }
        });
    }

    @Test
    void generatedGrid_alwaysValidates_withNoWarnings() {
        qt().withExamples(20).forAll(longs().all(), doubles().between(0, 0.45)).checkAssert((seed, jitter) -> {
            List<GridCell> cells = SyntheticGrid.builder().jitter(jitter).generate(new SplittableRandom(seed));
            assertThat(Grid.builder().cells(cells).build().warnings()).isEmpty();
        });
    }
}
