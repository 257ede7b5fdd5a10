package io.offsite.evidence;

import io.offsite.evidence.spi.ChainJournal;
import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one chain's {@link ChainJournal} holds: how many records this chain read or appended, and whether that count
 * is still known. A batch that fails part-way is reconciled by re-reading the journal; when even that fails the
 * position is "in doubt" and every later append is refused until the chain is rebuilt from its journal. Guarded by
 * the chain's monitor.
 */
final class ChainJournalPosition {
    private static final Logger LOG = LoggerFactory.getLogger(ChainJournalPosition.class);
    private final ChainJournal journal;
    private final String caseId;
    /** How many records the journal holds (that this chain read or appended). */
    private long journaled;
    /** Set when a batch append failed and the journal could not be re-read. */
    private boolean inDoubt;

    ChainJournalPosition(ChainJournal journal, String caseId) {
        this.journal = journal;
        this.caseId = caseId;
    }

    /**
     * Reads the journal; an empty one is started with {@code caseRecord} (and an empty list returned), otherwise the
     * records are returned for the chain to replay.
     */
    List<byte[]> open(byte[] caseRecord) {
        List<byte[]> records = journal.readAll();
        if (records.isEmpty()) {
            journal.append(caseRecord);
            journaled = 1;
            return List.of();
        }
        journaled = records.size();
        return records;
    }

    /** Appends one record; nothing changes when the journal refuses it. */
    void append(byte[] record) {
        requireKnown();
        journal.append(record);
        journaled++;
    }

    /**
     * Appends {@code records} as one batch ({@link ChainJournal#appendAll}). When the journal fails, {@code landed}
     * is told how many leading records it nevertheless holds (not called when that is unknown: the position is then in
     * doubt), and the failure is rethrown.
     */
    void appendAll(List<byte[]> records, IntConsumer landed) {
        requireKnown();
        try {
            journal.appendAll(List.copyOf(records));
        } catch (RuntimeException | Error failure) {
            reconcile(records.size(), landed, failure);
            throw failure;
        }
        journaled += records.size();
    }

    private void reconcile(int batch, IntConsumer landed, Throwable failure) {
        long stored;
        try {
            stored = journal.readAll().size() - journaled;
        } catch (RuntimeException | Error e) {
            failure.addSuppressed(e);
            inDoubt = true;
            LOG.error("case {}: a batch of {} custody entries failed and the journal cannot be re-read; the chain"
                    + " refuses further changes until it is rebuilt from its journal", caseId, batch);
            return;
        }
        if (stored < 0 || stored > batch) {
            inDoubt = true;
            LOG.error("case {}: after a failed batch the journal holds {} records more than this chain knows, not"
                    + " 0..{}; the chain refuses further changes until it is rebuilt", caseId, stored, batch);
            return;
        }
        landed.accept((int) stored);
        journaled += stored;
        if (stored > 0) {
            LOG.warn("case {}: a batch of {} custody entries failed after the journal stored {}; those are logged",
                    caseId, batch, stored);
        }
    }

    /** Refuses a change while the journal's content is unknown. */
    void requireKnown() {
        if (inDoubt) {
            throw new EvidenceException("case " + caseId + ": a batch append failed and left the journal in an unknown"
                    + " state; rebuild the chain from its journal to continue");
        }
    }
}
