package io.offsite.notify;

import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.OutboxStore;
import io.offsite.notify.spi.SharedOutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A durable outbox: every message is saved to the {@link OutboxStore} before it is sent, sent at least once
 * under its idempotency key, retried with exponential backoff and jitter, rate-limited per recipient,
 * matched to delivery receipts, and dead-lettered with a reason after the last attempt. Nothing is dropped
 * silently: every message ends {@link MessageStatus#DELIVERED} or {@link MessageStatus#DEAD_LETTER}.
 *
 * <p>Nothing runs by itself: the host calls {@link #dispatchDue()} (directly, from a timer, or through
 * {@link OutboxScheduler}) and feeds receipts to {@link #onReceipt(Receipt)}; all times come from the
 * supplied {@link Clock}, so tests are deterministic. Building an outbox on a store that already holds
 * messages resumes them (a restart). Thread-safe: state changes and store calls are serialized on the
 * instance, but gateway calls are made outside that lock, so a stalled gateway never blocks enqueueing.
 *
 * <p>On a {@link io.offsite.notify.spi.SharedOutboxStore} (for example a database that several server processes
 * share) the outbox keeps nothing in memory: each round claims its due messages from the store under a lease
 * ({@link OutboxBuilder#holder}, {@link OutboxBuilder#leaseDuration}), so no two processes send a message at the
 * same time and a crashed process's messages are taken over when its leases run out; every change is written
 * only over the state it was based on, and a receipt may reach any of the processes. Reads
 * ({@link #find}, {@link #messages}, {@link #size}, {@link #nextDueAt}) then go to the store.
 *
 * <pre>{@code
 * Outbox outbox = Outbox.builder(OutboxStores.inMemory())
 *         .clock(clock).gateway(Channel.SMS, smsGateway).build();
 * outbox.enqueue(new OutgoingMessage("ep-1/request-owner-move", Channel.SMS, "13812345678", text));
 * outbox.dispatchDue();
 * }</pre>
 */
public final class Outbox {
    private final Map<Channel, Gateway> gateways;
    /** Where the messages live: in memory over a private store, or in a shared store. */
    private final OutboxMode mode;

    Outbox(OutboxBuilder b) {
        OutboxSettings settings = b.settings();
        this.gateways = settings.gateways();
        this.mode = b.store instanceof SharedOutboxStore shared ? new SharedOutbox(this, shared, settings)
                : new LocalOutbox(this, b.store, settings);
    }

    /** A builder over {@code store}; the host keeps ownership of the store (and closes it). */
    public static OutboxBuilder builder(OutboxStore store) {
        return new OutboxBuilder(store);
    }

    /**
     * Persists a message and schedules it for immediate dispatch. A message whose key is already known is not
     * stored again: the existing message is returned ({@link EnqueueResult#created()} false).
     *
     * @throws NotifyException        when no gateway is configured for the message's channel
     * @throws OutboxStoreException   when the store cannot save it (the message is then not enqueued)
     */
    public synchronized EnqueueResult enqueue(OutgoingMessage message) {
        Objects.requireNonNull(message, "message");
        requireGateway(message);
        return mode.enqueueAll(List.of(message)).get(0);
    }

    /** Enqueues several messages with a single store commit (one fsync for the file journal). */
    public synchronized List<EnqueueResult> enqueueAll(List<OutgoingMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        messages.forEach(m -> requireGateway(Objects.requireNonNull(m, "message")));
        return mode.enqueueAll(messages);
    }

    /**
     * Sends every message that is due at the clock's current time (at most the builder's batch size), and
     * turns receipts that did not come in time into retries. Gateways are called <em>outside</em> the
     * outbox's lock: while a round waits for a slow gateway, {@link #enqueue}, {@link #onReceipt} and other
     * rounds (for other messages) go ahead; with a {@link OutboxBuilder#sendExecutor send executor} the round's calls
     * run in parallel, so one stalled recipient does not hold up the others. Changes are saved in one store
     * commit before listeners are told; a message that changed while its call was under way (a receipt
     * arrived) keeps the newer state. If the commit fails, nothing is applied, the messages stay due (the
     * gateway may see them again under the same keys) and the {@link OutboxStoreException} propagates.
     */
    public DispatchReport dispatchDue() {
        return mode.dispatchDue();
    }

    /** Applies a delivery receipt; duplicate, late and unknown receipts change nothing and say so. */
    public synchronized ReceiptOutcome onReceipt(Receipt receipt) {
        Objects.requireNonNull(receipt, "receipt");
        return mode.onReceipt(receipt);
    }

    /**
     * Applies several delivery receipts in their order with a single store commit (one transaction on a database);
     * returns each receipt's outcome in the same order. The same as calling {@link #onReceipt} for each in turn,
     * except that the outcomes are saved together: if the commit fails, none is applied and the
     * {@link OutboxStoreException} propagates. On a {@link io.offsite.notify.spi.SharedOutboxStore} the messages are
     * read together too, and a message another process changed meanwhile has its receipts re-applied to its newer
     * state one by one, as {@link #onReceipt} does.
     */
    public synchronized List<ReceiptOutcome> onReceipts(List<Receipt> receipts) {
        Objects.requireNonNull(receipts, "receipts");
        receipts.forEach(r -> Objects.requireNonNull(r, "receipt"));
        return mode.onReceipts(receipts);
    }

    /**
     * Removes final (delivered or dead-lettered) messages whose outcome is older than {@code finalBefore} from
     * memory and from the store, bounding both for long-running hosts; returns how many were purged. Purge only
     * what no caller will hand over again: enqueueing a purged key creates a new message. Messages still
     * pending or awaiting a receipt are never purged. On a shared store the store selects and removes them, up to
     * 10,000 per write, and the outbox's other calls go ahead between (and during) those writes.
     *
     * @throws OutboxStoreException when the store cannot remove them (nothing is then purged from memory)
     */
    public int purgeFinal(Instant finalBefore) {
        Objects.requireNonNull(finalBefore, "finalBefore");
        return mode.purgeFinal(finalBefore);
    }

    /** The message stored under {@code key}, if any. */
    public synchronized Optional<OutboxMessage> find(String key) {
        return mode.find(key);
    }

    /**
     * The messages stored under {@code keys}, by key, in the order of the keys; keys with no message are left out
     * (on a shared store, read together: a database reads them with a few queries).
     */
    public synchronized Map<String, OutboxMessage> findAll(Collection<String> keys) {
        Objects.requireNonNull(keys, "keys");
        keys.forEach(k -> Objects.requireNonNull(k, "key"));
        return mode.findAll(keys);
    }

    /** All messages with the given status, in no particular order (on a shared store, selected by the store). */
    public synchronized List<OutboxMessage> messages(MessageStatus status) {
        Objects.requireNonNull(status, "status");
        return mode.messages(status);
    }

    /**
     * The number of messages with this status (on a shared store, counted by the store: a database does not read
     * the rows out). For a backlog gauge, prefer it to {@code messages(status).size()}.
     */
    public synchronized int count(MessageStatus status) {
        Objects.requireNonNull(status, "status");
        return mode.count(status);
    }

    /** Number of messages known to the outbox, final ones included. */
    public synchronized int size() {
        return mode.count();
    }

    /** When the earliest pending or awaiting-receipt message is next due; empty when nothing is. */
    public synchronized Optional<Instant> nextDueAt() {
        return mode.nextDueAt();
    }

    private void requireGateway(OutgoingMessage m) {
        if (!gateways.containsKey(m.channel())) {
            throw new NotifyException("message '" + m.key() + "': no gateway configured for channel "
                    + m.channel() + " (configured: " + gateways.keySet() + ")");
        }
    }
}
