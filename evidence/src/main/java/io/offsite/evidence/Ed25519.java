package io.offsite.evidence;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/** JDK Ed25519 helpers: generate, sign, verify, and the hex X.509 (SubjectPublicKeyInfo) form of a public key. */
final class Ed25519 {
    static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new EvidenceException("the JDK cannot generate Ed25519 keys", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new EvidenceException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    /** True only for a valid signature; a malformed signature or key is simply invalid. */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String encodePublic(PublicKey key) {
        return Sha256.Hex.encode(key.getEncoded());
    }

    static PublicKey decodePublic(String hex, String where) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(
                    new X509EncodedKeySpec(Sha256.Hex.decode(hex, where)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new EvidenceException(where + " is not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the key's X.509 encoding: what a court compares against the agency's published key. */
    static Sha256 fingerprint(PublicKey key) {
        return Sha256.hash(key.getEncoded());
    }
}
