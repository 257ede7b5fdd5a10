package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.notify.Channel;
import io.offsite.notify.MessageStatus;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.OutgoingMessage;
import io.offsite.notify.spi.StoredMessage;
import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Outbox rows written under the V11 schema (before V12 dropped the seq index, cached the H2 identity and made the
 * PostgreSQL due and provider-id indexes partial) are read, claimed and found after the upgrade, in the same order.
 */
class JdbcOutboxUpgradeTest {
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00.123456789Z");

    @TempDir
    Path dir;

    private final SettableClock clock = SettableClock.at(T0);

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rowsOfTheV11Schema_areReadClaimedAndFoundAfterV12(Dialect dialect) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            Flyway.configure(Migrations.class.getClassLoader()).dataSource(ds)
                    .locations("classpath:io/offsite/store/jdbc/migration/common",
                            "classpath:io/offsite/store/jdbc/migration/" + dialect.folder())
                    .table(Migrations.HISTORY_TABLE).target("11").load().migrate();
            // rows as the V11-era store wrote them (format 1); inserted out of key order, so seq order is not key order
            List<OutboxMessage> old = JdbcOutboxStoreTest.everyState();
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO "
                    + OutboxRows.TABLE + " (message_key, " + OutboxRows.STATE_COLUMNS + ", version) VALUES ("
                    + OutboxRows.marks(OutboxRows.STATE_COUNT + 1) + ", 7)")) {
                for (int i = old.size() - 1; i >= 0; i--) {
                    ps.setString(1, old.get(i).key());
                    OutboxRows.bindState(ps, 2, old.get(i));
                    ps.executeUpdate();
                }
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                // a second message under the sent one's provider id, inserted last: the latest by seq
                s.executeUpdate("INSERT INTO " + OutboxRows.TABLE + " (message_key, " + OutboxRows.STATE_COLUMNS
                        + ", version) SELECT 'ep-9/again', " + OutboxRows.STATE_COLUMNS.replace("row_format, ", "1, ")
                        + ", 1 FROM " + OutboxRows.TABLE + " WHERE message_key = 'ep-2/push'");
            }
            try (OffsiteDatabase db = TestDatabases.open(ds, clock)) {
                assertThat(db.health().schemaVersion()).isEqualTo("V13");
                JdbcOutboxStore store = JdbcOutboxStore.create(db);
                List<OutboxMessage> all = store.loadAll();
                assertThat(all).extracting(OutboxMessage::key).containsExactly("ep-4/dead", "ep-3/delivered",
                        "ep-2/push", "ep-1/voice", "ep-1/pending", "ep-9/again");
                assertThat(all.subList(0, 5)).containsExactlyInAnyOrderElementsOf(old);
                for (OutboxMessage m : old) {
                    assertThat(store.find(m.key())).contains(new StoredMessage(m, 7));
                }
                assertThat(store.findByProviderId("p-sent").orElseThrow().key()).isEqualTo("ep-9/again");
                assertThat(store.findByProviderId("p-delivered").orElseThrow().key()).isEqualTo("ep-3/delivered");
                assertThat(store.findAllByProviderId(List.of("p-sent", "p-delivered")))
                        .extractingByKey("p-sent").extracting(StoredMessage::key).isEqualTo("ep-9/again");

                Instant late = T0.plusSeconds(3600);
                List<StoredMessage> claimed = store.claimDue("a", late, late.plusSeconds(60), 10);
                assertThat(claimed).extracting(StoredMessage::key).as("due pending and sent rows, never final ones")
                        .containsExactlyInAnyOrder("ep-1/pending", "ep-1/voice", "ep-2/push", "ep-9/again");
                assertThat(claimed).filteredOn(s -> s.key().startsWith("ep-1")).extracting(StoredMessage::version)
                        .containsOnly(8L);
                assertThat(store.claimDue("b", late, late.plusSeconds(60), 10)).isEmpty();

                // a new message after the upgrade still sorts after every old one
                OutboxMessage fresh = new OutboxMessage(new OutgoingMessage("ep-0/new", Channel.SMS, "+8613812345678",
                        "请驶离"), MessageStatus.PENDING, 0, late, Optional.of(late), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty());
                assertThat(store.insertAbsent(List.of(fresh))).isEmpty();
                assertThat(store.loadAll()).last().extracting(OutboxMessage::key).isEqualTo("ep-0/new");
                assertThat(store.loadAll()).filteredOn(m -> m.status() == MessageStatus.DELIVERED).hasSize(1);
                assertThat(indexNames(ds)).doesNotContain("notify_outbox_seq").contains("notify_outbox_due",
                        "notify_outbox_provider");
            }
        }
    }

    private static List<String> indexNames(HikariDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.getMetaData().getIndexInfo(null, null,
                c.getMetaData().storesUpperCaseIdentifiers() ? "NOTIFY_OUTBOX" : "notify_outbox", false, false)) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    names.add(rs.getString("INDEX_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            return names;
        }
    }
}
