package io.offsite.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Named, versioned text documents in an {@link OffsiteDatabase} (table {@code offsite_documents}): configuration a
 * host keeps beside its state so that every process on the database sees the same — the reference server keeps its
 * enforcement grid and fences here as GeoJSON. Replacements are optimistic: each names the version it read and is
 * refused with a {@link StaleDocumentException} when another writer got there first. Each body's SHA-256 is
 * stored and checked on every read; a body edited directly in SQL is a {@link CorruptRowException} naming the
 * document. Every call is one transaction; nothing is cached. Thread-safe.
 *
 * <pre>{@code
 * JdbcDocuments docs = JdbcDocuments.create(db);
 * StoredDocument grid = docs.createIfAbsent("grid", seedGeoJson);   // the stored one if it exists
 * docs.replace("grid", grid.version(), editedGeoJson);              // StaleDocumentException if someone else wrote
 * }</pre>
 */
public final class JdbcDocuments {
    static final String TABLE = "offsite_documents";
    /** Largest body accepted, in characters (a city's fences as GeoJSON are a few MiB). */
    public static final int MAX_CHARS = 64 * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final String DUPLICATE_KEY = "23505";

    private final Sql sql;
    private final Clock clock;

    private JdbcDocuments(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** The documents in {@code db}; the host keeps ownership of the database. */
    public static JdbcDocuments create(OffsiteDatabase db) {
        Objects.requireNonNull(db, "db");
        return new JdbcDocuments(db.sql(), db.clock());
    }

    /**
     * The stored document, if there is one.
     *
     * @throws CorruptRowException when its body no longer matches its hash, or a column does not decode
     */
    public Optional<StoredDocument> find(String name) {
        checkName(name);
        return sql.inTransaction("reading document " + name, c -> read(c, name));
    }

    /** The stored version of the document, if there is one: a cheap check whether another process replaced it. */
    public OptionalLong version(String name) {
        checkName(name);
        return sql.inTransaction("reading the version of document " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + TABLE + " WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /**
     * Stores {@code body} as version 1 unless the document exists; either way returns what is stored then (so two
     * processes seeding the same document at once both end up with the one that won).
     */
    public StoredDocument createIfAbsent(String name, String body) {
        checkName(name);
        checkBody(name, body);
        String hash = sha256(body);
        Instant now = clock.instant();
        for (int tries = 1;; tries++) {
            try {
                return sql.inTransaction("creating document " + name, c -> {
                    Optional<StoredDocument> existing = read(c, name);
                    if (existing.isPresent()) {
                        return existing.get();
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                            + " (name, version, body, sha256, updated_at) VALUES (?, 1, ?, ?, ?)")) {
                        ps.setString(1, name);
                        ps.setString(2, body);
                        ps.setString(3, hash);
                        ps.setString(4, now.toString());
                        ps.executeUpdate();
                    }
                    return new StoredDocument(name, 1, body, hash, now);
                });
            } catch (StoreException e) {
                if (tries == 3 || !(e.getCause() instanceof SQLException s) || !DUPLICATE_KEY.equals(s.getSQLState())) {
                    throw e;
                }
                // another process inserted it between our read and our insert: read what it stored
            }
        }
    }

    /**
     * Replaces the document's body, provided it is still at {@code expectedVersion}.
     *
     * @return the new stored document (version {@code expectedVersion + 1})
     * @throws StaleDocumentException when the stored version differs (or the document does not exist)
     */
    public StoredDocument replace(String name, long expectedVersion, String body) {
        checkName(name);
        checkBody(name, body);
        String hash = sha256(body);
        Instant now = clock.instant();
        return sql.inTransaction("replacing document " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET version = version + 1, body = ?,"
                    + " sha256 = ?, updated_at = ? WHERE name = ? AND version = ?")) {
                ps.setString(1, body);
                ps.setString(2, hash);
                ps.setString(3, now.toString());
                ps.setString(4, name);
                ps.setLong(5, expectedVersion);
                if (ps.executeUpdate() == 1) {
                    return new StoredDocument(name, expectedVersion + 1, body, hash, now);
                }
            }
            long actual;
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + TABLE + " WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    actual = rs.next() ? rs.getLong(1) : 0;
                }
            }
            throw new StaleDocumentException(name, expectedVersion, actual);
        });
    }

    private static Optional<StoredDocument> read(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, body, sha256, updated_at FROM " + TABLE
                + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long version = rs.getLong(1);
                String body = rs.getString(2);
                String stored = rs.getString(3);
                if (version < 1 || body == null || stored == null) {
                    throw new CorruptRowException(TABLE, name, "version " + version + (body == null ? ", no body" : "")
                            + (stored == null ? ", no hash" : ""));
                }
                String actual = sha256(body);
                if (!actual.equals(stored.trim())) {
                    throw new CorruptRowException(TABLE, name, "the body's SHA-256 is " + actual + " but the row says "
                            + stored.trim() + " (edited outside the store?)");
                }
                Instant updated;
                try {
                    updated = Instant.parse(rs.getString(4));
                } catch (DateTimeParseException | NullPointerException e) {
                    throw new CorruptRowException(TABLE, name, "updated_at is not an ISO-8601 instant: "
                            + rs.getString(4), e);
                }
                return Optional.of(new StoredDocument(name, version, body, actual, updated));
            }
        }
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new StoreException("document name must be 1–100 letters, digits or . _ -, was \"" + name
                    + "\"");
        }
    }

    private static void checkBody(String name, String body) {
        Objects.requireNonNull(body, "body");
        if (body.length() > MAX_CHARS) {
            throw new StoreException("document " + name + ": body of " + body.length()
                    + " characters exceeds the limit of " + MAX_CHARS);
        }
    }

    static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
