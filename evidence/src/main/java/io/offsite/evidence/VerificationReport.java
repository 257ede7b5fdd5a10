package io.offsite.evidence;

import java.util.List;
import java.util.Objects;

/**
 * The verifier's result: OK when {@link #problems()} is empty; {@link #notes()} say what was checked
 * (case, item count, key fingerprints, timestamp) and anything not checked.
 *
 * @param caseId   the case the manifest names (empty when the manifest could not be read)
 * @param problems everything found wrong
 * @param notes    informational lines
 */
public record VerificationReport(String caseId, List<VerificationProblem> problems, List<String> notes) {
    public VerificationReport {
        Objects.requireNonNull(caseId, "caseId");
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /**
     * True when the bundle could not be checked (over the verifier's limits, unreadable, or the verifier failed):
     * then the report says nothing about tampering, whatever other problems it lists.
     */
    public boolean cannotCheck() {
        return has(VerificationProblem.Kind.CANNOT_CHECK);
    }

    /** True when nothing is wrong. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** Whether some problem is of the given kind. */
    public boolean has(VerificationProblem.Kind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }
}
