package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.notify.spi.OutboxListener;
import io.offsite.notify.spi.OutboxStore;
import io.offsite.notify.spi.SendResult;
import io.offsite.notify.spi.SharedOutboxStore;
import io.offsite.notify.spi.StoredMessage;
import io.offsite.testkit.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link Outbox#onReceipts}: the same decisions as {@link Outbox#onReceipt} one by one, saved with one commit. */
class OutboxReceiptsBatchTest {
    private static final List<String> KEYS = List.of("k0", "k1", "k2", "k3", "k4", "k5");
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));

    private static OutgoingMessage sms(String key) {
        return new OutgoingMessage(key, Channel.SMS, "13812345678", "【城管】请驶离");
    }

    /** Records every listener call as "kind:key:status". */
    private static OutboxListener recording(List<String> events) {
        return new OutboxListener() {
            @Override
            public void onSent(OutboxMessage m) {
                events.add("sent:" + m.key() + ":" + m.status());
            }

            @Override
            public void onDelivered(OutboxMessage m) {
                events.add("delivered:" + m.key() + ":" + m.status());
            }

            @Override
            public void onDeadLettered(OutboxMessage m) {
                events.add("dead:" + m.key() + ":" + m.status());
            }
        };
    }

    /** An outbox on {@code store} with the KEYS enqueued; k0..k3 sent and accepted ("p-" + key), k4, k5 pending. */
    private Outbox outbox(OutboxStore store, List<String> events) {
        Outbox o = Outbox.builder(store).clock(clock).random(new SplittableRandom(7)).holder("h")
                .retry(RetryPolicy.builder().maxAttempts(2).build()).listener(recording(events))
                .gateway(Channel.SMS, r -> SendResult.accepted("p-" + r.key())).maxBatch(4).build();
        o.enqueueAll(KEYS.stream().map(OutboxReceiptsBatchTest::sms).toList());
        o.dispatchDue();
        events.clear();
        return o;
    }

    private static List<Receipt> randomReceipts(SplittableRandom rnd, Instant at) {
        List<Receipt> out = new ArrayList<>();
        int n = rnd.nextInt(1, 12);
        Receipt.Status[] statuses = Receipt.Status.values();
        for (int i = 0; i < n; i++) {
            String key = rnd.nextInt(8) == 0 ? "unknown-" + i : KEYS.get(rnd.nextInt(KEYS.size()));
            Receipt.Status status = statuses[rnd.nextInt(statuses.length)];
            Instant when = at.plusSeconds(rnd.nextInt(0, 5));
            out.add(rnd.nextBoolean() ? Receipt.forKey(key, status, when, "d" + i)
                    : Receipt.forProviderId("p-" + key, status, when, "d" + i));
        }
        return out;
    }

    private void sameAsOneByOne(Supplier<OutboxStore> stores) {
        SplittableRandom rnd = new SplittableRandom(2026);
        for (int run = 0; run < 300; run++) {
            List<String> batchEvents = new ArrayList<>();
            List<String> eachEvents = new ArrayList<>();
            Outbox batch = outbox(stores.get(), batchEvents);
            Outbox each = outbox(stores.get(), eachEvents);
            List<Receipt> receipts = randomReceipts(rnd, clock.instant());
            List<ReceiptOutcome> expected = new ArrayList<>();
            receipts.forEach(r -> expected.add(each.onReceipt(r)));

            assertThat(batch.onReceipts(receipts)).as("outcomes of %s", receipts).isEqualTo(expected);
            for (String k : KEYS) {
                assertThat(batch.find(k)).as("message %s after %s", k, receipts).isEqualTo(each.find(k));
            }
            assertThat(batchEvents).as("events of %s", receipts).containsExactlyInAnyOrderElementsOf(eachEvents);
        }
    }

    @Test
    void onReceipts_givesTheOutcomesStatesAndEventsOfOnReceiptOneByOne_onAPrivateStore() {
        sameAsOneByOne(OutboxStores::inMemory);
    }

    @Test
    void onReceipts_givesTheOutcomesStatesAndEventsOfOnReceiptOneByOne_onASharedStore() {
        sameAsOneByOne(OutboxStores::sharedInMemory);
    }

    /** Counts the calls a batch of receipts makes. */
    private static final class CountingStore extends ForwardingSharedStore {
        final AtomicInteger singleReads = new AtomicInteger();
        final AtomicInteger batchReads = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();

        CountingStore(SharedOutboxStore delegate) {
            super(delegate);
        }

        @Override
        public java.util.Optional<StoredMessage> find(String key) {
            singleReads.incrementAndGet();
            return super.find(key);
        }

        @Override
        public java.util.Optional<StoredMessage> findByProviderId(String providerId) {
            singleReads.incrementAndGet();
            return super.findByProviderId(providerId);
        }

        @Override
        public Map<String, StoredMessage> findAll(Collection<String> keys) {
            batchReads.incrementAndGet();
            return super.findAll(keys);
        }

        @Override
        public Map<String, StoredMessage> findAllByProviderId(Collection<String> providerIds) {
            batchReads.incrementAndGet();
            return super.findAllByProviderId(providerIds);
        }

        @Override
        public Set<String> saveIfUnchanged(Collection<StoredMessage> changes) {
            writes.incrementAndGet();
            return super.saveIfUnchanged(changes);
        }
    }

    /** An outbox on {@code store} that sends nothing: another process receiving the receipts. */
    private Outbox receiver(OutboxStore store, List<String> events) {
        return Outbox.builder(store).clock(clock).random(new SplittableRandom(7)).holder("receiver")
                .retry(RetryPolicy.builder().maxAttempts(2).build()).listener(recording(events))
                .gateway(Channel.SMS, r -> SendResult.accepted("r-" + r.key())).build();
    }

    @Test
    void onReceipts_atTheOutboxThatSentTheMessages_readsNothing_andSavesThemWithOneWrite() {
        CountingStore store = new CountingStore(OutboxStores.sharedInMemory());
        Outbox o = outbox(store, new ArrayList<>());
        store.writes.set(0);
        List<ReceiptOutcome> outcomes = o.onReceipts(List.of(
                Receipt.forKey("k0", Receipt.Status.DELIVERED, clock.instant(), ""),
                Receipt.forProviderId("p-k1", Receipt.Status.DELIVERED, clock.instant(), ""),
                Receipt.forKey("k2", Receipt.Status.FAILED, clock.instant(), "UNDELIV"),
                Receipt.forKey("k0", Receipt.Status.DELIVERED, clock.instant(), "")));
        assertThat(outcomes).containsExactly(ReceiptOutcome.APPLIED, ReceiptOutcome.APPLIED, ReceiptOutcome.APPLIED,
                ReceiptOutcome.DUPLICATE);
        assertThat(store.singleReads).hasValue(0);
        assertThat(store.batchReads).as("the states it wrote when it sent them stand in for reads").hasValue(0);
        assertThat(store.writes).hasValue(1);
        assertThat(o.find("k0").orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(o.find("k2").orElseThrow().status()).isEqualTo(MessageStatus.PENDING);
        assertThat(o.onReceipts(List.of(Receipt.forKey("k0", Receipt.Status.DELIVERED, clock.instant(), ""))))
                .containsExactly(ReceiptOutcome.DUPLICATE);
        assertThat(store.batchReads).as("a message no longer awaiting its receipt is read").hasValue(1);
    }

    @Test
    void aReceiptDecidedOnTheStateTheSenderWrote_withoutAWrite_isDecidedAgainOnTheStoredState() {
        SharedOutboxStore shared = OutboxStores.sharedInMemory();
        List<String> events = new ArrayList<>();
        Outbox sender = outbox(shared, events);
        // another process learns that k1 failed: k1 is PENDING again (a retry) while the sender remembers it SENT
        assertThat(receiver(shared, new ArrayList<>()).onReceipt(Receipt.forKey("k1", Receipt.Status.FAILED,
                clock.instant(), "UNDELIV"))).isEqualTo(ReceiptOutcome.APPLIED);
        // on the remembered SENT state a SENT receipt is a duplicate; on the stored PENDING one it is news
        assertThat(sender.onReceipts(List.of(Receipt.forKey("k1", Receipt.Status.SENT, clock.instant(), ""),
                Receipt.forKey("k0", Receipt.Status.DELIVERED, clock.instant(), ""))))
                .containsExactly(ReceiptOutcome.APPLIED, ReceiptOutcome.APPLIED);
        assertThat(sender.find("k1").orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(events).containsExactlyInAnyOrder("sent:k1:SENT", "delivered:k0:DELIVERED");
    }

    @Test
    void onReceipts_onASharedStore_readsTheMessagesTogetherAndSavesThemWithOneWrite() {
        CountingStore store = new CountingStore(OutboxStores.sharedInMemory());
        outbox(store, new ArrayList<>());
        Outbox o = receiver(store, new ArrayList<>());
        store.writes.set(0);
        List<ReceiptOutcome> outcomes = o.onReceipts(List.of(
                Receipt.forKey("k0", Receipt.Status.DELIVERED, clock.instant(), ""),
                Receipt.forProviderId("p-k1", Receipt.Status.DELIVERED, clock.instant(), ""),
                Receipt.forKey("k2", Receipt.Status.FAILED, clock.instant(), "UNDELIV"),
                Receipt.forKey("k0", Receipt.Status.DELIVERED, clock.instant(), "")));
        assertThat(outcomes).containsExactly(ReceiptOutcome.APPLIED, ReceiptOutcome.APPLIED, ReceiptOutcome.APPLIED,
                ReceiptOutcome.DUPLICATE);
        assertThat(store.singleReads).hasValue(0);
        assertThat(store.batchReads).hasValue(2);
        assertThat(store.writes).hasValue(1);
        assertThat(o.find("k0").orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(o.find("k1").orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(o.find("k2").orElseThrow().status()).isEqualTo(MessageStatus.PENDING);
    }

    @Test
    void aMessageAnotherProcessChangedMeanwhile_hasItsReceiptsAppliedAgainToTheNewerState() {
        SharedOutboxStore shared = OutboxStores.sharedInMemory();
        List<String> otherEvents = new ArrayList<>();
        Outbox other = Outbox.builder(shared).clock(clock).holder("other").listener(recording(otherEvents))
                .gateway(Channel.SMS, r -> SendResult.accepted("p-" + r.key())).build();
        AtomicBoolean interfered = new AtomicBoolean();
        ForwardingSharedStore racing = new ForwardingSharedStore(shared) {
            @Override
            public Map<String, StoredMessage> findAll(Collection<String> keys) {
                Map<String, StoredMessage> read = super.findAll(keys);
                if (interfered.compareAndSet(false, true)) { // another process applies k1's receipt right after our read
                    other.onReceipt(Receipt.forKey("k1", Receipt.Status.DELIVERED, clock.instant(), "other"));
                }
                return read;
            }
        };
        List<String> events = new ArrayList<>();
        outbox(racing, new ArrayList<>());
        Outbox o = receiver(racing, events);
        List<ReceiptOutcome> outcomes = o.onReceipts(List.of(
                Receipt.forKey("k1", Receipt.Status.DELIVERED, clock.instant(), "mine"),
                Receipt.forKey("k2", Receipt.Status.DELIVERED, clock.instant(), "mine")));
        assertThat(interfered).isTrue();
        assertThat(outcomes).containsExactly(ReceiptOutcome.DUPLICATE, ReceiptOutcome.APPLIED);
        assertThat(events).containsExactly("delivered:k2:DELIVERED");
        assertThat(otherEvents).containsExactly("delivered:k1:DELIVERED");
        assertThat(o.find("k1").orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void onReceipts_whoseWriteFails_appliesNoneAndTellsNoListener() {
        List<String> events = new ArrayList<>();
        ForwardingSharedStore failing = new ForwardingSharedStore(OutboxStores.sharedInMemory()) {
            boolean fail;

            @Override
            public Set<String> saveIfUnchanged(Collection<StoredMessage> changes) {
                if (fail) {
                    throw new OutboxStoreException("disk full");
                }
                fail = changes.size() > 1; // the dispatch round's own write passes; the receipts' write fails
                return super.saveIfUnchanged(changes);
            }
        };
        Outbox o = outbox(failing, events);
        assertThatThrownBy(() -> o.onReceipts(List.of(
                Receipt.forKey("k0", Receipt.Status.DELIVERED, clock.instant(), ""),
                Receipt.forKey("k1", Receipt.Status.DELIVERED, clock.instant(), ""))))
                .isInstanceOf(OutboxStoreException.class).hasMessageContaining("disk full");
        assertThat(events).isEmpty();
        assertThat(o.find("k0").orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(o.find("k1").orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    }
}
