package io.offsite.evidence;

import io.offsite.evidence.spi.ChainJournal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChainJournal} in one file, one record per line; each append is fsynced before it returns.
 * A crash can leave only an unterminated last line — a record that was never acknowledged — which
 * {@link #open(Path)} cuts off (logging a warning). Thread-safe within one process; one writer process per file.
 */
public final class FileChainJournal implements ChainJournal {
    private static final Logger LOG = LoggerFactory.getLogger(FileChainJournal.class);
    private final Path file;

    private FileChainJournal(Path file) {
        this.file = file;
    }

    /** Opens (creating if needed) the journal file, discarding a torn last record left by a crash. */
    public static FileChainJournal open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (Files.exists(file)) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    long size = ch.size();
                    long keep = size;
                    ByteBuffer one = ByteBuffer.allocate(1);
                    while (keep > 0) {
                        one.clear();
                        ch.read(one, keep - 1);
                        if (one.get(0) == '\n') {
                            break;
                        }
                        keep--;
                    }
                    if (keep < size) {
                        LOG.warn("journal {}: discarding {} bytes of an unterminated last record (interrupted write)",
                                file, size - keep);
                        ch.truncate(keep);
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
        byte[] line = Arrays.copyOf(record, record.length + 1);
        line[record.length] = '\n';
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
        try {
            byte[] all = Files.readAllBytes(file);
            List<byte[]> out = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    out.add(Arrays.copyOfRange(all, start, i));
                    start = i + 1;
                }
            }
            return out;
        } catch (IOException e) {
            throw new EvidenceException("cannot read chain journal " + file + ": " + e.getMessage(), e);
        }
    }
}
