package io.offsite.notify;

import io.offsite.testkit.SettableClock;
import java.time.Instant;
import static io.offsite.notify.StallingServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.offsite.notify.spi.SendResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A gateway that stalls (a real HTTP server on loopback that sends headers and then nothing) never blocks
 * enqueueing, receipts or the other recipients: dispatch calls gateways outside the outbox lock.
 */
class OutboxStalledGatewayTest {
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private static StallingServer stallingFor(String stalledPhone, CountDownLatch stalled) throws Exception {
        return new StallingServer((head, out, s) -> {
            if (head.contains(stalledPhone)) {
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{");
                stalled.countDown();
                s.stall(120);
            } else {
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");
            }
        });
    }

    @Test
    void enqueueFromAnotherThread_returnsAtOnce_whileDispatchIsStuckInASend() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        ExecutorService dispatcher = Executors.newSingleThreadExecutor();
        try (StallingServer server = stallingFor("13800000001", stalled)) {
            Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(SettableClock.at(Instant.parse("2026-03-02T02:00:00Z")))
                    .gateway(Channel.SMS, HttpGateway.builder(server.url("/sms?to=${to}&id=${key}"))
                            .timeout(Duration.ofMinutes(2)).build()).build();
            outbox.enqueue(new OutgoingMessage("stuck", Channel.SMS, "13800000001", "请驶离"));
            CompletableFuture<DispatchReport> round = CompletableFuture.supplyAsync(outbox::dispatchDue, dispatcher);
            assertThat(stalled.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("the send reached the server").isTrue();

            EnqueueResult r = assertTimeoutPreemptively(GENEROUS, () ->
                    outbox.enqueue(new OutgoingMessage("fresh", Channel.SMS, "13800000002", "请驶离")));
            assertThat(r.created()).isTrue();
            assertThat(assertTimeoutPreemptively(GENEROUS, () -> outbox.onReceipt(
                    Receipt.forKey("nobody", Receipt.Status.DELIVERED, r.message().enqueuedAt(), ""))))
                    .isEqualTo(ReceiptOutcome.UNMATCHED);
            // a second round on another thread sends the new message while the first is still stuck
            DispatchReport second = assertTimeoutPreemptively(GENEROUS, outbox::dispatchDue);
            assertThat(second.attempted()).isEqualTo(1);
            assertThat(outbox.find("fresh").orElseThrow().status()).isEqualTo(MessageStatus.SENT);
            assertThat(round).isNotDone();

            server.close(); // the stalled gateway goes away: the first round ends with a retryable failure
            assertThat(round.get(GENEROUS.toSeconds(), TimeUnit.SECONDS).retryScheduled()).isEqualTo(1);
            assertThat(outbox.find("stuck").orElseThrow().status()).isEqualTo(MessageStatus.PENDING);
        } finally {
            dispatcher.shutdownNow();
        }
    }

    @Test
    void stalledRecipient_doesNotHoldUpTheRoundsOtherRecipients_withASendExecutor() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        ExecutorService sends = Executors.newFixedThreadPool(4);
        ExecutorService dispatcher = Executors.newSingleThreadExecutor();
        try (StallingServer server = stallingFor("13800000001", stalled)) {
            HttpGateway http = HttpGateway.builder(server.url("/sms?to=${to}")).timeout(Duration.ofMinutes(2)).build();
            CountDownLatch othersAnswered = new CountDownLatch(2);
            Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(SettableClock.at(Instant.parse("2026-03-02T02:00:00Z")))
                    .sendExecutor(sends).gateway(Channel.SMS, req -> {
                        SendResult r = http.send(req);
                        if (!req.to().equals("13800000001")) {
                            othersAnswered.countDown();
                        }
                        return r;
                    }).build();
            outbox.enqueueAll(List.of(new OutgoingMessage("a", Channel.SMS, "13800000001", "x"),
                    new OutgoingMessage("b", Channel.SMS, "13800000002", "x"),
                    new OutgoingMessage("c", Channel.SMS, "13800000003", "x")));
            CompletableFuture<DispatchReport> round = CompletableFuture.supplyAsync(outbox::dispatchDue, dispatcher);
            assertThat(stalled.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 1_000 && server.requests.size() < 3; i++) {
                Thread.sleep(10);
            }
            assertThat(server.requests).as("b and c were sent while a stalled").hasSize(3);
            // b's and c's answers are in before the stalled server goes away (a request seen is not yet answered)
            assertThat(othersAnswered.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(round).isNotDone();
            server.close();
            DispatchReport report = round.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertThat(report.accepted()).isEqualTo(2);
            assertThat(report.retryScheduled()).isEqualTo(1);
        } finally {
            dispatcher.shutdownNow();
            sends.shutdownNow();
        }
    }

    @Test
    void receiptArrivingDuringTheSend_keepsTheNewerState() throws Exception {
        CountDownLatch inSend = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock).gateway(Channel.SMS, r -> {
            inSend.countDown();
            try {
                proceed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SendResult.retryable("HTTP time-out");
        }).build();
        outbox.enqueue(new OutgoingMessage("k", Channel.SMS, "13812345678", "x"));
        ExecutorService dispatcher = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<DispatchReport> round = CompletableFuture.supplyAsync(outbox::dispatchDue, dispatcher);
            assertThat(inSend.await(10, TimeUnit.SECONDS)).isTrue();
            // the provider delivered an earlier call under the same key: the receipt wins over the time-out
            assertThat(outbox.onReceipt(Receipt.forKey("k", Receipt.Status.DELIVERED, clock.instant(), "")))
                    .isEqualTo(ReceiptOutcome.APPLIED);
            proceed.countDown();
            round.get(10, TimeUnit.SECONDS);
            assertThat(outbox.find("k").orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(outbox.nextDueAt()).isEmpty();
        } finally {
            dispatcher.shutdownNow();
        }
    }
}
