package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import io.offsite.devices.DeviceMessageException;
import java.util.Objects;

/**
 * Decodes one JT/T 808 frame into a {@link Jt808Message} and encodes messages into frames, for the 2013 and 2019
 * editions (the edition is read from the version-flag bit 14 of the body properties).
 *
 * <p>A frame is {@code 0x7E header body checkCode 0x7E}; inside it 0x7E is escaped as {@code 0x7D 0x02} and 0x7D
 * as {@code 0x7D 0x01}; the check code (校验码) is the XOR of header and body before escaping.
 *
 * <pre>{@code
 * Jt808Codec codec = Jt808Codec.builder().maxFrameBytes(1100).build();
 * Jt808Message m = codec.decode(frame, 0, frame.length);        // e.g. a LocationReport
 * byte[] reply = codec.encode(new PlatformGeneralResponse(m.header().reply(0x8001, 7),
 *         m.header().serial(), m.header().messageId(), Jt808Result.OK));
 * }</pre>
 *
 * <p>Every malformed frame is a {@link DeviceMessageException} with a specific reason and {@code where} such as
 * {@code jt808/frame} (flags, escapes, size), {@code jt808/header/checkCode}, {@code jt808/header/bodyLength},
 * {@code jt808/header/phone} or {@code jt808/0x0200/time}. Its byte offset counts in the frame as given (from
 * the opening flag) for flag and escape errors, and in the unescaped message from the first header byte for the
 * others. {@link NullPointerException} is thrown only for a {@code null} argument.
 *
 * <p>Encrypted bodies (encryption bits other than 0) are refused. Immutable and thread-safe.
 */
public final class Jt808Codec {
    /**
     * Default {@link Builder#maxFrameBytes(int)}: 1,100 unescaped bytes between the flags. The largest frame the
     * protocol allows is 1,045 (2019 header with sub-package item 21 + body 1,023 + check code 1).
     */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1100;
    /** Default {@link Builder#maxSubPackages(int)}: 128 sub-packages (about 128 KiB of body). */
    public static final int DEFAULT_MAX_SUB_PACKAGES = 128;
    /** The largest body one frame carries: the 10-bit length field. */
    public static final int MAX_BODY_BYTES = 1023;
    static final int FLAG = 0x7E;
    static final int ESCAPE = 0x7D;

    private final int maxFrameBytes;
    private final int maxSubPackages;

    private Jt808Codec(Builder b) {
        this.maxFrameBytes = b.maxFrameBytes;
        this.maxSubPackages = b.maxSubPackages;
    }

    /** A codec with the default limits. */
    public static Jt808Codec create() {
        return builder().build();
    }

    /** A builder starting from the default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /** The largest unescaped frame (between the flags) this codec decodes or encodes. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** The largest sub-package total this codec accepts in a header. */
    public int maxSubPackages() {
        return maxSubPackages;
    }

    /**
     * Decodes one frame including both 0x7E flags.
     *
     * @return the message; a {@link SubPackage} when the header carries a sub-package item
     * @throws DeviceMessageException for missing flags, a flag inside the frame, a bad escape, an oversized frame,
     *         a bad check code, a truncated header or body, a body length field that differs from the body, a bad
     *         BCD digit or date, a bad sub-package item, an encrypted body or a body field outside its domain
     * @throws IndexOutOfBoundsException when {@code off} and {@code len} do not lie within {@code frame}
     */
    public Jt808Message decode(byte[] frame, int off, int len) {
        return decode(frame, off, len, null);
    }

