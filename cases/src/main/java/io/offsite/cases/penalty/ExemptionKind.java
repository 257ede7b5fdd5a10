package io.offsite.cases.penalty;

/** Statutory grounds for not penalising (or only warning); the loader checks each against the law. */
public enum ExemptionKind {
    /** APL Art. 33(1) sentence 2: first violation, minor harm, promptly corrected — may be waived (首违不罚). */
    FIRST_VIOLATION,
    /** APL Art. 33(1) sentence 1: minor, promptly corrected and harmless — no penalty. */
    MINOR_HARMLESS,
    /** Another ground the table cites (must still be at least as strict as the table states). */
    OTHER
}
