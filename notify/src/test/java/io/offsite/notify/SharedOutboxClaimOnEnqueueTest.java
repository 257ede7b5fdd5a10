package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.notify.spi.SendResult;
import io.offsite.notify.spi.SharedOutboxStore;
import io.offsite.notify.spi.StoredMessage;
import io.offsite.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link OutboxBuilder#claimOnEnqueue}: messages leased to the outbox that inserts them, sent without a claim. */
class SharedOutboxClaimOnEnqueueTest {
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
    private final SharedOutboxStore memory = OutboxStores.sharedInMemory();
    private final List<Integer> claimed = new ArrayList<>();
    private final SharedOutboxStore store = new ForwardingSharedStore(memory) {
        @Override
        public List<StoredMessage> claimDue(String holder, Instant now, Instant leaseUntil, int max) {
            List<StoredMessage> got = super.claimDue(holder, now, leaseUntil, max);
            claimed.add(got.size());
            return got;
        }
    };
    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();

    private static OutgoingMessage sms(String key) {
        return new OutgoingMessage(key, Channel.SMS, "13812345678", "【黄岩综合执法】请驶离");
    }

    private OutboxBuilder builder(SharedOutboxStore on, String holder, boolean claimOnEnqueue) {
        return Outbox.builder(on).clock(clock).random(new SplittableRandom(7)).holder(holder)
                .leaseDuration(Duration.ofMinutes(1)).claimOnEnqueue(claimOnEnqueue).gateway(Channel.SMS, req -> {
                    sends.computeIfAbsent(req.key(), k -> new AtomicInteger()).incrementAndGet();
                    return SendResult.accepted("p-" + req.key());
                });
    }

    private Outbox outbox(String holder, boolean claimOnEnqueue) {
        return builder(store, holder, claimOnEnqueue).build();
    }

    @Test
    void messagesLeasedAtEnqueue_areSentByTheirOutboxWithoutAClaim_andByNoOtherOutboxMeanwhile() {
        Outbox a = outbox("a", true);
        Outbox b = outbox("b", false);
        assertThat(a.enqueueAll(List.of(sms("k1"), sms("k2")))).extracting(EnqueueResult::created)
                .containsExactly(true, true);
        assertThat(b.dispatchDue().attempted()).as("leased to a").isZero();
        claimed.clear();

        assertThat(a.dispatchDue().accepted()).isEqualTo(2);
        assertThat(claimed).as("a's round claimed nothing: it already held both").containsExactly(0);
        assertThat(sends).containsOnlyKeys("k1", "k2");
        assertThat(sends.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(a.messages(MessageStatus.SENT)).hasSize(2);
        assertThat(a.dispatchDue().attempted()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(b.dispatchDue().attempted()).as("a ended its leases when it saved the round").isZero();
    }

    @Test
    void aBuilderChangedAfterBuild_leavesTheOutboxItBuiltAsItWas() {
        OutboxBuilder builder = builder(store, "a", true).maxBatch(5);
        Outbox a = builder.build();
        Outbox b = builder.holder("b").claimOnEnqueue(false).maxBatch(1).build(); // the builder reused
        a.enqueueAll(List.of(sms("k1"), sms("k2"), sms("k3")));

        assertThat(b.dispatchDue().attempted()).as("a leased its messages when it enqueued them").isZero();
        assertThat(a.dispatchDue().accepted()).as("a sends up to 5 per round").isEqualTo(3);
        assertThat(sends).containsOnlyKeys("k1", "k2", "k3");
    }

    @Test
    void aKeyAnotherOutboxStoredFirst_isNotLeasedNorSentByTheEnqueuer() {
        Outbox a = outbox("a", true);
        Outbox b = outbox("b", false);
        b.enqueue(sms("k"));
        assertThat(a.enqueue(sms("k")).created()).isFalse();
        assertThat(b.dispatchDue().accepted()).isEqualTo(1);
        assertThat(a.dispatchDue().attempted()).isZero();
        assertThat(sends.get("k").get()).isEqualTo(1);
    }

    @Test
    void aRoundWithLessThanHalfTheLeaseLeft_releasesThemAndClaimsThemAsUsual() {
        Outbox a = outbox("a", true);
        Outbox b = outbox("b", false);
        a.enqueueAll(List.of(sms("k1"), sms("k2")));
        clock.advance(Duration.ofSeconds(31));
        assertThat(b.dispatchDue().attempted()).as("still leased to a").isZero();
        claimed.clear();
        assertThat(a.dispatchDue().accepted()).isEqualTo(2);
        assertThat(claimed).as("released, then claimed with a whole lease").containsExactly(2);
        assertThat(sends.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    @Test
    void anEnqueuerThatCrashesBeforeItsRound_leavesItsMessagesToAnotherOutboxWhenTheLeaseEnds() {
        outbox("a", true).enqueueAll(List.of(sms("k1"), sms("k2")));
        Outbox b = outbox("b", true);
        clock.advance(Duration.ofSeconds(59));
        assertThat(b.dispatchDue().attempted()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(b.dispatchDue().accepted()).isEqualTo(2);
        assertThat(sends.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    @Test
    void maxBatch_boundsARoundOfMessagesLeasedAtEnqueue_theRestGoNextRound() {
        Outbox a = builder(store, "a", true).maxBatch(2).build();
        a.enqueueAll(List.of(sms("k1"), sms("k2"), sms("k3")));
        assertThat(a.dispatchDue().accepted()).isEqualTo(2);
        assertThat(a.dispatchDue().accepted()).isEqualTo(1);
        assertThat(sends).containsOnlyKeys("k1", "k2", "k3");
    }

    @Test
    void storeFailingToSaveARound_endsTheLeasesTakenAtEnqueue_soAnotherOutboxSendsAtOnce() {
        AtomicInteger saves = new AtomicInteger();
        SharedOutboxStore flaky = new ForwardingSharedStore(memory) {
            @Override
            public Set<String> saveIfUnchanged(Collection<StoredMessage> changes) {
                if (saves.incrementAndGet() == 1) {
                    throw new OutboxStoreException("disk full");
                }
                return super.saveIfUnchanged(changes);
            }
        };
        Outbox a = builder(flaky, "a", true).build();
        a.enqueue(sms("k"));
        assertThatThrownBy(a::dispatchDue).isInstanceOf(OutboxStoreException.class).hasMessageContaining("disk full");
        assertThat(outbox("b", false).dispatchDue().accepted()).isEqualTo(1);
        assertThat(a.find("k").orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void storeThatCannotLeaseOnInsert_getsAPlainInsert_andAnyOutboxMaySendAtOnce() {
        SharedOutboxStore plain = new ForwardingSharedStore(memory) {
            @Override
            public Optional<Map<String, StoredMessage>> insertAbsentLeased(String holder, Instant leaseUntil,
                    Collection<OutboxMessage> messages) {
                return Optional.empty();
            }
        };
        builder(plain, "a", true).build().enqueue(sms("k"));
        assertThat(outbox("b", false).dispatchDue().accepted()).isEqualTo(1);
    }

    @Test
    void twoOutboxesEnqueuingAndDispatchingConcurrently_sendEachMessageOnce() throws Exception {
        Outbox a = outbox("a", true);
        Outbox b = outbox("b", true);
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (Outbox o : List.of(a, b)) {
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        o.enqueue(sms("k" + i)); // both enqueue the same keys: one of them stores each
                        o.dispatchDue();
                    }
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
        b.dispatchDue();
        assertThat(sends).hasSize(200);
        assertThat(sends.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(a.messages(MessageStatus.SENT)).hasSize(200);
    }
}
