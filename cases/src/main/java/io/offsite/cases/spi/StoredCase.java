package io.offsite.cases.spi;

import io.offsite.cases.CaseException;
import io.offsite.cases.PenaltyCase;
import java.util.Objects;

/**
 * A case as a {@link CaseStore} holds it: the snapshot and its version. The version starts at 1 when the case
 * is created and grows by one with each accepted update; pass it back as the expected version of the next update.
 *
 * @param penaltyCase the snapshot
 * @param version     its version, from 1
 */
public record StoredCase(PenaltyCase penaltyCase, long version) {
    /** Validates the components. */
    public StoredCase {
        Objects.requireNonNull(penaltyCase, "penaltyCase");
        if (version < 1) {
            throw new CaseException("case " + penaltyCase.caseId() + ": a stored version starts at 1, was " + version);
        }
    }

    /** The case id (shortcut for {@code penaltyCase().caseId()}). */
    public String caseId() {
        return penaltyCase.caseId();
    }
}
