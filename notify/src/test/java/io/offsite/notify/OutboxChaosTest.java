package io.offsite.notify;

import io.offsite.testkit.SettableClock;
import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.notify.spi.OutboxStore;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Issue §6: a gateway failing half of its calls and timing out on others, with a restart in the middle. */
class OutboxChaosTest {

    @Test
    void halfOfCallsFailingAndTimeouts_everyMessageDeliveredOrDeadLettered_noneTwice() {
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
        SimulatedGateway sim = SimulatedGateway.builder().seed(42).failureRate(0.5).timeoutRate(0.3)
                .lostReceiptRate(0.1).duplicateReceiptRate(0.3).deliveryFailureRate(0.05)
                .latency(Duration.ofSeconds(1), Duration.ofSeconds(90)).shuffleReceipts(true).build();
        OutboxStore store = OutboxStores.inMemory();
        OutboxBuilder builder = Outbox.builder(store).clock(clock).random(new SplittableRandom(5))
                .gateway(Channel.SMS, sim).receiptTimeout(Duration.ofMinutes(3))
                .rateLimit(new RateLimit(3, Duration.ofSeconds(20)));
        Outbox outbox = builder.build();
        for (int i = 0; i < 300; i++) {
            outbox.enqueue(new OutgoingMessage("ep-" + i + "/request-owner-move", Channel.SMS,
                    "1390000" + String.format("%04d", i % 50), "【城管】请驶离"));
        }
        for (int round = 0; round < 400; round++) {
            if (round == 7) {
                outbox = builder.build(); // restart with messages pending, in flight and awaiting receipts
            }
            for (Receipt r : sim.takeReceipts(clock.instant())) {
                outbox.onReceipt(r);
            }
            outbox.dispatchDue();
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(outbox.messages(MessageStatus.PENDING)).isEmpty();
        assertThat(outbox.messages(MessageStatus.SENT)).isEmpty();
        int delivered = outbox.messages(MessageStatus.DELIVERED).size();
        int dead = outbox.messages(MessageStatus.DEAD_LETTER).size();
        assertThat(delivered + dead).isEqualTo(300);
        assertThat(delivered).isGreaterThan(250);
        assertThat(sim.maxDeliveriesPerKey()).isEqualTo(1);
        assertThat(outbox.messages(MessageStatus.DEAD_LETTER)).allSatisfy(m ->
                assertThat(m.deadLetterReason()).isPresent());
        assertThat(sim.calls()).isGreaterThan(300);
    }
}
