package io.offsite.notify;

import io.offsite.notify.spi.OutboxStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link OutboxStore} in one append-only file: an 8-byte header, then one record per saved message
 * state, each {@code [int length][int header check][payload][int CRC32C][end mark]}. A save appends its
 * records and forces them to disk ({@code fsync}) before returning. Opening reads the file in blocks and
 * keeps the latest state per key. It never drops a record that was written whole: only a record torn by a
 * crash during the final append (the file ends inside it, or holds nothing but zeros from a point inside it
 * to the end) is cut off and reported ({@link #recoveredTornBytes()}); a bad length, a bad checksum or
 * garbage with anything non-zero after it is corruption, and opening then fails with an
 * {@link OutboxStoreException} naming the byte offset, leaving the file untouched. A format-1 journal (older
 * versions) must be whole; it is rewritten in format 2 on open. {@link #compact()} rewrites the file with
 * only the latest state of each live message (atomic rename); it runs by itself when superseded records
 * outnumber live ones 4:1 (from 100,000 records on). Purged messages ({@link #remove}) are written as
 * tombstones and disappear at the next compaction. A sibling {@code .lock} file is locked for the store's
 * lifetime so two outboxes cannot share a journal. Thread-safe.
 */
public final class FileJournalStore implements OutboxStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileJournalStore.class);
    private static final int MAX_RECORD = JournalFraming.MAX_RECORD;
    private static final long AUTO_COMPACT_MIN = 100_000;

    private final Path path;
    private final boolean sync;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, OutboxMessage> latest = new LinkedHashMap<>();
    private final long tornBytes;
    private FileChannel channel;
    private long records;
    private boolean closed;

    private FileJournalStore(Path path, boolean sync) {
        this.path = path;
        this.sync = sync;
        Path lockPath = path.resolveSibling(path.getFileName() + ".lock");
        try {
            this.lockChannel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new OutboxStoreException("cannot open lock file " + lockPath + ": " + e.getMessage(), e);
        }
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            closeQuietly(lockChannel);
            throw new OutboxStoreException("journal " + path + " is in use by another outbox (lock " + lockPath + ")");
        }
        this.lock = l;
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            this.tornBytes = replay();
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            releaseLock();
            if (e instanceof OutboxStoreException) {
                throw (OutboxStoreException) e;
            }
            throw new OutboxStoreException("cannot open journal " + path + ": " + e.getMessage(), e);
        }
    }

    /** Opens (or creates) a journal that forces every commit to disk. */
    public static FileJournalStore open(Path path) {
        return open(path, true);
    }

    /**
     * Opens (or creates) a journal; {@code syncOnCommit=false} skips the fsync (faster, but a power loss may
     * lose the last commits; a process crash loses nothing). Use it only where that trade-off is acceptable.
     */
    public static FileJournalStore open(Path path, boolean syncOnCommit) {
        Objects.requireNonNull(path, "path");
        return new FileJournalStore(path.toAbsolutePath(), syncOnCommit);
    }

    @Override
    public synchronized void save(Collection<OutboxMessage> messages) {
        checkOpen();
        if (messages.isEmpty()) {
            return;
        }
        List<byte[]> payloads = new ArrayList<>(messages.size());
        for (OutboxMessage m : messages) {
            byte[] p = JournalCodec.encode(m);
            if (p.length > MAX_RECORD) {
                throw new OutboxStoreException("message '" + m.key() + "' encodes to " + p.length
                        + " bytes, more than the journal's record limit of " + MAX_RECORD);
            }
            payloads.add(p);
        }
        append(payloads);
        for (OutboxMessage m : messages) {
            latest.put(m.key(), m);
        }
        compactIfWasteful();
    }

    /** Appends a tombstone per key (durably) and forgets those messages; unknown keys are ignored. */
    @Override
    public synchronized void remove(Collection<String> keys) {
        checkOpen();
        List<byte[]> payloads = new ArrayList<>(keys.size());
        for (String k : keys) {
            if (latest.containsKey(k)) {
                payloads.add(JournalCodec.encodeTombstone(k));
            }
        }
        if (payloads.isEmpty()) {
            return;
        }
        append(payloads);
        for (String k : keys) {
            latest.remove(k);
        }
        compactIfWasteful();
    }

    private void append(List<byte[]> payloads) {
        ByteBuffer buf = JournalFraming.frame(payloads);
        long before = -1;
        try {
            before = channel.size();
            channel.position(before);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (sync) {
                channel.force(false);
            }
        } catch (IOException e) {
            rollback(before);
            throw new OutboxStoreException("cannot append " + payloads.size() + " records to journal " + path + ": "
                    + e.getMessage(), e);
        }
        records += payloads.size();
    }

    /** Compacts when superseded records outnumber live ones four to one (and there are at least 100,000). */
    private void compactIfWasteful() {
        if (records >= AUTO_COMPACT_MIN && records > 4L * latest.size()) {
            compact();
        }
    }

    @Override
    public synchronized List<OutboxMessage> loadAll() {
        checkOpen();
        return new ArrayList<>(latest.values());
    }

    /** Rewrites the journal with only the latest state of each message; safe against a crash at any point. */
    public synchronized void compact() {
        checkOpen();
        Path tmp = path.resolveSibling(path.getFileName() + ".compact");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = JournalFraming.fileHeader();
            while (head.hasRemaining()) {
                out.write(head);
            }
            List<byte[]> batch = new ArrayList<>();
            long batchBytes = 0;
            for (OutboxMessage m : latest.values()) {
                byte[] p = JournalCodec.encode(m);
                batch.add(p);
                batchBytes += p.length;
                if (batchBytes >= (1 << 22)) {
                    writeFully(out, JournalFraming.frame(batch));
                    batch.clear();
                    batchBytes = 0;
                }
            }
            writeFully(out, JournalFraming.frame(batch));
            out.force(true);
        } catch (IOException e) {
            throw new OutboxStoreException("cannot write compacted journal " + tmp + ": " + e.getMessage(), e);
        }
        try {
            channel.close();
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            records = latest.size();
        } catch (IOException e) {
            closed = true;
            releaseLock();
            throw new OutboxStoreException("compaction of " + path + " failed while swapping files; the store is "
                    + "closed, reopen it to recover: " + e.getMessage(), e);
        }
        LOG.info("compacted journal {} to {} records", path, records);
    }

    /** Records in the file (all saved states, including superseded ones, until the next compaction). */
    public synchronized long journalRecords() {
        return records;
    }

    /** Bytes of a torn tail record that opening cut off (0 when the file ended cleanly). */
    public long recoveredTornBytes() {
        return tornBytes;
    }

    /** The journal file. */
    public Path path() {
        return path;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(channel);
        releaseLock();
    }

    private long replay() throws IOException {
        long size = channel.size();
        JournalScanner.Result r = JournalScanner.scan(channel, path, payload -> {
            JournalCodec.Entry e = JournalCodec.decode(payload);
            if (e.message().isPresent()) {
                latest.put(e.key(), e.message().get());
            } else {
                latest.remove(e.key());
            }
        });
        records = r.records();
        if (r.format() == 0) { // new, or its creation was interrupted before the header was complete
            channel.truncate(0);
            channel.write(JournalFraming.fileHeader(), 0);
            channel.force(true);
            if (r.torn() != null) {
                LOG.warn("journal {}: rewrote {} left by an interrupted creation", path, r.torn());
            }
            return size;
        }
        if (r.format() == JournalFraming.FORMAT_1) {
            compact();
            LOG.info("journal {}: upgraded from format 1 to format 2 ({} live messages)", path, latest.size());
            return 0;
        }
        if (r.torn() == null) {
            return 0;
        }
        LOG.warn("journal {}: cutting off {} left by an interrupted write", path, r.torn());
        channel.truncate(r.validEnd());
        channel.force(true);
        return size - r.validEnd();
    }

    private void rollback(long size) {
        if (size < 0) {
            return;
        }
        try {
            channel.truncate(size);
        } catch (IOException e) {
            LOG.error("journal {}: could not roll back a failed append; a later open will cut the torn tail", path, e);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            out.write(buf);
        }
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("directory fsync not supported for {}: {}", path.getParent(), e.toString());
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new OutboxStoreException("journal store " + path + " is closed");
        }
    }

    private void releaseLock() {
        try {
            lock.release();
        } catch (IOException | RuntimeException e) {
            LOG.debug("releasing lock of {} failed: {}", path, e.toString());
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("closing channel failed: {}", e.toString());
        }
    }
}
