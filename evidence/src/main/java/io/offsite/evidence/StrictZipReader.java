package io.offsite.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a bundle ZIP and accepts only the exact layout {@link StoredZipWriter} produces: entries
 * contiguous from byte 0, every local header equal to its central-directory copy, every constant field at
 * its constant, the central directory right after the last entry and the end record right after it, no
 * comment and nothing after it. So any changed header byte is reported here, and any changed content byte
 * is caught by the CRC-32 and SHA-256 checks done while reading. Not thread-safe.
 */
final class StrictZipReader {
    static final long MAX_CENTRAL_DIRECTORY = 64L << 20;


    /** One entry: its name and where its bytes lie. */
    record Entry(String name, long dataOffset, long size, long crc) {
    }

    private StrictZipReader() {
    }

    /** Parses the layout; throws {@link EvidenceException} naming the byte offset of the first deviation. */
    static List<Entry> read(FileChannel ch) throws IOException {
        long fileSize = ch.size();
        if (fileSize < 22) {
            throw bad(0, "file is " + fileSize + " bytes, too short to be a ZIP");
        }
        long endPos = fileSize - 22;
        ByteBuffer end = readAt(ch, endPos, 22);
        expect(end.getInt(0) == StoredZipWriter.END_SIG, endPos, "no end-of-central-directory record at the end"
                + " (the file was truncated, extended or is not a ZIP)");
        expect(u16(end, 4) == 0 && u16(end, 6) == 0, endPos + 4, "disk numbers must be 0");
        int count = u16(end, 8);
        expect(u16(end, 10) == count, endPos + 10, "entry counts disagree");
        long cdSize = u32(end, 12);
        // 65,535 entries (no ZIP64) of 46 bytes + a name well under 1 KiB: more is refused before any allocation
        if (cdSize > MAX_CENTRAL_DIRECTORY) {
            throw new OverLimitException("bundle ZIP: the end record (byte " + (endPos + 12) + ") claims a central"
                    + " directory of " + cdSize + " bytes, over the verifier's limit of " + MAX_CENTRAL_DIRECTORY);
        }
        long cdStart = u32(end, 16);
        expect(u16(end, 20) == 0, endPos + 20, "archive comment not allowed");
        expect(cdStart + cdSize == endPos, endPos + 12, "central directory size/offset do not meet the end record");
        ByteBuffer cd = readAt(ch, cdStart, (int) cdSize);
        List<Entry> entries = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        int p = 0;
        long expectedLocal = 0;
        for (int i = 0; i < count; i++) {
            long at = cdStart + p;
            expect(p + 46 <= cdSize, at, "central directory ends inside entry " + i);
            expect(cd.getInt(p) == StoredZipWriter.CENTRAL_SIG, at, "central directory entry " + i + " signature");
            expect(u16(cd, p + 4) == StoredZipWriter.VERSION && u16(cd, p + 6) == StoredZipWriter.VERSION, at + 4,
                    "version fields");
            expect(u16(cd, p + 8) == StoredZipWriter.FLAGS, at + 8, "flags");
            expect(u16(cd, p + 10) == 0, at + 10, "compression method must be STORED");
            expect(u16(cd, p + 12) == StoredZipWriter.DOS_TIME && u16(cd, p + 14) == StoredZipWriter.DOS_DATE,
                    at + 12, "time/date fields");
            long crc = u32(cd, p + 16);
            long csize = u32(cd, p + 20);
            long size = u32(cd, p + 24);
            expect(csize == size, at + 20, "compressed and uncompressed sizes differ");
            int nameLen = u16(cd, p + 28);
            expect(u16(cd, p + 30) == 0 && u16(cd, p + 32) == 0, at + 30, "extra field/comment not allowed");
            expect(u16(cd, p + 34) == 0 && u16(cd, p + 36) == 0 && cd.getInt(p + 38) == 0, at + 34,
                    "disk/attribute fields must be 0");
            long localOff = u32(cd, p + 42);
            expect(localOff == expectedLocal, at + 42, "entry " + i + " is not where the previous one ended");
            expect(p + 46 + nameLen <= cdSize, at + 46, "name runs past the central directory");
            byte[] nameBytes = new byte[nameLen];
            cd.get(p + 46, nameBytes);
            String name = utf8(nameBytes, at + 46);
            expect(!name.isEmpty() && names.add(name), at + 46, "empty or duplicate entry name \"" + name + "\"");
            ByteBuffer local = readAt(ch, localOff, 30 + nameLen);
            expect(local.getInt(0) == StoredZipWriter.LOCAL_SIG, localOff, "local header signature of " + name);
            expect(u16(local, 4) == StoredZipWriter.VERSION, localOff + 4, "local version of " + name);
            expect(u16(local, 6) == StoredZipWriter.FLAGS, localOff + 6, "local flags of " + name);
            expect(u16(local, 8) == 0, localOff + 8, "local compression method of " + name);
            expect(u16(local, 10) == StoredZipWriter.DOS_TIME && u16(local, 12) == StoredZipWriter.DOS_DATE,
                    localOff + 10, "local time/date of " + name);
            expect(u32(local, 14) == crc, localOff + 14, "local CRC of " + name + " differs from the directory");
            expect(u32(local, 18) == size && u32(local, 22) == size, localOff + 18,
                    "local sizes of " + name + " differ from the directory");
            expect(u16(local, 26) == nameLen && u16(local, 28) == 0, localOff + 26, "local name/extra length of "
                    + name);
            byte[] localName = new byte[nameLen];
            local.get(30, localName);
            expect(java.util.Arrays.equals(localName, nameBytes), localOff + 30, "local name differs from \"" + name
                    + "\"");
            long dataOffset = localOff + 30 + nameLen;
            entries.add(new Entry(name, dataOffset, size, crc));
            expectedLocal = dataOffset + size;
            expect(expectedLocal <= cdStart, dataOffset, "data of " + name + " runs into the central directory");
            p += 46 + nameLen;
        }
        expect(p == cdSize, cdStart + p, "central directory has " + (cdSize - p) + " unexplained bytes");
        expect(expectedLocal == cdStart, expectedLocal, (cdStart - expectedLocal)
                + " unexplained bytes between the last entry and the central directory");
        return entries;
    }

