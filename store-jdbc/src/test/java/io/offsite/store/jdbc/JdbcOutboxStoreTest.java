package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.notify.Channel;
import io.offsite.notify.MessageStatus;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.OutgoingMessage;
import io.offsite.notify.spi.StoredMessage;
import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox table itself: every message state round-trips, versions guard writes, leases, corrupt rows. */
class JdbcOutboxStoreTest {
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00.123456789Z");

    @TempDir
    Path dir;

    private final SettableClock clock = SettableClock.at(T0);

    static OutgoingMessage sms(String key) {
        return new OutgoingMessage(key, Channel.SMS, "+8613812345678", "【城管】请驶离 — 'quotes' \"and\" ünïcode");
    }

    /** One message in every state, with nanosecond instants and every optional field used somewhere. */
    static List<OutboxMessage> everyState() {
        Instant t1 = T0.plusNanos(1);
        Instant t2 = T0.plusSeconds(2);
        OutboxMessage pending = new OutboxMessage(sms("ep-1/pending"), MessageStatus.PENDING, 0, T0, Optional.of(T0),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        OutboxMessage retrying = new OutboxMessage(new OutgoingMessage("ep-1/voice", Channel.VOICE, "cam-7", "请驶离"),
                MessageStatus.PENDING, 2, T0, Optional.of(t2), Optional.of(t1), Optional.of(t1), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("attempt 2 failed: 503"),
                Optional.empty());
        OutboxMessage sent = new OutboxMessage(new OutgoingMessage("ep-2/push", Channel.PUSH, "tok-1", "move"),
                MessageStatus.SENT, 1, T0, Optional.of(t2.plus(Duration.ofMinutes(15))), Optional.of(t1),
                Optional.of(t1), Optional.of(t1), Optional.empty(), Optional.empty(), Optional.of("p-sent"),
                Optional.empty(), Optional.empty());
        OutboxMessage delivered = new OutboxMessage(sms("ep-3/delivered"), MessageStatus.DELIVERED, 1, T0,
                Optional.empty(), Optional.of(t1), Optional.of(t1), Optional.of(t1), Optional.of(t2), Optional.empty(),
                Optional.of("p-delivered"), Optional.empty(), Optional.empty());
        OutboxMessage dead = new OutboxMessage(sms("ep-4/dead"), MessageStatus.DEAD_LETTER, 3, T0, Optional.empty(),
                Optional.of(t1), Optional.of(t2), Optional.empty(), Optional.empty(), Optional.of(t2), Optional.empty(),
                Optional.of("x".repeat(5000)), Optional.of("gave up after 3 attempts"));
        return List.of(pending, retrying, sent, delivered, dead);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyMessageState_roundTripsExactly_alsoThroughANewStore(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            JdbcOutboxStore store = JdbcOutboxStore.create(db);
            assertThat(store.insertAbsent(everyState())).isEmpty();
            assertThat(store.loadAll()).containsExactlyElementsOf(everyState());
            for (OutboxMessage m : everyState()) {
                assertThat(store.find(m.key())).contains(new StoredMessage(m, 1));
            }
            assertThat(store.findByProviderId("p-sent").orElseThrow().message()).isEqualTo(everyState().get(2));
            assertThat(store.findByProviderId("nope")).isEmpty();
            assertThat(store.find("nope")).isEmpty();
            store.close();
            try (HikariDataSource second = TestDatabases.sameAs(ds); OffsiteDatabase db2 = TestDatabases.open(second, clock)) {
                assertThat(JdbcOutboxStore.create(db2).loadAll()).containsExactlyElementsOf(everyState());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void insertAbsent_ofAStoredKey_keepsTheStoredMessageAndReturnsIt(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            JdbcOutboxStore store = JdbcOutboxStore.create(db);
            OutboxMessage first = everyState().get(0);
            store.insertAbsent(List.of(first));
            OutboxMessage other = new OutboxMessage(new OutgoingMessage(first.key(), Channel.SMS, "13900000000", "other"),
                    MessageStatus.PENDING, 0, T0.plusSeconds(5), Optional.of(T0.plusSeconds(5)), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
            Map<String, StoredMessage> existing = store.insertAbsent(List.of(other, everyState().get(1)));
            assertThat(existing).containsOnlyKeys(first.key());
            assertThat(existing.get(first.key()).message()).isEqualTo(first);
            assertThat(store.loadAll()).containsExactly(first, everyState().get(1));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void claimsLeasesAndVersions_followTheSpi(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            JdbcOutboxStore store = JdbcOutboxStore.create(db);
            store.insertAbsent(everyState());
            Instant now = T0.plusSeconds(3);
            List<StoredMessage> a = store.claimDue("a", now, now.plusSeconds(60), 10);
            assertThat(a).extracting(StoredMessage::key).containsExactly("ep-1/pending", "ep-1/voice");
            assertThat(a).extracting(StoredMessage::version).containsOnly(2L);
            assertThat(store.claimDue("b", now, now.plusSeconds(60), 10)).as("leased to a").isEmpty();
            assertThat(store.claimDue("a", now, now.plusSeconds(60), 10)).as("a's own live lease too").isEmpty();

            StoredMessage stale = new StoredMessage(a.get(0).message(), 1);
            assertThat(store.saveIfUnchanged(List.of(stale, a.get(1)))).containsExactly("ep-1/pending");
            assertThat(store.find("ep-1/voice").orElseThrow().version()).isEqualTo(3);

            store.release("b", List.of("ep-1/pending"));
            assertThat(store.claimDue("b", now, now.plusSeconds(60), 10)).as("b cannot end a's lease").isEmpty();
            store.release("a", List.of("ep-1/pending"));
            assertThat(store.claimDue("b", now, now.plusSeconds(60), 1)).extracting(StoredMessage::key)
                    .containsExactly("ep-1/pending");
            Instant later = now.plusSeconds(60);
            assertThat(store.claimDue("c", later, later.plusSeconds(60), 10)).extracting(StoredMessage::key)
                    .as("both leases ran out").containsExactly("ep-1/pending", "ep-1/voice");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void insertAbsentLeased_leasesOnlyTheRowsItInserts_untilTheirLeaseEndsOrIsReleased(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            JdbcOutboxStore store = JdbcOutboxStore.create(db);
            List<OutboxMessage> all = everyState();
            store.insertAbsent(List.of(all.get(1)));
            Instant now = T0.plusSeconds(3);
            Map<String, StoredMessage> existing = store.insertAbsentLeased("a", now.plusSeconds(60), List.of(all.get(0),
                    all.get(1))).orElseThrow();
            assertThat(existing).as("stored before: returned, not leased").containsOnlyKeys("ep-1/voice");
            assertThat(store.find("ep-1/pending")).contains(new StoredMessage(all.get(0), 1));
            assertThat(store.claimDue("b", now, now.plusSeconds(60), 10)).extracting(StoredMessage::key)
                    .as("the leased insert is not claimable; the key stored before is").containsExactly("ep-1/voice");
            assertThat(store.claimDue("a", now, now.plusSeconds(60), 10)).as("nor by its own holder").isEmpty();
            assertThat(store.saveIfUnchangedAndRelease("a", List.of(), List.of("ep-1/pending"))).isEmpty();
            assertThat(store.claimDue("b", now, now.plusSeconds(60), 10)).extracting(StoredMessage::key)
                    .as("released: due at once").containsExactly("ep-1/pending");

            store.insertAbsentLeased("a", now.plusSeconds(60), List.of(all.get(3), all.get(4), pendingAt("ep-9/x", now)));
            assertThat(store.claimDue("b", now.plusSeconds(59), now.plusSeconds(120), 10)).isEmpty();
            assertThat(store.claimDue("b", now.plusSeconds(60), now.plusSeconds(120), 10))
                    .extracting(StoredMessage::key, StoredMessage::version)
                    .as("every lease ran out (b's earlier claims too); final rows are never due")
                    .containsExactlyInAnyOrder(tuple("ep-9/x", 2L), tuple("ep-1/pending", 3L), tuple("ep-1/voice", 3L));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void countsSelectionsByStatusAndNextDue_areAnsweredInTheDatabase_toTheNanosecond(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            JdbcOutboxStore store = JdbcOutboxStore.create(db);
            assertThat(store.count()).isZero();
            assertThat(store.nextDueAt()).isEmpty();
            List<OutboxMessage> all = everyState();
            store.insertAbsent(all);
            assertThat(store.count()).isEqualTo(all.size());
            for (MessageStatus s : MessageStatus.values()) {
                assertThat(store.count(s)).as(s.name()).isEqualTo((int) all.stream().filter(m -> m.status() == s).count());
                assertThat(store.loadWithStatus(s)).as(s.name())
                        .containsExactlyInAnyOrderElementsOf(all.stream().filter(m -> m.status() == s).toList());
            }
            Instant earliest = all.stream().flatMap(m -> m.dueAt().stream()).min(Instant::compareTo).orElseThrow();
            assertThat(store.nextDueAt()).hasValue(earliest);

            Instant sameMicro = earliest.minusNanos(earliest.getNano() % 1_000).plusNanos(1);
            Instant later = sameMicro.plusNanos(1);
            store.insertAbsent(List.of(pendingAt("ep-8/a", later), pendingAt("ep-8/b", sameMicro)));
            assertThat(store.nextDueAt()).as("two rows in one microsecond: the exact earlier one")
                    .hasValue(sameMicro.isBefore(earliest) ? sameMicro : earliest);
            store.remove(all.stream().map(OutboxMessage::key).toList());
            assertThat(store.nextDueAt()).hasValue(sameMicro);
            assertThat(store.count()).isEqualTo(2);
            assertThat(store.count(MessageStatus.PENDING)).isEqualTo(2);
            assertThat(store.count(MessageStatus.DELIVERED)).isZero();
        }
    }

    static OutboxMessage pendingAt(String key, Instant due) {
        return new OutboxMessage(sms(key), MessageStatus.PENDING, 0, T0, Optional.of(due), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rowEditedToGarbage_isACorruptRowExceptionNamingTheKey(Dialect dialect) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            JdbcOutboxStore store = JdbcOutboxStore.create(db);
            store.insertAbsent(everyState());
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE notify_outbox SET enqueued_at = 'yesterday' WHERE message_key = 'ep-1/voice'");
                s.executeUpdate("UPDATE notify_outbox SET status = 'LOST' WHERE message_key = 'ep-4/dead'");
            }
            assertThatThrownBy(store::loadAll).isInstanceOf(CorruptRowException.class)
                    .hasMessageContaining("ep-1/voice").hasMessageContaining("yesterday");
            assertThatThrownBy(() -> store.find("ep-4/dead")).isInstanceOf(CorruptRowException.class)
                    .satisfies(e -> assertThat(((CorruptRowException) e).key()).isEqualTo("ep-4/dead"))
                    .hasMessageContaining("LOST");
            assertThatThrownBy(() -> store.claimDue("a", T0.plusSeconds(5), T0.plusSeconds(60), 10))
                    .isInstanceOf(CorruptRowException.class).hasMessageContaining("ep-1/voice");
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE notify_outbox SET enqueued_at = '" + T0 + "' WHERE message_key = 'ep-1/voice'");
            }
            assertThat(store.claimDue("b", T0.plusSeconds(5), T0.plusSeconds(60), 10))
                    .as("the failed claim took no leases").hasSize(2);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE notify_outbox SET due_micros = 0 WHERE message_key = 'ep-2/push'");
            }
            assertThatThrownBy(() -> store.find("ep-2/push")).isInstanceOf(CorruptRowException.class)
                    .hasMessageContaining("due_micros");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void saveAndRemove_upsertAndForget(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            JdbcOutboxStore store = JdbcOutboxStore.create(db);
            List<OutboxMessage> all = everyState();
            store.save(all.subList(0, 2));
            store.save(all);
            assertThat(store.loadAll()).containsExactlyElementsOf(all);
            assertThat(store.find(all.get(0).key()).orElseThrow().version()).isEqualTo(2);
            store.remove(List.of(all.get(0).key(), "unknown"));
            assertThat(store.loadAll()).containsExactlyElementsOf(all.subList(1, all.size()));
            store.close();
            assertThatThrownBy(store::loadAll).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        }
    }

    /** A SENT message with this key and provider id, enqueued {@code n} nanoseconds after T0. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void batchesLargerThanOneStatementCarries_areInsertedClaimedAndSavedWhole(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            JdbcOutboxStore store = JdbcOutboxStore.create(db);
            int n = 2 * OutboxRows.ARRAY_ROWS + 11;
            List<OutboxMessage> all = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(sentAs("k-" + i, "p-" + i, i));
            }
            assertThat(store.insertAbsent(all)).isEmpty();
            assertThat(store.insertAbsent(all.subList(0, 3))).as("stored already").hasSize(3);
            Instant now = T0.plusSeconds(901);
            List<StoredMessage> claimed = store.claimDue("a", now, now.plusSeconds(60), n + 5);
            assertThat(claimed).hasSize(n).extracting(StoredMessage::version).containsOnly(2L);
            List<StoredMessage> changes = new java.util.ArrayList<>();
            for (StoredMessage s : claimed) {
                changes.add(s.key().equals("k-17") ? new StoredMessage(s.message(), 1) : s);
            }
            assertThat(store.saveIfUnchangedAndRelease("a", changes, List.of())).as("only the stale one")
                    .containsExactly("k-17");
            assertThat(store.find("k-5000").orElseThrow().version()).isEqualTo(3);
            assertThat(store.claimDue("b", now, now.plusSeconds(60), n + 5)).as("every lease but k-17's ended")
                    .hasSize(n - 1);
        }
    }

    @org.junit.jupiter.api.Test
    void postgresqlClaim_readsTheDueIndexInOrder_evenWhereItsStatisticsWouldPickAnotherScan() throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(Dialect.POSTGRESQL, dir);
                OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            JdbcOutboxStore store = JdbcOutboxStore.create(db);
            List<OutboxMessage> all = new java.util.ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                all.add(sentAs("k-" + i, "p-" + i, i));
            }
            store.insertAbsent(all);
            StringBuilder plan = new StringBuilder();
            try (java.sql.Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("ANALYZE " + OutboxRows.TABLE);
                    s.execute(OutboxLeases.INDEX_SCAN_ONLY);
                }
                long now = OutboxRows.floorMicros(T0.plusSeconds(901));
                try (java.sql.PreparedStatement ps = c.prepareStatement("EXPLAIN " + OutboxLeases.SKIP_LOCKED_READ)) {
                    ps.setLong(1, now);
                    ps.setLong(2, now);
                    ps.setInt(3, 2_500); // most of the table: without the settings PostgreSQL plans a scan of the heap
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                }
                c.rollback();
            }
            assertThat(plan.toString()).contains("Index Scan using notify_outbox_due").doesNotContain("Bitmap")
                    .doesNotContain("Seq Scan");
        }
    }

    static OutboxMessage sentAs(String key, String providerId, int n) {
        Instant t = T0.plusNanos(n);
        return new OutboxMessage(sms(key), MessageStatus.SENT, 1, t, Optional.of(t.plusSeconds(900)), Optional.of(t),
                Optional.of(t), Optional.of(t), Optional.empty(), Optional.empty(), Optional.of(providerId),
                Optional.empty(), Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void findAllAndFindAllByProviderId_readMoreRowsThanOneQueryLists_andTheLatestMessageOfAProviderId(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            JdbcOutboxStore store = JdbcOutboxStore.create(db);
            List<OutboxMessage> all = new java.util.ArrayList<>();
            for (int i = 0; i < 8_203; i++) {
                all.add(sentAs("k-" + i, "p-" + i, i));
            }
            store.insertAbsent(all);
            store.insertAbsent(List.of(sentAs("k-reused", "p-7", 2_000))); // inserted later: the latest under p-7
            List<String> keys = new java.util.ArrayList<>();
            List<String> providerIds = new java.util.ArrayList<>();
            for (int i = 8_202; i >= 0; i--) {
                keys.add("k-" + i);
                providerIds.add("p-" + i);
            }
            keys.add("k-missing");
            providerIds.add("p-missing");
            keys.add("k-5"); // listed twice

            Map<String, StoredMessage> byKey = store.findAll(keys);
            assertThat(byKey).hasSize(8_203).doesNotContainKey("k-missing");
            for (int i = 0; i < 8_203; i++) {
                assertThat(byKey.get("k-" + i)).isEqualTo(new StoredMessage(all.get(i), 1));
            }
            Map<String, StoredMessage> byProvider = store.findAllByProviderId(providerIds);
            assertThat(byProvider).hasSize(8_203).doesNotContainKey("p-missing");
            assertThat(byProvider.get("p-7").key()).isEqualTo("k-reused");
            assertThat(byProvider.get("p-7")).isEqualTo(store.findByProviderId("p-7").orElseThrow());
            assertThat(byProvider.get("p-8202").message()).isEqualTo(all.get(8_202));
            assertThat(store.findAll(List.of())).isEmpty();
            assertThat(store.findAllByProviderId(List.of())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void outboxReceiptsInOneCall_deliverEveryMessageOnTheDatabase_matchedByKeyOrProviderId(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock)) {
            Map<String, Integer> sends = new java.util.HashMap<>();
            io.offsite.notify.Outbox outbox = io.offsite.notify.Outbox.builder(JdbcOutboxStore.create(db)).clock(clock)
                    .holder("h").gateway(Channel.SMS, r -> {
                        sends.merge(r.key(), 1, Integer::sum);
                        return io.offsite.notify.spi.SendResult.accepted("p-" + r.key());
                    }).build();
            List<OutgoingMessage> msgs = new java.util.ArrayList<>();
            List<io.offsite.notify.Receipt> receipts = new java.util.ArrayList<>();
            for (int i = 0; i < 1_100; i++) {
                msgs.add(sms("ep-" + i));
                receipts.add(i % 2 == 0
                        ? io.offsite.notify.Receipt.forKey("ep-" + i, io.offsite.notify.Receipt.Status.DELIVERED, T0, "")
                        : io.offsite.notify.Receipt.forProviderId("p-ep-" + i, io.offsite.notify.Receipt.Status.DELIVERED,
                                T0, ""));
            }
            receipts.add(io.offsite.notify.Receipt.forKey("ep-3", io.offsite.notify.Receipt.Status.DELIVERED, T0, ""));
            receipts.add(io.offsite.notify.Receipt.forKey("ep-none", io.offsite.notify.Receipt.Status.DELIVERED, T0, ""));
            outbox.enqueueAll(msgs);
            clock.advance(Duration.ofMillis(1)); // due at T0's nanoseconds, claimable from the next whole microsecond
            assertThat(outbox.dispatchDue().accepted()).isEqualTo(1_100);

            List<io.offsite.notify.ReceiptOutcome> outcomes = outbox.onReceipts(receipts);
            assertThat(outcomes.subList(0, 1_100)).containsOnly(io.offsite.notify.ReceiptOutcome.APPLIED);
            assertThat(outcomes.subList(1_100, 1_102)).containsExactly(io.offsite.notify.ReceiptOutcome.DUPLICATE,
                    io.offsite.notify.ReceiptOutcome.UNMATCHED);
            assertThat(outbox.messages(MessageStatus.DELIVERED)).hasSize(1_100).allSatisfy(m -> {
                assertThat(m.deliveredAt()).contains(T0);
                assertThat(m.attempts()).isEqualTo(1);
            });
            assertThat(sends).hasSize(1_100).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(outbox.dispatchDue().isEmpty()).isTrue();
        }
    }
}
