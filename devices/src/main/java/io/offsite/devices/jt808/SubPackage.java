package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One sub-package (分包) of a message too long for one frame, as received: its header carries the package total
 * and index, its body is a slice of the whole body. {@link Jt808Reassembler} joins the pieces. Compared by content.
 *
 * @param header header with {@link Jt808Header#subPackaged()} true
 * @param body   this piece of the body (copied in and out)
 */
public record SubPackage(Jt808Header header, byte[] body) implements Jt808Message {
    public SubPackage {
        Objects.requireNonNull(header, "header");
        body = Objects.requireNonNull(body, "body").clone();
        if (!header.subPackaged()) {
            throw new InvalidValueException("a SubPackage needs a header with packageTotal and packageIndex");
        }
        Jt808Messages.requireRange("body length", body.length, 0, 1023);
    }

    /** A copy of this piece of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyNoCopy() {
        return body;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubPackage other && other.header.equals(header) && Arrays.equals(other.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "SubPackage[header=" + header + ", body=" + HexFormat.of().formatHex(body) + "]";
    }
}
