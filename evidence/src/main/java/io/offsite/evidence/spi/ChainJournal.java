package io.offsite.evidence.spi;

import java.util.List;

/**
 * Durable, append-only storage of one case's chain state (custody entries with their items, signed
 * heads), so a chain survives a restart. Records are opaque single-line UTF-8 byte strings (canonical
 * JSON); an implementation must make each record durable before {@link #append} returns, and must
 * never return a partially written record from {@link #readAll()}. Failures throw an unchecked exception:
 * {@link io.offsite.evidence.EvidenceException} from the journals in this module, the store's own family from
 * others (store-jdbc's {@code StoreException}); either propagates unchanged out of the chain. A journal shared by
 * several processes must refuse an append on top of records it has not read (never fork the journal).
 */
public interface ChainJournal {

    /** Appends one record (no line breaks inside) durably. */
    void append(byte[] record);

    /**
     * Appends several records in order, durably, preferably all or none (one transaction, one fsync). The default
     * calls {@link #append} for each, so a failure part-way leaves the records before it appended; a caller that
     * cannot tell re-reads the journal ({@code EvidenceChain} does). Journals that can make the records durable
     * together override it and then append all or none.
     */
    default void appendAll(List<byte[]> records) {
        for (byte[] r : records) {
            append(r);
        }
    }

    /** All records in append order. */
    List<byte[]> readAll();
}
