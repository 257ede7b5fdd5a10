package io.offsite.evidence.spi;

import io.offsite.evidence.Sha256;
import java.security.PublicKey;
import java.util.Optional;

/**
 * A trusted time-stamping service. A real RFC 3161 TSA plugs in here: send a TimeStampReq whose
 * messageImprint is {@code imprint} (SHA-256) and return the DER TimeStampToken with format
 * {@code "rfc3161"}. The bundled {@link io.offsite.evidence.LocalTimestampAuthority} is a test double
 * that signs locally and is <b>not</b> an RFC 3161 token.
 */
public interface TimestampAuthority {

    /** Timestamps the given hash. Failures throw {@link io.offsite.evidence.EvidenceException}. */
    TimestampToken timestamp(Sha256 imprint);

    /**
     * A key the bundle verifier can check tokens with, for formats this module verifies itself
     * ({@code "offsite-local-ed25519"}); empty for RFC 3161 (its certificate travels inside the token).
     */
    Optional<PublicKey> verificationKey();
}
