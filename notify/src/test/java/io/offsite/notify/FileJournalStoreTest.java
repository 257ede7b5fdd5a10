package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.notify.spi.SendResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalStoreTest {
    @TempDir
    Path dir;

    private static OutboxMessage msg(String key, String text) {
        return OutboxMessage.enqueued(new OutgoingMessage(key, Channel.SMS, "13812345678", text),
                Instant.parse("2026-03-02T02:00:00Z"));
    }

    @Test
    void savedStates_surviveReopen_latestStatePerKeyInFirstSavedOrder() {
        Path file = dir.resolve("outbox.journal");
        OutboxMessage a = msg("a", "【城管】请驶离 浙A12345");
        OutboxMessage b = msg("b", "second");
        OutboxMessage aSent = a.attempted(Instant.parse("2026-03-02T02:00:01Z"))
                .sent(Instant.parse("2026-03-02T02:00:01Z"), Instant.parse("2026-03-02T02:15:01Z"), Optional.of("p1"));
        try (FileJournalStore store = FileJournalStore.open(file)) {
            store.save(List.of(a, b));
            store.save(List.of(aSent));
        }
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).containsExactly(aSent, b);
            assertThat(store.journalRecords()).isEqualTo(3);
            assertThat(store.recoveredTornBytes()).isZero();
        }
    }

    @Test
    void tornTailRecord_isCutOff_andEarlierRecordsAndLaterAppendsSurvive() throws IOException {
        Path file = dir.resolve("outbox.journal");
        try (FileJournalStore store = FileJournalStore.open(file)) {
            store.save(List.of(msg("a", "one")));
            store.save(List.of(msg("b", "two")));
        }
        long full = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(full - 5); // the crash interrupted the second append
        }
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).extracting(OutboxMessage::key).containsExactly("a");
            assertThat(store.recoveredTornBytes()).isPositive();
            store.save(List.of(msg("c", "three")));
        }
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).extracting(OutboxMessage::key).containsExactly("a", "c");
            assertThat(store.recoveredTornBytes()).isZero();
        }
    }

    @Test
    void badChecksumOnLastRecord_isTreatedAsTornTail() throws IOException {
        Path file = dir.resolve("outbox.journal");
        try (FileJournalStore store = FileJournalStore.open(file)) {
            store.save(List.of(msg("a", "one")));
            store.save(List.of(msg("b", "two")));
        }
        flipByte(file, Files.size(file) - 3);
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).extracting(OutboxMessage::key).containsExactly("a");
        }
    }

    @Test
    void corruptionInTheMiddle_failsToOpen_andLeavesFileUnchanged() throws IOException {
        Path file = dir.resolve("outbox.journal");
        try (FileJournalStore store = FileJournalStore.open(file)) {
            store.save(List.of(msg("a", "one")));
            store.save(List.of(msg("b", "two")));
        }
        flipByte(file, 8 + 8 + 3);
        long size = Files.size(file);
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> FileJournalStore.open(file)).isInstanceOf(OutboxStoreException.class)
                .hasMessageContaining("corrupt at offset 8").hasMessageContaining("checksum mismatch");
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        // the lock was released: after repair the file can be opened again
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(8);
        }
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).isEmpty();
        }
    }

    @Test
    void foreignFile_isRejected() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, this is not a journal");
        assertThatThrownBy(() -> FileJournalStore.open(file)).isInstanceOf(OutboxStoreException.class)
                .hasMessageContaining("no OffSite outbox header");
    }

    @Test
    void secondOpenOfSameJournal_isRejectedWhileFirstIsOpen() {
        Path file = dir.resolve("outbox.journal");
        try (FileJournalStore first = FileJournalStore.open(file)) {
            assertThatThrownBy(() -> FileJournalStore.open(file)).isInstanceOf(OutboxStoreException.class)
                    .hasMessageContaining("in use by another outbox");
        }
        FileJournalStore.open(file).close();
    }

    @Test
    void compaction_keepsOnlyLatestStates_andShrinksTheFile() throws IOException {
        Path file = dir.resolve("outbox.journal");
        OutboxMessage m = msg("a", "text");
        try (FileJournalStore store = FileJournalStore.open(file)) {
            store.save(List.of(msg("b", "other")));
            for (int i = 0; i < 50; i++) {
                m = m.attempted(Instant.parse("2026-03-02T02:00:00Z").plusSeconds(i))
                        .pending(Instant.parse("2026-03-02T03:00:00Z"), Optional.of("fail " + i));
                store.save(List.of(m));
            }
            long before = Files.size(file);
            store.compact();
            assertThat(Files.size(file)).isLessThan(before / 10);
            assertThat(store.journalRecords()).isEqualTo(2);
            store.save(List.of(msg("c", "after")));
        }
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).extracting(OutboxMessage::key).containsExactly("b", "a", "c");
            assertThat(store.loadAll().get(1)).isEqualTo(m);
        }
    }

    @Test
    void outboxOnJournal_restartedMidRetry_resumesAndDeliversEveryMessage() {
        Path file = dir.resolve("outbox.journal");
        MutableClock clock = MutableClock.at("2026-03-02T02:00:00Z");
        try (FileJournalStore store = FileJournalStore.open(file)) {
            Outbox outbox = Outbox.builder(store).clock(clock).random(new SplittableRandom(1))
                    .gateway(Channel.SMS, r -> SendResult.retryable("HTTP 502")).build();
            for (int i = 0; i < 20; i++) {
                outbox.enqueue(new OutgoingMessage("ep-" + i + "/request-owner-move", Channel.SMS, "1381234" + (5000 + i),
                        "请驶离"));
            }
            outbox.dispatchDue();
        }
        clock.advance(Duration.ofMinutes(10));
        try (FileJournalStore store = FileJournalStore.open(file)) {
            Outbox outbox = Outbox.builder(store).clock(clock)
                    .gateway(Channel.SMS, r -> SendResult.delivered("p-" + r.key())).build();
            assertThat(outbox.messages(MessageStatus.PENDING)).hasSize(20);
            outbox.dispatchDue();
            assertThat(outbox.messages(MessageStatus.DELIVERED)).hasSize(20).allMatch(m -> m.attempts() == 2);
        }
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).hasSize(20).allMatch(m -> m.status() == MessageStatus.DELIVERED);
        }
    }

    @Test
    void purgedFinalMessages_areTombstoned_goneAfterReopen_andDroppedByCompaction() throws IOException {
        Path file = dir.resolve("outbox.journal");
        MutableClock clock = MutableClock.at("2026-03-02T02:00:00Z");
        try (FileJournalStore store = FileJournalStore.open(file)) {
            Outbox outbox = Outbox.builder(store).clock(clock)
                    .gateway(Channel.SMS, r -> r.key().startsWith("slow") ? SendResult.retryable("down")
                            : SendResult.delivered("p-" + r.key())).build();
            outbox.enqueueAll(List.of(new OutgoingMessage("done-1", Channel.SMS, "13812345678", "a"),
                    new OutgoingMessage("done-2", Channel.SMS, "13812345678", "b"),
                    new OutgoingMessage("slow-1", Channel.SMS, "13812345678", "c")));
            outbox.dispatchDue();
            clock.advance(Duration.ofDays(8));
            assertThat(outbox.purgeFinal(clock.instant().minus(Duration.ofDays(7)))).isEqualTo(2);
            assertThat(outbox.find("done-1")).isEmpty();
            assertThat(outbox.find("slow-1")).isPresent();
        }
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).extracting(OutboxMessage::key).containsExactly("slow-1");
            long before = Files.size(file);
            store.compact();
            assertThat(Files.size(file)).isLessThan(before);
            assertThat(store.journalRecords()).isEqualTo(1);
        }
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).extracting(OutboxMessage::key).containsExactly("slow-1");
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0xFF);
        }
    }
}
