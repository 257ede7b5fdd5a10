package io.offsite.notify;

import io.offsite.testkit.SettableClock;
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
        OutboxMessage a = msg("a", "【城管】请驶离 浙J12345");
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
    void damagedLastRecord_writtenWhole_isRefusedNotCut() throws IOException {
        Path file = dir.resolve("outbox.journal");
        try (FileJournalStore store = FileJournalStore.open(file)) {
            store.save(List.of(msg("a", "one")));
            store.save(List.of(msg("b", "two")));
        }
        long last = recordOffsets(file).get(1);
        flipByte(file, Files.size(file) - 3); // inside the checksum of a record that was fsync'ed (acknowledged)
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> FileJournalStore.open(file)).isInstanceOf(OutboxStoreException.class)
                .hasMessageContaining("corrupt at offset " + last).hasMessageContaining("not an interrupted write");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void lastRecordWhoseEndWasNeverWritten_zeros_isCutAsTornWrite() throws IOException {
        Path file = dir.resolve("outbox.journal");
        try (FileJournalStore store = FileJournalStore.open(file)) {
            store.save(List.of(msg("a", "one")));
            store.save(List.of(msg("b", "two")));
        }
        long size = Files.size(file);
        long second = recordOffsets(file).get(1);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(size - 20); // the file size reached the disk, the last 20 bytes of data did not
            raf.write(new byte[20]);
        }
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).extracting(OutboxMessage::key).containsExactly("a");
            assertThat(store.recoveredTornBytes()).isEqualTo(size - second);
            assertThat(Files.size(file)).isEqualTo(second);
        }
    }

    @Test
    void flippedLengthBitInTheMiddle_isRefusedWithOffset_neverTakenForATornTail() throws IOException {
        Path file = dir.resolve("outbox.journal");
        try (FileJournalStore store = FileJournalStore.open(file)) {
            for (int i = 0; i < 10; i++) {
                store.save(List.of(msg("m" + i, "message " + i)));
            }
        }
        long fifth = recordOffsets(file).get(4);
        flipBit(file, fifth + 1, 3); // length becomes ~half a megabyte: it used to look like a torn tail, 10 became 4
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> FileJournalStore.open(file)).isInstanceOf(OutboxStoreException.class)
                .hasMessageContaining("corrupt at offset " + fifth).hasMessageContaining("header fails its check");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void garbageFollowedByValidRecords_isRefusedWithOffset() throws IOException {
        Path file = dir.resolve("outbox.journal");
        try (FileJournalStore store = FileJournalStore.open(file)) {
            store.save(List.of(msg("a", "one")));
            store.save(List.of(msg("b", "two")));
        }
        long second = recordOffsets(file).get(1);
        byte[] bytes = Files.readAllBytes(file);
        byte[] garbage = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] spliced = new byte[bytes.length + garbage.length];
        System.arraycopy(bytes, 0, spliced, 0, (int) second);
        System.arraycopy(garbage, 0, spliced, (int) second, garbage.length);
        System.arraycopy(bytes, (int) second, spliced, (int) second + garbage.length, bytes.length - (int) second);
        Files.write(file, spliced);
        assertThatThrownBy(() -> FileJournalStore.open(file)).isInstanceOf(OutboxStoreException.class)
                .hasMessageContaining("corrupt at offset " + second);
        assertThat(Files.readAllBytes(file)).isEqualTo(spliced);
    }

    @Test
    void zeroFilledTailAfterCompleteRecords_isCut_andAppendsContinue() throws IOException {
        Path file = dir.resolve("outbox.journal");
        try (FileJournalStore store = FileJournalStore.open(file)) {
            store.save(List.of(msg("a", "one")));
        }
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size + 100_000);
        }
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.recoveredTornBytes()).isEqualTo(100_000);
            store.save(List.of(msg("b", "two")));
        }
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).extracting(OutboxMessage::key).containsExactly("a", "b");
        }
    }

    @Test
    void interruptedCreation_shortFileOfHeaderPrefix_isRewritten_shortForeignFileIsRefused() throws IOException {
        Path file = dir.resolve("outbox.journal");
        Files.write(file, new byte[] {'O', 'S', 'O', 0});
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).isEmpty();
            assertThat(store.recoveredTornBytes()).isEqualTo(4);
        }
        Path other = dir.resolve("other.journal");
        Files.write(other, new byte[] {'{', '}'});
        assertThatThrownBy(() -> FileJournalStore.open(other)).isInstanceOf(OutboxStoreException.class)
                .hasMessageContaining("corrupt at offset 0");
        assertThat(Files.readAllBytes(other)).containsExactly('{', '}');
    }

    @Test
    void unknownFormat_isRefused_listingTheFormatsThisVersionReads() throws IOException {
        Path file = dir.resolve("outbox.journal");
        Files.write(file, new byte[] {'O', 'S', 'O', 'B', 0, 0, 0, 9});
        assertThatThrownBy(() -> FileJournalStore.open(file)).isInstanceOf(OutboxStoreException.class)
                .hasMessageContaining("format 9 at offset 4").hasMessageContaining("[1, 2]");
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
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
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
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
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

    @Test
    void format1Journal_isReadWhole_andRewrittenInFormat2() throws IOException {
        Path file = dir.resolve("outbox.journal");
        OutboxMessage a = msg("a", "one");
        OutboxMessage b = msg("b", "two");
        Files.write(file, format1(JournalCodec.encode(a), JournalCodec.encode(b), JournalCodec.encodeTombstone("a")));
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).containsExactly(b);
        }
        assertThat(Files.readAllBytes(file)[7]).isEqualTo((byte) 2);
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.loadAll()).containsExactly(b);
        }
    }

    @Test
    void format1Journal_withADamagedTail_isRefusedWithTheOffsetToTruncateAt() throws IOException {
        Path file = dir.resolve("outbox.journal");
        byte[] whole = format1(JournalCodec.encode(msg("a", "one")), JournalCodec.encode(msg("b", "two")));
        byte[] torn = java.util.Arrays.copyOf(whole, whole.length - 3);
        Files.write(file, torn);
        long second = 8 + 8 + JournalCodec.encode(msg("a", "one")).length;
        assertThatThrownBy(() -> FileJournalStore.open(file)).isInstanceOf(OutboxStoreException.class)
                .hasMessageContaining("corrupt at offset " + second).hasMessageContaining("truncate the file to offset "
                        + second);
        assertThat(Files.readAllBytes(file)).isEqualTo(torn);
    }

    private static byte[] format1(byte[]... payloads) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(8).putInt(0x4F534F42).putInt(1);
        out.writeBytes(head.array());
        for (byte[] p : payloads) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(p);
            out.writeBytes(java.nio.ByteBuffer.allocate(8).putInt(p.length).putInt((int) crc.getValue()).array());
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Offsets of the format-2 records in a journal. */
    static List<Long> recordOffsets(Path file) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(file));
        List<Long> out = new java.util.ArrayList<>();
        for (int pos = 8; pos + 8 <= b.limit(); pos += 8 + b.getInt(pos) + 5) {
            out.add((long) pos);
        }
        return out;
    }

    private static void flipBit(Path file, long offset, int bit) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ (1 << bit));
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
