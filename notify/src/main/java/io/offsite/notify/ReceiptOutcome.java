package io.offsite.notify;

/** What {@link Outbox#onReceipt(Receipt)} (or {@link Outbox#onReceipts}) did with a receipt. */
public enum ReceiptOutcome {
    /** The receipt changed the message: delivered, or a failure that scheduled a retry or dead-lettered it. */
    APPLIED,
    /** The message already had this outcome; nothing changed. */
    DUPLICATE,
    /** The receipt is older news than the message's state (e.g. a failure after delivery); nothing changed. */
    IGNORED_LATE,
    /** No message has that key or provider id; nothing changed (logged as a warning). */
    UNMATCHED
}
