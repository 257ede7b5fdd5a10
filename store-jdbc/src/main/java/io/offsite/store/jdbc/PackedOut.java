package io.offsite.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/** A growable byte array for the packed log payloads: varints, zig-zag longs, big-endian fixed widths, strings. */
final class PackedOut {
    private byte[] buf;
    private int len;

    PackedOut(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void room(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    void b(int v) {
        room(1);
        buf[len++] = (byte) v;
    }

    void varint(long v) {
        room(10);
        while ((v & ~0x7fL) != 0) {
            buf[len++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    /** A signed value as a zig-zag varint (small magnitudes are short). */
    void zigzag(long v) {
        varint((v << 1) ^ (v >> 63));
    }

    void fixed(long v) {
        fixed32((int) (v >>> 32));
        fixed32((int) v);
    }

    void fixed32(int v) {
        room(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    void dbl(double v) {
        fixed(Double.doubleToLongBits(v));
    }

    void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        room(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    /** The bytes written, followed by a CRC-32 of them. */
    byte[] withCrc() {
        CRC32 crc = new CRC32();
        crc.update(buf, 0, len);
        fixed32((int) crc.getValue());
        return Arrays.copyOf(buf, len);
    }
}
