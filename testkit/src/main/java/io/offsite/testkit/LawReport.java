package io.offsite.testkit;

import io.offsite.core.violation.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of {@link Laws#check}: counterexamples smallest first, and how many fact sets were tried.
 *
 * @param violation        the violation whose table was checked
 * @param counterexamples  one shrunk counterexample per (law, version) found, smallest first
 * @param factSetsChecked  fact sets assessed (boundary and random)
 */
public record LawReport(Violation violation, List<Counterexample> counterexamples, int factSetsChecked) {
    public LawReport {
        counterexamples = List.copyOf(counterexamples);
    }

    /** Whether every law held on every fact set tried. */
    public boolean holds() {
        return counterexamples.isEmpty();
    }

    /** Throws {@link AssertionError} listing the counterexamples when a law is broken (no test framework needed). */
    public LawReport assertHolds() {
        if (!holds()) {
            throw new AssertionError(violation + " breaks " + counterexamples.size() + " law(s) after " + factSetsChecked
                    + " fact sets:\n  " + counterexamples.stream().map(Counterexample::toString)
                    .collect(Collectors.joining("\n  ")));
        }
        return this;
    }
}
