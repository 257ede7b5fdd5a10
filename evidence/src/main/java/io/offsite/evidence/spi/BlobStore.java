package io.offsite.evidence.spi;

import io.offsite.evidence.Sha256;
import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed storage for evidence bytes. Implementations must be thread-safe, must compute the
 * SHA-256 while streaming (never buffering a whole item), and must never serve a partially written blob:
 * a blob is visible only once its bytes are durable and complete. Storing the same content twice is
 * harmless and returns the same reference. Failures throw {@link io.offsite.evidence.EvidenceException}.
 */
public interface BlobStore {

    /** Streams {@code content} (read to its end, not closed) into the store and returns its address. */
    BlobRef put(InputStream content);

    /** Opens a stored blob for reading; empty if no complete blob has that digest. Caller closes it. */
    Optional<InputStream> open(Sha256 sha256);

    /** The stored blob's reference, if present. */
    Optional<BlobRef> find(Sha256 sha256);
}
