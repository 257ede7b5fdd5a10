package io.offsite.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzz target (Jazzer): arbitrary bytes as a chain journal file. Opening either refuses with
 * {@link EvidenceException} leaving the bytes untouched, or succeeds; every record read back then decodes or
 * fails with {@link EvidenceException}. Anything else is a finding.
 */
class ChainJournalFuzzTest {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("fuzz-journal", ".j");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "15s")
    void journalOpen_recoversOrRefusesWithEvidenceException(byte[] input) throws IOException {
        Files.write(FILE, input);
        List<byte[]> records;
        try {
            records = FileChainJournal.open(FILE).readAll();
        } catch (EvidenceException refused) {
            if (!Arrays.equals(Files.readAllBytes(FILE), input)) {
                throw new AssertionError("a refused journal was modified");
            }
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            try {
                JournalCodec.parse(records.get(i), i + 1);
            } catch (EvidenceException expected) {
                // the module's own exception is the only allowed failure
            }
        }
    }
}
