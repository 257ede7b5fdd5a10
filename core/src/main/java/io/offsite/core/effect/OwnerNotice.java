package io.offsite.core.effect;

/**
 * Whether, and how, the owner was told to move before an escalation: what an off-site case may rest on.
 * Carried by {@link CaptureEvidence} (and {@link MoveWindowStarted}) so evidence plans and case timelines say it.
 */
public enum OwnerNotice {
    /** The ladder has no owner text (vendors, dumping): nothing rests on a text. */
    NOT_REQUIRED,
    /** The owner was told: the window ran from the SMS delivery receipt. */
    DELIVERED,
    /**
     * The window ran from the decision to text (a host without delivery receipts): the SMS record must still
     * show delivery at least the full window before the dispatch.
     */
    UNCONFIRMED,
    /**
     * The owner could not be told (dead letter, no recipient, no receipt in time): the officer handles it on site
     * and no off-site case may rest on the text.
     */
    NOT_DELIVERED;

    /** Whether an off-site case may rest on the owner text (false only for {@link #NOT_DELIVERED}). */
    public boolean offSiteCaseMayRestOnText() {
        return this != NOT_DELIVERED;
    }
}
