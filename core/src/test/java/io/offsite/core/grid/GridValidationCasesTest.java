package io.offsite.core.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the geometry cases in {@code grid/validation-cases.txt}. */
class GridValidationCasesTest {

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(Cells.resource("validation-cases.txt"))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 3);
                out.add(Arguments.of(parts[0].trim(), parts[1].trim(), parts[2].trim()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void replacingStreetT2_isReportedAsExpected(String kind, String text, String wkt) {
        List<GridCell> cells = new ArrayList<>(Cells.twoStreets());
        cells.set(4, Cells.cell("T2", GridLevel.STREET, "A", wkt));
        GridValidationException e = org.junit.jupiter.api.Assertions.assertThrows(GridValidationException.class,
                () -> Grid.builder().cells(cells).build());
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(GridProblem.Kind.valueOf(kind));
            assertThat(p.message()).contains(text);
        });
    }
}
