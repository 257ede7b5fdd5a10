package io.offsite.store.jdbc;

import java.time.Instant;
import java.util.Objects;

/**
 * One named document as stored by {@link JdbcDocuments}: its body, the version a replacement must name, the body's
 * SHA-256 and when it was last written.
 *
 * @param name      the document's name, e.g. {@code grid}
 * @param version   1 for the first write, one more for each replacement
 * @param body      the text
 * @param sha256    the body's UTF-8 SHA-256, lower-case hex
 * @param updatedAt when it was last written (the store's clock)
 */
public record StoredDocument(String name, long version, String body, String sha256, Instant updatedAt) {
    /** Validates the components. */
    public StoredDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public String toString() {
        return "StoredDocument[" + name + " v" + version + ", " + body.length() + " chars, sha256 " + sha256 + "]";
    }
}
