package io.offsite.notify.spi;

import io.offsite.notify.OutboxMessage;
import java.util.Collection;
import java.util.List;

/**
 * Where the outbox keeps its messages so that none is lost in a restart. The outbox saves a message before
 * it first sends it and after every change; on start it loads the latest state of every message and resumes.
 * Implementations: {@code OutboxStores.inMemory()}, {@code FileJournalStore}. Calls come from one outbox at a
 * time (the outbox serializes them). A store that several outboxes (processes) share implements
 * {@link SharedOutboxStore} instead ({@code JdbcOutboxStore} in store-jdbc).
 */
public interface OutboxStore extends AutoCloseable {
    /**
     * Durably saves the latest state of each message (an upsert by key); returns only when all of them would
     * survive a crash. Throws {@code OutboxStoreException} when it cannot; nothing is then partially visible
     * beyond what a later load would replay consistently.
     */
    void save(Collection<OutboxMessage> messages);

    /**
     * Durably forgets the messages with these keys (the outbox calls it only for final messages it purges).
     * Unknown keys are ignored. Stores that cannot delete throw {@code OutboxStoreException}, which is the default.
     */
    default void remove(Collection<String> keys) {
        throw new io.offsite.notify.OutboxStoreException(getClass().getSimpleName() + " does not support removing "
                + "messages; purging needs a store that does");
    }

    /** The latest saved state of every message, in the order they were first saved. */
    List<OutboxMessage> loadAll();

    /** Releases files or connections; the store is unusable afterwards. */
    @Override
    void close();
}
