package io.offsite.devices.jt808;

import io.offsite.devices.DeviceMessageException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * A bounds-checked reader over unescaped message bytes {@code buf[start..end)}; every shortfall or bad value is a
 * {@link DeviceMessageException} whose byte offset counts from the first header byte.
 */
final class WireIn {
    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;
    /** Base of {@link #where()}: {@code jt808/header}, {@code jt808/0x0200}, ... */
    String where;
    /** Part of the body being read, e.g. {@code /time} or {@code /item}; empty for the body itself. */
    String sub = "";
    /** Index appended to {@code sub} ({@code /item[2]}), or -1. */
    int index = -1;

    /** Reads {@code buf[from..end)}; offsets in errors count from {@code start}. */
    WireIn(byte[] buf, int start, int from, int end, String where) {
        this.buf = buf;
        this.start = start;
        this.end = end;
        this.pos = from;
        this.where = where;
    }

    /** A reader over the next {@code n} bytes (offsets still from the same start); this one skips them. */
    WireIn slice(int n, String what) {
        need(n, what);
        WireIn s = new WireIn(buf, start, pos, pos + n, where());
        pos += n;
        return s;
    }

    int position() {
        return pos;
    }

    int offset() {
        return pos - start;
    }

    int remaining() {
        return end - pos;
    }

    void need(int n, String what) {
        if (end - pos < n) {
            throw fail(what + " needs " + n + " bytes, only " + (end - pos) + " left (truncated)");
        }
    }

    int u8(String what) {
        need(1, what);
        return buf[pos++] & 0xFF;
    }

    int u16(String what) {
        need(2, what);
        int v = (buf[pos] & 0xFF) << 8 | buf[pos + 1] & 0xFF;
        pos += 2;
        return v;
    }

    long u32(String what) {
        need(4, what);
        long v = ((long) (buf[pos] & 0xFF) << 24) | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8
                | buf[pos + 3] & 0xFF;
        pos += 4;
        return v;
    }

    byte[] bytes(int n, String what) {
        need(n, what);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** {@code n} bytes of BCD as {@code 2n} decimal digits. */
    String bcd(int n, String what) {
        need(n, what);
        char[] digits = new char[2 * n];
        for (int i = 0; i < n; i++) {
            int b = buf[pos + i] & 0xFF;
            digits[2 * i] = bcdDigit(b >>> 4, i, what);
            digits[2 * i + 1] = bcdDigit(b & 0xF, i, what);
        }
        pos += n;
        return new String(digits);
    }

    private char bcdDigit(int nibble, int i, String what) {
        if (nibble > 9) {
            throw new DeviceMessageException(where(), -1, pos - start + i, what + ": bad BCD digit 0x"
                    + Integer.toHexString(nibble).toUpperCase() + " in byte 0x"
                    + String.format("%02X", buf[pos + i] & 0xFF));
        }
        return (char) ('0' + nibble);
    }

    private int bcdByte(int i, String what) {
        int b = buf[pos + i] & 0xFF;
        return (bcdDigit(b >>> 4, i, what) - '0') * 10 + bcdDigit(b & 0xF, i, what) - '0';
    }

    /** BCD[6] {@code YYMMDDhhmmss} in UTC+8 as epoch seconds. */
    long bcdTime(String what) {
        need(6, what);
        int yy = bcdByte(0, what);
        int mo = bcdByte(1, what);
        int dd = bcdByte(2, what);
        int hh = bcdByte(3, what);
        int mi = bcdByte(4, what);
        int ss = bcdByte(5, what);
        try {
            long epoch = LocalDateTime.of(2000 + yy, mo, dd, hh, mi, ss).toEpochSecond(Location.BEIJING);
            pos += 6;
            return epoch;
        } catch (DateTimeException e) {
            throw fail(what + ": " + String.format("%02d-%02d-%02d %02d:%02d:%02d", yy, mo, dd, hh, mi, ss)
                    + " is not a valid date and time (" + e.getMessage() + ")");
        }
    }

    /** {@code n} bytes of GBK text with 0x00 padding at either end removed. */
    String text(int n, String what) {
        need(n, what);
        int from = pos;
        int to = pos + n;
        while (to > from && buf[to - 1] == 0) {
            to--;
        }
        while (from < to && buf[from] == 0) {
            from++;
        }
        String s = gbk(from, to, what);
        pos += n;
        return s;
    }

    private String gbk(int from, int to, String what) {
        for (int i = from; i < to; i++) {
            if (buf[i] == 0) {
                throw new DeviceMessageException(where(), -1, i - start, what + ": NUL byte inside the text");
            }
            if (buf[i] < 0) {
                try {
                    return Jt808Messages.GBK.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(buf, from, to - from)).toString();
                } catch (CharacterCodingException e) {
                    throw new DeviceMessageException(where(), -1, from - start, what + ": not valid GBK text ("
                            + e + ")");
                }
            }
        }
        return new String(buf, from, to - from, java.nio.charset.StandardCharsets.US_ASCII);
    }

    void expectEnd(String what) {
        if (pos != end) {
            throw fail(what + ": " + (end - pos) + " unexpected trailing bytes");
        }
    }

    /** Where the reader is, built only when a problem is reported. */
    String where() {
        return index < 0 ? where + sub : where + sub + "[" + index + "]";
    }

    /** Reads the body part {@code sub} (no index) from now on; {@code ""} for the body itself. */
    void at(String part) {
        sub = part;
        index = -1;
    }

    /** Reads item {@code i} of the repeated body part {@code part}. */
    void at(String part, int i) {
        sub = part;
        index = i;
    }

    DeviceMessageException fail(String problem) {
        return new DeviceMessageException(where(), -1, pos - start, problem);
    }
}
