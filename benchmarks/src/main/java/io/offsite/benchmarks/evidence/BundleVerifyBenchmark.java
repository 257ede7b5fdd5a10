package io.offsite.benchmarks.evidence;

import io.offsite.core.violation.Violation;
import io.offsite.evidence.BundleVerifier;
import io.offsite.evidence.DeviceReview;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.FileSystemBlobStore;
import io.offsite.evidence.InMemorySigningKeys;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.evidence.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time to verify an exported bundle of {@code items} items of {@code itemBytes} each (default 1,000 × 1 MiB
 * ≈ 1 GB), generated under {@code target/evidence-bench} (run from the repository root or the benchmarks
 * directory) and deleted afterwards. Single-shot: each measurement is one full verification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BundleVerifyBenchmark {
    @Param({"1000"})
    public int items;
    @Param({"1048576"})
    public int itemBytes;

    private Path dir;
    private Path bundle;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        Path target = Files.isDirectory(Path.of("benchmarks", "target")) ? Path.of("benchmarks", "target")
                : Path.of("target");
        dir = Files.createTempDirectory(Files.createDirectories(target.resolve("evidence-bench")), "bundle");
        EvidenceChain chain = EvidenceChain.builder("bench-case", Violation.ILLEGAL_BUILDING)
                .blobStore(FileSystemBlobStore.open(dir.resolve("blobs")))
                .signingKeys(InMemorySigningKeys.generate("bench-key")).build();
        Instant t = Instant.parse("2026-03-02T01:00:00Z");
        for (int i = 0; i < items; i++) {
            ItemSpec spec = ItemSpec.builder(ItemKind.DRONE_IMAGE, "image/jpeg", t.plusSeconds(i), "drone-1")
                    .deviceReview(DeviceReview.REVIEWED).build();
            chain.add(spec, new PseudoRandomStream(i, itemBytes), "platform");
        }
        chain.seal("officer-1");
        bundle = dir.resolve("bundle.zip");
        chain.exportBundle(bundle, "officer-1");
        // the blob store is no longer needed; free the disk before measuring
        deleteTree(dir.resolve("blobs"));
    }

    @Benchmark
    public VerificationReport verify() {
        VerificationReport r = BundleVerifier.create().verify(bundle);
        if (!r.ok()) {
            throw new IllegalStateException("benchmark bundle failed verification: " + r.problems());
        }
        return r;
    }

    @TearDown(Level.Trial)
    public void delete() {
        deleteTree(dir);
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deterministic incompressible bytes without holding an item in memory. */
    static final class PseudoRandomStream extends InputStream {
        private long x;
        private long left;

        PseudoRandomStream(long seed, long size) {
            this.x = seed * 0x9E3779B97F4A7C15L + 1;
            this.left = size;
        }

        @Override
        public int read() {
            byte[] b = new byte[1];
            return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                b[off + i] = (byte) x;
            }
            left -= n;
            return n;
        }
    }
}
