package io.offsite.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens, kept only as SHA-256 hashes and compared in constant time ({@link MessageDigest#isEqual}). A token
 * file has one {@code <role> <sha256-hex>} line per token ({@code #} comments allowed); without one the server
 * makes one random token per role and prints them once at start (the demo's way).
 */
final class Tokens {
    private record Entry(byte[] hash, Role role) {
    }

    private final List<Entry> entries;

    private Tokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static Tokens load(Path file) {
        List<Entry> entries = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("token file " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2 || !parts[1].matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("token file " + file + " line " + (i + 1)
                        + ": expected '<role> <sha256-hex of the token>'");
            }
            entries.add(new Entry(HexFormat.of().parseHex(parts[1]), Role.parse(parts[0])));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("token file " + file + " names no token");
        }
        return new Tokens(entries);
    }

    /** One fresh random token per role; the plain tokens are returned once, only hashes are kept. */
    static Map.Entry<Tokens, Map<Role, String>> generate() {
        SecureRandom random = new SecureRandom();
        Map<Role, String> plain = new EnumMap<>(Role.class);
        List<Entry> entries = new ArrayList<>();
        for (Role r : Role.values()) {
            byte[] b = new byte[24];
            random.nextBytes(b);
            String token = r.label() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            plain.put(r, token);
            entries.add(new Entry(hash(token), r));
        }
        return Map.entry(new Tokens(entries), plain);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The role of a presented token; every entry is compared so the time does not depend on which matched. */
    Optional<Role> roleOf(String token) {
        byte[] h = hash(token);
        Role found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(h, e.hash()) && found == null) {
                found = e.role();
            }
        }
        return Optional.ofNullable(found);
    }
}
