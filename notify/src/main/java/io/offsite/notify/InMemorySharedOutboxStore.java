package io.offsite.notify;

import io.offsite.notify.spi.SharedOutboxStore;
import io.offsite.notify.spi.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SharedOutboxStore} in memory: several outboxes built on one instance behave like several processes on
 * one database. The reference for the SPI's rules (what is due, when a lease is free, versions). Thread-safe:
 * every method holds the instance lock.
 */
final class InMemorySharedOutboxStore implements SharedOutboxStore {
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private boolean closed;

    /** One stored message with its version and lease. */
    private static final class Row {
        OutboxMessage message;
        long version;
        String holder;
        Instant leaseUntil;

        Row(OutboxMessage message, long version) {
            this.message = message;
            this.version = version;
        }

        StoredMessage stored() {
            return new StoredMessage(message, version);
        }
    }

    @Override
    public synchronized Map<String, StoredMessage> insertAbsent(Collection<OutboxMessage> messages) {
        return insert(null, null, messages);
    }

    @Override
    public synchronized Optional<Map<String, StoredMessage>> insertAbsentLeased(String holder, Instant leaseUntil,
            Collection<OutboxMessage> messages) {
        return Optional.of(insert(Objects.requireNonNull(holder, "holder"),
                Objects.requireNonNull(leaseUntil, "leaseUntil"), messages));
    }

    private Map<String, StoredMessage> insert(String holder, Instant leaseUntil, Collection<OutboxMessage> messages) {
        checkOpen();
        Map<String, StoredMessage> existing = new LinkedHashMap<>();
        for (OutboxMessage m : messages) {
            Row r = rows.get(m.key());
            if (r != null) {
                existing.put(m.key(), r.stored());
            } else {
                Row inserted = new Row(m, 1);
                inserted.holder = holder;
                inserted.leaseUntil = leaseUntil;
                rows.put(m.key(), inserted);
            }
        }
        return existing;
    }

    @Override
    public synchronized List<StoredMessage> claimDue(String holder, Instant now, Instant leaseUntil, int max) {
        Objects.requireNonNull(holder, "holder");
        checkOpen();
        List<Row> due = new ArrayList<>();
        for (Row r : rows.values()) {
            boolean isDue = r.message.dueAt().isPresent() && !r.message.dueAt().get().isAfter(now);
            boolean free = r.leaseUntil == null || !r.leaseUntil.isAfter(now);
            if (isDue && free) {
                due.add(r);
            }
        }
        due.sort(Comparator.comparing(r -> r.message.dueAt().get()));
        List<StoredMessage> claimed = new ArrayList<>();
        for (Row r : due.subList(0, Math.min(max, due.size()))) {
            r.holder = holder;
            r.leaseUntil = leaseUntil;
            r.version++;
            claimed.add(r.stored());
        }
        return claimed;
    }

    @Override
    public synchronized Set<String> saveIfUnchanged(Collection<StoredMessage> changes) {
        checkOpen();
        Set<String> stale = new HashSet<>();
        for (StoredMessage c : changes) {
            Row r = rows.get(c.key());
            if (r == null || r.version != c.version()) {
                stale.add(c.key());
            }
        }
        for (StoredMessage c : changes) {
            if (!stale.contains(c.key())) {
                Row r = rows.get(c.key());
                r.message = c.message();
                r.version++;
            }
        }
        return stale;
    }

    @Override
    public synchronized void release(String holder, Collection<String> keys) {
        checkOpen();
        for (String k : keys) {
            Row r = rows.get(k);
            if (r != null && holder.equals(r.holder)) {
                r.holder = null;
                r.leaseUntil = null;
            }
        }
    }

    @Override
    public synchronized Optional<StoredMessage> find(String key) {
        checkOpen();
        Row r = rows.get(key);
        return r == null ? Optional.empty() : Optional.of(r.stored());
    }

    @Override
    public synchronized Optional<StoredMessage> findByProviderId(String providerId) {
        checkOpen();
        StoredMessage found = null;
        for (Row r : rows.values()) {
            if (r.message.providerId().filter(providerId::equals).isPresent()) {
                found = r.stored();
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public synchronized Map<String, StoredMessage> findAll(Collection<String> keys) {
        checkOpen();
        Map<String, StoredMessage> found = new LinkedHashMap<>();
        for (String k : keys) {
            Row r = rows.get(k);
            if (r != null) {
                found.put(k, r.stored());
            }
        }
        return found;
    }

    @Override
    public synchronized Map<String, StoredMessage> findAllByProviderId(Collection<String> providerIds) {
        checkOpen();
        Set<String> wanted = new HashSet<>(providerIds);
        Map<String, StoredMessage> found = new LinkedHashMap<>();
        for (Row r : rows.values()) { // in insertion order: the latest message under a provider id is put last
            r.message.providerId().filter(wanted::contains).ifPresent(p -> found.put(p, r.stored()));
        }
        return found;
    }

    @Override
    public synchronized void save(Collection<OutboxMessage> messages) {
        checkOpen();
        for (OutboxMessage m : messages) {
            Row r = rows.get(m.key());
            if (r == null) {
                rows.put(m.key(), new Row(m, 1));
            } else {
                r.message = m;
                r.version++;
            }
        }
    }

    @Override
    public synchronized void remove(Collection<String> keys) {
        checkOpen();
        rows.keySet().removeAll(keys);
    }

    @Override
    public synchronized List<OutboxMessage> loadAll() {
        checkOpen();
        List<OutboxMessage> all = new ArrayList<>(rows.size());
        rows.values().forEach(r -> all.add(r.message));
        return all;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new OutboxStoreException("in-memory shared outbox store is closed");
        }
    }
}
