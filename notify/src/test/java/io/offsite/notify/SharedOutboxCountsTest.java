package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.notify.spi.SendResult;
import io.offsite.notify.spi.SharedOutboxStore;
import io.offsite.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An outbox on a shared store answers {@link Outbox#size()}, {@link Outbox#count}, {@link Outbox#messages},
 * {@link Outbox#findAll} and {@link Outbox#nextDueAt()}
 * through the store's own counting and due-time methods, never by reading every stored message, and agrees with an
 * outbox on a private store given the same history.
 */
class SharedOutboxCountsTest {
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
    private final SharedOutboxStore store = new ForwardingSharedStore(OutboxStores.sharedInMemory()) {
        @Override
        public List<OutboxMessage> loadAll() {
            throw new AssertionError("the outbox read every stored message");
        }
    };

    private static OutgoingMessage sms(String key) {
        return new OutgoingMessage(key, Channel.SMS, "13812345678", "【黄岩综合执法】请驶离");
    }

    private Outbox outbox(io.offsite.notify.spi.OutboxStore on) {
        return Outbox.builder(on).clock(clock).random(new SplittableRandom(7)).holder("a")
                .gateway(Channel.SMS, req -> req.key().startsWith("bad")
                        ? SendResult.rejected("unknown number") : SendResult.accepted("p-" + req.key()))
                .build();
    }

    private static void history(Outbox o, SettableClock clock) {
        o.enqueueAll(List.of(sms("k1"), sms("k2"), sms("bad1")));
        o.dispatchDue();
        clock.advance(Duration.ofSeconds(1));
        o.enqueue(sms("k3"));
        o.onReceipt(Receipt.forKey("k1", Receipt.Status.DELIVERED, clock.instant(), "DELIVRD"));
    }

    @Test
    void sizeCountsAndNextDue_comeFromTheSharedStore_andMatchAPrivateOutbox() {
        Outbox shared = outbox(store);
        assertThat(shared.size()).isZero();
        assertThat(shared.nextDueAt()).isEmpty();
        history(shared, clock);

        SettableClock privateClock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
        Outbox alone = Outbox.builder(OutboxStores.inMemory()).clock(privateClock).random(new SplittableRandom(7))
                .gateway(Channel.SMS, req -> req.key().startsWith("bad")
                        ? SendResult.rejected("unknown number") : SendResult.accepted("p-" + req.key()))
                .build();
        history(alone, privateClock);

        assertThat(shared.size()).isEqualTo(alone.size()).isEqualTo(4);
        for (MessageStatus s : MessageStatus.values()) {
            assertThat(shared.count(s)).as(s.name()).isEqualTo(alone.count(s));
        }
        assertThat(shared.count(MessageStatus.PENDING)).isEqualTo(1);
        assertThat(shared.count(MessageStatus.DELIVERED)).isEqualTo(1);
        assertThat(shared.count(MessageStatus.SENT)).isEqualTo(1);
        assertThat(shared.nextDueAt()).isEqualTo(alone.nextDueAt()).hasValue(clock.instant());
        for (MessageStatus s : MessageStatus.values()) {
            assertThat(shared.messages(s)).as(s.name()).containsExactlyInAnyOrderElementsOf(alone.messages(s));
        }
        assertThat(shared.messages(MessageStatus.DEAD_LETTER)).extracting(OutboxMessage::key).containsExactly("bad1");
        List<String> asked = List.of("k3", "missing", "bad1", "k1", "k3");
        assertThat(shared.findAll(asked)).as("in the keys' order, absent and repeated keys once")
                .containsExactlyEntriesOf(alone.findAll(asked)).containsOnlyKeys("k3", "bad1", "k1");
        assertThat(shared.findAll(asked).keySet()).containsExactly("k3", "bad1", "k1");
        assertThat(alone.findAll(asked).keySet()).containsExactly("k3", "bad1", "k1");
    }
}
