package io.offsite.benchmarks.notify;

import io.offsite.notify.Channel;
import io.offsite.notify.FileJournalStore;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxStores;
import io.offsite.notify.OutgoingMessage;
import io.offsite.notify.spi.OutboxStore;
import io.offsite.notify.spi.SendResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Steady-state outbox throughput (messages/s, one thread): each operation enqueues one message and runs a
 * dispatch round; the gateway confirms delivery synchronously (as a loudspeaker or push gateway does) and
 * every 10,000 messages the host purges final messages, so the live set stays below 10,000 the way a
 * long-running host keeps it. Compare with {@link OutboxBenchmark}, where the live set grows all iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class OutboxSteadyStateBenchmark {
    private static final int PURGE_EVERY = 10_000;

    @Param({"memory", "journal"})
    public String store;

    private OutboxStore outboxStore;
    private Outbox outbox;
    private Path dir;
    private Instant purgeBefore;
    private long seq;

    @Setup(Level.Iteration)
    public void setUp() throws IOException {
        if (store.equals("memory")) {
            outboxStore = OutboxStores.inMemory();
        } else {
            dir = Files.createTempDirectory("outbox-steady");
            outboxStore = FileJournalStore.open(dir.resolve("outbox.journal"));
        }
        Instant t = Instant.parse("2026-03-02T02:00:00Z");
        purgeBefore = t.plusSeconds(1);
        outbox = Outbox.builder(outboxStore).clock(Clock.fixed(t, ZoneOffset.UTC)).random(new SplittableRandom(1))
                .gateway(Channel.SMS, r -> SendResult.delivered(r.key())).build();
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

    /** Enqueue one message, dispatch it (delivered at once), purge final messages every 10,000. */
    @Benchmark
    public void enqueueDispatchPurge(Blackhole bh) {
        long n = seq++;
        bh.consume(outbox.enqueue(new OutgoingMessage("ep-" + n + "/request-owner-move", Channel.SMS,
                "1380000" + (1000 + n % 9000), "【黄岩综合执法】您的车辆浙J12345停放在橘乡大道禁停区域，请于10:10前驶离。")));
        bh.consume(outbox.dispatchDue());
        if (n % PURGE_EVERY == PURGE_EVERY - 1) {
            bh.consume(outbox.purgeFinal(purgeBefore));
        }
    }
}
