package io.offsite.notify;

import static io.offsite.notify.JournalFraming.FILE_HEADER;
import static io.offsite.notify.JournalFraming.MAX_RECORD;
import static io.offsite.notify.JournalFraming.RECORD_HEADER;
import static io.offsite.notify.JournalFraming.RECORD_TRAILER;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Reads a journal in 64 KiB blocks and hands each record's payload to a sink, deciding what a damaged record
 * is. The rule: a crash while appending leaves a prefix of the appended bytes, possibly followed by zeros (the
 * file size can reach the disk before the data). So a bad record is a <em>torn final write</em>, and may be
 * cut, only when the file holds nothing but zeros from a point inside that record to its end; a bad record
 * with any other byte after its broken part (a flipped length or checksum, garbage, more records) is
 * corruption and is refused with its offset. Nothing here writes: the caller cuts a torn tail.
 */
final class JournalScanner {
    private static final int BLOCK = 1 << 16;

    /** Receives each checked payload (a read-only buffer of exactly the payload); throws when it is malformed. */
    interface Sink {
        void accept(ByteBuffer payload) throws IOException;
    }

    /**
     * What a scan found.
     *
     * @param format   the file's format (1 or 2), or 0 when the file is shorter than its header and holds only
     *                 a prefix of a header or zeros (a journal whose creation was interrupted)
     * @param records  records handed to the sink
     * @param validEnd offset after the last good record (the file size when nothing was torn)
     * @param torn     what the torn tail was, or null when the file ended cleanly
     */
    record Result(int format, long records, long validEnd, String torn) {
    }

