package io.offsite.store.jdbc;

import static io.offsite.store.jdbc.OutboxRows.STATE_COLUMNS;
import static io.offsite.store.jdbc.OutboxRows.TABLE;

import io.offsite.notify.OutboxMessage;
import io.offsite.notify.spi.StoredMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outbox's inserts in SQL, per dialect: store each message whose key is absent, optionally leased to the
 * inserting holder, and report the stored state of the keys that were present. Runs inside the caller's transaction.
 */
final class OutboxInserts {
    private OutboxInserts() {
    }

    /**
     * Inserts the messages ({@code inKeyOrder}: distinct keys, sorted) whose keys are not stored; when {@code holder}
     * is not null their lease columns name it until {@code untilMicros}. Returns the stored state of the keys that
     * were already stored, by key. PostgreSQL: one {@code INSERT ... ON CONFLICT DO NOTHING RETURNING}; H2: one
     * {@code INSERT ... SELECT ... WHERE NOT EXISTS} per {@link OutboxRows#ARRAY_ROWS} messages, the inserted keys
     * read through {@code FINAL TABLE}.
     */
    static Map<String, StoredMessage> insert(Connection c, Dialect dialect, String holder, long untilMicros,
            List<OutboxMessage> inKeyOrder) throws SQLException {
        String columns = "message_key, " + STATE_COLUMNS + ", version" + (holder == null ? ""
                : ", lease_holder, lease_until_micros");
        String values = OutboxRows.unnestValues() + ", 1" + (holder == null ? ""
                : ", CAST(? AS VARCHAR(200)), CAST(? AS BIGINT)");
        Set<String> inserted = new HashSet<>();
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (" + columns + ") SELECT "
                    + values + " FROM " + OutboxRows.unnest(dialect) + " ORDER BY u.message_key"
                    + " ON CONFLICT (message_key) DO NOTHING RETURNING message_key")) {
                OutboxRows.bindArrays(c, dialect, ps, bindLease(ps, holder, untilMicros), inKeyOrder, null);
                readKeys(ps, inserted);
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("SELECT message_key FROM FINAL TABLE (INSERT INTO " + TABLE
                    + " (" + columns + ") SELECT " + values + " FROM " + OutboxRows.unnest(dialect)
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + " o WHERE o.message_key = u.message_key))")) {
                for (int from = 0; from < inKeyOrder.size(); from += OutboxRows.ARRAY_ROWS) {
                    OutboxRows.bindArrays(c, dialect, ps, bindLease(ps, holder, untilMicros),
                            inKeyOrder.subList(from, Math.min(inKeyOrder.size(), from + OutboxRows.ARRAY_ROWS)), null);
                    readKeys(ps, inserted);
                }
            }
        }
        List<String> skipped = new ArrayList<>();
        for (OutboxMessage m : inKeyOrder) {
            if (!inserted.contains(m.key())) {
                skipped.add(m.key());
            }
        }
        Map<String, StoredMessage> existing = new LinkedHashMap<>();
        if (!skipped.isEmpty()) {
            for (StoredMessage s : OutboxRows.select(c, skipped)) {
                existing.put(s.key(), s);
            }
        }
        return existing;
    }

    private static void readKeys(PreparedStatement ps, Set<String> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }

    /** Binds the lease parameters of an insert (none when {@code holder} is null); returns the next index. */
    private static int bindLease(PreparedStatement ps, String holder, long untilMicros) throws SQLException {
        if (holder == null) {
            return 1;
        }
        ps.setString(1, holder);
        ps.setLong(2, untilMicros);
        return 3;
    }
}
