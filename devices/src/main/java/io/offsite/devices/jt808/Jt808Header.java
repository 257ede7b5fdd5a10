package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import java.util.Objects;

/**
 * The message header (消息头) of one JT/T 808 frame. The body length is not kept: it is the length of the body the
 * codec reads or writes.
 *
 * @param messageId       message id (消息ID), 0..0xFFFF, e.g. {@code 0x0200} for a location report
 * @param version         edition; decides the phone width and whether {@code protocolVersion} is written
 * @param protocolVersion 2019 protocol version byte (1 for the first 2019 revision), 0..255; always 0 for 2013
 * @param phone           terminal phone number (终端手机号) as decimal digits, left-padded with zeros to
 *                        {@link Jt808Version#phoneDigits()} (12 or 20), e.g. {@code 013305760001}
 * @param serial          message serial number (消息流水号), 0..0xFFFF
 * @param encryption      the 3 encryption bits (0 plain, 1 RSA); the codec reads and writes only 0
 * @param packageTotal    total number of sub-packages (消息总包数) 1..0xFFFF, or 0 when the message is not split
 * @param packageIndex    index of this sub-package (包序号) 1..packageTotal, or 0 when not split
 */
public record Jt808Header(int messageId, Jt808Version version, int protocolVersion, String phone, int serial,
                          int encryption, int packageTotal, int packageIndex) {
    public Jt808Header {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(phone, "phone");
        check("messageId", messageId, 0xFFFF);
        check("serial", serial, 0xFFFF);
        check("protocolVersion", protocolVersion, version == Jt808Version.V2019 ? 0xFF : 0);
        check("encryption", encryption, 7);
        check("packageTotal", packageTotal, 0xFFFF);
        if (packageTotal == 0 ? packageIndex != 0 : packageIndex < 1 || packageIndex > packageTotal) {
            throw new InvalidValueException("packageIndex " + packageIndex + " must be 1.." + packageTotal
                    + " (0 when packageTotal is 0)");
        }
        if (!digits(phone, version.phoneDigits())) {
            throw new InvalidValueException("phone '" + phone + "' must be 1.." + version.phoneDigits()
                    + " decimal digits for " + version);
        }
        if (phone.length() < version.phoneDigits()) {
            phone = "0".repeat(version.phoneDigits() - phone.length()) + phone;
        }
    }

    /** A plain header of one whole message: protocol version 1 for 2019, no encryption, not split. */
    public static Jt808Header of(int messageId, Jt808Version version, String phone, int serial) {
        return new Jt808Header(messageId, version, version == Jt808Version.V2019 ? 1 : 0, phone, serial, 0, 0, 0);
    }

    /** Whether this frame is one sub-package (分包) of a longer message. */
    public boolean subPackaged() {
        return packageTotal != 0;
    }

    /** This header with another message id and serial, same edition and terminal: the header of a reply. */
    public Jt808Header reply(int replyMessageId, int replySerial) {
        return new Jt808Header(replyMessageId, version, protocolVersion, phone, replySerial, 0, 0, 0);
    }

    /** This header with the sub-package fields cleared: the header of the message the sub-packages make up. */
    public Jt808Header whole() {
        return new Jt808Header(messageId, version, protocolVersion, phone, serial, encryption, 0, 0);
    }

    private static boolean digits(String s, int max) {
        if (s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static void check(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new InvalidValueException(field + " " + value + " outside 0.." + max);
        }
    }
}
