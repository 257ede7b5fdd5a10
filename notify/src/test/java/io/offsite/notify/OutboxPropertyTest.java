package io.offsite.notify;

import io.offsite.testkit.SettableClock;
import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.OutboxStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * For any interleaving of enqueues (including re-enqueues), dispatch rounds, clock steps, receipts (lost,
 * duplicated, shuffled), clean restarts and crashes in the middle of a dispatch round (after the gateway
 * took the message, before the outbox saved the result): each idempotency key reaches the recipient at
 * most once, and once the outbox is left to run every message ends DELIVERED or DEAD_LETTER.
 */
class OutboxPropertyTest {
    private static final int KEYS = 8;

    /** Thrown by the test gateway to simulate the process dying mid-round (not a gateway failure). */
    private static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void anyInterleaving_deliversEachKeyAtMostOnce_andEndsEveryMessageFinal() {
        qt().withExamples(1000).forAll(lists().of(integers().between(0, 6)).ofSizeBetween(1, 80), longs().all())
                .checkAssert((ops, seed) -> run(ops, seed, OutboxStores::inMemory));
    }

    @Test
    void anyInterleaving_onTheFileJournal_survivesReopenAfterEveryRestart() throws Exception {
        Path dir = Files.createTempDirectory("outbox-prop");
        int[] n = {0};
        qt().withExamples(60).forAll(lists().of(integers().between(0, 6)).ofSizeBetween(1, 50), longs().all())
                .checkAssert((ops, seed) -> {
                    Path file = dir.resolve("journal-" + (n[0]++));
                    run(ops, seed, () -> FileJournalStore.open(file));
                });
    }

    private static void run(List<Integer> ops, long seed, Supplier<OutboxStore> stores) {
        SplittableRandom rnd = new SplittableRandom(seed);
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
        SimulatedGateway sim = SimulatedGateway.builder().seed(seed).failureRate(0.3).timeoutRate(0.2)
                .rejectRate(0.02).deliveryFailureRate(0.1).lostReceiptRate(0.2).duplicateReceiptRate(0.2).sentReportRate(0.3)
                .latency(Duration.ofSeconds(1), Duration.ofSeconds(40)).shuffleReceipts(true).build();
        boolean[] crashNext = {false};
        Gateway gateway = req -> {
            var result = sim.send(req);
            if (crashNext[0]) {
                crashNext[0] = false;
                throw new Crash();
            }
            return result;
        };
        Set<String> enqueued = new LinkedHashSet<>();
        OutboxStore[] store = {stores.get()};
        Supplier<Outbox> boot = () -> Outbox.builder(store[0]).clock(clock).random(new SplittableRandom(seed ^ 99))
                .retry(RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(60)).build())
                .receiptTimeout(Duration.ofMinutes(2)).gateway(Channel.SMS, gateway).build();
        Outbox outbox = boot.get();
        boolean fileStore = store[0] instanceof FileJournalStore;
        for (int op : ops) {
            switch (op) {
                case 0:
                case 5: {
                    String key = "ep-" + rnd.nextInt(KEYS) + "/request-owner-move";
                    outbox.enqueue(new OutgoingMessage(key, Channel.SMS, "1381234567" + rnd.nextInt(3), "请驶离"));
                    enqueued.add(key);
                    break;
                }
                case 1:
                    outbox.dispatchDue();
                    break;
                case 2:
                    clock.advance(Duration.ofSeconds(1 + rnd.nextInt(120)));
                    break;
                case 3:
                    for (Receipt r : sim.takeReceipts(clock.instant())) {
                        outbox.onReceipt(r);
                    }
                    break;
                case 4:
                    outbox = restart(store, stores, fileStore, boot);
                    break;
                default:
                    crashNext[0] = true;
                    try {
                        outbox.dispatchDue();
                        crashNext[0] = false; // nothing was due, so nothing crashed
                    } catch (Crash expected) {
                        outbox = restart(store, stores, fileStore, boot);
                    }
                    break;
            }
        }
        for (int i = 0; i < 2_000; i++) {
            for (Receipt r : sim.takeReceipts(clock.instant())) {
                outbox.onReceipt(r);
            }
            outbox.dispatchDue();
            if (allFinal(enqueued, outbox)) {
                break;
            }
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(sim.maxDeliveriesPerKey()).as("deliveries of any one key").isLessThanOrEqualTo(1);
        assertThat(outbox.size()).isEqualTo(enqueued.size());
        for (String key : enqueued) {
            OutboxMessage m = outbox.find(key).orElseThrow();
            assertThat(m.status()).as(key).isIn(MessageStatus.DELIVERED, MessageStatus.DEAD_LETTER);
            if (m.status() == MessageStatus.DELIVERED) {
                assertThat(sim.deliveries(key)).as("delivered key %s reached the handset", key).isEqualTo(1);
            }
        }
        store[0].close();
    }

    private static boolean allFinal(Set<String> keys, Outbox o) {
        for (String key : keys) {
            if (!o.find(key).map(m -> m.status().isFinal()).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    private static Outbox restart(OutboxStore[] store, Supplier<OutboxStore> stores, boolean fileStore,
            Supplier<Outbox> boot) {
        if (fileStore) {
            store[0].close();
            store[0] = stores.get();
        }
        return boot.get();
    }
}
