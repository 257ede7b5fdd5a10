package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Coverage-guided fuzz target (Jazzer) for the outbox journal reader. Each input is used twice: as one record
 * payload ({@link JournalCodec#decode}: decodes or throws {@link NotifyException}; a checksum cannot hide the
 * decoder from the fuzzer this way) and as a whole journal file (read, perhaps with a torn tail to cut, or
 * refused with an {@link OutboxStoreException} naming an offset). Anything else (NPE, DateTimeException,
 * IllegalArgumentException, OOM, StackOverflowError) is a finding. When a tail is torn, the file cut at the
 * reported end reads back cleanly with the same records (recovery is idempotent). Without {@code JAZZER_FUZZ}
 * it replays the seeds in {@code JournalFuzzTestInputs/} (journals and raw payloads).
 */
class JournalFuzzTest {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("journal-fuzz", ".journal");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "15s")
    void journal_readsOrRefusesWithOffset(byte[] input) throws IOException {
        try {
            JournalCodec.Entry e = JournalCodec.decode(ByteBuffer.wrap(input));
            if (e.message().isPresent()) { // what decodes re-encodes to the same state
                assertThat(JournalCodec.decode(ByteBuffer.wrap(JournalCodec.encode(e.message().get()))))
                        .isEqualTo(e);
            }
        } catch (NotifyException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
        Files.write(FILE, input);
        JournalScanner.Result r;
        try (FileChannel ch = FileChannel.open(FILE, StandardOpenOption.READ)) {
            r = JournalScanner.scan(ch, FILE, payload -> JournalCodec.decode(payload));
        } catch (OutboxStoreException expected) {
            assertThat(expected.getMessage()).contains("offset");
            return;
        }
        if (r.torn() != null && r.format() != 0) {
            try (FileChannel ch = FileChannel.open(FILE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ch.truncate(r.validEnd());
                JournalScanner.Result again = JournalScanner.scan(ch, FILE, payload -> JournalCodec.decode(payload));
                assertThat(again.torn()).isNull();
                assertThat(again.records()).isEqualTo(r.records());
            }
        }
    }
}
