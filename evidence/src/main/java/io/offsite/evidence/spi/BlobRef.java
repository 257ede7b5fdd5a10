package io.offsite.evidence.spi;

import io.offsite.evidence.EvidenceException;
import io.offsite.evidence.Sha256;
import java.util.Objects;

/**
 * A stored blob: its SHA-256 (its address) and size.
 *
 * @param sha256    digest of the content
 * @param sizeBytes length of the content
 */
public record BlobRef(Sha256 sha256, long sizeBytes) {
    public BlobRef {
        Objects.requireNonNull(sha256, "sha256");
        if (sizeBytes < 0) {
            throw new EvidenceException("blob size must be >= 0, was " + sizeBytes + " for " + sha256);
        }
    }
}
