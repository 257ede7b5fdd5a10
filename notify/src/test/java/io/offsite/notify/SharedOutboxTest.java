package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.OutboxListener;
import io.offsite.notify.spi.SendResult;
import io.offsite.notify.spi.SharedOutboxStore;
import io.offsite.notify.spi.StoredMessage;
import io.offsite.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Several outboxes on one shared store (the in-memory reference): leased dispatch, optimistic writes. */
class SharedOutboxTest {
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
    private final SharedOutboxStore store = OutboxStores.sharedInMemory();
    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();

    private static OutgoingMessage sms(String key) {
        return new OutgoingMessage(key, Channel.SMS, "13812345678", "【城管】请驶离");
    }

    private Outbox outbox(String holder, Gateway gw) {
        return Outbox.builder(store).clock(clock).random(new SplittableRandom(7)).holder(holder)
                .leaseDuration(Duration.ofMinutes(1)).gateway(Channel.SMS, req -> {
                    sends.computeIfAbsent(req.key(), k -> new AtomicInteger()).incrementAndGet();
                    return gw.send(req);
                }).build();
    }

    @Test
    void enqueueOfAKeyAnotherProcessStored_returnsTheStoredMessage() {
        Outbox a = outbox("a", r -> SendResult.accepted("p"));
        Outbox b = outbox("b", r -> SendResult.accepted("p"));
        assertThat(a.enqueue(sms("k")).created()).isTrue();
        EnqueueResult again = b.enqueue(sms("k"));
        assertThat(again.created()).isFalse();
        assertThat(again.sameContent()).isTrue();
        List<EnqueueResult> both = b.enqueueAll(List.of(sms("k"), sms("k2"), sms("k2")));
        assertThat(both).extracting(EnqueueResult::created).containsExactly(false, true, false);
        assertThat(store.loadAll()).hasSize(2);
    }

    @Test
    void twoOutboxesDispatchingConcurrently_sendEachMessageOnce() throws Exception {
        Outbox a = outbox("a", r -> SendResult.accepted("p-" + r.key()));
        Outbox b = outbox("b", r -> SendResult.accepted("p-" + r.key()));
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (Outbox o : List.of(a, b)) {
            int offset = threads.size() * 100;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        o.enqueue(sms("k" + (offset + i)));
                        o.dispatchDue();
                    }
                    o.dispatchDue();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failure.get()).isNull();
        a.dispatchDue();
        assertThat(sends).hasSize(300);
        assertThat(sends.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(a.messages(MessageStatus.SENT)).hasSize(300);
    }

