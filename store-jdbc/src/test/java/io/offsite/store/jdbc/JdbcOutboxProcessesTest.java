package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.notify.Channel;
import io.offsite.notify.MessageStatus;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxBuilder;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.OutgoingMessage;
import io.offsite.notify.Receipt;
import io.offsite.notify.ReceiptOutcome;
import io.offsite.notify.RetryPolicy;
import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.SendResult;
import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Outboxes on JdbcOutboxStore as separate server processes would run them: two connection pools on one database,
 * one gateway that records every call. Every key is sent exactly once and none is lost, whatever happens.
 */
class JdbcOutboxProcessesTest {
    private static final Duration LEASE = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private static OutgoingMessage sms(int i) {
        return new OutgoingMessage("ep-" + i + "/request-owner-move", Channel.SMS, "13812345678", "【城管】请驶离 " + i);
    }

    private Gateway recording(Gateway then) {
        return r -> {
            calls.computeIfAbsent(r.key(), k -> new AtomicInteger()).incrementAndGet();
            return then.send(r);
        };
    }

    private Outbox outbox(OffsiteDatabase db, String holder, Gateway gw, RetryPolicy retry) {
        return builder(db, holder, gw).retry(retry).build();
    }

    private OutboxBuilder builder(OffsiteDatabase db, String holder, Gateway gw) {
        return Outbox.builder(JdbcOutboxStore.create(db)).clock(clock).holder(holder).leaseDuration(LEASE).maxBatch(7)
                .gateway(Channel.SMS, recording(gw));
    }

