package io.offsite.evidence;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** Configures a {@link BundleVerifier}: trusted key fingerprints and a progress listener. Not thread-safe. */
public final class BundleVerifierBuilder {
    final Set<Sha256> trusted = new HashSet<>();
    BundleVerifier.Progress progress;

    BundleVerifierBuilder() {
    }

    /**
     * Requires every signing key in the bundle to have this fingerprint (SHA-256 of its X.509 encoding,
     * as published by the agency); may be called several times.
     */
    public BundleVerifierBuilder trustKey(Sha256 fingerprint) {
        trusted.add(Objects.requireNonNull(fingerprint, "fingerprint"));
        return this;
    }

    /** Receives progress while item bytes are verified. */
    public BundleVerifierBuilder progress(BundleVerifier.Progress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        return this;
    }

    /** Builds the verifier. */
    public BundleVerifier build() {
        return new BundleVerifier(this);
    }
}
