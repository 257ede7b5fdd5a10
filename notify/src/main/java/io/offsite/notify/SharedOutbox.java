package io.offsite.notify;

import io.offsite.core.Masks;
import io.offsite.notify.spi.SharedOutboxStore;
import io.offsite.notify.spi.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Outbox} on a {@link SharedOutboxStore}: no messages in memory (but, with
 * {@link OutboxBuilder#claimOnEnqueue}, the ones it enqueued leased to itself until a round sends them); each round
 * claims (leases) its due messages from the store, and every change is written only over the version it was based on, so several
 * outboxes (processes) on one store neither send a message twice at once nor overwrite each other's newer
 * state. Uses the outbox's decisions ({@link DispatchStep}, {@link ReceiptStep}) unchanged. State that is not
 * thread-safe (jitter source, rate-limit buckets) is used only while holding {@code lock}, the outbox's monitor.
 */
final class SharedOutbox implements OutboxMode {
    private static final Logger LOG = LoggerFactory.getLogger(SharedOutbox.class);
    /** How often a receipt is re-read and re-applied when the message keeps changing under it. */
    private static final int RECEIPT_TRIES = 5;
    /** How many sent messages' written state a process keeps for their receipts (least recently sent dropped). */
    private static final int AWAITING_MAX = 10_000;
    /** Final messages removed per store write when purging. */
    static final int PURGE_CHUNK = 10_000;

    private final Object lock;
    private final SharedOutboxStore store;
    private final OutboxSettings settings;
    /** Messages leased at enqueue, in enqueue order, until a round sends them; guarded by {@code lock}. */
    private final Map<String, Ready> ready = new LinkedHashMap<>();
    /** What this outbox last wrote for messages it sent that await a receipt; guarded by {@code lock}. */
    private final AwaitingReceipts awaiting = new AwaitingReceipts(AWAITING_MAX);

    SharedOutbox(Object lock, SharedOutboxStore store, OutboxSettings settings) {
        this.lock = lock;
        this.store = store;
        this.settings = settings;
        LOG.info("outbox {} dispatches from a shared store with {} leases", settings.holder(), settings.lease());
    }

    /** Inserts the messages whose keys no process stored yet; a stored key returns the stored message. */
    @Override
    public List<EnqueueResult> enqueueAll(List<OutgoingMessage> messages) {
        Instant now = settings.now();
        Map<String, OutboxMessage> fresh = new LinkedHashMap<>();
        for (OutgoingMessage m : messages) {
            fresh.putIfAbsent(m.key(), OutboxMessage.enqueued(m, now));
        }
        Instant leaseUntil = now.plus(settings.lease());
        Optional<Map<String, StoredMessage>> leased = fresh.isEmpty() || !settings.claimOnEnqueue() ? Optional.empty()
                : store.insertAbsentLeased(settings.holder(), leaseUntil, fresh.values());
        Map<String, StoredMessage> existing = leased.isPresent() ? leased.get()
                : fresh.isEmpty() ? Map.of() : store.insertAbsent(fresh.values());
        if (leased.isPresent()) {
            synchronized (lock) {
                fresh.forEach((k, m) -> {
                    if (!existing.containsKey(k)) {
                        ready.put(k, new Ready(new StoredMessage(m, 1), leaseUntil));
                    }
                });
            }
        }
        List<EnqueueResult> results = new ArrayList<>(messages.size());
        Map<String, Boolean> answered = new HashMap<>();
        for (OutgoingMessage m : messages) {
            StoredMessage stored = existing.get(m.key());
            if (stored != null) {
                results.add(EnqueueResult.known(stored.message(), m));
            } else if (answered.putIfAbsent(m.key(), true) == null) {
                results.add(new EnqueueResult(fresh.get(m.key()), true, true));
            } else {
                results.add(EnqueueResult.known(fresh.get(m.key()), m));
            }
        }
        return results;
    }

    /**
     * One round: claims due messages, calls gateways outside the lock, writes the results over the claimed
     * versions and ends the leases. A result whose message changed meanwhile (a receipt, or another holder
     * that took over after this round's lease ran out) is dropped: the newer state stands. When anything fails,
     * the leases are ended so the messages are due again at once (a crashed process's leases run out instead).
     */
    @Override
    public DispatchReport dispatchDue() {
        DispatchStep step;
        Map<String, Long> versions = new LinkedHashMap<>();
        List<DispatchStep.Send> sends = new ArrayList<>();
        synchronized (lock) {
            Instant now = settings.now();
            step = settings.round(now);
            List<String> expired = dropExpiredReady(now);
            if (!expired.isEmpty()) {
                // leased at enqueue but not sent while half the lease was left: due again at once, claimed below
                store.release(settings.holder(), expired);
            }
            List<StoredMessage> claimed = new ArrayList<>(store.claimDue(settings.holder(), now,
                    now.plus(settings.lease()), settings.maxBatch()));
            takeReady(settings.maxBatch() - claimed.size(), claimed);
            claimed.forEach(s -> versions.put(s.key(), s.version()));
            try {
                for (StoredMessage s : claimed) {
                    DispatchStep.Send send = step.plan(s.message());
                    if (send != null) {
                        sends.add(send);
                    }
                }
            } catch (RuntimeException | Error e) {
                releaseAfterFailure(versions.keySet(), e);
                throw e;
            }
        }
        if (versions.isEmpty()) {
            return step.report();
        }
        try {
            DispatchStep.sendAll(sends, settings.sendExecutor());
        } catch (RuntimeException | Error e) {
            releaseAfterFailure(versions.keySet(), e);
            throw e;
        }
        synchronized (lock) {
            try {
                sends.forEach(step::settle);
                List<StoredMessage> changes = new ArrayList<>();
                step.changes().forEach((k, m) -> changes.add(new StoredMessage(m, versions.get(k))));
                // one write per message: the result and the end of this round's lease (claimed keys without a
                // change, or whose change went stale, are only released)
                Set<String> stale = store.saveIfUnchangedAndRelease(settings.holder(), changes, versions.keySet());
                if (!stale.isEmpty()) {
                    LOG.debug("{} messages changed while {} was sending them; keeping the newer state", stale.size(),
                            settings.holder());
                    step.dropKeys(stale);
                }
                for (StoredMessage c : changes) {
                    if (!stale.contains(c.key())) {
                        awaiting.wrote(c); // kept only while SENT
                    }
                }
            } catch (RuntimeException | Error e) {
                releaseAfterFailure(versions.keySet(), e);
                throw e;
            }
            step.events().fire(settings.listener());
        }
        return step.report();
    }

    /** Removes and returns the keys leased at enqueue that have less than half the lease left at {@code now}. */
    private List<String> dropExpiredReady(Instant now) {
        List<String> expired = new ArrayList<>();
        Instant usableUntil = now.plus(settings.lease().dividedBy(2));
        for (Iterator<Ready> it = ready.values().iterator(); it.hasNext();) {
            Ready r = it.next();
            if (!r.leaseUntil.isAfter(usableUntil)) {
                it.remove();
                expired.add(r.stored.key());
            }
        }
        return expired;
    }

    /** Moves up to {@code room} messages leased at enqueue, oldest first, into {@code round}. */
    private void takeReady(int room, List<StoredMessage> round) {
        for (Iterator<Ready> it = ready.values().iterator(); room > 0 && it.hasNext(); room--) {
            round.add(it.next().stored);
            it.remove();
        }
    }

    /** A message this outbox inserted leased to itself ({@link OutboxBuilder#claimOnEnqueue}), not yet sent. */
    private record Ready(StoredMessage stored, Instant leaseUntil) {
    }

    /** Applies a receipt to the stored message, re-reading it when another process changed it meanwhile. */
    @Override
    public ReceiptOutcome onReceipt(Receipt receipt) {
        for (int tries = 1;; tries++) {
            Optional<StoredMessage> found = receipt.match() == Receipt.Match.KEY ? store.find(receipt.reference())
                    : store.findByProviderId(receipt.reference());
            if (found.isEmpty()) {
                LOG.warn("receipt {} for unknown {} '{}' ignored", receipt.status(), receipt.match(),
                        Masks.inText(receipt.reference()));
                return ReceiptOutcome.UNMATCHED;
            }
            StoredMessage s = found.get();
            ReceiptStep step = settings.receipt(s.message(), receipt, settings.now());
            if (step.next == null) {
                return step.outcome;
            }
            if (store.saveIfUnchanged(List.of(new StoredMessage(step.next, s.version()))).isEmpty()) {
                awaiting.forget(s.key());
                step.events.fire(settings.listener());
                return step.outcome;
            }
            if (tries == RECEIPT_TRIES) {
                throw new OutboxStoreException("receipt " + receipt.status() + " for message '" + s.key()
                        + "' not applied: the message changed under it " + RECEIPT_TRIES + " times in a row");
            }
        }
    }

    /**
     * Applies receipts in order: reads their messages together, decides each receipt against the state the ones
     * before it left, and writes every changed message in one {@link SharedOutboxStore#saveIfUnchanged} over the
     * version it read. The receipts of a message another process changed meanwhile are then re-applied one by
     * one through {@link #onReceipt} (re-reading the newer state); their first decisions and events are dropped.
     */
    @Override
    public List<ReceiptOutcome> onReceipts(List<Receipt> receipts) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> providerIds = new LinkedHashSet<>();
        for (Receipt r : receipts) {
            (r.match() == Receipt.Match.KEY ? keys : providerIds).add(r.reference());
        }
        // the state this outbox wrote when it sent a message stands in for a read; a write over it is conditional
        // on its version, and a receipt that would write nothing is re-read below
        Map<String, StoredMessage> byKey = new HashMap<>();
        Map<String, StoredMessage> byProviderId = new HashMap<>();
        Set<String> fromMemory = new HashSet<>();
        keys.removeIf(k -> awaiting.byKey(k).map(s -> {
            byKey.put(k, s);
            return fromMemory.add(k);
        }).orElse(false));
        providerIds.removeIf(p -> awaiting.byProviderId(p).map(s -> {
            byProviderId.put(p, s);
            return fromMemory.add(s.key());
        }).orElse(false));
        if (!keys.isEmpty()) {
            byKey.putAll(store.findAll(keys));
        }
        if (!providerIds.isEmpty()) {
            byProviderId.putAll(store.findAllByProviderId(providerIds));
        }
        Instant now = settings.now();
        Map<String, Long> versions = new HashMap<>();
        Map<String, OutboxMessage> next = new LinkedHashMap<>();
        List<String> keyOf = new ArrayList<>(receipts.size());
        List<ReceiptOutcome> outcomes = new ArrayList<>(receipts.size());
        OutboxEvents events = new OutboxEvents();
        for (Receipt receipt : receipts) {
            StoredMessage s = (receipt.match() == Receipt.Match.KEY ? byKey : byProviderId).get(receipt.reference());
            if (s == null) {
                LOG.warn("receipt {} for unknown {} '{}' ignored", receipt.status(), receipt.match(),
                        Masks.inText(receipt.reference()));
                keyOf.add(null);
                outcomes.add(ReceiptOutcome.UNMATCHED);
                continue;
            }
            String key = s.key();
            Long seen = versions.putIfAbsent(key, s.version());
            if (seen != null && seen != s.version()) {
                // read twice (by key and by provider id) at different versions: it changed between the reads
                versions.put(key, Math.min(seen, s.version()));
            }
            OutboxMessage current = next.getOrDefault(key, s.message());
            ReceiptStep step = settings.receipt(current, receipt, now);
            if (step.next != null) {
                next.put(key, step.next);
                events.sent.addAll(step.events.sent);
                events.delivered.addAll(step.events.delivered);
                events.dead.addAll(step.events.dead);
            }
            keyOf.add(key);
            outcomes.add(step.outcome);
        }
        List<StoredMessage> changes = new ArrayList<>(next.size());
        next.forEach((k, m) -> changes.add(new StoredMessage(m, versions.get(k))));
        Set<String> stale = changes.isEmpty() ? Set.of() : store.saveIfUnchanged(changes);
        events.removeKeys(stale);
        Set<String> again = new HashSet<>(stale);
        for (String k : fromMemory) {
            awaiting.forget(k);
            if (!next.containsKey(k)) {
                again.add(k); // decided on the remembered state without a write: the stored one may be newer
            }
        }
        if (!again.isEmpty()) {
            LOG.debug("{} messages changed while their receipts were applied, or were decided on the state this outbox"
                    + " wrote without a write; applying those receipts again", again.size());
            for (int i = 0; i < receipts.size(); i++) {
                if (keyOf.get(i) != null && again.contains(keyOf.get(i))) {
                    outcomes.set(i, onReceipt(receipts.get(i)));
                }
            }
        }
        events.fire(settings.listener());
        return outcomes;
    }

    /**
     * Removes final messages whose outcome is older than {@code finalBefore}: the store selects and removes them,
     * {@link #PURGE_CHUNK} per write, until a write removes fewer.
     */
    @Override
    public int purgeFinal(Instant finalBefore) {
        int total = 0;
        int removed;
        do {
            removed = store.removeFinal(finalBefore, PURGE_CHUNK);
            total += removed;
        } while (removed == PURGE_CHUNK);
        if (total > 0) {
            LOG.info("purged {} final messages older than {}", total, finalBefore);
        }
        return total;
    }

    @Override
    public Optional<OutboxMessage> find(String key) {
        return store.find(key).map(StoredMessage::message);
    }

    /** The stored messages under these keys (the store reads them together). */
    @Override
    public Map<String, OutboxMessage> findAll(Collection<String> keys) {
        Map<String, StoredMessage> stored = store.findAll(keys);
        Map<String, OutboxMessage> found = new LinkedHashMap<>();
        for (String k : keys) {
            StoredMessage s = stored.get(k);
            if (s != null) {
                found.put(k, s.message());
            }
        }
        return found;
    }

    /** The stored messages with this status (the store selects them). */
    @Override
    public List<OutboxMessage> messages(MessageStatus status) {
        return store.loadWithStatus(status);
    }

    /** The number of stored messages (the store counts them). */
    @Override
    public int count() {
        return store.count();
    }

    /** The number of stored messages with this status (the store counts them). */
    @Override
    public int count(MessageStatus status) {
        return store.count(status);
    }

    /** The earliest due time of any stored message (the store finds it: a database reads its due-time index). */
    @Override
    public Optional<Instant> nextDueAt() {
        return store.nextDueAt();
    }

    private void releaseAfterFailure(Collection<String> keys, Throwable cause) {
        try {
            store.release(settings.holder(), keys);
        } catch (RuntimeException e) {
            cause.addSuppressed(e); // the leases then run out by themselves
        }
    }
}
