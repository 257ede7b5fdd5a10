package io.offsite.evidence.spi;

import java.util.List;

/**
 * Durable, append-only storage of one case's chain state (custody entries with their items, signed
 * heads), so a chain survives a restart. Records are opaque single-line UTF-8 byte strings (canonical
 * JSON); an implementation must make each record durable before {@link #append} returns, and must
 * never return a partially written record from {@link #readAll()}. Failures throw
 * {@link io.offsite.evidence.EvidenceException}.
 */
public interface ChainJournal {

    /** Appends one record (no line breaks inside) durably. */
    void append(byte[] record);

    /** All records in append order. */
    List<byte[]> readAll();
}
