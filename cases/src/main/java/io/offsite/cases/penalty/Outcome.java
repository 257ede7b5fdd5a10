package io.offsite.cases.penalty;

/** The kind of decision, ordered from lightest to heaviest. */
public enum Outcome {
    /** No administrative penalty (不予行政处罚). */
    NO_PENALTY,
    /** A warning (警告) and no fine. */
    WARNING,
    /** A fine of {@link Decision#fineFen()}. */
    FINE
}
