package io.offsite.core.service;

/**
 * The documents a penalty case serves; the periods each one's effective service starts are counted by the
 * {@code cases} module's deadline calculator.
 */
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
    OTHER
}