    @Test
    void leaseOfACrashedHolder_blocksOthersUntilItRunsOut_thenTheyTakeOver() {
        Outbox b = outbox("b", r -> SendResult.accepted("p"));
        b.enqueueAll(List.of(sms("k1"), sms("k2")));
        List<StoredMessage> crashed = store.claimDue("a", clock.instant(), clock.instant().plus(Duration.ofMinutes(1)), 10);
        assertThat(crashed).hasSize(2);

        assertThat(b.dispatchDue().attempted()).isZero();
        clock.advance(Duration.ofSeconds(59));
        assertThat(b.dispatchDue().attempted()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(b.dispatchDue().attempted()).isEqualTo(2);
        assertThat(b.dispatchDue().attempted()).isZero();
        assertThat(sends.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(store.saveIfUnchanged(List.of(new StoredMessage(crashed.get(0).message(), crashed.get(0).version()))))
                .as("the crashed holder's late write is refused").containsExactly(crashed.get(0).key());
    }

    @Test
    void receiptThatReachesAnotherProcess_isAppliedToTheStoredMessage() {
        Outbox a = outbox("a", r -> SendResult.accepted("p-1"));
        Outbox b = outbox("b", r -> SendResult.accepted("p-2"));
        a.enqueue(sms("k"));
        a.dispatchDue();
        Instant at = clock.instant().plusSeconds(3);
        assertThat(b.onReceipt(Receipt.forProviderId("p-1", Receipt.Status.DELIVERED, at, "DELIVRD")))
                .isEqualTo(ReceiptOutcome.APPLIED);
        assertThat(a.find("k").orElseThrow().deliveredAt()).contains(at);
        assertThat(a.onReceipt(Receipt.forKey("k", Receipt.Status.DELIVERED, at, ""))).isEqualTo(ReceiptOutcome.DUPLICATE);
        assertThat(b.onReceipt(Receipt.forProviderId("nope", Receipt.Status.DELIVERED, at, "")))
                .isEqualTo(ReceiptOutcome.UNMATCHED);
    }

    @Test
    void receiptAppliedWhileTheSenderWaitsForItsGateway_keepsTheNewerState() {
        AtomicReference<Outbox> other = new AtomicReference<>();
        List<OutboxMessage> sentEvents = new ArrayList<>();
        Outbox a = Outbox.builder(store).clock(clock).holder("a").listener(new OutboxListener() {
            @Override
            public void onSent(OutboxMessage m) {
                sentEvents.add(m);
            }
        }).gateway(Channel.SMS, r -> {
            other.get().onReceipt(Receipt.forKey(r.key(), Receipt.Status.DELIVERED, clock.instant(), "fast"));
            return SendResult.accepted("p");
        }).build();
        other.set(outbox("b", r -> SendResult.accepted("p")));
        a.enqueue(sms("k"));
        a.dispatchDue();
        assertThat(a.find("k").orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(sentEvents).isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(a.dispatchDue().attempted()).isZero();
    }

    @Test
    void failingGateway_isRetriedAcrossProcesses_thenDeadLettered() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofSeconds(10)).jitter(0).build();
        AtomicInteger calls = new AtomicInteger();
        Gateway failing = r -> {
            if (calls.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("gateway down");
            }
            return SendResult.retryable("busy");
        };
        Outbox a = Outbox.builder(store).clock(clock).retry(policy).holder("a").gateway(Channel.SMS, failing).build();
        Outbox b = Outbox.builder(store).clock(clock).retry(policy).holder("b").gateway(Channel.SMS, failing).build();
        a.enqueue(sms("k"));
        for (int i = 0; i < 6; i++) {
            (i % 2 == 0 ? a : b).dispatchDue();
            clock.advance(Duration.ofMinutes(1));
        }
        OutboxMessage dead = b.find("k").orElseThrow();
        assertThat(dead.status()).isEqualTo(MessageStatus.DEAD_LETTER);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(dead.deadLetterReason().orElseThrow()).contains("gave up after 3 attempts");
    }

    @Test
    void storeFailingToSaveARound_endsItsLeases_soTheMessageIsDueAgainAtOnce() {
        AtomicInteger saves = new AtomicInteger();
        SharedOutboxStore flaky = new ForwardingSharedStore(store) {
            @Override
            public java.util.Set<String> saveIfUnchanged(java.util.Collection<StoredMessage> changes) {
                if (saves.incrementAndGet() == 1) {
                    throw new OutboxStoreException("disk full");
                }
                return super.saveIfUnchanged(changes);
            }
        };
        Outbox a = Outbox.builder(flaky).clock(clock).holder("a").gateway(Channel.SMS, r -> SendResult.accepted("p")).build();
        a.enqueue(sms("k"));
        assertThatThrownBy(a::dispatchDue).isInstanceOf(OutboxStoreException.class).hasMessageContaining("disk full");
        assertThat(a.find("k").orElseThrow().status()).isEqualTo(MessageStatus.PENDING);
        assertThat(a.dispatchDue().accepted()).isEqualTo(1);
        assertThat(a.find("k").orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void purgeAndReads_goToTheStore() {
        Outbox a = outbox("a", r -> SendResult.delivered("p"));
        Outbox b = outbox("b", r -> SendResult.delivered("p"));
        a.enqueueAll(List.of(sms("k1"), sms("k2")));
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.nextDueAt()).contains(clock.instant());
        b.dispatchDue();
        assertThat(a.messages(MessageStatus.DELIVERED)).hasSize(2);
        assertThat(a.nextDueAt()).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(a.purgeFinal(clock.instant())).isEqualTo(2);
        assertThat(b.size()).isZero();
    }

    @Test
    void purgeFinal_removesThroughTheStoreInChunks_untilAChunkComesBackShort_andKeepsWhatIsNotOldAndFinal() {
        Instant now = clock.instant();
        List<OutboxMessage> rows = new ArrayList<>();
        for (int i = 0; i < SharedOutbox.PURGE_CHUNK + 3; i++) {
            rows.add(delivered("old-" + i, now.minusSeconds(60).minusNanos(i)));
        }
        rows.add(delivered("at-the-cut", now));
        rows.add(OutboxMessage.enqueued(sms("pending"), now.minusSeconds(3_600)));
        store.insertAbsent(rows);
        List<Integer> chunks = new ArrayList<>();
        SharedOutboxStore counting = (SharedOutboxStore) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SharedOutboxStore.class}, (proxy, m, args) -> {
                    Object r = m.invoke(store, args);
                    if (m.getName().equals("removeFinal")) {
                        chunks.add((Integer) r);
                    }
                    return r;
                });
        Outbox outbox = Outbox.builder(counting).clock(clock).holder("purger")
                .gateway(Channel.SMS, r -> SendResult.accepted("p")).build();

        assertThat(outbox.purgeFinal(now)).isEqualTo(SharedOutbox.PURGE_CHUNK + 3);
        assertThat(chunks).containsExactly(SharedOutbox.PURGE_CHUNK, 3);
        assertThat(store.loadAll()).extracting(OutboxMessage::key).containsExactlyInAnyOrder("at-the-cut", "pending");
        assertThatThrownBy(() -> store.removeFinal(now, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max must be at least 1");
    }

    @Test
    void purgeOnASharedStore_doesNotHoldTheOutbox_whileTheStoreRemoves() throws Exception {
        store.insertAbsent(List.of(delivered("old", clock.instant().minusSeconds(60))));
        CountDownLatch inStore = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SharedOutboxStore slow = (SharedOutboxStore) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SharedOutboxStore.class}, (proxy, m, args) -> {
                    if (m.getName().equals("removeFinal")) {
                        inStore.countDown();
                        release.await();
                    }
                    return m.invoke(store, args);
                });
        Outbox outbox = Outbox.builder(slow).clock(clock).holder("purger")
                .gateway(Channel.SMS, r -> SendResult.accepted("p")).build();
        AtomicInteger purged = new AtomicInteger(-1);
        Thread purge = new Thread(() -> purged.set(outbox.purgeFinal(clock.instant())));
        purge.setDaemon(true);
        purge.start();
        try {
            assertThat(inStore.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            EnqueueResult meanwhile = java.util.concurrent.CompletableFuture.supplyAsync(() -> outbox.enqueue(
                    sms("meanwhile"))).get(5, java.util.concurrent.TimeUnit.SECONDS); // times out if the purge held it
            assertThat(meanwhile.created()).isTrue();
            assertThat(outbox.find("old")).isPresent();
        } finally {
            release.countDown();
        }
        purge.join(5_000);
        assertThat(purged.get()).isEqualTo(1);
        assertThat(store.loadAll()).extracting(OutboxMessage::key).containsExactly("meanwhile");
    }

    private static OutboxMessage delivered(String key, Instant at) {
        return new OutboxMessage(sms(key), MessageStatus.DELIVERED, 1, at, java.util.Optional.empty(),
                java.util.Optional.of(at), java.util.Optional.of(at), java.util.Optional.of(at),
                java.util.Optional.of(at), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty());
    }

    @Test
    void builder_rejectsBadHolderAndLease() {
        OutboxBuilder b = Outbox.builder(store);
        assertThatThrownBy(() -> b.holder(" ")).isInstanceOf(NotifyException.class).hasMessageContaining("holder");
        assertThatThrownBy(() -> b.holder("a\nb")).isInstanceOf(NotifyException.class);
        assertThatThrownBy(() -> b.leaseDuration(Duration.ofMillis(10))).isInstanceOf(NotifyException.class)
                .hasMessageContaining("leaseDuration");
        assertThatThrownBy(() -> b.leaseDuration(Duration.ofHours(2))).isInstanceOf(NotifyException.class);
    }
}
