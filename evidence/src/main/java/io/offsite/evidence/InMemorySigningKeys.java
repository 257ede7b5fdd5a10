package io.offsite.evidence;

import io.offsite.evidence.spi.SigningKeys;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SigningKeys} holding Ed25519 key pairs in memory. Keys can be rotated with {@link #rotate(String)};
 * old public keys stay available for verification. For production keep private keys in an HSM/KMS behind
 * your own {@link SigningKeys}. Thread-safe.
 */
public final class InMemorySigningKeys implements SigningKeys {
    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private String current;

    private InMemorySigningKeys() {
    }

    /** Generates a fresh Ed25519 key pair with the given id. */
    public static InMemorySigningKeys generate(String keyId) {
        InMemorySigningKeys k = new InMemorySigningKeys();
        k.rotate(keyId);
        return k;
    }

    /** Adds a freshly generated key pair and makes it current. */
    public synchronized void rotate(String keyId) {
        EvidenceItem.requireId(Objects.requireNonNull(keyId, "keyId"), "key id");
        if (keys.containsKey(keyId)) {
            throw new EvidenceException("key id \"" + keyId + "\" already exists; key ids are never reused");
        }
        keys.put(keyId, Ed25519.generate());
        current = keyId;
    }

    @Override
    public synchronized String currentKeyId() {
        return current;
    }

    @Override
    public synchronized byte[] sign(String keyId, byte[] message) {
        KeyPair kp = keys.get(Objects.requireNonNull(keyId, "keyId"));
        if (kp == null) {
            throw new EvidenceException("no signing key with id \"" + keyId + "\"");
        }
        return Ed25519.sign(kp.getPrivate(), Objects.requireNonNull(message, "message"));
    }

    @Override
    public synchronized Optional<PublicKey> publicKey(String keyId) {
        KeyPair kp = keys.get(Objects.requireNonNull(keyId, "keyId"));
        return kp == null ? Optional.empty() : Optional.of(kp.getPublic());
    }
}
