package io.offsite.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A SHA-256 digest (32 bytes). Its text form is 64 lower-case hex digits; {@link #parse(String)} accepts
 * only that form, so a digest has exactly one spelling in signed JSON.
 */
public final class Sha256 implements Comparable<Sha256> {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final byte[] bytes;

    private Sha256(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps (a copy of) 32 digest bytes. */
    public static Sha256 of(byte[] digest) {
        Objects.requireNonNull(digest, "digest");
        if (digest.length != 32) {
            throw new EvidenceException("a SHA-256 digest has 32 bytes, got " + digest.length);
        }
        return new Sha256(digest.clone());
    }

    /** Parses 64 lower-case hex digits. */
    public static Sha256 parse(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 64) {
            throw new EvidenceException("a SHA-256 digest is 64 lower-case hex digits, got " + hex.length()
                    + " characters: \"" + abbreviate(hex) + "\"");
        }
        return new Sha256(Hex.decode(hex, "SHA-256 digest"));
    }

    /** SHA-256 of the given bytes. */
    public static Sha256 hash(byte[] data) {
        return new Sha256(newDigest().digest(data));
    }

    /** A fresh SHA-256 {@link MessageDigest} (every JDK provides one). */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new EvidenceException("the JDK offers no SHA-256 MessageDigest", e);
        }
    }

    /** A copy of the 32 digest bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] rawBytes() {
        return bytes;
    }

    /** The 64 lower-case hex digits. */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sha256 && Arrays.equals(bytes, ((Sha256) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Sha256 o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** Strict lower-case hex used for every digest, key and signature in this module. */
    static final class Hex {
        private Hex() {
        }

        static String encode(byte[] b) {
            char[] out = new char[b.length * 2];
            for (int i = 0; i < b.length; i++) {
                out[2 * i] = HEX[(b[i] >> 4) & 0xf];
                out[2 * i + 1] = HEX[b[i] & 0xf];
            }
            return new String(out);
        }

        static byte[] decode(String s, String what) {
            if (s.length() % 2 != 0) {
                throw new EvidenceException(what + " must be an even number of lower-case hex digits, got "
                        + s.length() + " characters");
            }
            byte[] out = new byte[s.length() / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) ((nibble(s, 2 * i, what) << 4) | nibble(s, 2 * i + 1, what));
            }
            return out;
        }

        private static int nibble(String s, int i, String what) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            throw new EvidenceException(what + " must be lower-case hex, found '" + c + "' at position " + i);
        }
    }
}