    /** A stream over an entry's bytes (the caller checks CRC and hash while reading). */
    static InputStream open(FileChannel ch, Entry e) {
        return new java.io.BufferedInputStream(new InputStream() {
            private long pos = e.dataOffset();
            private final long end = e.dataOffset() + e.size();

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= end) {
                    return -1;
                }
                int n = (int) Math.min(len, end - pos);
                int r = ch.read(ByteBuffer.wrap(b, off, n), pos);
                if (r < 0) {
                    throw new IOException("unexpected end of file at " + pos);
                }
                pos += r;
                return r;
            }
        }, 64 * 1024);
    }

    private static ByteBuffer readAt(FileChannel ch, long pos, int len) throws IOException {
        if (pos < 0 || pos + len > ch.size()) {
            throw bad(pos, "structure points outside the file");
        }
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw bad(pos, "unexpected end of file");
            }
        }
        return b.flip();
    }

    private static String utf8(byte[] b, long at) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw bad(at, "entry name is not valid UTF-8");
        }
    }

    private static int u16(ByteBuffer b, int off) {
        return Short.toUnsignedInt(b.getShort(off));
    }

    private static long u32(ByteBuffer b, int off) {
        return Integer.toUnsignedLong(b.getInt(off));
    }

    private static void expect(boolean ok, long offset, String what) {
        if (!ok) {
            throw bad(offset, what);
        }
    }

    private static EvidenceException bad(long offset, String what) {
        return new EvidenceException("bundle ZIP structure is damaged near byte " + offset + ": " + what);
    }

}
