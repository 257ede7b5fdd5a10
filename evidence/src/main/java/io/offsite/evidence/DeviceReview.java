package io.offsite.evidence;

/**
 * Whether the capturing device was reviewed (计量检定/审核) as APL Art. 41 requires; a record from a device
 * nobody reviewed is not evidence.
 */
public enum DeviceReview {
    /** The device was reviewed and found standard-compliant. */
    REVIEWED,
    /** The device was not reviewed, or its review lapsed. */
    NOT_REVIEWED,
    /** Review status not recorded (e.g. documents, statements), or not applicable. */
    UNKNOWN
}
