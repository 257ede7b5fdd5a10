package io.offsite.geofence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque episode ids: HMAC-SHA256 under a per-deployment key of (fence id, subject, episode start), truncated to
 * 128 bits and written URL-safe Base64 without padding (22 characters). The id names no plate, so it may go into
 * logs, outbox journals and SMS case numbers; only a holder of the key can test a guess of the plate against it.
 * The same key always gives the same id, which the idempotency keys of effects (derived from it) rely on after a
 * restart or a replay. Thread-safe.
 */
public final class EpisodeIds {
    /** The least key length accepted, in bytes (128 bits). */
    public static final int MIN_KEY_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int ID_BYTES = 16;
    private static final int ID_CHARS = 22;

    private final SecretKeySpec key;
    private final Mac prototype;

    private EpisodeIds(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.prototype = newMac();
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new GeofenceException("HmacSHA256 is not available in this JDK: " + e.getMessage(), e);
        }
    }

    /**
     * Ids keyed by {@code key} (at least {@value #MIN_KEY_BYTES} bytes; 32 random bytes recommended), copied.
     *
     * @throws GeofenceException when the key is shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public static EpisodeIds hmacSha256(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new GeofenceException("episode id key must have at least " + MIN_KEY_BYTES + " bytes, had "
                    + key.length);
        }
        return new EpisodeIds(Arrays.copyOf(key, key.length));
    }

    /** Whether {@code id} has the form of an episode id: 22 URL-safe Base64 characters encoding 128 bits. */
    public static boolean isId(String id) {
        if (id.length() != ID_CHARS) {
            return false;
        }
        for (int i = 0; i < ID_CHARS; i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return "AQgw".indexOf(id.charAt(ID_CHARS - 1)) >= 0; // the last character carries 2 bits, then zeros
    }

    /** The first 64 bits of an id ({@link #isId}), so the engine can keep it in two {@code long}s. */
    static long high(String id) {
        // characters 0..9 hold bits 127..68, the first 4 bits of character 10 bits 67..64
        long h = 0;
        for (int i = 0; i < 10; i++) {
            h = h << 6 | digit(id, i);
        }
        return h << 4 | digit(id, 10) >>> 2;
    }

    /** The last 64 bits of an id ({@link #isId}). */
    static long low(String id) {
        // the last 2 bits of character 10, then 6 bits per character; character 21's 4 low bits are padding
        long l = digit(id, 10) & 3;
        for (int i = 11; i < ID_CHARS - 1; i++) {
            l = l << 6 | digit(id, i);
        }
        return l << 2 | digit(id, ID_CHARS - 1) >>> 4;
    }

    /** The 6-bit value of URL-safe Base64 character {@code i} of {@code id}. */
    private static int digit(String id, int i) {
        char c = id.charAt(i);
        int d = c < 128 ? DIGITS[c] : -1;
        if (d < 0) {
            throw new IllegalArgumentException("not an episode id: '" + id + "'");
        }
        return d;
    }

    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.ISO_8859_1);
    /** ASCII character → its 6-bit value in {@link #ALPHABET}, -1 when not in it. */
    private static final byte[] DIGITS = new byte[128];

    static {
        Arrays.fill(DIGITS, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            DIGITS[ALPHABET[i]] = (byte) i;
        }
    }

    /**
     * The id whose bits are {@code high}, {@code low} (the inverse of {@link #high}/{@link #low}): URL-safe Base64
     * of the 16 bytes, big-endian, without padding, as {@link java.util.Base64} writes it.
     */
    static String text(long high, long low) {
        byte[] out = new byte[ID_CHARS];
        for (int i = 0; i < 10; i++) {
            out[i] = ALPHABET[(int) (high >>> (58 - 6 * i)) & 63];
        }
        out[10] = ALPHABET[(int) ((high & 15) << 2 | low >>> 62)];
        for (int i = 11; i < ID_CHARS - 1; i++) {
            out[i] = ALPHABET[(int) (low >>> (56 - 6 * (i - 11))) & 63];
        }
        out[ID_CHARS - 1] = ALPHABET[(int) (low & 3) << 4];
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** The id of the episode of {@code subject} in {@code fenceId} that started at {@code startedAtMillis}. */
    public String of(String fenceId, String subject, long startedAtMillis) {
        byte[] f = fenceId.getBytes(StandardCharsets.UTF_8);
        byte[] s = subject.getBytes(StandardCharsets.UTF_8);
        // length-prefixed, so no two (fence, subject) pairs encode alike
        ByteBuffer in = ByteBuffer.allocate(4 + f.length + 4 + s.length + 8);
        in.putInt(f.length).put(f).putInt(s.length).put(s).putLong(startedAtMillis);
        byte[] mac = mac().doFinal(in.array());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, ID_BYTES));
    }

    /** A fresh MAC: a clone of the initialised prototype (cheap), or a new instance where cloning is unsupported. */
    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    @Override
    public String toString() {
        return "EpisodeIds[HmacSHA256, key hidden]";
    }
}
