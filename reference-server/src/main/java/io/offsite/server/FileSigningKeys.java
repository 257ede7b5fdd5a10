package io.offsite.server;

import io.offsite.evidence.spi.SigningKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;

/**
 * The bureau's Ed25519 signing key for custody-log heads and bundle manifests, kept in the data directory
 * ({@code keys/<id>.key} PKCS#8, {@code keys/<id>.pub} X.509) so heads signed before a restart still verify after
 * it. Created on first start. A production bureau replaces this with its HSM through the same SPI.
 */
final class FileSigningKeys implements SigningKeys {
    private final String keyId;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private FileSigningKeys(String keyId, PrivateKey privateKey, PublicKey publicKey) {
        this.keyId = keyId;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static FileSigningKeys open(Path dir, String keyId) {
        Path priv = dir.resolve(keyId + ".key");
        Path pub = dir.resolve(keyId + ".pub");
        try {
            Files.createDirectories(dir);
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            if (!Files.exists(priv)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                write(pub, pair.getPublic().getEncoded());
                write(priv, pair.getPrivate().getEncoded());
            }
            return new FileSigningKeys(keyId, kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv))),
                    kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub))));
        } catch (IOException e) {
            throw new UncheckedIOException("signing key " + priv + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + priv + " is not an Ed25519 key: " + e.getMessage(), e);
        }
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String currentKeyId() {
        return keyId;
    }

    @Override
    public byte[] sign(String keyId, byte[] data) {
        if (!this.keyId.equals(keyId)) {
            throw new IllegalArgumentException("unknown signing key " + keyId + " (this server signs with " + this.keyId + ")");
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with " + keyId, e);
        }
    }

    @Override
    public Optional<PublicKey> publicKey(String keyId) {
        return this.keyId.equals(keyId) ? Optional.of(publicKey) : Optional.empty();
    }
}
