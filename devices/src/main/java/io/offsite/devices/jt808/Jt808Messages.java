package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/** Checks shared by the message records. */
final class Jt808Messages {
    static final Charset GBK = Charset.forName("GBK");

    private Jt808Messages() {
    }

    static void requireId(Jt808Header header, int id, String type) {
        if (header.messageId() != id) {
            throw new InvalidValueException(type + " needs message id 0x" + hex4(id) + ", header has 0x"
                    + hex4(header.messageId()));
        }
        if (header.subPackaged()) {
            throw new InvalidValueException(type + " is a whole message; its header must not carry sub-package "
                    + header.packageIndex() + "/" + header.packageTotal());
        }
    }

    static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field + " " + value + " outside " + min + ".." + max);
        }
    }

    /** GBK text without NUL that fits {@code maxBytes} (or any length when negative). */
    static void requireText(String field, String value, int maxBytes) {
        if (value.indexOf('\0') >= 0) {
            throw new InvalidValueException(field + " '" + value + "' must not contain NUL");
        }
        CharsetEncoder encoder = GBK.newEncoder();
        if (!encoder.canEncode(value)) {
            throw new InvalidValueException(field + " '" + value + "' has characters GBK cannot encode");
        }
        if (maxBytes >= 0 && value.getBytes(GBK).length > maxBytes) {
            throw new InvalidValueException(field + " '" + value + "' is longer than " + maxBytes + " GBK bytes");
        }
    }

    /** {@code jt808/0x0200} and so on; constants for the decoded ids so a frame costs no formatting. */
    static String where(int id) {
        switch (id) {
            case Jt808Message.LOCATION_REPORT:
                return "jt808/0x0200";
            case Jt808Message.BATCH_LOCATION_UPLOAD:
                return "jt808/0x0704";
            case Jt808Message.TERMINAL_REGISTRATION:
                return "jt808/0x0100";
            case Jt808Message.TERMINAL_AUTHENTICATION:
                return "jt808/0x0102";
            case Jt808Message.HEARTBEAT:
                return "jt808/0x0002";
            default:
                return "jt808/0x" + hex4(id);
        }
    }

    static String hex4(int id) {
        return String.format("%04X", id);
    }
}
