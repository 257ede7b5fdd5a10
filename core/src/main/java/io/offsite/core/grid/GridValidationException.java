package io.offsite.core.grid;

import io.offsite.core.OffsiteException;
import java.util.List;
import java.util.stream.Collectors;

/** A grid could not be built; {@link #problems()} lists every problem found, not just the first. */
public final class GridValidationException extends OffsiteException {
    private static final long serialVersionUID = 1L;
    private final transient List<GridProblem> problems;

    GridValidationException(List<GridProblem> problems) {
        super(problems.size() + " grid problem(s):\n  " + problems.stream().map(GridProblem::toString)
                .collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found (errors and warnings). */
    public List<GridProblem> problems() {
        return problems;
    }
}
