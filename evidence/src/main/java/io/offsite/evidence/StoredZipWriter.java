package io.offsite.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a ZIP of STORED (uncompressed) entries with one fixed layout: UTF-8 names, no extra fields, no
 * comments, DOS time 1980-01-01 00:00, sizes and CRC in the local header (no data descriptors), no ZIP64.
 * Every header byte is therefore predictable, which lets {@link StrictZipReader} treat any deviation as
 * tampering. Evidence media is already compressed, so STORED costs little. Standard tools read the result.
 */
final class StoredZipWriter {
    static final int LOCAL_SIG = 0x04034b50;
    static final int CENTRAL_SIG = 0x02014b50;
    static final int END_SIG = 0x06054b50;
    static final int VERSION = 10;
    static final int FLAGS = 0x0800; // names are UTF-8
    static final int DOS_TIME = 0;
    static final int DOS_DATE = (1 << 5) | 1; // 1980-01-01
    static final long MAX_32 = 0xFFFFFFFFL;
    static final int MAX_ENTRIES = 0xFFFF;

    private final OutputStream out;
    private final List<Central> central = new ArrayList<>();
    private final byte[] buffer = new byte[64 * 1024];
    private long position;

    private record Central(byte[] name, long crc, long size, long offset) {
    }

    StoredZipWriter(OutputStream out) {
        this.out = out;
    }

    /** Adds an entry whose size and CRC-32 the caller computed beforehand; {@code data} must match them. */
    void add(String name, long size, long crc, InputStream data) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (central.size() >= MAX_ENTRIES) {
            throw new EvidenceException("bundle would have more than " + MAX_ENTRIES + " files; ZIP64 is not supported");
        }
        if (size > MAX_32 || position > MAX_32) {
            throw new EvidenceException("bundle entry " + name + " (" + size + " bytes at offset " + position
                    + ") exceeds 4 GiB; ZIP64 is not supported");
        }
        long offset = position;
        byte[] h = new byte[30];
        le32(h, 0, LOCAL_SIG);
        le16(h, 4, VERSION);
        le16(h, 6, FLAGS);
        le16(h, 8, 0);
        le16(h, 10, DOS_TIME);
        le16(h, 12, DOS_DATE);
        le32(h, 14, crc);
        le32(h, 18, size);
        le32(h, 22, size);
        le16(h, 26, n.length);
        le16(h, 28, 0);
        write(h);
        write(n);
        CRC32 check = new CRC32();
        long copied = 0;
        int r;
        while ((r = data.read(buffer)) >= 0) {
            check.update(buffer, 0, r);
            out.write(buffer, 0, r);
            copied += r;
            position += r;
        }
        if (copied != size || check.getValue() != crc) {
            throw new EvidenceException("bundle entry " + name + " changed while being written: expected " + size
                    + " bytes, crc " + Long.toHexString(crc) + ", got " + copied + " bytes, crc "
                    + Long.toHexString(check.getValue()));
        }
        central.add(new Central(n, crc, size, offset));
    }

    /** Adds an in-memory entry. */
    void add(String name, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(data);
        add(name, data.length, crc.getValue(), new java.io.ByteArrayInputStream(data));
    }

    /** Writes the central directory and end record. Does not close the stream. */
    void finish() throws IOException {
        long cdStart = position;
        for (Central c : central) {
            byte[] h = new byte[46];
            le32(h, 0, CENTRAL_SIG);
            le16(h, 4, VERSION);
            le16(h, 6, VERSION);
            le16(h, 8, FLAGS);
            le16(h, 10, 0);
            le16(h, 12, DOS_TIME);
            le16(h, 14, DOS_DATE);
            le32(h, 16, c.crc());
            le32(h, 20, c.size());
            le32(h, 24, c.size());
            le16(h, 28, c.name().length);
            le16(h, 30, 0);
            le16(h, 32, 0);
            le16(h, 34, 0);
            le16(h, 36, 0);
            le32(h, 38, 0);
            le32(h, 42, c.offset());
            write(h);
            write(c.name());
        }
        long cdSize = position - cdStart;
        if (cdStart > MAX_32) {
            throw new EvidenceException("bundle exceeds 4 GiB; ZIP64 is not supported");
        }
        byte[] e = new byte[22];
        le32(e, 0, END_SIG);
        le16(e, 4, 0);
        le16(e, 6, 0);
        le16(e, 8, central.size());
        le16(e, 10, central.size());
        le32(e, 12, cdSize);
        le32(e, 16, cdStart);
        le16(e, 20, 0);
        write(e);
        out.flush();
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        position += b.length;
    }

    static void le16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    static void le32(byte[] b, int off, long v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }
}
