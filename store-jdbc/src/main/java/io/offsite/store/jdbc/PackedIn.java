package io.offsite.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link PackedOut} wrote. A value that runs past the end or out of range throws
 * {@link java.nio.BufferUnderflowException} or {@link IllegalArgumentException}, which the codecs turn into a
 * {@link CorruptRowException}.
 */
final class PackedIn {
    private final ByteBuffer in;

    /** Reads {@code payload} up to (not including) its last {@code trailer} bytes. */
    PackedIn(byte[] payload, int trailer) {
        in = ByteBuffer.wrap(payload, 0, payload.length - trailer);
    }

    int b() {
        return in.get();
    }

    int count() {
        long v = varint();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count " + v + " out of range");
        }
        return (int) v;
    }

    long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes");
    }

    long zigzag() {
        long z = varint();
        return (z >>> 1) ^ -(z & 1);
    }

    long fixed() {
        return in.getLong();
    }

    double dbl() {
        return Double.longBitsToDouble(in.getLong());
    }

    String string() {
        int n = count();
        if (n > in.remaining()) {
            throw new IllegalArgumentException("string of " + n + " bytes past the end");
        }
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    /** {@code table[index]} for an index read from the payload. */
    String from(String[] table) {
        int i = count();
        if (i >= table.length) {
            throw new IllegalArgumentException("string index " + i + " past a table of " + table.length);
        }
        return table[i];
    }

    int remaining() {
        return in.remaining();
    }
}
