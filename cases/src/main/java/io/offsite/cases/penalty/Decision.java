package io.offsite.cases.penalty;

import io.offsite.core.violation.Violation;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of assessing facts against a table on a date.
 *
 * @param violation     the violation assessed
 * @param versionId     table version used
 * @param outcome       no penalty, warning or fine
 * @param fineFen       the fine in fen; 0 unless {@code outcome == FINE}
 * @param tierId        the circumstance tier the facts fall in (also when an exemption overrode it)
 * @param exemption     the exemption that applied, if any
 */
public record Decision(Violation violation, String versionId, Outcome outcome, long fineFen, String tierId,
        Optional<ExemptionKind> exemption) {
    public Decision {
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(tierId, "tierId");
        Objects.requireNonNull(exemption, "exemption");
        if (fineFen < 0 || (outcome != Outcome.FINE && fineFen != 0)) {
            throw new PenaltyException("fineFen " + fineFen + " is inconsistent with outcome " + outcome);
        }
    }

    /** Orders decisions by severity: outcome first, then fine. Positive when this one is heavier. */
    public int compareSeverity(Decision other) {
        int c = outcome.compareTo(other.outcome);
        return c != 0 ? c : Long.compare(fineFen, other.fineFen);
    }
}
