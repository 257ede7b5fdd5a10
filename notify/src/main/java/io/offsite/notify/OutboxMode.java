package io.offsite.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an {@link Outbox} keeps its messages: {@link LocalOutbox} in memory over a private store, {@link SharedOutbox}
 * in a store several processes share. The outbox checks the arguments and holds its monitor around every call but
 * {@link #dispatchDue}, which takes it itself for all but the gateway calls, and {@link #purgeFinal}, which takes it
 * only where it touches the outbox's memory.
 */
interface OutboxMode {
    /** Stores the messages whose keys are new; a known key answers the known message. */
    List<EnqueueResult> enqueueAll(List<OutgoingMessage> messages);

    /** One dispatch round. */
    DispatchReport dispatchDue();

    /** Applies one receipt. */
    ReceiptOutcome onReceipt(Receipt receipt);

    /** Applies receipts in order, saved together. */
    List<ReceiptOutcome> onReceipts(List<Receipt> receipts);

    /** Removes final messages whose outcome is before {@code finalBefore}; returns how many. */
    int purgeFinal(Instant finalBefore);

    /** The message under {@code key}. */
    Optional<OutboxMessage> find(String key);

    /** The messages stored under these keys, by key (absent keys are left out). */
    Map<String, OutboxMessage> findAll(Collection<String> keys);

    /** The messages with {@code status}. */
    List<OutboxMessage> messages(MessageStatus status);

    /** The number of messages. */
    int count();

    /** The number of messages with {@code status}. */
    int count(MessageStatus status);

    /** The earliest due time of any message. */
    Optional<Instant> nextDueAt();
}
