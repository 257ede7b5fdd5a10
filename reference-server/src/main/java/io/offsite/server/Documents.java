package io.offsite.server;

import io.offsite.store.jdbc.JdbcDocuments;
import io.offsite.store.jdbc.StoredDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's configuration documents in the database (grid, fences, managed objects, operators, truck permits):
 * seeded once — from the file a data directory of an older server kept, else from the given seed — so every server
 * on one database reads the same.
 */
final class Documents {
    private static final Logger LOG = LoggerFactory.getLogger(Documents.class);

    private Documents() {
    }

    /**
     * The stored document {@code name}, created when absent from {@code legacyFile} if it exists (the file is not read
     * again afterwards), else from {@code seed}.
     */
    static StoredDocument seedOnce(JdbcDocuments docs, String name, Path legacyFile, String seed) {
        Optional<StoredDocument> stored = docs.find(name);
        if (stored.isPresent()) {
            return stored.get();
        }
        String body = seed;
        if (Files.exists(legacyFile)) {
            try {
                body = Files.readString(legacyFile, StandardCharsets.UTF_8);
                LOG.info("importing {} into the database as document {} (the file is not read again)", legacyFile, name);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + legacyFile + ": " + e.getMessage(), e);
            }
        }
        return docs.createIfAbsent(name, body);
    }
}