    /** As the public decode; when the header reads but the body does not, the header is left in headerOut[0]. */
    Jt808Message decode(byte[] frame, int off, int len, Jt808Header[] headerOut) {
        Objects.checkFromIndexSize(off, len, Objects.requireNonNull(frame, "frame").length);
        if (len < 2 || (frame[off] & 0xFF) != FLAG || (frame[off + len - 1] & 0xFF) != FLAG) {
            throw new DeviceMessageException("jt808/frame", -1, 0, "a frame starts and ends with the flag 0x7E,"
                    + " got " + len + " bytes" + (len > 0 ? String.format(" from 0x%02X to 0x%02X",
                    frame[off] & 0xFF, frame[off + len - 1] & 0xFF) : ""));
        }
        if (len - 2 > 2 * maxFrameBytes) {
            throw oversized(len - 2);
        }
        int from = off + 1;
        int to = off + len - 1;
        // one pass: find the first escape (and any stray flag); frames without escapes are read in place
        int firstEscape = -1;
        for (int i = from; i < to; i++) {
            int b = frame[i];
            if (b == FLAG || b == ESCAPE) {
                if (b == FLAG) {
                    throw new DeviceMessageException("jt808/frame", -1, i - off, "flag 0x7E inside the frame");
                }
                firstEscape = i;
                break;
            }
        }
        byte[] buf = frame;
        int start = from;
        int end = to;
        if (firstEscape >= 0) {
            buf = new byte[to - from];
            int n = firstEscape - from;
            System.arraycopy(frame, from, buf, 0, n);
            for (int i = firstEscape; i < to; i++) {
                int b = frame[i];
                if (b == ESCAPE) {
                    int next = i + 1 < to ? frame[i + 1] & 0xFF : -1;
                    if (next != 0x01 && next != 0x02) {
                        throw new DeviceMessageException("jt808/frame", -1, i - off, "bad escape: 0x7D followed by "
                                + (next < 0 ? "the closing flag" : String.format("0x%02X", next))
                                + " at offset " + (i - off) + "; only 0x7D 0x01 and 0x7D 0x02 are defined");
                    }
                    buf[n++] = (byte) (next == 0x01 ? ESCAPE : FLAG);
                    i++;
                } else if (b == FLAG) {
                    throw new DeviceMessageException("jt808/frame", -1, i - off, "flag 0x7E inside the frame");
                } else {
                    buf[n++] = (byte) b;
                }
            }
            start = 0;
            end = n;
        }
        return decodeUnescaped(buf, start, end, headerOut);
    }

    /** As {@link #decode(byte[], int, int)} for a whole array. */
    public Jt808Message decode(byte[] frame) {
        return decode(frame, 0, Objects.requireNonNull(frame, "frame").length);
    }

    private DeviceMessageException oversized(int n) {
        return new DeviceMessageException("jt808/frame", -1, maxFrameBytes, "frame of " + n
                + " bytes between the flags is larger than maxFrameBytes " + maxFrameBytes);
    }

    /** Header, body and check code in {@code buf[start..end)}, unescaped. */
    private Jt808Message decodeUnescaped(byte[] buf, int start, int end, Jt808Header[] headerOut) {
        int n = end - start;
        if (n > maxFrameBytes) {
            throw oversized(n);
        }
        if (n < 1) {
            throw new DeviceMessageException("jt808/header", -1, 0, "empty frame: no header, body or check code");
        }
        int xor = 0;
        for (int i = start; i < end - 1; i++) {
            xor ^= buf[i];
        }
        int seen = buf[end - 1] & 0xFF;
        if ((xor & 0xFF) != seen) {
            throw new DeviceMessageException("jt808/header/checkCode", -1, n - 1, String.format(
                    "bad check code: expected 0x%02X (XOR of header and body), seen 0x%02X", xor & 0xFF, seen));
        }
        WireIn in = new WireIn(buf, start, start, end - 1, "jt808/header");
        Jt808Header header = header(in);
        if (headerOut != null) {
            headerOut[0] = header;
        }
        in.where = Jt808Messages.where(header.messageId());
        if (header.subPackaged()) {
            return new SubPackage(header, in.bytes(in.remaining(), "body"));
        }
        return BodyDecoder.decode(header, in);
    }

    /** Reads the header and checks the body length field against the bytes left. */
    Jt808Header header(WireIn in) {
        int id = in.u16("message id");
        int props = in.u16("body properties");
        int bodyLength = props & 0x3FF;
        int encryption = props >>> 10 & 7;
        boolean split = (props & 0x2000) != 0;
        Jt808Version version = (props & 0x4000) != 0 ? Jt808Version.V2019 : Jt808Version.V2013;
        int protocolVersion = version == Jt808Version.V2019 ? in.u8("protocol version") : 0;
        in.where = "jt808/header/phone";
        String phone = in.bcd(version.phoneDigits() / 2, "terminal phone");
        in.where = "jt808/header";
        int serial = in.u16("serial number");
        int total = 0;
        int index = 0;
        if (split) {
            in.where = "jt808/header/subPackage";
            total = in.u16("sub-package total");
            index = in.u16("sub-package index");
            if (total < 1 || total > maxSubPackages || index < 1 || index > total) {
                throw in.fail("sub-package " + index + " of " + total + ": the total must be 1.." + maxSubPackages
                        + " (maxSubPackages) and the index 1..total");
            }
            in.where = "jt808/header";
        }
        if (encryption != 0) {
            throw new DeviceMessageException("jt808/header/encryption", -1, 2, "encrypted body (encryption bits "
                    + encryption + ") is not supported");
        }
        if (bodyLength != in.remaining()) {
            throw new DeviceMessageException("jt808/header/bodyLength", -1, 2, "body length field " + bodyLength
                    + " differs from the " + in.remaining() + " body bytes in the frame");
        }
        return new Jt808Header(id, version, protocolVersion, phone, serial, 0, total, index);
    }

