package io.offsite.devices.jt808;

import java.util.Arrays;

/** A growable byte buffer for encoding a message body and header. */
final class WireOut {
    private byte[] buf = new byte[64];
    private int size;

    int size() {
        return size;
    }

    byte[] array() {
        return buf;
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    WireOut u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    WireOut u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    WireOut u32(long v) {
        return u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF);
    }

    WireOut bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    WireOut bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    /** Decimal digits, an even number of them, as BCD. */
    WireOut bcd(String digits) {
        for (int i = 0; i < digits.length(); i += 2) {
            u8((digits.charAt(i) - '0') << 4 | (digits.charAt(i + 1) - '0'));
        }
        return this;
    }

    /** GBK text in exactly {@code width} bytes, 0x00-padded after (the records check it fits). */
    WireOut text(String s, int width) {
        byte[] b = s.getBytes(Jt808Messages.GBK);
        bytes(b);
        for (int i = b.length; i < width; i++) {
            u8(0);
        }
        return this;
    }
}
