package io.offsite.core.grid;

import static io.offsite.core.grid.Cells.cell;
import static io.offsite.core.grid.Cells.rect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.grid.GridProblem.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridValidationTest {

    private static List<GridProblem> problemsOf(List<GridCell> cells) {
        return problemsOf(Grid.builder().cells(cells));
    }

    private static List<GridProblem> problemsOf(Grid.Builder builder) {
        try {
            builder.build();
        } catch (GridValidationException e) {
            return e.problems();
        }
        throw new AssertionError("grid was accepted");
    }

    private static List<GridCell> with(GridCell... extra) {
        List<GridCell> cells = new ArrayList<>(Cells.twoStreets());
        cells.addAll(List.of(extra));
        return cells;
    }

    @Test
    void validGrid_buildsWithoutWarnings() {
        Grid grid = Grid.builder().cells(Cells.twoStreets()).build();
        assertThat(grid.cells()).hasSize(5);
        assertThat(grid.warnings()).isEmpty();
        assertThat(grid.children(CellId.of("A"))).extracting(GridCell::id).containsExactly(CellId.of("T1"), CellId.of("T2"));
    }

    @Test
    void duplicateId_isReportedWithTheId() {
        List<GridProblem> ps = problemsOf(with(cell("T1", GridLevel.STREET, "A", rect(120.0, 30.0, 120.01, 30.01))));
        assertThat(ps).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(Kind.DUPLICATE_ID);
            assertThat(p.cells()).containsExactly(CellId.of("T1"));
            assertThat(p.message()).contains("T1");
        });
    }

    @Test
    void unknownParent_isReported() {
        List<GridProblem> ps = problemsOf(with(cell("T9", GridLevel.STREET, "NOPE", rect(120.0, 30.0, 120.001, 30.001))));
        assertThat(ps).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(Kind.UNKNOWN_PARENT);
            assertThat(p.message()).contains("T9").contains("NOPE");
        });
    }

    @Test
    void streetUnderSquadron_isWrongLevelOrder() {
        List<GridCell> cells = List.of(
                cell("B", GridLevel.BUILT_UP_AREA, null, rect(120.0, 30.0, 120.02, 30.01)),
                cell("S", GridLevel.SQUADRON, "B", rect(120.0, 30.0, 120.02, 30.01)),
                cell("T", GridLevel.STREET, "S", rect(120.0, 30.0, 120.02, 30.01)));
        assertThat(problemsOf(cells)).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(Kind.WRONG_LEVEL_ORDER);
            assertThat(p.message()).contains("T").contains("expected a area");
        });
    }

    @Test
    void rootThatIsNotBuiltUpArea_isWrongLevelOrder() {
        List<GridCell> cells = List.of(cell("S", GridLevel.SQUADRON, null, rect(120.0, 30.0, 120.02, 30.01)));
        assertThat(problemsOf(cells)).extracting(GridProblem::kind).contains(Kind.WRONG_LEVEL_ORDER);
    }

    @Test
    void parentCycle_isReportedOnceWithItsMembers() {
        List<GridCell> cells = with(
                cell("X", GridLevel.AREA, "Y", rect(120.0, 30.0, 120.001, 30.001)),
                cell("Y", GridLevel.SQUADRON, "X", rect(120.0, 30.0, 120.001, 30.001)));
        List<GridProblem> cycles = problemsOf(cells).stream().filter(p -> p.kind() == Kind.CYCLE).toList();
        assertThat(cycles).hasSize(1);
        assertThat(cycles.get(0).cells()).containsExactlyInAnyOrder(CellId.of("X"), CellId.of("Y"));
    }

    @Test
    void selfIntersectingPolygon_namesTheCellAndTheCoordinate() {
        List<GridCell> cells = new ArrayList<>(Cells.twoStreets());
        cells.set(4, cell("T2", GridLevel.STREET, "A",
                "POLYGON ((120.01 30.0, 120.02 30.01, 120.02 30.0, 120.01 30.01, 120.01 30.0))"));
        assertThat(problemsOf(cells)).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(Kind.INVALID_POLYGON);
            assertThat(p.cells()).containsExactly(CellId.of("T2"));
            assertThat(p.message()).contains("Self-intersection").contains("120.015");
            assertThat(p.location()).hasValueSatisfying(g -> assertThat(g.lon()).isCloseTo(120.015, org.assertj.core.data.Offset.offset(1e-9)));
        });
    }

    @Test
    void childOverhangingParent_reportsAreaAndPoint() {
        List<GridCell> cells = new ArrayList<>(Cells.twoStreets());
        cells.set(4, cell("T2", GridLevel.STREET, "A", rect(120.01, 30.0, 120.021, 30.01)));
        GridProblem p = problemsOf(cells).stream().filter(x -> x.kind() == Kind.NOT_INSIDE_PARENT).findFirst().orElseThrow();
        assertThat(p.cells()).containsExactly(CellId.of("T2"), CellId.of("A"));
        // 0.001° lon × 0.01° lat at 30°N ≈ 96.5 m × 1108.6 m ≈ 107,000 m²
        assertThat(p.areaSquareMeters()).isBetween(105_000.0, 109_000.0);
        assertThat(p.location()).hasValueSatisfying(g -> assertThat(g.lon()).isGreaterThan(120.02));
    }

    @Test
    void overlappingSiblings_reportAreaAboveTolerance() {
        List<GridCell> cells = new ArrayList<>(Cells.twoStreets());
        cells.set(3, cell("T1", GridLevel.STREET, "A", rect(120.0, 30.0, 120.011, 30.01)));
        GridProblem p = problemsOf(cells).stream().filter(x -> x.kind() == Kind.SIBLING_OVERLAP).findFirst().orElseThrow();
        assertThat(p.cells()).containsExactly(CellId.of("T1"), CellId.of("T2"));
        assertThat(p.areaSquareMeters()).isBetween(105_000.0, 109_000.0);
        assertThat(p.message()).contains("m²");
    }

    @Test
    void overlapBelowTolerance_isAccepted() {
        List<GridCell> cells = new ArrayList<>(Cells.twoStreets());
        cells.set(3, cell("T1", GridLevel.STREET, "A", rect(120.0, 30.0, 120.0100001, 30.01)));
        Grid grid = Grid.builder().cells(cells).overlapToleranceSquareMeters(20).build();
        assertThat(grid.warnings()).isEmpty();
    }

    @Test
    void coverageGap_isAnErrorWithAreaAndAPointInsideTheGap() {
        List<GridCell> cells = new ArrayList<>(Cells.twoStreets());
        cells.set(4, cell("T2", GridLevel.STREET, "A", rect(120.01, 30.0, 120.019, 30.01)));
        GridProblem p = problemsOf(cells).stream().filter(x -> x.kind() == Kind.COVERAGE_GAP).findFirst().orElseThrow();
        assertThat(p.severity()).isEqualTo(GridProblem.Severity.ERROR);
        assertThat(p.cells()).containsExactly(CellId.of("A"));
        assertThat(p.areaSquareMeters()).isBetween(105_000.0, 109_000.0);
        assertThat(p.location()).hasValueSatisfying(g -> assertThat(g.lon()).isBetween(120.019, 120.02));
    }

    @Test
    void coverageGap_canBeAcceptedAsWarning_andLocatesToTheParent() {
        List<GridCell> cells = new ArrayList<>(Cells.twoStreets());
        cells.set(4, cell("T2", GridLevel.STREET, "A", rect(120.01, 30.0, 120.019, 30.01)));
        Grid grid = Grid.builder().cells(cells).acceptGaps(true).build();
        assertThat(grid.warnings()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(Kind.COVERAGE_GAP));
        GridLocation loc = grid.locate(120.0195, 30.005).orElseThrow();
        assertThat(loc.cell().id()).isEqualTo(CellId.of("A"));
        assertThat(loc.street()).isEmpty();
        assertThat(loc.responsibleOfficer()).isEqualTo(OfficerId.of("O-A"));
    }

    @Test
    void responsibleOfficerWhoIsNotAnOfficerMember_isReported() {
        GridCell bad = GridCell.builder("T2", GridLevel.STREET).parent("A").polygon(Cells.wkt(rect(120.01, 30.0, 120.02, 30.01)))
                .member(new GridMember(OfficerId.of("SAN-1"), "cleaner", MemberRole.SANITATION))
                .responsibleOfficer(OfficerId.of("SAN-1")).build();
        List<GridCell> cells = new ArrayList<>(Cells.twoStreets());
        cells.set(4, bad);
        assertThat(problemsOf(cells)).anySatisfy(p -> assertThat(p.kind()).isEqualTo(Kind.RESPONSIBLE_NOT_OFFICER));
    }

    @Test
    void manyProblems_areAllReportedAtOnce() {
        List<GridCell> cells = new ArrayList<>(Cells.twoStreets());
        cells.set(3, cell("T1", GridLevel.STREET, "A", rect(120.0, 30.0, 120.011, 30.01)));
        cells.add(cell("T2", GridLevel.STREET, "A", rect(120.0, 30.0, 120.001, 30.001)));
        cells.add(cell("Q", GridLevel.STREET, "MISSING", rect(120.0, 30.0, 120.001, 30.001)));
        GridValidationException e = org.junit.jupiter.api.Assertions.assertThrows(GridValidationException.class,
                () -> Grid.builder().cells(cells).build());
        assertThat(e.problems()).extracting(GridProblem::kind)
                .contains(Kind.SIBLING_OVERLAP, Kind.DUPLICATE_ID, Kind.UNKNOWN_PARENT);
        assertThat(e.getMessage()).contains("SIBLING_OVERLAP").contains("DUPLICATE_ID").contains("UNKNOWN_PARENT");
    }

    @Test
    void builderSetters_rejectBadValuesAtOnce() {
        assertThatThrownBy(() -> Grid.builder().gapToleranceSquareMeters(-1))
                .hasMessageContaining("gapToleranceSquareMeters").hasMessageContaining("-1");
        assertThatThrownBy(() -> Grid.builder().build()).hasMessageContaining("at least one cell");
        assertThatThrownBy(() -> GridCell.builder("X", GridLevel.STREET).build()).hasMessageContaining("polygon");
        assertThatThrownBy(() -> CellId.of(" ")).hasMessageContaining("cell id");
    }

    @Test
    void pointCell_isRejectedAsNotAPolygon() {
        assertThatThrownBy(() -> GridCell.builder("X", GridLevel.STREET).polygon(Cells.wkt("POINT (120 30)"))
                .responsibleOfficer("O", "o").build()).hasMessageContaining("Polygon or MultiPolygon").hasMessageContaining("Point");
    }
}
