package io.offsite.notify;

import io.offsite.notify.spi.OutboxStore;

/** Factories for the bundled {@link OutboxStore}s. */
public final class OutboxStores {
    private OutboxStores() {
    }

    /** A store in memory: for tests, demos and hosts that persist elsewhere. Not durable across JVMs. */
    public static OutboxStore inMemory() {
        return new InMemoryOutboxStore();
    }
}
