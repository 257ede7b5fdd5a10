package io.offsite.evidence;

import io.offsite.evidence.spi.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Computes SHA-256 and length while copying a stream, through one reusable buffer, so an item of any size
 * is hashed without being loaded into memory. Not thread-safe: use one instance per thread (they are
 * cheap); {@link #create()} makes one with a 64 KiB buffer.
 */
public final class StreamingSha256 {
    private final MessageDigest digest = Sha256.newDigest();
    private final byte[] buffer;

    private StreamingSha256(int bufferBytes) {
        this.buffer = new byte[bufferBytes];
    }

    /** A hasher with a 64 KiB buffer. */
    public static StreamingSha256 create() {
        return new StreamingSha256(64 * 1024);
    }

    /** A hasher with the given buffer size (4 KiB .. 16 MiB). */
    public static StreamingSha256 withBuffer(int bufferBytes) {
        if (bufferBytes < 4096 || bufferBytes > (16 << 20)) {
            throw new EvidenceException("bufferBytes must be within 4096..16777216, was " + bufferBytes);
        }
        return new StreamingSha256(bufferBytes);
    }

    /** Reads {@code in} to its end (without closing it) and returns its digest and length. */
    public BlobRef hash(InputStream in) {
        return copy(in, OutputStream.nullOutputStream());
    }

    /** Copies {@code in} to {@code out} (closing neither) and returns the digest and length of what was copied. */
    public BlobRef copy(InputStream in, OutputStream out) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        digest.reset();
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new EvidenceException("streaming hash failed after " + total + " bytes: " + e.getMessage(), e);
        }
        return new BlobRef(Sha256.of(digest.digest()), total);
    }
}
