package io.offsite.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Line framing of {@link FileChainJournal} files (format 2): each record is
 * {@code <CRC-32C of the record, 8 lower-case hex> SP <record length, 8 lower-case hex> SP <record> LF}.
 * {@link #scan} reads a file forward in 64 KiB blocks and decides what may be repaired:
 * <ul>
 *   <li>a complete, checksum-valid last record whose final LF is missing → {@link Scan#missingNewline()};</li>
 *   <li>an unterminated tail that is a prefix of a record (incomplete header or body, or a complete body failing
 *       its checksum with no LF after it) → cut at {@link Scan#validEnd()} (never acknowledged: an append
 *       returns only after the LF is durable);</li>
 *   <li>anything else — a bad header, a bad checksum on a terminated record, a line break inside a record, a
 *       byte other than LF after a record — is refused with the byte offset; the file is not touched.</li>
 * </ul>
 * No terminated (acknowledged) record can ever fall in the part that is cut: a cut tail contains no LF.
 */
final class JournalFraming {
    static final int HEADER = 18;
    static final int MAX_RECORD = 8 << 20;
    private static final int BLOCK = 64 << 10;

    private JournalFraming() {
    }

    /** The framed line for {@code record} (which must contain no CR/LF). */
    static byte[] frame(byte[] record) {
        CRC32C crc = new CRC32C();
        crc.update(record);
        byte[] head = String.format("%08x %08x ", crc.getValue(), record.length).getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[HEADER + record.length + 1];
        System.arraycopy(head, 0, line, 0, HEADER);
        System.arraycopy(record, 0, line, HEADER, record.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /**
     * What a scan found: {@code records} valid records (their bytes if collected), ending at {@code validEnd}
     * (after the last LF, or after the last record if {@code missingNewline}); bytes after it are a torn tail.
     */
    record Scan(long records, long validEnd, boolean missingNewline, long size, List<byte[]> collected) {
        boolean tornTail() {
            return validEnd < size;
        }
    }

    /** Scans the whole channel; throws {@link EvidenceException} naming the offset for anything not repairable. */
    static Scan scan(FileChannel ch, String name, boolean collect) throws IOException {
        long size = ch.size();
        Reader in = new Reader(ch);
        List<byte[]> out = collect ? new ArrayList<>() : null;
        byte[] header = new byte[HEADER];
        long pos = 0;
        long count = 0;
        while (pos < size) {
            long lineStart = pos;
            int have = (int) Math.min(HEADER, size - pos);
            in.read(pos, header, have);
            int bad = badHeaderByte(header, have);
            if (bad >= 0) {
                String legacy = lineStart == 0 && header[0] == '{'
                        ? " (a format-1 journal without per-record checksums: not readable by this version)" : "";
                throw refuse(name, lineStart + bad, count, "bad record header" + legacy);
            }
            if (have < HEADER) {
                return new Scan(count, lineStart, false, size, out); // torn inside the header
            }
            long len = Long.parseLong(new String(header, 9, 8, StandardCharsets.US_ASCII), 16);
            long expectCrc = Long.parseLong(new String(header, 0, 8, StandardCharsets.US_ASCII), 16);
            if (len > MAX_RECORD) {
                throw refuse(name, lineStart + 9, count, "record length " + len + " exceeds " + MAX_RECORD);
            }
            long bodyStart = lineStart + HEADER;
            long bodyEnd = bodyStart + len;
            long available = Math.min(bodyEnd, size) - bodyStart;
            byte[] body = collect ? new byte[(int) available] : null;
            CRC32C crc = new CRC32C();
            long nl = in.crcAndFindNewline(bodyStart, available, crc, body);
            if (nl >= 0) {
                throw refuse(name, nl, count, "line break inside a record of declared length " + len);
            }
            if (bodyEnd > size) {
                return new Scan(count, lineStart, false, size, out); // torn inside the body
            }
            boolean crcOk = crc.getValue() == expectCrc;
            if (bodyEnd == size) {
                if (!crcOk) {
                    return new Scan(count, lineStart, false, size, out); // unterminated, never acknowledged
                }
                add(out, body);
                return new Scan(count + 1, size, true, size, out);
            }
            if (!crcOk) {
                throw refuse(name, lineStart, count, "checksum mismatch in a terminated record (corrupted)");
            }
            if (in.byteAt(bodyEnd) != '\n') {
                throw refuse(name, bodyEnd, count, "expected a line feed after the record");
            }
            add(out, body);
            count++;
            pos = bodyEnd + 1;
        }
        return new Scan(count, size, false, size, out);
    }

    private static void add(List<byte[]> out, byte[] body) {
        if (out != null) {
            out.add(body);
        }
    }

    private static EvidenceException refuse(String name, long offset, long validRecords, String why) {
        return new EvidenceException("chain journal " + name + ": " + why + " at byte offset " + offset + " (after "
                + validRecords + " valid record(s)); the file was left untouched — restore it from a backup or"
                + " remove the damaged part by hand");
    }

    /** Index of the first byte of {@code h[0..have)} that breaks the header pattern, or -1. */
    private static int badHeaderByte(byte[] h, int have) {
        for (int i = 0; i < have; i++) {
            boolean ok = i == 8 || i == 17 ? h[i] == ' ' : (h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f');
            if (!ok) {
                return i;
            }
        }
        return -1;
    }

    /** Forward block reader over a 64 KiB window (one reusable buffer). */
    private static final class Reader {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocate(BLOCK);
        private final byte[] a = buf.array();
        private long winStart;
        private int winLen;

        Reader(FileChannel ch) {
            this.ch = ch;
        }

        private int offsetOf(long pos) throws IOException {
            if (pos < winStart || pos >= winStart + winLen) {
                buf.clear();
                int n = 0;
                while (buf.hasRemaining()) {
                    int r = ch.read(buf, pos + n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                if (n == 0) {
                    throw new IOException("unexpected end of file at " + pos);
                }
                winStart = pos;
                winLen = n;
            }
            return (int) (pos - winStart);
        }

        void read(long pos, byte[] dst, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                dst[i] = a[offsetOf(pos + i)];
            }
        }

        int byteAt(long pos) throws IOException {
            return a[offsetOf(pos)];
        }

        /** Feeds [pos, pos+len) to {@code crc} (copying into {@code copy} if given); offset of a CR/LF or -1. */
        long crcAndFindNewline(long pos, long len, CRC32C crc, byte[] copy) throws IOException {
            long done = 0;
            while (done < len) {
                int off = offsetOf(pos + done);
                int n = (int) Math.min(winLen - off, len - done);
                for (int i = off; i < off + n; i++) {
                    if (a[i] == '\n' || a[i] == '\r') {
                        return pos + done + (i - off);
                    }
                }
                crc.update(a, off, n);
                if (copy != null) {
                    System.arraycopy(a, off, copy, (int) done, n);
                }
                done += n;
            }
            return -1;
        }
    }
}
