package io.offsite.notify;

import io.offsite.notify.spi.SharedOutboxStore;
import io.offsite.notify.spi.StoredMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A shared store that forwards every call; tests override one method to make it fail. */
class ForwardingSharedStore implements SharedOutboxStore {
    private final SharedOutboxStore delegate;

    ForwardingSharedStore(SharedOutboxStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Map<String, StoredMessage> insertAbsent(Collection<OutboxMessage> messages) {
        return delegate.insertAbsent(messages);
    }

    @Override
    public Optional<Map<String, StoredMessage>> insertAbsentLeased(String holder, Instant leaseUntil,
            Collection<OutboxMessage> messages) {
        return delegate.insertAbsentLeased(holder, leaseUntil, messages);
    }

    @Override
    public List<StoredMessage> claimDue(String holder, Instant now, Instant leaseUntil, int max) {
        return delegate.claimDue(holder, now, leaseUntil, max);
    }

    @Override
    public Set<String> saveIfUnchanged(Collection<StoredMessage> changes) {
        return delegate.saveIfUnchanged(changes);
    }

    @Override
    public void release(String holder, Collection<String> keys) {
        delegate.release(holder, keys);
    }

    @Override
    public Optional<StoredMessage> find(String key) {
        return delegate.find(key);
    }

    @Override
    public Optional<StoredMessage> findByProviderId(String providerId) {
        return delegate.findByProviderId(providerId);
    }

    @Override
    public Map<String, StoredMessage> findAll(Collection<String> keys) {
        return delegate.findAll(keys);
    }

    @Override
    public Map<String, StoredMessage> findAllByProviderId(Collection<String> providerIds) {
        return delegate.findAllByProviderId(providerIds);
    }

    @Override
    public void save(Collection<OutboxMessage> messages) {
        delegate.save(messages);
    }

    @Override
    public void remove(Collection<String> keys) {
        delegate.remove(keys);
    }

    @Override
    public List<OutboxMessage> loadWithStatus(MessageStatus status) {
        return delegate.loadWithStatus(status);
    }

    @Override
    public int count() {
        return delegate.count();
    }

    @Override
    public int count(MessageStatus status) {
        return delegate.count(status);
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return delegate.nextDueAt();
    }

    @Override
    public List<OutboxMessage> loadAll() {
        return delegate.loadAll();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
