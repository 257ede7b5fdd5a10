package io.offsite.evidence.spi;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Where the signing keys for tree heads and manifests live (an HSM, a KMS, a key file). Only Ed25519 is
 * used. Implementations must be thread-safe.
 */
public interface SigningKeys {

    /** Id of the key new signatures are made with. */
    String currentKeyId();

    /** Ed25519 signature of {@code message} with key {@code keyId}. */
    byte[] sign(String keyId, byte[] message);

    /** The public key of {@code keyId}, including retired keys still needed to verify old heads. */
    Optional<PublicKey> publicKey(String keyId);
}
