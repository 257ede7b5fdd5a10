package io.offsite.evidence;

/** What happened to a case's evidence; each is one custody-log entry. */
public enum CustodyAction {
    /** An item was collected and frozen (its hash recorded at collection). */
    ADDED,
    /** Someone viewed an item. */
    VIEWED,
    /** The case (or an item) was exported as a bundle. */
    EXPORTED,
    /** An item or bundle was shared with someone outside the agency. */
    SHARED,
    /** A derived or redacted copy was made; the entry names the new item and its original. */
    DERIVED,
    /** A witness statement was linked to items (ids and hashes only). */
    WITNESS_LINKED,
    /** The case was sealed (frozen): no further items may be added. */
    SEALED
}
