package io.offsite.benchmarks.notify;

import io.offsite.notify.Channel;
import io.offsite.notify.FileJournalStore;
import io.offsite.notify.OutboxStores;
import io.offsite.notify.OutgoingMessage;
import io.offsite.notify.Outbox;
import io.offsite.notify.spi.OutboxStore;
import io.offsite.notify.spi.SendResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Outbox enqueue + dispatch throughput on one thread (messages/s). The gateway answers "accepted" at once,
 * so the figures measure the outbox itself: validation, persistence (in-memory map or the fsync'ed file
 * journal), the due queue and the state transitions. {@code each}: one enqueue and one dispatch round per
 * message (one store commit each); {@code batch}: 1,000 messages enqueued with one commit and dispatched in
 * one round (one more commit). A fresh outbox and store per iteration keeps memory flat.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class OutboxBenchmark {
    private static final int BATCH = 1_000;

    @Param({"memory", "journal"})
    public String store;

    private OutboxStore outboxStore;
    private Outbox outbox;
    private Path dir;
    private long seq;

    @Setup(Level.Iteration)
    public void setUp() throws IOException {
        if (store.equals("memory")) {
            outboxStore = OutboxStores.inMemory();
        } else {
            dir = Files.createTempDirectory("outbox-bench");
            outboxStore = FileJournalStore.open(dir.resolve("outbox.journal"));
        }
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
        outbox = Outbox.builder(outboxStore).clock(clock).random(new SplittableRandom(1))
                .gateway(Channel.SMS, r -> SendResult.accepted(r.key())).build();
    }

    @TearDown(Level.Iteration)
    public void tearDown() throws IOException {
        outboxStore.close();
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private OutgoingMessage next() {
        long n = seq++;
        return new OutgoingMessage("ep-" + n + "/request-owner-move", Channel.SMS,
                "1380000" + (1000 + n % 9000), "【黄岩综合执法】您的车辆浙J12345停放在橘乡大道禁停区域，请于10:10前驶离。");
    }

    /** One message: enqueue (one commit) then a dispatch round (one commit). */
    @Benchmark
    public void each(Blackhole bh) {
        bh.consume(outbox.enqueue(next()));
        bh.consume(outbox.dispatchDue());
    }

    /** 1,000 messages: one enqueueAll commit, one dispatch round. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batch(Blackhole bh) {
        List<OutgoingMessage> msgs = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            msgs.add(next());
        }
        bh.consume(outbox.enqueueAll(msgs));
        bh.consume(outbox.dispatchDue());
    }
}
