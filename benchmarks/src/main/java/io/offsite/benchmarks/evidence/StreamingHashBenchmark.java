package io.offsite.benchmarks.evidence;

import io.offsite.evidence.StreamingSha256;
import io.offsite.evidence.spi.BlobRef;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Streaming SHA-256 (64 KiB reusable buffer, InputStream) against one plain {@code MessageDigest.digest(byte[])}
 * over the same bytes. Target: streaming ≥ 0.9× the plain rate. Scores are operations (whole buffers) per second;
 * multiply by the size for bytes/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamingHashBenchmark {
    @Param({"16777216"})
    public int sizeBytes;

    private byte[] data;
    private StreamingSha256 hasher;
    private MessageDigest digest;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        data = new byte[sizeBytes];
        new SplittableRandom(42).nextBytes(data);
        hasher = StreamingSha256.create();
        digest = MessageDigest.getInstance("SHA-256");
    }

    @Benchmark
    public BlobRef streaming() {
        return hasher.hash(new ByteArrayInputStream(data));
    }

    @Benchmark
    public byte[] plainMessageDigest() {
        digest.reset();
        return digest.digest(data);
    }
}
