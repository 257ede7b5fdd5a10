package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.OutboxStore;
import io.offsite.notify.spi.SendRequest;
import io.offsite.notify.spi.SendResult;
import io.offsite.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Outbox rules for delivery receipts: missing, late, duplicate, failed and out-of-order receipts. */
class OutboxReceiptTest {
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
    private final List<SendRequest> calls = new ArrayList<>();

    private static OutgoingMessage sms(String key) {
        return new OutgoingMessage(key, Channel.SMS, "13812345678", "【城管】请驶离");
    }

    private OutboxBuilder builder(OutboxStore store, Gateway gw) {
        return Outbox.builder(store).clock(clock).random(new SplittableRandom(7)).gateway(Channel.SMS, req -> {
            calls.add(req);
            return gw.send(req);
        });
    }


    @Test
    void missingReceipt_resendsUnderSameKey_andGatewayDedupPreventsSecondDelivery() {
        SimulatedGateway gw = SimulatedGateway.builder().lostReceiptRate(0.999).build();
        Outbox outbox = builder(OutboxStores.inMemory(), gw).receiptTimeout(Duration.ofMinutes(5)).build();
        outbox.enqueue(sms("k"));
        outbox.dispatchDue();
        clock.advance(Duration.ofMinutes(5));
        DispatchReport timeout = outbox.dispatchDue();
        assertThat(timeout.receiptTimeouts()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        outbox.dispatchDue();
        assertThat(outbox.find("k").orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(calls).hasSize(2).allMatch(c -> c.key().equals("k"));
        assertThat(gw.deliveries("k")).isEqualTo(1);
    }

    @Test
    void receiptsOutOfOrderDuplicateAndLate_areHarmless() {
        Outbox outbox = builder(OutboxStores.inMemory(), r -> SendResult.accepted("p-" + r.key())).build();
        outbox.enqueueAll(List.of(sms("a"), sms("b")));
        outbox.dispatchDue();
        Instant t = clock.instant();
        assertThat(outbox.onReceipt(Receipt.forKey("b", Receipt.Status.DELIVERED, t.plusSeconds(2), "")))
                .isEqualTo(ReceiptOutcome.APPLIED);
        assertThat(outbox.onReceipt(Receipt.forKey("a", Receipt.Status.DELIVERED, t.plusSeconds(1), "")))
                .isEqualTo(ReceiptOutcome.APPLIED);
        assertThat(outbox.onReceipt(Receipt.forKey("a", Receipt.Status.DELIVERED, t.plusSeconds(1), "")))
                .isEqualTo(ReceiptOutcome.DUPLICATE);
        assertThat(outbox.onReceipt(Receipt.forKey("a", Receipt.Status.FAILED, t.plusSeconds(3), "UNDELIV")))
                .isEqualTo(ReceiptOutcome.IGNORED_LATE);
        assertThat(outbox.onReceipt(Receipt.forKey("zzz", Receipt.Status.DELIVERED, t, "")))
                .isEqualTo(ReceiptOutcome.UNMATCHED);
        assertThat(outbox.find("a").orElseThrow().deliveredAt()).contains(t.plusSeconds(1));
        assertThat(outbox.messages(MessageStatus.DELIVERED)).hasSize(2);
    }

    @Test
    void failedReceipt_schedulesRetry_andLateDeliveryReceiptUpgradesDeadLetter() {
        RetryPolicy once = RetryPolicy.builder().maxAttempts(1).build();
        Outbox outbox = builder(OutboxStores.inMemory(), r -> SendResult.accepted("p")).retry(once).build();
        outbox.enqueue(sms("k"));
        outbox.dispatchDue();
        assertThat(outbox.onReceipt(Receipt.forKey("k", Receipt.Status.FAILED, clock.instant(), "UNDELIV")))
                .isEqualTo(ReceiptOutcome.APPLIED);
        OutboxMessage dead = outbox.find("k").orElseThrow();
        assertThat(dead.status()).isEqualTo(MessageStatus.DEAD_LETTER);
        assertThat(dead.deadLetterReason()).get().asString().contains("delivery failed: UNDELIV");
        assertThat(outbox.onReceipt(Receipt.forKey("k", Receipt.Status.DELIVERED, clock.instant(), "")))
                .isEqualTo(ReceiptOutcome.APPLIED);
        OutboxMessage upgraded = outbox.find("k").orElseThrow();
        assertThat(upgraded.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(upgraded.deadLetteredAt()).isPresent();
    }

    @Test
    void sentReceiptAfterTimedOutCall_cancelsTheResend_andDeliveryFollows() {
        Outbox outbox = builder(OutboxStores.inMemory(), r -> SendResult.retryable("read timed out"))
                .receiptTimeout(Duration.ofMinutes(10)).build();
        outbox.enqueue(sms("k"));
        outbox.dispatchDue();
        assertThat(outbox.onReceipt(Receipt.forKey("k", Receipt.Status.SENT, clock.instant(), "submitted")))
                .isEqualTo(ReceiptOutcome.APPLIED);
        assertThat(outbox.find("k").orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(outbox.onReceipt(Receipt.forKey("k", Receipt.Status.SENT, clock.instant(), "")))
                .isEqualTo(ReceiptOutcome.DUPLICATE);
        clock.advance(Duration.ofMinutes(5));
        assertThat(outbox.dispatchDue().attempted()).isZero();
        outbox.onReceipt(Receipt.forKey("k", Receipt.Status.DELIVERED, clock.instant(), ""));
        assertThat(outbox.onReceipt(Receipt.forKey("k", Receipt.Status.SENT, clock.instant(), "")))
                .isEqualTo(ReceiptOutcome.IGNORED_LATE);
        assertThat(calls).hasSize(1);
    }

    @Test
    void sentReportForCallOfCrashedProcess_thenNoReceipt_schedulesRetryInsteadOfFailing() {
        // regression: found by OutboxPropertyTest (attempts == 0 reached the backoff computation)
        Outbox outbox = builder(OutboxStores.inMemory(), r -> SendResult.accepted("p"))
                .receiptTimeout(Duration.ofMinutes(2)).build();
        outbox.enqueue(sms("k")); // the previous process sent it but crashed before saving the attempt
        outbox.onReceipt(Receipt.forKey("k", Receipt.Status.SENT, clock.instant(), ""));
        assertThat(outbox.find("k").orElseThrow().attempts()).isZero();
        clock.advance(Duration.ofMinutes(2));
        DispatchReport report = outbox.dispatchDue();
        assertThat(report.receiptTimeouts()).isEqualTo(1);
        assertThat(report.retryScheduled()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        outbox.dispatchDue();
        assertThat(outbox.find("k").orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    }
}
