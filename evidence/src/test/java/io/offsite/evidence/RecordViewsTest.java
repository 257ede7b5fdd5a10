package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.violation.Violation;
import io.offsite.evidence.spi.ChainJournal;
import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link EvidenceChain#recordViews}: a batch of views journaled together, and what a failing journal leaves. */
class RecordViewsTest {
    @TempDir
    Path dir;
    final InMemorySigningKeys keys = InMemorySigningKeys.generate("k1");
    final SettableClock clock = SettableClock.at(Fixtures.T0);
    final InMemoryBlobStore blobs = InMemoryBlobStore.create();

    EvidenceChain open(ChainJournal journal) {
        return EvidenceChain.builder("case-v", Violation.PARKING).blobStore(blobs).journal(journal).signingKeys(keys)
                .clock(clock).build();
    }

    /** A journal whose {@code append} fails from the {@code failAt}-th call on; keeps the SPI's default appendAll. */
    static final class FailingJournal implements ChainJournal {
        final InMemoryChainJournal delegate = InMemoryChainJournal.create();
        int appends;
        int failAt = Integer.MAX_VALUE;
        boolean readFails;
        boolean batchFailsWhole;

        @Override
        public void append(byte[] record) {
            if (++appends >= failAt) {
                throw new EvidenceException("disk full");
            }
            delegate.append(record);
        }

        @Override
        public void appendAll(List<byte[]> records) {
            if (batchFailsWhole) {
                throw new EvidenceException("connection lost");
            }
            ChainJournal.super.appendAll(records);
        }

        @Override
        public List<byte[]> readAll() {
            if (readFails) {
                throw new EvidenceException("cannot read");
            }
            return delegate.readAll();
        }
    }

    @Test
    void recordViews_logsOneViewPerIdInOrder_likeRecordViewOneByOne_andARebuiltChainHasThem() {
        InMemoryChainJournal journal = InMemoryChainJournal.create();
        EvidenceChain chain = open(journal);
        EvidenceItem a = chain.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("a"), "platform");
        EvidenceItem b = chain.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("b"), "platform");
        EvidenceChain oneByOne = open(InMemoryChainJournal.create());
        oneByOne.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("a"), "platform");
        oneByOne.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("b"), "platform");

        List<CustodyEntry> logged = chain.recordViews(List.of(a.id(), b.id(), a.id()), "officer-1");
        List.of(a.id(), b.id(), a.id()).forEach(id -> oneByOne.recordView(id, "officer-1"));

        assertThat(logged).extracting(CustodyEntry::seq).containsExactly(2L, 3L, 4L);
        assertThat(logged).extracting(e -> e.itemId().orElseThrow()).containsExactly(a.id(), b.id(), a.id());
        assertThat(logged).allSatisfy(e -> assertThat(e.action()).isEqualTo(CustodyAction.VIEWED));
        assertThat(chain.custodyLog().entries()).isEqualTo(oneByOne.custodyLog().entries());
        assertThat(chain.custodyLog().root()).isEqualTo(oneByOne.custodyLog().root());
        EvidenceChain rebuilt = open(journal);
        assertThat(rebuilt.custodyLog().entries()).isEqualTo(chain.custodyLog().entries());
        assertThat(chain.recordViews(List.of(), "officer-1")).isEmpty();
        assertThatThrownBy(() -> chain.recordViews(List.of(a.id(), "item-9999"), "officer-1"))
                .hasMessageContaining("item-9999");
        assertThat(chain.custodyLog().size()).as("nothing logged for a batch naming an unknown item").isEqualTo(5);
    }

    @Test
    void aBatchTheJournalStoredPartly_logsExactlyTheStoredPrefix_andTheChainGoesOn() {
        FailingJournal journal = new FailingJournal();
        EvidenceChain chain = open(journal);
        EvidenceItem a = chain.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("a"), "platform");
        journal.failAt = journal.appends + 3; // the third record of the batch fails
        assertThatThrownBy(() -> chain.recordViews(List.of(a.id(), a.id(), a.id(), a.id()), "officer-1"))
                .hasMessageContaining("disk full");
        assertThat(chain.custodyLog().size()).isEqualTo(3); // ADDED + the 2 views the journal stored
        assertThat(open(journal).custodyLog().entries()).isEqualTo(chain.custodyLog().entries());

        journal.failAt = Integer.MAX_VALUE;
        chain.recordView(a.id(), "officer-1");
        assertThat(open(journal).custodyLog().entries()).isEqualTo(chain.custodyLog().entries()).hasSize(4);
    }

    @Test
    void aBatchTheJournalRefusedWhole_changesNothing() {
        FailingJournal journal = new FailingJournal();
        EvidenceChain chain = open(journal);
        EvidenceItem a = chain.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("a"), "platform");
        journal.batchFailsWhole = true;
        assertThatThrownBy(() -> chain.recordViews(List.of(a.id(), a.id()), "officer-1"))
                .hasMessageContaining("connection lost");
        assertThat(chain.custodyLog().size()).isEqualTo(1);
        journal.batchFailsWhole = false;
        chain.recordViews(List.of(a.id()), "officer-1");
        assertThat(open(journal).custodyLog().entries()).isEqualTo(chain.custodyLog().entries()).hasSize(2);
    }

    @Test
    void aFailedBatchWhoseJournalCannotBeReRead_makesTheChainRefuseChangesUntilRebuilt() {
        FailingJournal journal = new FailingJournal();
        EvidenceChain chain = open(journal);
        EvidenceItem a = chain.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("a"), "platform");
        journal.failAt = journal.appends + 2;
        journal.readFails = true;
        assertThatThrownBy(() -> chain.recordViews(List.of(a.id(), a.id()), "officer-1"))
                .hasMessageContaining("disk full");
        journal.failAt = Integer.MAX_VALUE;
        journal.readFails = false;
        assertThatThrownBy(() -> chain.recordView(a.id(), "officer-1")).hasMessageContaining("rebuild the chain");
        assertThatThrownBy(chain::signHead).hasMessageContaining("rebuild the chain");
        EvidenceChain rebuilt = open(journal);
        assertThat(rebuilt.custodyLog().size()).isEqualTo(2); // ADDED + the one view the journal stored
        rebuilt.recordView(a.id(), "officer-1");
        assertThat(open(journal).custodyLog().size()).isEqualTo(3);
    }
}
