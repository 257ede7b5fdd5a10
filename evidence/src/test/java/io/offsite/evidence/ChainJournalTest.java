package io.offsite.evidence;

import io.offsite.testkit.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.violation.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restart behaviour: a chain rebuilt from its journal and blob store continues exactly where it stopped. */
class ChainJournalTest {
    @TempDir
    Path dir;
    final InMemorySigningKeys keys = InMemorySigningKeys.generate("k1");
    final SettableClock clock = SettableClock.at(Fixtures.T0);

    EvidenceChain open(String caseId) {
        return EvidenceChain.builder(caseId, Violation.PARKING).blobStore(FileSystemBlobStore.open(dir.resolve("blobs")))
                .journal(FileChainJournal.open(dir.resolve("journal").resolve(caseId + ".jsonl")))
                .signingKeys(keys).clock(clock).build();
    }

    @Test
    void restart_restoresItemsLogHeadsAndSealedState_andContinues() {
        EvidenceChain first = open("case-r");
        first.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("one"), "platform");
        first.add(Fixtures.sms(Fixtures.T0, Fixtures.T0.plusSeconds(3)), Fixtures.bytes("sms"), "platform");
        first.recordView("item-0001", "officer-1");
        SignedTreeHead sealedHead = first.seal("officer-1");

        EvidenceChain second = open("case-r");
        assertThat(second.items()).isEqualTo(first.items());
        assertThat(second.custodyLog().entries()).isEqualTo(first.custodyLog().entries());
        assertThat(second.custodyLog().root()).isEqualTo(first.custodyLog().root());
        assertThat(second.heads()).extracting(SignedTreeHead::rootHash).containsExactly(sealedHead.rootHash());
        assertThat(second.isSealed()).isTrue();
        assertThatThrownBy(() -> second.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("late"), "platform"))
                .hasMessageContaining("sealed");
        second.recordShare("item-0002", "officer-2", "court");
        Path bundle = dir.resolve("b.zip");
        second.exportBundle(bundle, "officer-2");
        VerificationReport r = BundleVerifier.create().verify(bundle);
        assertThat(r.problems()).isEmpty();

        EvidenceChain third = open("case-r");
        assertThat(third.custodyLog().size()).isEqualTo(second.custodyLog().size());
        assertThat(third.heads()).hasSize(2);
    }

    @Test
    void tornLastRecord_fromACrash_isDiscarded_andEarlierStateSurvives() throws IOException {
        EvidenceChain first = open("case-t");
        first.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("one"), "platform");
        Path file = dir.resolve("journal").resolve("case-t.jsonl");
        byte[] torn = JournalFraming.frame("{\"entry\":{\"action\":\"VIEWED\"}}".getBytes(StandardCharsets.UTF_8));
        Files.write(file, java.util.Arrays.copyOf(torn, 25), StandardOpenOption.APPEND);
        EvidenceChain second = open("case-t");
        assertThat(second.items()).hasSize(1);
        assertThat(Files.readString(file)).endsWith("\n");
        second.add(Fixtures.still(Fixtures.T0, false), Fixtures.bytes("two"), "platform");
        assertThat(open("case-t").items()).hasSize(2);
    }

    @Test
    void alteredJournal_orMissingBlob_orOtherCase_isRefusedWithTheRecordNumber() throws IOException {
        EvidenceChain first = open("case-a");
        first.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("one"), "platform");
        first.signHead();
        Path file = dir.resolve("journal").resolve("case-a.jsonl");
        List<String> lines = JournalFiles.records(file);
        JournalFiles.write(file.resolveSibling("case-b.jsonl"), lines);
        assertThatThrownBy(() -> open("case-b")).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("record 1").hasMessageContaining("not case-b");

        String forged = lines.get(1).replace("officer", "officer").replace("platform", "mallory!");
        JournalFiles.write(file, List.of(lines.get(0), forged, lines.get(2)));
        assertThatThrownBy(() -> open("case-a")).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("record 3").hasMessageContaining("altered")
                .hasMessageContaining("custody entry 0 (journal record 2) was changed");

        JournalFiles.write(file, lines);
        EvidenceItem item = open("case-a").items().get(0);
        Files.delete(dir.resolve("blobs").resolve(item.sha256().hex()));
        assertThatThrownBy(() -> open("case-a")).hasMessageContaining("record 2")
                .hasMessageContaining("blob store does not have");
    }

    @Test
    void alteredEntry_afterAnEarlierMatchingHead_isNarrowedToTheEntriesOnlyTheLaterHeadCovers() throws IOException {
        EvidenceChain first = open("case-n");
        first.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("one"), "platform"); // record 2, entry 0
        first.signHead(); // record 3 covers entry 0
        first.recordView("item-0001", "officer-1"); // record 4, entry 1
        first.recordView("item-0001", "officer-2"); // record 5, entry 2
        first.signHead(); // record 6 covers entries 0-2
        Path file = dir.resolve("journal").resolve("case-n.jsonl");
        JournalFiles.edit(file, 4, r -> r.replace("officer-2", "officer-9"));
        assertThatThrownBy(() -> open("case-n")).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("chain journal record 6: signed head (size 3) does not match")
                .hasMessageContaining("one of custody entries 1-2 (journal records 4-5) was changed");
    }

    @Test
    void failingJournal_leavesChainUnchanged() {
        InMemoryChainJournal inner = InMemoryChainJournal.create();
        boolean[] fail = {false};
        io.offsite.evidence.spi.ChainJournal flaky = new io.offsite.evidence.spi.ChainJournal() {
            @Override
            public void append(byte[] record) {
                if (fail[0]) {
                    throw new EvidenceException("disk full");
                }
                inner.append(record);
            }

            @Override
            public List<byte[]> readAll() {
                return inner.readAll();
            }
        };
        EvidenceChain c = EvidenceChain.builder("case-f", Violation.PARKING).signingKeys(keys).journal(flaky).clock(clock)
                .build();
        c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("one"), "platform");
        fail[0] = true;
        assertThatThrownBy(() -> c.recordView("item-0001", "officer-1")).hasMessageContaining("disk full");
        assertThat(c.custodyLog().size()).isEqualTo(1);
        assertThatThrownBy(() -> c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("two"), "p"))
                .hasMessageContaining("disk full");
        assertThat(c.items()).hasSize(1);
        assertThatThrownBy(() -> c.custodyLog().append(Fixtures.T0.plusSeconds(99), "x", CustodyAction.VIEWED,
                Optional.empty(), Optional.empty(), "")).hasMessageContaining("through the chain");
    }
}
