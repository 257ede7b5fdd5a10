package io.offsite.notify;

import io.offsite.notify.spi.OutboxStore;
import io.offsite.notify.spi.SharedOutboxStore;

/** Factories for the bundled {@link OutboxStore}s. */
public final class OutboxStores {
    private OutboxStores() {
    }

    /** A store in memory: for tests, demos and hosts that persist elsewhere. Not durable across JVMs. */
    public static OutboxStore inMemory() {
        return new InMemoryOutboxStore();
    }

    /**
     * A {@link SharedOutboxStore} in memory: outboxes built on the same instance behave like server processes
     * sharing one database (leased dispatch, optimistic writes). For tests and as the SPI's reference; not durable.
     */
    public static SharedOutboxStore sharedInMemory() {
        return new InMemorySharedOutboxStore();
    }
}
