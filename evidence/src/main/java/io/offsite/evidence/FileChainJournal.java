package io.offsite.evidence;

import io.offsite.evidence.spi.ChainJournal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChainJournal} in one file, one framed record per line (format 2: CRC-32C and length before each
 * record, see {@code JournalFraming}); each append is fsynced before it returns. {@link #open(Path)} never drops
 * a valid record: it repairs a missing final line feed after a valid record, cuts only an unterminated torn
 * tail (a record that was never acknowledged), and refuses anything else — a damaged record in the middle,
 * a corrupted terminated record, garbage — with the byte offset, leaving the file untouched. Recovery reads
 * the file forward in 64 KiB blocks. Thread-safe within one process; one writer process per file.
 *
 * <p>Format 1 (plain JSON lines, before issue 11) is refused with a message saying so.
 */
public final class FileChainJournal implements ChainJournal {
    private static final Logger LOG = LoggerFactory.getLogger(FileChainJournal.class);
    private final Path file;

    private FileChainJournal(Path file) {
        this.file = file;
    }

    /**
     * Opens (creating if needed) the journal file, checking every record's framing and checksum; repairs a
     * missing final line feed and cuts a torn unterminated tail left by a crash.
     *
     * @throws EvidenceException if the file holds anything else that is not a valid record (with the offset)
     */
    public static FileChainJournal open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (Files.exists(file)) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    JournalFraming.Scan scan = JournalFraming.scan(ch, file.toString(), false);
                    if (scan.tornTail()) {
                        LOG.warn("journal {}: cutting {} bytes of an unterminated record at offset {} (interrupted"
                                + " write, never acknowledged); {} valid record(s) kept", file,
                                scan.size() - scan.validEnd(), scan.validEnd(), scan.records());
                        ch.truncate(scan.validEnd());
                        ch.force(true);
                    } else if (scan.missingNewline()) {
                        LOG.warn("journal {}: the last valid record lacked its line feed; appended it", file);
                        ch.write(ByteBuffer.wrap(new byte[] {'\n'}), scan.size());
                        ch.force(true);
                    }
                }
            }
        } catch (IOException e) {
            throw new EvidenceException("cannot open chain journal " + file + ": " + e.getMessage(), e);
        }
        return new FileChainJournal(file);
    }

    @Override
    public synchronized void append(byte[] record) {
        Objects.requireNonNull(record, "record");
        for (byte b : record) {
            if (b == '\n' || b == '\r') {
                throw new EvidenceException("journal records must be single lines");
            }
        }
        if (record.length > JournalFraming.MAX_RECORD) {
            throw new EvidenceException("journal record of " + record.length + " bytes exceeds the limit of "
                    + JournalFraming.MAX_RECORD);
        }
        byte[] line = JournalFraming.frame(record);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            throw new EvidenceException("cannot append to chain journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<byte[]> readAll() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            JournalFraming.Scan scan = JournalFraming.scan(ch, file.toString(), true);
            return scan.collected();
        } catch (IOException e) {
            throw new EvidenceException("cannot read chain journal " + file + ": " + e.getMessage(), e);
        }
    }
}
