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
        return ByteBuffer.wrap(Base64.getUrlDecoder().decode(id)).getLong(0);
    }

    /** The last 64 bits of an id ({@link #isId}). */
    static long low(String id) {
        return ByteBuffer.wrap(Base64.getUrlDecoder().decode(id)).getLong(8);
    }

    /** The id whose bits are {@code high}, {@code low} (the inverse of {@link #high}/{@link #low}). */
    static String text(long high, long low) {
        byte[] b = ByteBuffer.allocate(ID_BYTES).putLong(high).putLong(low).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
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