    /**
     * Encodes a message into a frame: header with the body length, body, check code, escaping, both flags.
     *
     * @throws InvalidValueException when the body is longer than {@value #MAX_BODY_BYTES} bytes (send it as
     *         {@link SubPackage}s) or the frame larger than {@link #maxFrameBytes()}, or the message is
     *         encrypted
     */
    public byte[] encode(Jt808Message m) {
        Objects.requireNonNull(m, "m");
        Jt808Header h = m.header();
        if (h.encryption() != 0) {
            throw new InvalidValueException("encryption " + h.encryption() + " is not supported; encode plain bodies");
        }
        WireOut body = new WireOut();
        BodyEncoder.encode(m, body);
        if (body.size() > MAX_BODY_BYTES) {
            throw new InvalidValueException("body of 0x" + Jt808Messages.hex4(h.messageId()) + " is " + body.size()
                    + " bytes, more than " + MAX_BODY_BYTES + "; send it as SubPackages");
        }
        WireOut out = new WireOut();
        boolean v2019 = h.version() == Jt808Version.V2019;
        out.u16(h.messageId()).u16(body.size() | (h.subPackaged() ? 0x2000 : 0) | (v2019 ? 0x4000 : 0));
        if (v2019) {
            out.u8(h.protocolVersion());
        }
        out.bcd(h.phone()).u16(h.serial());
        if (h.subPackaged()) {
            out.u16(h.packageTotal()).u16(h.packageIndex());
        }
        out.bytes(body.array(), 0, body.size());
        byte[] raw = out.array();
        int n = out.size();
        if (n + 1 > maxFrameBytes) {
            throw new InvalidValueException("frame of " + (n + 1) + " bytes is larger than maxFrameBytes "
                    + maxFrameBytes);
        }
        int xor = 0;
        int escapes = 0;
        for (int i = 0; i < n; i++) {
            xor ^= raw[i];
            escapes += raw[i] == FLAG || raw[i] == ESCAPE ? 1 : 0;
        }
        xor &= 0xFF;
        escapes += xor == FLAG || xor == ESCAPE ? 1 : 0;
        byte[] frame = new byte[n + 3 + escapes];
        int k = 0;
        frame[k++] = FLAG;
        for (int i = 0; i <= n; i++) {
            byte b = i < n ? raw[i] : (byte) xor;
            if (b == FLAG || b == ESCAPE) {
                frame[k++] = ESCAPE;
                frame[k++] = (byte) (b == FLAG ? 0x02 : 0x01);
            } else {
                frame[k++] = b;
            }
        }
        frame[k] = FLAG;
        return frame;
    }

    /** Options of a {@link Jt808Codec}; each setter rejects a bad value at once. */
    public static final class Builder {
        private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        private int maxSubPackages = DEFAULT_MAX_SUB_PACKAGES;

        private Builder() {
        }

        /**
         * Largest frame in unescaped bytes between the flags (header, body, check code), 13..65,536; default
         * {@value Jt808Codec#DEFAULT_MAX_FRAME_BYTES}. An escaped frame may be up to twice as long.
         */
        public Builder maxFrameBytes(int bytes) {
            if (bytes < 13 || bytes > 65_536) {
                throw new InvalidValueException("maxFrameBytes " + bytes + " outside 13..65536");
            }
            this.maxFrameBytes = bytes;
            return this;
        }

        /** Largest sub-package total accepted, 1..65,535; default {@value Jt808Codec#DEFAULT_MAX_SUB_PACKAGES}. */
        public Builder maxSubPackages(int packages) {
            if (packages < 1 || packages > 0xFFFF) {
                throw new InvalidValueException("maxSubPackages " + packages + " outside 1..65535");
            }
            this.maxSubPackages = packages;
            return this;
        }

        /** The codec. */
        public Jt808Codec build() {
            return new Jt808Codec(this);
        }
    }
}
