package io.offsite.evidence;

import io.offsite.evidence.spi.BlobRef;
import io.offsite.evidence.spi.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link BlobStore} in memory, for tests and small demos. Create with {@link #create()}. */
public final class InMemoryBlobStore implements BlobStore {
    private final ConcurrentHashMap<Sha256, byte[]> blobs = new ConcurrentHashMap<>();

    private InMemoryBlobStore() {
    }

    /** An empty store. */
    public static InMemoryBlobStore create() {
        return new InMemoryBlobStore();
    }

    @Override
    public BlobRef put(InputStream content) {
        Objects.requireNonNull(content, "content");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        BlobRef ref = StreamingSha256.create().copy(content, buf);
        blobs.putIfAbsent(ref.sha256(), buf.toByteArray());
        return ref;
    }

    @Override
    public Optional<InputStream> open(Sha256 sha256) {
        Objects.requireNonNull(sha256, "sha256");
        byte[] b = blobs.get(sha256);
        return b == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(b));
    }

    @Override
    public Optional<BlobRef> find(Sha256 sha256) {
        Objects.requireNonNull(sha256, "sha256");
        byte[] b = blobs.get(sha256);
        return b == null ? Optional.empty() : Optional.of(new BlobRef(sha256, b.length));
    }

    /** Number of distinct blobs stored. */
    public int count() {
        return blobs.size();
    }
}
