package io.offsite.evidence;

import io.offsite.core.violation.Violation;
import java.util.List;
import java.util.Objects;

/**
 * Every check run for a case, passed or not. The case is complete when no finding failed or was
 * uncheckable.
 *
 * @param violation     the violation whose rule set was used
 * @param findings      one per check, in rule-file order
 */
public record CompletenessReport(Violation violation, List<Finding> findings) {
    public CompletenessReport {
        Objects.requireNonNull(violation, "violation");
        findings = List.copyOf(findings);
    }

    /** True when every finding passed. */
    public boolean complete() {
        return findings.stream().allMatch(f -> f.status() == Finding.Status.PASSED);
    }

    /** The findings that did not pass. */
    public List<Finding> gaps() {
        return findings.stream().filter(f -> f.status() != Finding.Status.PASSED).toList();
    }
}
