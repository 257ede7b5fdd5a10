package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.OutboxListener;
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

class OutboxTest {
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
    void enqueuedMessage_isSentThenDeliveredByReceipt_withEvidenceTimestamps() {
        Outbox outbox = builder(OutboxStores.inMemory(), r -> SendResult.accepted("p-1")).build();
        outbox.enqueue(sms("ep-1/request-owner-move"));
        clock.advance(Duration.ofSeconds(1));
        DispatchReport report = outbox.dispatchDue();
        assertThat(report.attempted()).isEqualTo(1);
        assertThat(report.accepted()).isEqualTo(1);
        OutboxMessage sent = outbox.find("ep-1/request-owner-move").orElseThrow();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.sentAt()).contains(Instant.parse("2026-03-02T02:00:01Z"));
        assertThat(sent.providerId()).contains("p-1");
        assertThat(calls.get(0).key()).isEqualTo("ep-1/request-owner-move");

        Instant deliveredAt = Instant.parse("2026-03-02T02:00:04Z");
        assertThat(outbox.onReceipt(Receipt.forProviderId("p-1", Receipt.Status.DELIVERED, deliveredAt, "DELIVRD")))
                .isEqualTo(ReceiptOutcome.APPLIED);
        OutboxMessage done = outbox.find("ep-1/request-owner-move").orElseThrow();
        assertThat(done.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(done.enqueuedAt()).isEqualTo(Instant.parse("2026-03-02T02:00:00Z"));
        assertThat(done.firstAttemptAt()).contains(Instant.parse("2026-03-02T02:00:01Z"));
        assertThat(done.deliveredAt()).contains(deliveredAt);
        assertThat(done.dueAt()).isEmpty();
        assertThat(outbox.nextDueAt()).isEmpty();
    }

