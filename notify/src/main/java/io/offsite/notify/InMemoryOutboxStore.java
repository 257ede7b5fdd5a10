package io.offsite.notify;

import io.offsite.notify.spi.OutboxStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps messages in a map; survives a rebuilt outbox (a simulated restart) but not the JVM. Thread-safe. */
final class InMemoryOutboxStore implements OutboxStore {
    private final Map<String, OutboxMessage> messages = new LinkedHashMap<>();
    private boolean closed;

    @Override
    public synchronized void save(Collection<OutboxMessage> batch) {
        checkOpen();
        for (OutboxMessage m : batch) {
            messages.put(m.key(), m);
        }
    }

    @Override
    public synchronized void remove(Collection<String> keys) {
        checkOpen();
        for (String k : keys) {
            messages.remove(k);
        }
    }

    @Override
    public synchronized List<OutboxMessage> loadAll() {
        checkOpen();
        return new ArrayList<>(messages.values());
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new OutboxStoreException("in-memory outbox store is closed");
        }
    }
}