    private Outbox outbox(OffsiteDatabase db, String holder, Gateway gw) {
        return outbox(db, holder, gw, RetryPolicy.defaults());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoProcessesEnqueueingOverlappingKeysAndDispatchingConcurrently_sendEveryKeyExactlyOnce(Dialect dialect)
            throws Exception {
        try (HikariDataSource ds1 = TestDatabases.fresh(dialect, dir); HikariDataSource ds2 = TestDatabases.sameAs(ds1);
                OffsiteDatabase db1 = TestDatabases.open(ds1, clock); OffsiteDatabase db2 = TestDatabases.open(ds2, clock)) {
            Gateway accept = r -> SendResult.accepted("p-" + r.key());
            // server-1 leases what it inserts (claimOnEnqueue), server-2 claims everything it sends
            List<Outbox> outboxes = List.of(builder(db1, "server-1", accept).claimOnEnqueue(true).build(),
                    outbox(db2, "server-2", accept));
            CountDownLatch start = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                Outbox o = outboxes.get(p);
                // both start with keys 150..299 at the same time, then server-1 does 0..149 and server-2 300..449
                int rest = p == 0 ? 0 : 300;
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                        for (int batch = 0; batch < 30; batch++) {
                            int first = batch < 15 ? 150 + batch * 10 : rest + (batch - 15) * 10;
                            o.enqueueAll(IntStream.range(first, first + 10).mapToObj(JdbcOutboxProcessesTest::sms).toList());
                            o.dispatchDue();
                        }
                        while (o.dispatchDue().attempted() > 0) {
                            // drain
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }, "dispatcher-" + p));
            }
            threads.forEach(Thread::start);
            start.countDown();
            for (Thread t : threads) {
                t.join(120_000);
            }
            assertThat(failure.get()).isNull();
            assertThat(outboxes.get(0).dispatchDue().attempted()).isZero();
            assertThat(calls).hasSize(450);
            assertThat(calls.entrySet()).allSatisfy(e -> assertThat(e.getValue().get()).as(e.getKey()).isEqualTo(1));
            List<OutboxMessage> stored = JdbcOutboxStore.create(db1).loadAll();
            assertThat(stored).hasSize(450).allSatisfy(m -> {
                assertThat(m.status()).isEqualTo(MessageStatus.SENT);
                assertThat(m.providerId()).contains("p-" + m.key());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void holderThatCrashedWithLeases_isTakenOverWhenTheyRunOut_eachMessageSentOnce(Dialect dialect) {
        try (HikariDataSource ds1 = TestDatabases.fresh(dialect, dir); HikariDataSource ds2 = TestDatabases.sameAs(ds1);
                OffsiteDatabase db1 = TestDatabases.open(ds1, clock); OffsiteDatabase db2 = TestDatabases.open(ds2, clock)) {
            Outbox survivor = outbox(db2, "server-2", r -> SendResult.accepted("p"));
            survivor.enqueueAll(IntStream.range(0, 5).mapToObj(JdbcOutboxProcessesTest::sms).toList());
            // server-1 claimed them and died before calling its gateway
            JdbcOutboxStore crashed = JdbcOutboxStore.create(db1);
            assertThat(crashed.claimDue("server-1", clock.instant(), clock.instant().plus(LEASE), 10)).hasSize(5);

            assertThat(survivor.dispatchDue().attempted()).isZero();
            clock.advance(LEASE.minusSeconds(1));
            assertThat(survivor.dispatchDue().attempted()).isZero();
            clock.advance(Duration.ofSeconds(1));
            int sent = 0;
            for (int round = 0; round < 3; round++) {
                sent += survivor.dispatchDue().attempted();
            }
            assertThat(sent).isEqualTo(5);
            assertThat(calls).hasSize(5);
            assertThat(calls.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(survivor.messages(MessageStatus.SENT)).hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void failingGateway_isRetriedByEitherProcess_thenDeadLettered_nothingLost(Dialect dialect) {
        try (HikariDataSource ds1 = TestDatabases.fresh(dialect, dir); HikariDataSource ds2 = TestDatabases.sameAs(ds1);
                OffsiteDatabase db1 = TestDatabases.open(ds1, clock); OffsiteDatabase db2 = TestDatabases.open(ds2, clock)) {
            RetryPolicy retry = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofSeconds(10)).jitter(0).build();
            AtomicInteger n = new AtomicInteger();
            Gateway flaky = r -> {
                if (n.incrementAndGet() % 2 == 0) {
                    throw new IllegalStateException("connection reset");
                }
                return SendResult.retryable("503 busy");
            };
            Outbox a = outbox(db1, "server-1", flaky, retry);
            Outbox b = outbox(db2, "server-2", flaky, retry);
            a.enqueueAll(IntStream.range(0, 4).mapToObj(JdbcOutboxProcessesTest::sms).toList());
            for (int round = 0; round < 8; round++) {
                (round % 2 == 0 ? b : a).dispatchDue();
                clock.advance(Duration.ofMinutes(1));
            }
            List<OutboxMessage> dead = a.messages(MessageStatus.DEAD_LETTER);
            assertThat(dead).hasSize(4).allSatisfy(m -> {
                assertThat(m.attempts()).isEqualTo(3);
                assertThat(m.deadLetterReason().orElseThrow()).contains("gave up after 3 attempts");
            });
            assertThat(calls.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(3));
            assertThat(b.size()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void databaseGoingAwayMidRound_failsTheRound_andMarksNothingSent(Dialect dialect) {
        try (HikariDataSource ds1 = TestDatabases.fresh(dialect, dir); OffsiteDatabase db1 = TestDatabases.open(ds1, clock)) {
            HikariDataSource ds2 = TestDatabases.sameAs(ds1);
            OffsiteDatabase db2 = TestDatabases.open(ds2, clock);
            Outbox doomed = outbox(db2, "server-2", r -> {
                ds2.close(); // the database goes away while the round is at the gateway
                return SendResult.accepted("p");
            });
            doomed.enqueueAll(IntStream.range(0, 3).mapToObj(JdbcOutboxProcessesTest::sms).toList());
            assertThatThrownBy(doomed::dispatchDue).isInstanceOf(StoreException.class)
                    .hasMessageContaining("saving");
            assertThatThrownBy(doomed::dispatchDue).isInstanceOf(StoreException.class);

            Outbox survivor = outbox(db1, "server-1", r -> SendResult.accepted("p2"));
            assertThat(survivor.messages(MessageStatus.PENDING)).hasSize(3)
                    .allSatisfy(m -> assertThat(m.attempts()).isZero());
            assertThat(survivor.messages(MessageStatus.SENT)).isEmpty();
            clock.advance(LEASE);
            assertThat(survivor.dispatchDue().accepted()).isEqualTo(3);
            assertThat(survivor.messages(MessageStatus.SENT)).hasSize(3)
                    .allSatisfy(m -> assertThat(m.providerId()).contains("p2"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void restartOnTheSameDatabase_resumes_andReceiptsReachAnyProcess(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            try (OffsiteDatabase db = TestDatabases.open(ds, clock)) {
                Outbox before = outbox(db, "server-1", r -> SendResult.accepted("p-" + r.key()));
                before.enqueueAll(IntStream.range(0, 3).mapToObj(JdbcOutboxProcessesTest::sms).toList());
                before.dispatchDue();
                before.enqueueAll(IntStream.range(3, 5).mapToObj(JdbcOutboxProcessesTest::sms).toList());
            }
            try (HikariDataSource again = TestDatabases.sameAs(ds); OffsiteDatabase db = TestDatabases.open(again, clock)) {
                Outbox after = outbox(db, "server-1b", r -> SendResult.accepted("q-" + r.key()));
                assertThat(after.size()).isEqualTo(5);
                assertThat(after.enqueue(sms(0)).created()).isFalse();
                Instant at = clock.instant().plusSeconds(30);
                assertThat(after.onReceipt(Receipt.forProviderId("p-" + sms(0).key(), Receipt.Status.DELIVERED, at, "DELIVRD")))
                        .isEqualTo(ReceiptOutcome.APPLIED);
                assertThat(after.find(sms(0).key()).orElseThrow().deliveredAt()).contains(at);
                assertThat(after.dispatchDue().accepted()).isEqualTo(2);
                clock.advance(Duration.ofMinutes(16)); // the receipt time-out of the four never confirmed
                assertThat(after.dispatchDue().receiptTimeouts()).isEqualTo(4);
                assertThat(after.messages(MessageStatus.DELIVERED)).hasSize(1);
                assertThat(calls.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(5);
            }
        }
    }
}
