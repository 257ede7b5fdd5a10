package io.offsite.notify;

import io.offsite.core.Masks;
import io.offsite.notify.spi.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Outbox} on a private {@link OutboxStore}: every message in memory — by key, by the gateway's id, in a
 * due-time queue — written through to the store before anything acts on it, and loaded from it when built (a
 * restart resumes its messages). Messages in a running round's gateway calls are {@code inFlight}, so a second
 * round does not send them again. State is guarded by {@code lock}, the outbox's monitor.
 */
final class LocalOutbox implements OutboxMode {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class); // the name hosts configure

    private final Object lock;
    private final OutboxStore store;
    private final OutboxSettings settings;

    private final Map<String, OutboxMessage> byKey = new HashMap<>();
    private final Map<String, String> keyByProviderId = new HashMap<>();
    private final DueQueue queue = new DueQueue(byKey);
    private final Set<String> inFlight = new HashSet<>();

    LocalOutbox(Object lock, OutboxStore store, OutboxSettings settings) {
        this.lock = lock;
        this.store = store;
        this.settings = settings;
        List<OutboxMessage> loaded = store.loadAll();
        for (OutboxMessage m : loaded) {
            index(m);
        }
        if (!loaded.isEmpty()) {
            LOG.info("outbox resumed {} messages ({})", loaded.size(), loaded.stream()
                    .collect(Collectors.groupingBy(OutboxMessage::status, Collectors.counting())));
        }
    }

    @Override
    public List<EnqueueResult> enqueueAll(List<OutgoingMessage> messages) {
        Instant now = settings.now();
        if (messages.size() == 1) { // Outbox.enqueue: no batch bookkeeping
            return List.of(enqueueOne(messages.get(0), now));
        }
        List<EnqueueResult> results = new ArrayList<>(messages.size());
        Map<String, OutboxMessage> fresh = new LinkedHashMap<>();
        for (OutgoingMessage m : messages) {
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

    private EnqueueResult enqueueOne(OutgoingMessage m, Instant now) {
        OutboxMessage existing = byKey.get(m.key());
        if (existing != null) {
            return EnqueueResult.known(existing, m);
        }
        OutboxMessage created = OutboxMessage.enqueued(m, now);
        store.save(List.of(created));
        index(created);
        return new EnqueueResult(created, true, true);
    }

    @Override
    public DispatchReport dispatchDue() {
        DispatchStep step;
        List<DueQueue.Due> taken = new ArrayList<>();
        List<DispatchStep.Send> sends = new ArrayList<>();
        synchronized (lock) {
            step = settings.round(settings.now());
            boolean planned = false;
            try {
                DueQueue.Due due;
                while (taken.size() < settings.maxBatch() && (due = queue.pollDue(step.now())) != null) {
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
            DispatchStep.sendAll(sends, settings.sendExecutor());
        } catch (RuntimeException | Error e) {
            settleRound(step, taken, List.of(), false);
            throw e;
        }
        return settleRound(step, taken, sends, true);
    }

    /** Applies a round's results (or, when {@code sent} is false, abandons it: its messages stay due). */
    private DispatchReport settleRound(DispatchStep step, List<DueQueue.Due> taken, List<DispatchStep.Send> sends,
            boolean sent) {
        synchronized (lock) {
            boolean committed = false;
            try {
                if (sent) {
                    sends.forEach(step::settle);
                    List<String> stale = step.dropChangedMeanwhile(byKey);
                    if (!stale.isEmpty()) {
                        LOG.debug("{} messages changed while their gateway call was under way; keeping the newer"
                                + " state", stale.size());
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
            step.events().fire(settings.listener());
            return step.report();
        }
    }

    @Override
    public ReceiptOutcome onReceipt(Receipt receipt) {
        String key = receipt.match() == Receipt.Match.KEY ? receipt.reference()
                : keyByProviderId.get(receipt.reference());
        OutboxMessage m = key == null ? null : byKey.get(key);
        if (m == null) {
            LOG.warn("receipt {} for unknown {} '{}' ignored", receipt.status(), receipt.match(),
                    Masks.inText(receipt.reference()));
            return ReceiptOutcome.UNMATCHED;
        }
        ReceiptStep step = settings.receipt(m, receipt, settings.now());
        if (step.next != null) {
            commit(Map.of(step.next.key(), step.next));
            step.events.fire(settings.listener());
        }
        return step.outcome;
    }

    @Override
    public List<ReceiptOutcome> onReceipts(List<Receipt> receipts) {
        Instant now = settings.now();
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
            ReceiptStep step = settings.receipt(m, receipt, now);
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
        events.fire(settings.listener());
        return outcomes;
    }

    @Override
    public int purgeFinal(Instant finalBefore) {
        synchronized (lock) { // the outbox calls it without its monitor
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
    }

    @Override
    public Optional<OutboxMessage> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public Map<String, OutboxMessage> findAll(Collection<String> keys) {
        Map<String, OutboxMessage> found = new LinkedHashMap<>();
        for (String k : keys) {
            OutboxMessage m = byKey.get(k);
            if (m != null) {
                found.put(k, m);
            }
        }
        return found;
    }

    @Override
    public List<OutboxMessage> messages(MessageStatus status) {
        List<OutboxMessage> out = new ArrayList<>();
        for (OutboxMessage m : byKey.values()) {
            if (m.status() == status) {
                out.add(m);
            }
        }
        return out;
    }

    @Override
    public int count() {
        return byKey.size();
    }

    @Override
    public int count(MessageStatus status) {
        return messages(status).size();
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return queue.next();
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
