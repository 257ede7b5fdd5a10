package io.offsite.cases.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table cases as data files (a vendor can add their own): {@code KIND-description.json} must be rejected with a
 * problem of that kind; {@code valid-*.json} must load.
 */
class TableCaseFilesTest {
    static Stream<Path> files() throws IOException, URISyntaxException {
        Path dir = Path.of(TableCaseFilesTest.class.getResource("/penalty").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void tableCaseFile_isAcceptedOrRejectedAsItsNameSays(Path file) {
        String name = file.getFileName().toString();
        PenaltyCatalogue.Loader loader = PenaltyCatalogue.loader().add(file);
        if (name.startsWith("valid-")) {
            assertThat(loader.load().tables()).hasSize(1);
            return;
        }
        TableProblem.Kind expected = TableProblem.Kind.valueOf(name.substring(0, name.indexOf('-')));
        RuleTableException e = catchThrowableOfType(RuleTableException.class, loader::load);
        assertThat(e).as(name + " should be rejected").isNotNull();
        List<TableProblem.Kind> kinds = e.problems().stream().map(TableProblem::kind).toList();
        assertThat(kinds).as(e.getMessage()).contains(expected);
        if (expected == TableProblem.Kind.GAP || expected == TableProblem.Kind.OVERLAP) {
            assertThat(e.problems().get(0).example()).isPresent();
        }
    }
}