    @Test
    void reEnqueueOfSameKey_isNoOp_returningTheExistingMessage() {
        Outbox outbox = builder(OutboxStores.inMemory(), r -> SendResult.accepted("p")).build();
        EnqueueResult first = outbox.enqueue(sms("k"));
        EnqueueResult again = outbox.enqueue(sms("k"));
        EnqueueResult changed = outbox.enqueue(new OutgoingMessage("k", Channel.SMS, "13900000000", "other"));
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.sameContent()).isTrue();
        assertThat(changed.created()).isFalse();
        assertThat(changed.sameContent()).isFalse();
        assertThat(changed.message().message().to()).isEqualTo("13812345678");
        outbox.dispatchDue();
        assertThat(calls).hasSize(1);
    }

    @Test
    void retryableFailures_backOffExponentially_thenDeadLetterWithReason() {
        List<OutboxMessage> dead = new ArrayList<>();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofSeconds(10))
                .multiplier(2).jitter(0).build();
        Outbox outbox = builder(OutboxStores.inMemory(), r -> SendResult.retryable("HTTP 503")).retry(policy)
                .listener(new OutboxListener() {
                    @Override
                    public void onDeadLettered(OutboxMessage m) {
                        dead.add(m);
                    }
                }).build();
        outbox.enqueue(sms("k"));
        outbox.dispatchDue();
        assertThat(outbox.nextDueAt()).contains(clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        assertThat(outbox.dispatchDue().attempted()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.dispatchDue().retryScheduled()).isEqualTo(1);
        assertThat(outbox.nextDueAt()).contains(clock.instant().plusSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(outbox.dispatchDue().deadLettered()).isEqualTo(1);
        OutboxMessage m = outbox.find("k").orElseThrow();
        assertThat(m.status()).isEqualTo(MessageStatus.DEAD_LETTER);
        assertThat(m.attempts()).isEqualTo(3);
        assertThat(m.deadLetterReason()).get().asString().contains("gave up after 3 attempts", "HTTP 503");
        assertThat(dead).hasSize(1);
        assertThat(calls).extracting(SendRequest::attempt).containsExactly(1, 2, 3);
    }

    @Test
    void permanentRejection_deadLettersAtOnce() {
        Outbox outbox = builder(OutboxStores.inMemory(), r -> SendResult.rejected("isv.MOBILE_NUMBER_ILLEGAL")).build();
        outbox.enqueue(sms("k"));
        outbox.dispatchDue();
        assertThat(outbox.find("k").orElseThrow().deadLetterReason()).get().asString()
                .contains("rejected by gateway: isv.MOBILE_NUMBER_ILLEGAL");
    }

    @Test
    void gatewayThrowing_countsAsRetryableFailure_notASilentDrop() {
        int[] n = {0};
        Outbox outbox = builder(OutboxStores.inMemory(), r -> {
            if (n[0]++ == 0) {
                throw new IllegalStateException("connection reset");
            }
            return SendResult.delivered("p");
        }).build();
        outbox.enqueue(sms("k"));
        outbox.dispatchDue();
        assertThat(outbox.find("k").orElseThrow().lastError()).get().asString()
                .contains("IllegalStateException: connection reset");
        clock.advance(Duration.ofMinutes(1));
        outbox.dispatchDue();
        assertThat(outbox.find("k").orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void rateLimit_spacesMessagesToOneRecipient_withoutCountingAttempts() {
        Outbox outbox = builder(OutboxStores.inMemory(), r -> SendResult.delivered("p"))
                .rateLimit(new RateLimit(2, Duration.ofMinutes(1))).build();
        outbox.enqueueAll(List.of(sms("a"), sms("b"), sms("c"), sms("d"),
                new OutgoingMessage("other", Channel.SMS, "13900000000", "x")));
        DispatchReport first = outbox.dispatchDue();
        assertThat(first.delivered()).isEqualTo(3);
        assertThat(first.rateLimited()).isEqualTo(2);
        assertThat(outbox.nextDueAt()).contains(clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(59));
        assertThat(outbox.dispatchDue().attempted()).isZero();
        clock.advance(Duration.ofSeconds(1));
        DispatchReport second = outbox.dispatchDue();
        assertThat(second.delivered()).isEqualTo(1);
        assertThat(second.rateLimited()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(60));
        assertThat(outbox.dispatchDue().delivered()).isEqualTo(1);
        assertThat(outbox.messages(MessageStatus.DELIVERED)).hasSize(5).allMatch(m -> m.attempts() == 1);
    }

    @Test
    void enqueueForChannelWithoutGateway_isRejected() {
        Outbox outbox = builder(OutboxStores.inMemory(), r -> SendResult.accepted("p")).build();
        assertThatThrownBy(() -> outbox.enqueue(new OutgoingMessage("v", Channel.VOICE, "cam-1", "请离开")))
                .isInstanceOf(NotifyException.class).hasMessageContaining("no gateway configured for channel VOICE");
        assertThat(outbox.size()).isZero();
    }

    @Test
    void throwingListener_propagatesAfterStateIsSaved() {
        OutboxStore store = OutboxStores.inMemory();
        Outbox outbox = builder(store, r -> SendResult.accepted("p")).listener(new OutboxListener() {
            @Override
            public void onSent(OutboxMessage m) {
                throw new IllegalStateException("host hook failed");
            }
        }).build();
        outbox.enqueue(sms("k"));
        assertThatThrownBy(outbox::dispatchDue).hasMessageContaining("host hook failed");
        assertThat(outbox.find("k").orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(store.loadAll().get(0).status()).isEqualTo(MessageStatus.SENT);
        assertThat(outbox.dispatchDue().attempted()).as("not sent twice").isZero();
    }

    @Test
    void restartWithPendingMessages_resumesThem_noneLost() {
        OutboxStore store = OutboxStores.inMemory();
        Outbox before = builder(store, r -> SendResult.retryable("down")).build();
        before.enqueueAll(List.of(sms("a"), sms("b"), sms("c")));
        before.dispatchDue();
        // "crash": the outbox object is dropped; a new one is built on the same store
        Outbox after = builder(store, r -> SendResult.delivered("p")).build();
        assertThat(after.size()).isEqualTo(3);
        assertThat(after.messages(MessageStatus.PENDING)).hasSize(3).allMatch(m -> m.attempts() == 1);
        clock.advance(Duration.ofMinutes(10));
        after.dispatchDue();
        assertThat(after.messages(MessageStatus.DELIVERED)).hasSize(3);
    }

    @Test
    void invalidMessagesAndOptions_areRejectedWithSpecificErrors() {
        assertThatThrownBy(() -> new OutgoingMessage(" ", Channel.SMS, "13812345678", "x"))
                .hasMessageContaining("message key must be");
        assertThatThrownBy(() -> new OutgoingMessage("k", Channel.SMS, "abc", "x"))
                .hasMessageContaining("SMS recipient must be a phone number");
        assertThatThrownBy(() -> new OutgoingMessage("k", Channel.SMS, "13812345678", ""))
                .hasMessageContaining("text must have");
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts must be 1..100");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).hasMessageContaining("jitter must be 0.0..1.0");
        assertThatThrownBy(() -> new RateLimit(0, Duration.ofSeconds(1))).hasMessageContaining("burst must be");
        assertThatThrownBy(() -> Outbox.builder(OutboxStores.inMemory()).build())
                .hasMessageContaining("at least one gateway");
        assertThatThrownBy(() -> Outbox.builder(OutboxStores.inMemory()).receiptTimeout(Duration.ZERO))
                .hasMessageContaining("receiptTimeout must be between");
    }

    @Test
    void backoffWithJitter_staysWithinBounds_andIsReproducibleFromSeed() {
        RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofSeconds(4)).multiplier(2)
                .maxBackoff(Duration.ofSeconds(30)).jitter(0.5).build();
        SplittableRandom r1 = new SplittableRandom(3);
        SplittableRandom r2 = new SplittableRandom(3);
        for (int attempt = 1; attempt <= 6; attempt++) {
            long cap = Math.min(4000L << (attempt - 1), 30_000L);
            Duration d = p.backoff(attempt, r1);
            assertThat(d.toMillis()).isBetween(cap / 2, cap);
            assertThat(p.backoff(attempt, r2)).isEqualTo(d);
        }
    }
}
