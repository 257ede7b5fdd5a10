package io.offsite.notify;

import io.offsite.notify.spi.StoredMessage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state a shared outbox last wrote for the messages it sent that still await a receipt (status SENT), by key
 * and by provider id, so a receipt arriving at the process that sent the message needs no read: the write it
 * causes is conditional on the remembered version, so a message another process changed meanwhile is simply
 * read again. Holds at most {@code max} messages, dropping the least recently sent. Not thread-safe.
 */
final class AwaitingReceipts {
    private final int max;
    private final Map<String, String> keyByProviderId = new HashMap<>();
    private final LinkedHashMap<String, StoredMessage> byKey = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredMessage> eldest) {
            if (size() <= max) {
                return false;
            }
            eldest.getValue().message().providerId().ifPresent(p -> keyByProviderId.remove(p, eldest.getKey()));
            return true;
        }
    };

    AwaitingReceipts(int max) {
        this.max = max;
    }

    /** Remembers {@code written} (the state as saved, before the store's version increment) while it is SENT. */
    void wrote(StoredMessage written) {
        if (written.message().status() != MessageStatus.SENT) {
            forget(written.key());
            return;
        }
        StoredMessage saved = new StoredMessage(written.message(), written.version() + 1);
        forget(saved.key());
        byKey.put(saved.key(), saved);
        saved.message().providerId().ifPresent(p -> keyByProviderId.put(p, saved.key()));
    }

    Optional<StoredMessage> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    Optional<StoredMessage> byProviderId(String providerId) {
        String key = keyByProviderId.get(providerId);
        return key == null ? Optional.empty() : byKey(key);
    }

    void forget(String key) {
        StoredMessage gone = byKey.remove(key);
        if (gone != null) {
            gone.message().providerId().ifPresent(p -> keyByProviderId.remove(p, key));
        }
    }
}
