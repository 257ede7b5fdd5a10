package io.offsite.store.jdbc;

import static io.offsite.store.jdbc.JdbcOutboxPurgeTest.finalAt;
import static io.offsite.store.jdbc.JdbcOutboxStoreTest.T0;
import static io.offsite.store.jdbc.JdbcOutboxStoreTest.pendingAt;
import static io.offsite.store.jdbc.JdbcOutboxStoreTest.sentAs;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.notify.MessageStatus;
import io.offsite.notify.OutboxMessage;
import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Counting and selecting by status: the backlog (PENDING, SENT) is read through the due-time index, so a readiness
 * probe or a backlog gauge does not scan the delivered history the table keeps.
 */
class JdbcOutboxStatusCountTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void backlogStatuses_areCountedAndSelectedThroughTheDueIndex_finalOnesByScan(Dialect dialect) throws SQLException {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir);
                OffsiteDatabase db = TestDatabases.open(ds, SettableClock.at(T0))) {
            JdbcOutboxStore store = JdbcOutboxStore.create(db);
            List<OutboxMessage> rows = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                rows.add(finalAt("delivered-" + i, T0.minusSeconds(i), i % 100 == 0));
            }
            for (int i = 0; i < 3; i++) {
                rows.add(pendingAt("pending-" + i, T0.plusSeconds(i)));
            }
            rows.add(sentAs("sent-0", "p-0", 0));
            rows.add(sentAs("sent-1", "p-1", 1));
            store.insertAbsent(rows);

            assertThat(store.count(MessageStatus.PENDING)).isEqualTo(3);
            assertThat(store.count(MessageStatus.SENT)).isEqualTo(2);
            assertThat(store.count(MessageStatus.DEAD_LETTER)).isEqualTo(20);
            assertThat(store.count(MessageStatus.DELIVERED)).isEqualTo(1_980);
            assertThat(store.count()).isEqualTo(2_005);
            assertThat(store.loadWithStatus(MessageStatus.PENDING)).extracting(OutboxMessage::key)
                    .containsExactly("pending-0", "pending-1", "pending-2");
            assertThat(store.loadWithStatus(MessageStatus.SENT)).extracting(OutboxMessage::key)
                    .containsExactly("sent-0", "sent-1");
            assertThat(store.loadWithStatus(MessageStatus.DEAD_LETTER)).hasSize(20);

            try (Connection c = ds.getConnection()) {
                if (dialect == Dialect.POSTGRESQL) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET enable_seqscan = off"); // a table this small is scanned anyway: ask whether the index can serve
                    }
                }
                for (MessageStatus s : List.of(MessageStatus.PENDING, MessageStatus.SENT)) {
                    assertThat(plan(c, s)).as("plan of counting %s", s).contains("notify_outbox_due");
                }
            }
        }
    }

    private static String plan(Connection c, MessageStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + OutboxRows.countSql(status))) {
            OutboxRows.bindStatus(ps, status);
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            return out.toString().toLowerCase(Locale.ROOT);
        }
    }
}
