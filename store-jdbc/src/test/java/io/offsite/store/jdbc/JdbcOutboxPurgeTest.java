package io.offsite.store.jdbc;

import static io.offsite.store.jdbc.JdbcOutboxStoreTest.T0;
import static io.offsite.store.jdbc.JdbcOutboxStoreTest.pendingAt;
import static io.offsite.store.jdbc.JdbcOutboxStoreTest.sentAs;
import static io.offsite.store.jdbc.JdbcOutboxStoreTest.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.notify.Channel;
import io.offsite.notify.MessageStatus;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.spi.SendResult;
import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Purging the outbox table: which final rows {@code removeFinal} deletes, in chunks, on both dialects. */
class JdbcOutboxPurgeTest {
    @TempDir
    Path dir;

    private final SettableClock clock = SettableClock.at(T0);

    /** A message final at {@code at}: DELIVERED, or DEAD_LETTER when {@code dead}. */
    static OutboxMessage finalAt(String key, Instant at, boolean dead) {
        return new OutboxMessage(sms(key), dead ? MessageStatus.DEAD_LETTER : MessageStatus.DELIVERED, 1, T0,
                Optional.empty(), Optional.of(T0), Optional.of(T0), dead ? Optional.empty() : Optional.of(T0),
                dead ? Optional.empty() : Optional.of(at), dead ? Optional.of(at) : Optional.empty(),
                Optional.of("p-" + key), Optional.empty(), dead ? Optional.of("rejected") : Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void removeFinal_deletesOnlyFinalRowsOfEarlierSeconds_inChunks_andOutboxPurgeLoopsOverThem(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            JdbcOutboxStore store = JdbcOutboxStore.create(db);
            Instant day = Instant.parse("2026-03-09T00:00:00Z");
            List<OutboxMessage> rows = new ArrayList<>();
            for (int i = 0; i < 25; i++) { // delivered across the day before, with and without fractions
                rows.add(finalAt("old-delivered-" + i, day.minusSeconds(3_600L * i + 1).plusNanos(i * 37_000L), false));
            }
            rows.add(finalAt("old-dead", day.minus(Duration.ofDays(40)), true));
            rows.add(finalAt("same-second-earlier", day.plusSeconds(5).plusMillis(100), false)); // before 05.5, in its second: kept
            rows.add(finalAt("same-second-whole", day.plusSeconds(5), true)); // the same
            rows.add(finalAt("newer", day.plusSeconds(6), false));
            rows.add(finalAt("year-10000", Instant.parse("+10000-01-01T00:00:00Z"), false));
            rows.add(pendingAt("pending-old", day.minus(Duration.ofDays(90))));
            rows.add(sentAs("sent-old", "p-sent-old", 1));
            store.insertAbsent(rows);
            Instant cut = day.plusSeconds(5).plusMillis(500);

            assertThat(store.removeFinal(cut, 10)).as("one chunk").isEqualTo(10);
            assertThat(store.count()).isEqualTo(rows.size() - 10);
            assertThatThrownBy(() -> store.removeFinal(cut, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("max");
            assertThat(store.removeFinal(Instant.parse("-0001-01-01T00:00:00Z"), 10)).isZero();

            Outbox outbox = Outbox.builder(store).clock(clock).holder("purger")
                    .gateway(Channel.SMS, r -> SendResult.accepted("p")).build();
            assertThat(outbox.purgeFinal(cut)).as("the other 16 older ones").isEqualTo(16);
            assertThat(store.loadAll()).extracting(OutboxMessage::key).containsExactlyInAnyOrder(
                    "same-second-earlier", "same-second-whole", "newer", "year-10000", "pending-old", "sent-old");
            assertThat(outbox.purgeFinal(cut.plusSeconds(1))).as("the next second's purge").isEqualTo(2);
            assertThat(store.removeFinal(Instant.parse("+10001-01-01T00:00:00Z"), 100))
                    .as("every row of a four-digit year; never year 10000's").isEqualTo(1);
            assertThat(store.loadAll()).extracting(OutboxMessage::key)
                    .containsExactlyInAnyOrder("year-10000", "pending-old", "sent-old");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoStoresPurgingOneTableAtOnce_removeEveryFinalRowOnce_withoutAnError(Dialect dialect) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            Instant day = Instant.parse("2026-03-09T00:00:00Z");
            List<OutboxMessage> rows = new ArrayList<>();
            for (int i = 0; i < 6_000; i++) {
                rows.add(finalAt("f-" + i, day.minusSeconds(1 + i % 7_200), i % 10 == 0));
            }
            rows.add(pendingAt("pending", day.minus(Duration.ofDays(2))));
            JdbcOutboxStore.create(db).insertAbsent(rows);
            // two servers on one database purge at the same hour: each removes chunks until one comes back empty
            List<JdbcOutboxStore> stores = List.of(JdbcOutboxStore.create(db), JdbcOutboxStore.create(db));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> removed = new ArrayList<>();
                for (JdbcOutboxStore store : stores) {
                    removed.add(pool.submit(() -> {
                        start.await();
                        int total = 0;
                        for (int n = store.removeFinal(day, 700); n > 0; n = store.removeFinal(day, 700)) {
                            total += n;
                        }
                        return total;
                    }));
                }
                start.countDown();
                int sum = 0;
                for (Future<Integer> f : removed) {
                    sum += f.get(120, TimeUnit.SECONDS);
                }
                assertThat(sum).as("each final row removed by exactly one store").isEqualTo(6_000);
            } finally {
                pool.shutdownNow();
            }
            assertThat(stores.get(0).loadAll()).extracting(OutboxMessage::key).containsExactly("pending");
        }
    }
}
