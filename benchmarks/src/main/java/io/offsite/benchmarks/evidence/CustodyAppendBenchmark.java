package io.offsite.benchmarks.evidence;

import io.offsite.evidence.CustodyAction;
import io.offsite.evidence.CustodyEntry;
import io.offsite.evidence.CustodyLog;
import io.offsite.evidence.Sha256;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Custody-log appends in memory: canonical JSON of the entry, leaf hash, incremental Merkle update.
 * Target ≥ 100,000 appends/s. A fresh log per iteration (it grows to a few hundred thousand entries).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CustodyAppendBenchmark {
    private CustodyLog log;
    private final Instant at = Instant.parse("2026-03-02T01:00:00Z");
    private final Optional<String> item = Optional.of("item-0042");
    private final Optional<Sha256> sha = Optional.of(Sha256.hash(new byte[] {1, 2, 3}));

    @Setup(Level.Iteration)
    public void freshLog() {
        log = CustodyLog.create();
    }

    @Benchmark
    public CustodyEntry appendViewEntry() {
        return log.append(at, "officer-0371", CustodyAction.VIEWED, item, sha, "");
    }
}
