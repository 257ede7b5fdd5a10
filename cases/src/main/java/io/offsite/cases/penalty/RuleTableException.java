package io.offsite.cases.penalty;

import java.util.List;
import java.util.stream.Collectors;

/** A penalty table was rejected at load time; {@link #problems()} lists every reason with an example. */
public final class RuleTableException extends PenaltyException {
    private static final long serialVersionUID = 1L;
    private final transient List<TableProblem> problems;

    /** With the problems found (at least one). */
    public RuleTableException(String source, List<TableProblem> problems) {
        super("penalty table " + source + " rejected with " + problems.size() + " problem(s):\n  "
                + problems.stream().map(TableProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in table order. */
    public List<TableProblem> problems() {
        return problems;
    }
}
