package io.offsite.core.service;

import io.offsite.core.deadline.Deadline;
import io.offsite.core.deadline.DeadlineCalculator;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The documents a penalty case serves, each with the periods its effective service starts. */
public enum DocumentKind {
    /** 行政处罚事先告知书: starts the statement and defence period. */
    PENALTY_NOTICE,
    /** 行政处罚听证告知书 (a notice that also grants a hearing): statement and defence, and the hearing-request period. */
    HEARING_RIGHTS_NOTICE,
    /** 行政处罚决定书: starts the payment period (for a decision that imposes a fine). */
    DECISION,
    /** 催告书 (written demand to pay): starts the wait before a court application (ACL Art. 54). */
    DEMAND,
    /** Any other document: starts nothing. */
    OTHER;

    /** The periods that run from service effective on {@code effectiveOn}, counted by {@code deadlines}. */
    public List<Deadline> startedBy(DeadlineCalculator deadlines, LocalDate effectiveOn) {
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        switch (this) {
            case PENALTY_NOTICE:
                return List.of(deadlines.statementDefenceEnds(effectiveOn));
            case HEARING_RIGHTS_NOTICE:
                return List.of(deadlines.statementDefenceEnds(effectiveOn), deadlines.hearingRequestEnds(effectiveOn));
            case DECISION:
                return List.of(deadlines.paymentDue(effectiveOn));
            case DEMAND:
                return List.of(deadlines.demandMatures(effectiveOn));
            default:
                return List.of();
        }
    }
}
