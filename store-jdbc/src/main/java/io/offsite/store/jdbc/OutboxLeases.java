package io.offsite.store.jdbc;

import static io.offsite.store.jdbc.OutboxRows.SELECT;
import static io.offsite.store.jdbc.OutboxRows.TABLE;

import io.offsite.notify.spi.StoredMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outbox's leases in SQL, per dialect: claiming due rows for one holder (so two processes never send the same
 * message) and ending a holder's leases. Each method runs inside the caller's transaction.
 */
final class OutboxLeases {
    /** Due now and not leased (or its lease has expired); two parameters, both now. */
    private static final String DUE = " due_micros <= ? AND (lease_until_micros IS NULL OR lease_until_micros <= ?)";

    /**
     * PostgreSQL: the claim's locking read of the first due keys (now, now, max), run after {@link #INDEX_SCAN_ONLY}
     * in the same transaction.
     */
    static final String SKIP_LOCKED_READ = "SELECT message_key FROM " + TABLE + " WHERE" + DUE
            + " ORDER BY due_micros FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    /** PostgreSQL: no sequential or bitmap scan until the transaction ends. */
    static final String INDEX_SCAN_ONLY =
            "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)";

    private OutboxLeases() {
    }

    /**
     * PostgreSQL: a {@code SELECT ... FOR UPDATE SKIP LOCKED} picks and locks the due rows (rows another
     * transaction is writing are skipped, never waited for), then one {@code UPDATE ... RETURNING} leases exactly
     * those keys. H2: reads the due rows, then
     * leases each with an UPDATE conditional on the version it read (and on still being due); a row whose version
     * moved was written meanwhile (another holder's claim, a receipt) and is left out.
     */
    static List<StoredMessage> claim(Connection c, Dialect dialect, String holder, Instant now, Instant leaseUntil,
            int max) throws SQLException {
        long nowMicros = OutboxRows.floorMicros(now);
        long untilMicros = OutboxRows.floorMicros(leaseUntil);
        List<StoredMessage> got = dialect == Dialect.POSTGRESQL ? claimSkipLocked(c, holder, nowMicros, untilMicros, max)
                : claimByVersion(c, holder, nowMicros, untilMicros, max);
        got.sort(Comparator.comparing((StoredMessage s) -> s.message().dueAt().orElseThrow())
                .thenComparing(StoredMessage::key));
        return got;
    }

    private static List<StoredMessage> claimSkipLocked(Connection c, String holder, long nowMicros, long untilMicros,
            int max) throws SQLException {
        // two statements: the locking read, then an UPDATE of exactly the keys it locked by primary key. As one
        // UPDATE ... WHERE message_key IN (that read), PostgreSQL's generic plan was a hash semi-join whose other
        // side scanned every due_micros entry up to now a second time (dead row versions included)
        List<String> keys = new ArrayList<>();
        // an index scan in due_micros order, never a bitmap or sequential scan (which PostgreSQL picks for a large
        // LIMIT, its statistics counting only live rows): the due index also holds the entries of dead row versions
        // (each message's versions before its claim and its save) until VACUUM; an index scan marks those it meets
        // as dead in the index and skips them from then on, the other scans read their heap pages at every claim
        try (Statement s = c.createStatement()) {
            s.execute(INDEX_SCAN_ONLY);
        }
        try (PreparedStatement ps = c.prepareStatement(SKIP_LOCKED_READ)) {
            ps.setLong(1, nowMicros);
            ps.setLong(2, nowMicros);
            ps.setInt(3, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        if (keys.isEmpty()) {
            return new ArrayList<>();
        }
        // the rows are locked by this transaction since the read, so they are still due and free
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET lease_holder = ?,"
                + " lease_until_micros = ?, version = version + 1 WHERE message_key = ANY(?) RETURNING "
                + OutboxRows.COLUMNS)) {
            ps.setString(1, holder);
            ps.setLong(2, untilMicros);
            ps.setArray(3, c.createArrayOf("varchar", keys.toArray(new String[0])));
            return OutboxRows.readAll(ps);
        }
    }

    private static List<StoredMessage> claimByVersion(Connection c, String holder, long nowMicros, long untilMicros,
            int max) throws SQLException {
        TreeMap<String, StoredMessage> candidates = new TreeMap<>();
        // without a lower bound H2's index scan walks every final row (due_micros NULL, sorted first) before the
        // due ones
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE due_micros >= " + Long.MIN_VALUE + " AND" + DUE
                + " ORDER BY due_micros FETCH FIRST ? ROWS ONLY")) {
            ps.setLong(1, nowMicros);
            ps.setLong(2, nowMicros);
            ps.setInt(3, max);
            OutboxRows.readAll(ps).forEach(s -> candidates.put(s.key(), s));
        }
        List<StoredMessage> got = new ArrayList<>(candidates.size());
        if (candidates.isEmpty()) {
            return got;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET lease_holder = ?,"
                + " lease_until_micros = ?, version = version + 1 WHERE message_key = ? AND version = ? AND" + DUE)) {
            for (StoredMessage s : candidates.values()) {
                ps.setString(1, holder);
                ps.setLong(2, untilMicros);
                ps.setString(3, s.key());
                ps.setLong(4, s.version());
                ps.setLong(5, nowMicros);
                ps.setLong(6, nowMicros);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            int i = 0;
            for (StoredMessage s : candidates.values()) {
                if (counts[i++] == 1) { // 0: written by another transaction since our read
                    got.add(new StoredMessage(s.message(), s.version() + 1));
                }
            }
        }
        return got;
    }

    /** Ends {@code holder}'s leases on {@code keys} (in key order) in the transaction of {@code c}. */
    static void release(Connection c, Dialect dialect, String holder, TreeSet<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        if (dialect == Dialect.POSTGRESQL) {
            // one statement; the sorted subquery locks the rows in key order
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET lease_holder = NULL,"
                    + " lease_until_micros = NULL WHERE message_key IN (SELECT message_key FROM " + TABLE
                    + " WHERE message_key = ANY(?) AND lease_holder = ? ORDER BY message_key FOR UPDATE)"
                    + " AND lease_holder = ?")) {
                ps.setArray(1, c.createArrayOf("varchar", keys.toArray(new String[0])));
                ps.setString(2, holder);
                ps.setString(3, holder);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE
                + " SET lease_holder = NULL, lease_until_micros = NULL WHERE message_key = ? AND lease_holder = ?")) {
            for (String k : keys) {
                ps.setString(1, k);
                ps.setString(2, holder);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
