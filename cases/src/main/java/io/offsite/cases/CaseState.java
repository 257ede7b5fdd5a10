package io.offsite.cases;

/** Where a penalty case stands. Terminal states: {@link #CLOSED}, {@link #WITHDRAWN}, {@link #NO_PENALTY}. */
public enum CaseState {
    /** Filed (立案). */
    FILED,
    /** Under investigation (调查取证). */
    INVESTIGATING,
    /** Notice of intended penalty served; statement/defence (and hearing request) periods running. */
    NOTICE_SERVED,
    /** The party requested a hearing in time. */
    HEARING_REQUESTED,
    /** The hearing was held. */
    HEARING_HELD,
    /** With the legal-review office (法制审核). */
    LEGAL_REVIEW,
    /** Legal review passed. */
    REVIEW_PASSED,
    /** Penalty decided. */
    DECIDED,
    /** Decision served on the party. */
    DECISION_SERVED,
    /** Written demand to pay served (催告). */
    DEMAND_SERVED,
    /** Applied to court for enforcement. */
    COURT_APPLIED,
    /** The court enforced the decision. */
    ENFORCED,
    /** Fine (and any surcharge) paid. */
    PAID,
    /** Case closed (结案). */
    CLOSED,
    /** Filing withdrawn before a decision (撤销立案). */
    WITHDRAWN,
    /** Decided not to penalise (不予行政处罚). */
    NO_PENALTY;

    /** Whether no further action is possible. */
    public boolean isTerminal() {
        return this == CLOSED || this == WITHDRAWN || this == NO_PENALTY;
    }
}
