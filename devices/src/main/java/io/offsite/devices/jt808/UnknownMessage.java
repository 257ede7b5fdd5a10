package io.offsite.devices.jt808;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A whole message whose id the codec does not decode (e.g. 0x0003 logout, 0x0801 multimedia), with its raw body.
 * Compared by content. A body joined from sub-packages may be longer than one frame's 1,023 bytes.
 *
 * @param header its header
 * @param body   the body bytes, unescaped (copied in and out)
 */
public record UnknownMessage(Jt808Header header, byte[] body) implements Jt808Message {
    public UnknownMessage {
        Objects.requireNonNull(header, "header");
        body = Objects.requireNonNull(body, "body").clone();
        Jt808Messages.requireId(header, header.messageId(), "UnknownMessage");
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownMessage other && other.header.equals(header) && Arrays.equals(other.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownMessage[header=" + header + ", body=" + HexFormat.of().formatHex(body) + "]";
    }
}
