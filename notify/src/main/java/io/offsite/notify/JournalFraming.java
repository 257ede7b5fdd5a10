package io.offsite.notify;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The outbox journal's on-disk framing. File header: {@code "OSOB"} and the format number. Format 2 records
 * are {@code [int length][int headerCheck][payload][int CRC32C(payload)][byte 0xA5]}: the header check (a
 * CRC32C of the length, never 0 for an all-zero header) lets a reader trust the length before anything else,
 * and the non-zero end mark means a complete record always ends in a non-zero byte, so a record whose last
 * bytes were never written (zeros) is told apart from a complete record that was damaged. Format 1
 * ({@code [int length][int CRC32(payload)][payload]}, read only) has neither.
 */
final class JournalFraming {
    static final int MAGIC = 0x4F534F42; // "OSOB"
    static final int FORMAT_1 = 1;
    static final int FORMAT_2 = 2;
    static final int FILE_HEADER = 8;
    static final int RECORD_HEADER = 8;
    static final int RECORD_TRAILER = 5;
    static final byte END_MARK = (byte) 0xA5;
    static final int MAX_RECORD = 1 << 20;

    private JournalFraming() {
    }

    /** The 8-byte file header of a format-2 journal. */
    static ByteBuffer fileHeader() {
        return ByteBuffer.allocate(FILE_HEADER).putInt(MAGIC).putInt(FORMAT_2).flip();
    }

    /** The check stored next to a record's length. */
    static int headerCheck(int length) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(4).putInt(length).flip());
        return (int) c.getValue();
    }

    /** CRC32C of a payload. */
    static int payloadCheck(byte[] payload, int length) {
        CRC32C c = new CRC32C();
        c.update(payload, 0, length);
        return (int) c.getValue();
    }

    /** The framed bytes of these payloads, ready to append. */
    static ByteBuffer frame(List<byte[]> payloads) {
        long total = 0;
        for (byte[] p : payloads) {
            total += RECORD_HEADER + p.length + RECORD_TRAILER;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new OutboxStoreException("one commit of " + payloads.size() + " records would write " + total
                    + " bytes; commit fewer messages at once (at most 2 GiB per commit)");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) total);
        for (byte[] p : payloads) {
            buf.putInt(p.length).putInt(headerCheck(p.length)).put(p).putInt(payloadCheck(p, p.length)).put(END_MARK);
        }
        return buf.flip();
    }
}