    private final FileChannel channel;
    private final Path path;
    private final long size;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK);
    private long blockStart;
    private long dataEnd = -1;

    private JournalScanner(FileChannel channel, Path path) throws IOException {
        this.channel = channel;
        this.path = path;
        this.size = channel.size();
        this.block.limit(0);
    }

    /** Scans the whole file; throws {@link OutboxStoreException} naming the offset when it is corrupt. */
    static Result scan(FileChannel channel, Path path, Sink sink) throws IOException {
        return new JournalScanner(channel, path).run(sink);
    }

    private Result run(Sink sink) throws IOException {
        byte[] head = new byte[FILE_HEADER];
        int n = read(0, head, FILE_HEADER);
        ByteBuffer h = ByteBuffer.wrap(head);
        if (n < FILE_HEADER) {
            ByteBuffer expected = JournalFraming.fileHeader();
            for (int i = 0; i < n; i++) {
                if (head[i] != 0 && head[i] != expected.get(i)) {
                    throw corrupt(0, "a " + n + "-byte file that is not the start of an OffSite outbox journal");
                }
            }
            return new Result(0, 0, 0, n == 0 ? null : "a " + n + "-byte file header");
        }
        if (h.getInt(0) != JournalFraming.MAGIC) {
            throw new OutboxStoreException("journal " + path + " has no OffSite outbox header at offset 0 (expected "
                    + "magic 0x4F534F42 \"OSOB\", found 0x" + Integer.toHexString(h.getInt(0)) + "); not an outbox "
                    + "journal, left unchanged");
        }
        int format = h.getInt(4);
        if (format == JournalFraming.FORMAT_2) {
            return scan2(sink);
        }
        if (format == JournalFraming.FORMAT_1) {
            return scan1(sink);
        }
        throw new OutboxStoreException("journal " + path + " has format " + format + " at offset 4; this version "
                + "reads formats [1, 2]; left unchanged");
    }

    private Result scan2(Sink sink) throws IOException {
        byte[] buf = new byte[4096]; // grows to the largest record (at most MAX_RECORD + RECORD_TRAILER)
        ByteBuffer view = ByteBuffer.wrap(buf);
        long pos = FILE_HEADER;
        long records = 0;
        while (pos < size) {
            int n = read(pos, buf, RECORD_HEADER);
            int len = view.getInt(0);
            boolean headerOk = n == RECORD_HEADER && view.getInt(4) == JournalFraming.headerCheck(len)
                    && len >= 1 && len <= MAX_RECORD;
            if (!headerOk) {
                if (dataEnd(pos) < pos + RECORD_HEADER) {
                    return torn(pos, records, "a record header cut short");
                }
                throw corrupt(pos, n < RECORD_HEADER ? "a " + n + "-byte fragment that is not zeros"
                        : "record header fails its check (length field reads " + len + "), "
                                + after(pos + RECORD_HEADER));
            }
            long end = pos + RECORD_HEADER + len + RECORD_TRAILER;
            if (end > size) {
                return torn(pos, records, "a record of " + len + " bytes with only " + (size - pos - RECORD_HEADER)
                        + " bytes of payload and checksum written");
            }
            if (buf.length < len + RECORD_TRAILER) {
                buf = new byte[len + RECORD_TRAILER];
                view = ByteBuffer.wrap(buf);
            }
            read(pos + RECORD_HEADER, buf, len + RECORD_TRAILER);
            boolean intact = view.getInt(len) == JournalFraming.payloadCheck(buf, len)
                    && buf[len + 4] == JournalFraming.END_MARK;
            if (!intact) {
                if (dataEnd(pos) < end) {
                    return torn(pos, records, "a record whose last bytes were never written (zeros)");
                }
                throw corrupt(pos, "checksum mismatch (CRC32C or end mark) in a " + len + "-byte record, " + after(end)
                        + (end == size ? " (the record is complete, so this is damage, not an interrupted write)"
                                : ""));
            }
            deliver(sink, ByteBuffer.wrap(buf, 0, len).slice().asReadOnlyBuffer(), pos);
            records++;
            pos = end;
        }
        return new Result(JournalFraming.FORMAT_2, records, size, null);
    }

    /** Format 1 has no header check, so a damaged tail cannot be told from a damaged length: it must be whole. */
    private Result scan1(Sink sink) throws IOException {
        byte[] buf = new byte[4096];
        byte[] head = new byte[8];
        ByteBuffer h = ByteBuffer.wrap(head);
        CRC32 crc = new CRC32();
        long pos = FILE_HEADER;
        long records = 0;
        String hint = " (format-1 journals cannot tell a torn write from a damaged length; if this record was never "
                + "acknowledged, truncate the file to offset " + "%d" + " and open it again)";
        while (pos < size) {
            int n = read(pos, head, 8);
            int len = h.getInt(0);
            if (n < 8 || len < 0 || len > MAX_RECORD || pos + 8 + len > size) {
                throw corrupt(pos, "format-1 record " + (n < 8 ? "header of " + n + " bytes" : "of length " + len)
                        + " does not fit the file" + String.format(hint, pos));
            }
            if (buf.length < len) {
                buf = new byte[len];
            }
            read(pos + 8, buf, len);
            crc.reset();
            crc.update(buf, 0, len);
            if ((int) crc.getValue() != h.getInt(4)) {
                throw corrupt(pos, "format-1 checksum mismatch" + String.format(hint, pos));
            }
            deliver(sink, ByteBuffer.wrap(buf, 0, len).slice().asReadOnlyBuffer(), pos);
            records++;
            pos += 8 + len;
        }
        return new Result(JournalFraming.FORMAT_1, records, size, null);
    }

    private void deliver(Sink sink, ByteBuffer payload, long pos) {
        try {
            sink.accept(payload);
        } catch (IOException | RuntimeException e) {
            throw corrupt(pos, "record does not decode: " + e.getMessage());
        }
    }

    private Result torn(long pos, long records, String what) {
        return new Result(JournalFraming.FORMAT_2, records, pos, what + " at offset " + pos + " (" + (size - pos)
                + " bytes, the rest zeros or missing)");
    }

    private String after(long from) throws IOException {
        if (from >= size) {
            return "at the end of the file";
        }
        return "followed by " + (size - from) + " bytes"
                + (dataEnd(from) > from ? " that are not all zeros" : " of zeros");
    }

    /** Offset just past the last non-zero byte at or after {@code from} ({@code from} when there is none). */
    private long dataEnd(long from) throws IOException {
        if (dataEnd < 0) {
            dataEnd = lastNonZero();
        }
        return Math.max(from, dataEnd);
    }

    private long lastNonZero() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(BLOCK);
        long end = size;
        while (end > 0) {
            long start = Math.max(0, end - BLOCK);
            b.clear().limit((int) (end - start));
            long p = start;
            while (b.hasRemaining()) {
                int r = channel.read(b, p);
                if (r < 0) {
                    break;
                }
                p += r;
            }
            for (int i = b.position() - 1; i >= 0; i--) {
                if (b.get(i) != 0) {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    /** Copies up to {@code n} bytes from file offset {@code pos} into {@code dst}; fewer only at end of file. */
    private int read(long pos, byte[] dst, int n) throws IOException {
        int done = 0;
        while (done < n && pos + done < size) {
            long p = pos + done;
            if (p < blockStart || p >= blockStart + block.limit()) {
                fill(p);
                if (block.limit() == 0) {
                    break;
                }
            }
            int off = (int) (p - blockStart);
            int k = Math.min(n - done, block.limit() - off);
            block.get(off, dst, done, k);
            done += k;
        }
        return done;
    }

    private void fill(long p) throws IOException {
        block.clear();
        long q = p;
        while (block.hasRemaining()) {
            int r = channel.read(block, q);
            if (r < 0) {
                break;
            }
            q += r;
        }
        block.flip();
        blockStart = p;
    }

    private OutboxStoreException corrupt(long pos, String why) {
        return new OutboxStoreException("journal " + path + " is corrupt at offset " + pos + ": " + why
                + "; the file was left unchanged (restore it from a backup or inspect it)");
    }
}
