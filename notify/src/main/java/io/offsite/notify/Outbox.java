package io.offsite.notify;

import io.offsite.core.Masks;
import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.OutboxListener;
import io.offsite.notify.spi.OutboxStore;
import io.offsite.notify.spi.SharedOutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final OutboxStore store;
    private final Clock clock;
    private final RandomGenerator random;
    private final RetryPolicy retry;
    private final Duration receiptTimeout;
    private final Map<Channel, Gateway> gateways;
    private final OutboxListener listener;
    private final int maxBatch;
    private final TokenBuckets buckets;

    private final Map<String, OutboxMessage> byKey = new HashMap<>();
    private final Map<String, String> keyByProviderId = new HashMap<>();
    private final DueQueue queue = new DueQueue(byKey);
    private final Set<String> inFlight = new HashSet<>();
    private final Executor sendExecutor;
    /** Set when the store is shared: then every operation goes through it and the maps above stay empty. */
    private final SharedOutbox shared;

    Outbox(OutboxBuilder b) {
        this.store = b.store;
        this.clock = b.clock;
        this.random = b.random;
        this.retry = b.retry;
        this.receiptTimeout = b.receiptTimeout;
        this.gateways = new EnumMap<>(b.gateways);
        this.listener = b.listener;
        this.maxBatch = b.maxBatch;
        this.sendExecutor = b.sendExecutor;
        this.buckets = new TokenBuckets(b.rateLimit, clock);
        this.shared = store instanceof SharedOutboxStore
                ? new SharedOutbox(this, (SharedOutboxStore) store, b, gateways, buckets) : null;
        List<OutboxMessage> loaded = shared != null ? List.of() : store.loadAll();
        for (OutboxMessage m : loaded) {
            index(m);
        }
        if (!loaded.isEmpty()) {
            LOG.info("outbox resumed {} messages ({})", loaded.size(), loaded.stream()
                    .collect(Collectors.groupingBy(OutboxMessage::status, Collectors.counting())));
        }
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
        if (shared != null) {
            return shared.enqueueAll(List.of(message)).get(0);
        }
        OutboxMessage existing = byKey.get(message.key());
        if (existing != null) {
            return EnqueueResult.known(existing, message);
        }
        OutboxMessage created = OutboxMessage.enqueued(message, clock.instant());
        store.save(List.of(created));
        index(created);
        return new EnqueueResult(created, true, true);
    }

    /** Enqueues several messages with a single store commit (one fsync for the file journal). */
    public synchronized List<EnqueueResult> enqueueAll(List<OutgoingMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        if (shared != null) {
            messages.forEach(m -> requireGateway(Objects.requireNonNull(m, "message")));
            return shared.enqueueAll(messages);
        }
        Instant now = clock.instant();
        List<EnqueueResult> results = new ArrayList<>(messages.size());
        Map<String, OutboxMessage> fresh = new LinkedHashMap<>();
        for (OutgoingMessage m : messages) {
            Objects.requireNonNull(m, "message");
            requireGateway(m);
            OutboxMessage existing = byKey.get(m.key());
            if (existing == null) {
                existing = fresh.get(m.key());
            }
            if (existing != null) {
                results.add(EnqueueResult.known(existing, m));
            } else {
                OutboxMessage created = OutboxMessage.enqueued(m, now);
                fresh.put(m.key(), created);
                results.add(new EnqueueResult(created, true, true));
            }
        }
        if (!fresh.isEmpty()) {
            store.save(fresh.values());
            for (OutboxMessage m : fresh.values()) {
                index(m);
            }
        }
        return results;
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
        if (shared != null) {
            return shared.dispatchDue();
        }
        DispatchStep step;
        List<DueQueue.Due> taken = new ArrayList<>();
        List<DispatchStep.Send> sends = new ArrayList<>();
        synchronized (this) {
            step = new DispatchStep(clock.instant(), retry, receiptTimeout, random, buckets, gateways);
            boolean planned = false;
            try {
                DueQueue.Due due;
                while (taken.size() < maxBatch && (due = queue.pollDue(step.now())) != null) {
                    if (step.touched(due.key) || inFlight.contains(due.key)) {
                        continue; // a second entry for a message this or another running round handles
                    }
                    taken.add(due);
                    DispatchStep.Send send = step.plan(byKey.get(due.key));
                    if (send != null) {
                        sends.add(send);
                    }
                }
                planned = true;
            } finally {
                if (!planned) {
                    queue.restore(taken);
                }
            }
            taken.forEach(d -> inFlight.add(d.key));
        }
        try {
            DispatchStep.sendAll(sends, sendExecutor);
        } catch (RuntimeException | Error e) {
            settleRound(step, taken, List.of(), false);
            throw e;
        }
        return settleRound(step, taken, sends, true);
    }

    /** Applies a round's results (or, when {@code sent} is false, abandons it: its messages stay due). */
    private synchronized DispatchReport settleRound(DispatchStep step, List<DueQueue.Due> taken,
            List<DispatchStep.Send> sends, boolean sent) {
        boolean committed = false;
        try {
            if (sent) {
                sends.forEach(step::settle);
                List<String> stale = step.dropChangedMeanwhile(byKey);
                if (!stale.isEmpty()) {
                    LOG.debug("{} messages changed while their gateway call was under way; keeping the newer state",
                            stale.size());
                }
                commit(step.changes());
                committed = true;
            }
        } finally {
            taken.forEach(d -> inFlight.remove(d.key));
            if (!committed) {
                queue.restore(taken); // nothing was applied: the messages stay due and are tried again
            }
        }
        step.events().fire(listener);
        return step.report();
    }

    /** Applies a delivery receipt; duplicate, late and unknown receipts change nothing and say so. */
    public synchronized ReceiptOutcome onReceipt(Receipt receipt) {
        Objects.requireNonNull(receipt, "receipt");
        if (shared != null) {
            return shared.onReceipt(receipt);
        }
        String key = receipt.match() == Receipt.Match.KEY ? receipt.reference()
                : keyByProviderId.get(receipt.reference());
        OutboxMessage m = key == null ? null : byKey.get(key);
        if (m == null) {
            LOG.warn("receipt {} for unknown {} '{}' ignored", receipt.status(), receipt.match(),
                    Masks.inText(receipt.reference()));
            return ReceiptOutcome.UNMATCHED;
        }
        ReceiptStep step = ReceiptStep.decide(m, receipt, clock.instant(), retry, receiptTimeout, random);
        if (step.next != null) {
            commit(Map.of(step.next.key(), step.next));
            step.events.fire(listener);
        }
        return step.outcome;
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
        if (shared != null) {
            return shared.onReceipts(receipts);
        }
        Instant now = clock.instant();
        Map<String, OutboxMessage> changes = new LinkedHashMap<>();
        Map<String, String> newProviderIds = new HashMap<>();
        List<ReceiptOutcome> outcomes = new ArrayList<>(receipts.size());
        OutboxEvents events = new OutboxEvents();
        for (Receipt receipt : receipts) {
            String key = receipt.match() == Receipt.Match.KEY ? receipt.reference()
                    : newProviderIds.getOrDefault(receipt.reference(), keyByProviderId.get(receipt.reference()));
            OutboxMessage m = key == null ? null : changes.getOrDefault(key, byKey.get(key));
            if (m == null) {
                LOG.warn("receipt {} for unknown {} '{}' ignored", receipt.status(), receipt.match(),
                        Masks.inText(receipt.reference()));
                outcomes.add(ReceiptOutcome.UNMATCHED);
                continue;
            }
            ReceiptStep step = ReceiptStep.decide(m, receipt, now, retry, receiptTimeout, random);
            if (step.next != null) {
                changes.put(key, step.next);
                step.next.providerId().ifPresent(p -> newProviderIds.put(p, key));
                events.sent.addAll(step.events.sent);
                events.delivered.addAll(step.events.delivered);
                events.dead.addAll(step.events.dead);
            }
            outcomes.add(step.outcome);
        }
        commit(changes);
        events.fire(listener);
        return outcomes;
    }

    /**
     * Removes final (delivered or dead-lettered) messages whose outcome is older than {@code finalBefore} from
     * memory and from the store, bounding both for long-running hosts; returns how many were purged. Purge only
     * what no caller will hand over again: enqueueing a purged key creates a new message. Messages still
     * pending or awaiting a receipt are never purged.
     *
     * @throws OutboxStoreException when the store cannot remove them (nothing is then purged from memory)
     */
    public synchronized int purgeFinal(Instant finalBefore) {
        Objects.requireNonNull(finalBefore, "finalBefore");
        if (shared != null) {
            return shared.purgeFinal(finalBefore);
        }
        List<String> keys = new ArrayList<>();
        for (OutboxMessage m : byKey.values()) {
            if (m.finalAt().filter(t -> t.isBefore(finalBefore)).isPresent()) {
                keys.add(m.key());
            }
        }
        if (keys.isEmpty()) {
            return 0;
        }
        store.remove(keys);
        for (String k : keys) {
            OutboxMessage m = byKey.remove(k);
            m.providerId().ifPresent(p -> keyByProviderId.remove(p, k));
        }
        LOG.info("purged {} final messages older than {}", keys.size(), finalBefore);
        return keys.size();
    }

    /** The message stored under {@code key}, if any. */
    public synchronized Optional<OutboxMessage> find(String key) {
        if (shared != null) {
            return shared.find(key);
        }
        return Optional.ofNullable(byKey.get(key));
    }

    /** All messages with the given status, in no particular order (on a shared store, selected by the store). */
    public synchronized List<OutboxMessage> messages(MessageStatus status) {
        Objects.requireNonNull(status, "status");
        if (shared != null) {
            return shared.messages(status);
        }
        List<OutboxMessage> out = new ArrayList<>();
        for (OutboxMessage m : byKey.values()) {
            if (m.status() == status) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The number of messages with this status (on a shared store, counted by the store: a database does not read
     * the rows out). For a backlog gauge, prefer it to {@code messages(status).size()}.
     */
    public synchronized int count(MessageStatus status) {
        Objects.requireNonNull(status, "status");
        return shared != null ? shared.count(status) : messages(status).size();
    }

    /** Number of messages known to the outbox, final ones included. */
    public synchronized int size() {
        return shared != null ? shared.count() : byKey.size();
    }

    /** When the earliest pending or awaiting-receipt message is next due; empty when nothing is. */
    public synchronized Optional<Instant> nextDueAt() {
        return shared != null ? shared.nextDueAt() : queue.next();
    }

    private void requireGateway(OutgoingMessage m) {
        if (!gateways.containsKey(m.channel())) {
            throw new NotifyException("message '" + m.key() + "': no gateway configured for channel "
                    + m.channel() + " (configured: " + gateways.keySet() + ")");
        }
    }

    private void commit(Map<String, OutboxMessage> changes) {
        if (changes.isEmpty()) {
            return;
        }
        store.save(changes.values());
        for (OutboxMessage m : changes.values()) {
            index(m);
        }
    }

    private void index(OutboxMessage m) {
        byKey.put(m.key(), m);
        m.providerId().ifPresent(p -> keyByProviderId.put(p, m.key()));
        queue.add(m);
    }
}
