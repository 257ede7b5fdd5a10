package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.notify.spi.OutboxStore;
import io.offsite.notify.spi.SendResult;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboxSchedulerTest {

    @Test
    void scheduler_dispatchesEnqueuedMessages_onTheHostsExecutor() throws InterruptedException {
        CountDownLatch sent = new CountDownLatch(1);
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).gateway(Channel.SMS, r -> {
            sent.countDown();
            return SendResult.delivered("p");
        }).build();
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
        try (OutboxScheduler s = OutboxScheduler.start(outbox, ex, Duration.ofMillis(10), e -> { })) {
            outbox.enqueue(new OutgoingMessage("k", Channel.SMS, "13812345678", "x"));
            assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
            // the gateway call runs outside the outbox lock: the round settles just after it
            for (int i = 0; i < 1_000 && outbox.find("k").orElseThrow().status() != MessageStatus.DELIVERED; i++) {
                Thread.sleep(10);
            }
        } finally {
            ex.shutdownNow();
        }
        assertThat(outbox.find("k").orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void failingRound_isReportedToHandler_andLaterRoundsStillRun() throws InterruptedException {
        AtomicInteger saves = new AtomicInteger();
        OutboxStore flaky = new OutboxStore() {
            private final OutboxStore inner = OutboxStores.inMemory();

            @Override
            public void save(Collection<OutboxMessage> messages) {
                if (saves.incrementAndGet() == 2) {
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
        Outbox outbox = Outbox.builder(flaky).gateway(Channel.SMS, r -> SendResult.delivered("p")).build();
        outbox.enqueue(new OutgoingMessage("k", Channel.SMS, "13812345678", "x"));
        CountDownLatch failed = new CountDownLatch(1);
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
        try (OutboxScheduler s = OutboxScheduler.start(outbox, ex, Duration.ofMillis(10), e -> failed.countDown())) {
            assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 1_000 && outbox.find("k").orElseThrow().status() != MessageStatus.DELIVERED; i++) {
                Thread.sleep(10);
            }
            assertThat(s.failures()).isEqualTo(1);
            assertThat(s.lastError()).get().asString().contains("disk full");
        } finally {
            ex.shutdownNow();
        }
        assertThat(outbox.find("k").orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void badInterval_isRejected() {
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).gateway(Channel.SMS, r -> SendResult.delivered("p")).build();
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
        try {
            assertThatThrownBy(() -> OutboxScheduler.start(outbox, ex, Duration.ofMillis(1), e -> { }))
                    .hasMessageContaining("interval must be");
        } finally {
            ex.shutdownNow();
        }
    }
}
