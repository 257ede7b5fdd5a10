package io.offsite.evidence;

import io.offsite.evidence.spi.ChainJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A {@link ChainJournal} in memory: the default, for tests and short-lived chains. Thread-safe. */
public final class InMemoryChainJournal implements ChainJournal {
    private final List<byte[]> records = new ArrayList<>();

    private InMemoryChainJournal() {
    }

    /** An empty journal. */
    public static InMemoryChainJournal create() {
        return new InMemoryChainJournal();
    }

    @Override
    public synchronized void append(byte[] record) {
        records.add(Objects.requireNonNull(record, "record").clone());
    }

    /** All or none: every record is checked before any is added. */
    @Override
    public synchronized void appendAll(List<byte[]> batch) {
        List<byte[]> copies = new ArrayList<>(batch.size());
        batch.forEach(r -> copies.add(Objects.requireNonNull(r, "record").clone()));
        records.addAll(copies);
    }

    @Override
    public synchronized List<byte[]> readAll() {
        List<byte[]> out = new ArrayList<>(records.size());
        records.forEach(r -> out.add(r.clone()));
        return out;
    }
}
