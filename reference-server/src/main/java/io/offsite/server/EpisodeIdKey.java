package io.offsite.server;

import io.offsite.store.jdbc.JdbcDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key episode ids are derived with (HMAC of fence, subject and start): random per bureau, kept in the database
 * (document {@code episode-id-key}, Base64) so ids survive restarts and every server on one database derives the
 * same id for the same episode. A data directory of an older server, which kept it in {@code keys/episode-ids.key},
 * hands its key over once, so ids already in cases and texts stay valid.
 */
final class EpisodeIdKey {
    static final String DOCUMENT = "episode-id-key";

    private EpisodeIdKey() {
    }

    /** The bureau's key: the stored one, else the legacy file's, else a new random one (stored). */
    static byte[] load(JdbcDocuments docs, Path dataDir) {
        String stored = docs.find(DOCUMENT).map(d -> d.body()).orElseGet(() -> docs.createIfAbsent(DOCUMENT,
                Base64.getEncoder().encodeToString(initial(dataDir.resolve("keys").resolve("episode-ids.key"))))
                .body());
        byte[] key;
        try {
            key = Base64.getDecoder().decode(stored.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("document " + DOCUMENT + " is not Base64: " + e.getMessage(), e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("document " + DOCUMENT + " must hold 32 bytes, holds " + key.length);
        }
        return key;
    }

    private static byte[] initial(Path legacy) {
        if (Files.exists(legacy)) {
            try {
                return Files.readAllBytes(legacy);
            } catch (IOException e) {
                throw new UncheckedIOException("episode-id key " + legacy + ": " + e.getMessage(), e);
            }
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
