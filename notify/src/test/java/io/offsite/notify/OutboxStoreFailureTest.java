package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.OutboxStore;
import io.offsite.notify.spi.SendRequest;
import io.offsite.notify.spi.SendResult;
import io.offsite.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Outbox rules when the store fails: nothing half-enqueued, nothing lost, purge refused without removal. */
class OutboxStoreFailureTest {
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
    void storeFailureOnEnqueue_throws_andLeavesNothingHalfEnqueued() {
        OutboxStore failing = new OutboxStore() {
            @Override
            public void save(Collection<OutboxMessage> messages) {
                throw new OutboxStoreException("disk full");
            }

            @Override
            public List<OutboxMessage> loadAll() {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
        Outbox outbox = builder(failing, r -> SendResult.accepted("p")).build();
        assertThatThrownBy(() -> outbox.enqueue(sms("k"))).isInstanceOf(OutboxStoreException.class);
        assertThat(outbox.find("k")).isEmpty();
        outbox.dispatchDue();
        assertThat(calls).isEmpty();
    }

    @Test
    void storeFailureDuringDispatchCommit_keepsMessagesDue_andNextRoundSendsThem() {
        int[] saves = {0};
        OutboxStore inner = OutboxStores.inMemory();
        OutboxStore flaky = new OutboxStore() {
            @Override
            public void save(Collection<OutboxMessage> messages) {
                if (++saves[0] == 2) {
                    throw new OutboxStoreException("disk full");
                }
                inner.save(messages);
            }

            @Override
            public List<OutboxMessage> loadAll() {
                return inner.loadAll();
            }

            @Override
            public void close() {
            }
        };
        Outbox outbox = builder(flaky, r -> SendResult.delivered("p")).build();
        outbox.enqueue(sms("k"));
        assertThatThrownBy(outbox::dispatchDue).isInstanceOf(OutboxStoreException.class);
        assertThat(outbox.find("k").orElseThrow().status()).isEqualTo(MessageStatus.PENDING);
        assertThat(outbox.nextDueAt()).isPresent();
        outbox.dispatchDue();
        assertThat(outbox.find("k").orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(inner.loadAll().get(0).status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void purgeFinal_removesOnlyOldFinalMessages_andAPurgedKeyCanBeEnqueuedAgain() {
        OutboxStore store = OutboxStores.inMemory();
        Outbox outbox = builder(store, r -> r.key().equals("pending") ? SendResult.retryable("x")
                : SendResult.accepted("p-" + r.key())).build();
        outbox.enqueueAll(List.of(sms("old"), sms("sent"), sms("pending")));
        outbox.dispatchDue();
        outbox.onReceipt(Receipt.forKey("old", Receipt.Status.DELIVERED, clock.instant(), ""));
        clock.advance(Duration.ofMinutes(1));
        assertThat(outbox.purgeFinal(clock.instant())).isEqualTo(1);
        assertThat(outbox.find("old")).isEmpty();
        assertThat(store.loadAll()).extracting(OutboxMessage::key).containsExactlyInAnyOrder("sent", "pending");
        assertThat(outbox.onReceipt(Receipt.forProviderId("p-old", Receipt.Status.DELIVERED, clock.instant(), "")))
                .isEqualTo(ReceiptOutcome.UNMATCHED);
        assertThat(outbox.enqueue(sms("old")).created()).isTrue();
    }

    @Test
    void purgeOnStoreWithoutRemoval_failsAndKeepsMessages() {
        OutboxStore inner = OutboxStores.inMemory();
        OutboxStore noRemove = new OutboxStore() {
            @Override
            public void save(Collection<OutboxMessage> messages) {
                inner.save(messages);
            }

            @Override
            public List<OutboxMessage> loadAll() {
                return inner.loadAll();
            }

            @Override
            public void close() {
            }
        };
        Outbox outbox = builder(noRemove, r -> SendResult.delivered("p")).build();
        outbox.enqueue(sms("k"));
        outbox.dispatchDue();
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> outbox.purgeFinal(clock.instant())).isInstanceOf(OutboxStoreException.class)
                .hasMessageContaining("does not support removing");
        assertThat(outbox.find("k")).isPresent();
    }
}
