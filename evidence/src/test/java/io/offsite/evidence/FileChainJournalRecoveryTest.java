package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11.2: a chain journal never drops a record that was acknowledged; only a torn unterminated tail is cut. */
class FileChainJournalRecoveryTest {
    @TempDir
    Path dir;

    private static byte[] record(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path journal(String name, String... records) {
        Path file = dir.resolve(name);
        FileChainJournal j = FileChainJournal.open(file);
        for (String r : records) {
            j.append(record(r));
        }
        return file;
    }

    private static List<String> read(Path file) {
        List<String> out = new ArrayList<>();
        FileChainJournal.open(file).readAll().forEach(r -> out.add(new String(r, StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void missingFinalNewline_afterAValidOneMebibyteRecord_isRepaired_notTruncated() throws IOException {
        String big = "{\"x\":\"" + "a".repeat(1 << 20) + "\"}";
        Path file = journal("big.j", "{\"first\":1}", big);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length - 1));
        assertThat(read(file)).containsExactly("{\"first\":1}", big);
        assertThat(Files.readAllBytes(file)).isEqualTo(all);
    }

    @Test
    void tornUnterminatedTail_isCut_andEarlierRecordsKept() throws IOException {
        Path file = journal("torn.j", "{\"a\":1}", "{\"b\":2}");
        long good = Files.size(file);
        byte[] next = JournalFraming.frame(record("{\"c\":3}"));
        Files.write(file, Arrays.copyOf(next, next.length - 3), java.nio.file.StandardOpenOption.APPEND);
        assertThat(read(file)).containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(Files.size(file)).isEqualTo(good);
    }

    @Test
    void badRecordInTheMiddle_isRefusedWithItsOffset_andTheFileIsUntouched() throws IOException {
        Path file = journal("mid.j", "{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
        byte[] all = Files.readAllBytes(file);
        int second = JournalFraming.frame(record("{\"a\":1}")).length;
        all[second + JournalFraming.HEADER + 2] ^= 1; // flip a bit inside record 2's JSON
        Files.write(file, all);
        assertThatThrownBy(() -> FileChainJournal.open(file)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("checksum mismatch").hasMessageContaining("byte offset " + second)
                .hasMessageContaining("after 1 valid record");
        assertThat(Files.readAllBytes(file)).isEqualTo(all);
    }

    @Test
    void flippedLengthField_isRefused_notTakenForATornTail() throws IOException {
        Path file = journal("len.j", "{\"a\":1}", "{\"b\":2}");
        byte[] all = Files.readAllBytes(file);
        int second = JournalFraming.frame(record("{\"a\":1}")).length;
        all[second + 16] = 'f'; // record 2 (the last) now claims 15 more bytes than it has
        Files.write(file, all);
        assertThatThrownBy(() -> FileChainJournal.open(file)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("line break inside a record");
        assertThat(Files.readAllBytes(file)).isEqualTo(all);
    }

    @Test
    void garbageAfterTheLastRecord_isRefused_notCut() throws IOException {
        Path file = journal("garbage.j", "{\"a\":1}");
        long size = Files.size(file);
        Files.write(file, record("hello, not a record"), java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> FileChainJournal.open(file)).hasMessageContaining("bad record header")
                .hasMessageContaining("byte offset " + size);
        assertThat(Files.size(file)).isGreaterThan(size);
    }

    @Test
    void formatOneJournal_isRefusedSayingSo() throws IOException {
        Path file = dir.resolve("v1.j");
        Files.write(file, record("{\"t\":\"case\"}\n"));
        assertThatThrownBy(() -> FileChainJournal.open(file)).hasMessageContaining("format-1 journal");
    }

    /**
     * Property: one random fault (truncation at any offset, one byte changed anywhere, or random bytes appended)
     * never loses an acknowledged record. Either open refuses and leaves the bytes as they were, or every
     * record that is still complete on disk is read back, unchanged and in order.
     */
    @Test
    void randomTruncationOrCorruption_neverLosesAnAcknowledgedRecord() {
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger[] kinds = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        AtomicInteger run = new AtomicInteger();
        qt().withExamples(200).forAll(integers().between(1, 12), integers().between(0, 2), integers().all())
                .checkAssert((n, kind, seed) -> {
                    try {
                        Random rnd = new Random(seed);
                        List<String> recs = new ArrayList<>();
                        Path file = dir.resolve("p" + run.incrementAndGet() + ".j");
                        FileChainJournal j = FileChainJournal.open(file);
                        List<Integer> ends = new ArrayList<>(); // offset just after each record's body (before LF)
                        int off = 0;
                        for (int i = 0; i < n; i++) {
                            String r = "{\"i\":" + i + ",\"v\":\"" + "xyz\u00e9".repeat(rnd.nextInt(40)) + "\"}";
                            recs.add(r);
                            j.append(record(r));
                            off += JournalFraming.frame(record(r)).length;
                            ends.add(off - 1);
                        }
                        byte[] all = Files.readAllBytes(file);
                        List<String> expected;
                        kinds[kind].incrementAndGet();
                        if (kind == 0) {
                            int cut = rnd.nextInt(all.length + 1);
                            all = Arrays.copyOf(all, cut);
                            expected = new ArrayList<>();
                            for (int i = 0; i < n && ends.get(i) <= cut; i++) {
                                expected.add(recs.get(i));
                            }
                        } else if (kind == 1) {
                            int at = rnd.nextInt(all.length);
                            all[at] = (byte) (all[at] + 1 + rnd.nextInt(255));
                            expected = recs;
                        } else {
                            byte[] junk = new byte[1 + rnd.nextInt(30)];
                            rnd.nextBytes(junk);
                            byte[] grown = Arrays.copyOf(all, all.length + junk.length);
                            System.arraycopy(junk, 0, grown, all.length, junk.length);
                            all = grown;
                            expected = recs;
                        }
                        Files.write(file, all);
                        List<String> got;
                        try {
                            got = read(file);
                        } catch (EvidenceException e) {
                            refused.incrementAndGet();
                            assertThat(Files.readAllBytes(file)).as("refused file untouched").isEqualTo(all);
                            return;
                        }
                        assertThat(got).isEqualTo(expected);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        // the generator reaches all three fault kinds and both outcomes
        assertThat(kinds).allMatch(k -> k.get() > 20);
        assertThat(refused.get()).isBetween(20, 180);
    }
}
