package io.offsite.evidence.spi;

import io.offsite.evidence.EvidenceException;
import io.offsite.evidence.Sha256;
import java.time.Instant;
import java.util.Objects;

/**
 * A trusted timestamp over a message imprint (the SHA-256 of a signed tree head).
 *
 * @param format         token format, e.g. {@code "rfc3161"} for a DER TimeStampToken from a real TSA, or
 *                       {@code "offsite-local-ed25519"} for the local test double
 * @param authority      name of the authority
 * @param messageImprint the hash that was timestamped
 * @param genTime        the time the authority asserts
 * @param token          the token bytes (DER for RFC 3161; an Ed25519 signature for the local double)
 */
public record TimestampToken(String format, String authority, Sha256 messageImprint, Instant genTime,
        byte[] token) {
    public TimestampToken {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(messageImprint, "messageImprint");
        Objects.requireNonNull(genTime, "genTime");
        Objects.requireNonNull(token, "token");
        if (format.isBlank() || authority.isBlank()) {
            throw new EvidenceException("timestamp token format and authority must be non-blank");
        }
        token = token.clone();
    }

    @Override
    public byte[] token() {
        return token.clone();
    }
}
