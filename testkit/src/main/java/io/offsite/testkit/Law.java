package io.offsite.testkit;

/** The invariants {@link Laws} checks on a penalty table. */
public enum Law {
    /** Valid facts on a day a version is in force can be assessed without error. */
    ASSESSABLE,
    /** Every fine lies inside the statutory range for the party; other outcomes carry no fine. */
    WITHIN_STATUTORY_RANGE,
    /** Adding an aggravating factor never gives a lighter decision. */
    AGGRAVATION_NEVER_LOWERS,
    /**
     * A worse record never gives a lighter decision: one more earlier violation (so not a first one), or one level
     * more harm, is assessed at least as heavily — across tiers as within one (a "serious" tier whose band starts
     * below the "ordinary" tier's top breaks it).
     */
    WORSE_RECORD_NEVER_LOWERS,
    /** Adding a mitigating factor never gives a heavier decision. */
    MITIGATION_NEVER_RAISES,
    /** The first-violation waiver applies only to a first, promptly corrected violation with at most minor harm. */
    FIRST_VIOLATION_WAIVER_CONDITIONS,
    /** Same facts and date give the same decision, with or without explanation. */
    DETERMINISTIC
}
