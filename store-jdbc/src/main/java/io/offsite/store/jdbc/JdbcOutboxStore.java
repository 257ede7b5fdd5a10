package io.offsite.store.jdbc;

import static io.offsite.store.jdbc.OutboxRows.SELECT;
import static io.offsite.store.jdbc.OutboxRows.STATE_COLUMNS;
import static io.offsite.store.jdbc.OutboxRows.STATE_COUNT;
import static io.offsite.store.jdbc.OutboxRows.TABLE;

import io.offsite.notify.OutboxMessage;
import io.offsite.notify.spi.SharedOutboxStore;
import io.offsite.notify.spi.StoredMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The notify outbox's messages in an {@link OffsiteDatabase} (table {@code notify_outbox}): a
 * {@link SharedOutboxStore}, so any number of server processes may run an outbox on one database. A round claims
 * its due rows under a lease (PostgreSQL: {@code SELECT ... FOR UPDATE SKIP LOCKED}, then the lease UPDATE; H2:
 * a conditional UPDATE of the lease columns, then reading back what this holder got); every other write is an
 * optimistic UPDATE conditional on the row's {@code version}. Each call is one transaction; rows are always
 * written in key order, so concurrent writers do not deadlock. Failures are {@link StoreException}s (a row
 * that cannot be decoded: {@link CorruptRowException} naming its key) rather than the SPI's
 * {@code OutboxStoreException}. Thread-safe.
 *
 * <pre>{@code
 * OffsiteDatabase db = OffsiteDatabase.builder(pool).open();
 * Outbox outbox = Outbox.builder(JdbcOutboxStore.create(db))
 *         .holder("server-1").leaseDuration(Duration.ofMinutes(2))
 *         .gateway(Channel.SMS, smsGateway).build();
 * }</pre>
 */
public final class JdbcOutboxStore implements SharedOutboxStore {
    private static final int INSERT_TRIES = 5;

    private final Sql sql;
    private final Dialect dialect;
    private volatile boolean closed;

    private JdbcOutboxStore(OffsiteDatabase db) {
        this.sql = db.sql();
        this.dialect = db.dialect();
    }

    /** A store on {@code db}; the host keeps ownership of the database (closing the store leaves it open). */
    public static JdbcOutboxStore create(OffsiteDatabase db) {
        return new JdbcOutboxStore(Objects.requireNonNull(db, "db"));
    }

    @Override
    public Map<String, StoredMessage> insertAbsent(Collection<OutboxMessage> messages) {
        TreeMap<String, OutboxMessage> byKey = new TreeMap<>();
        messages.forEach(m -> byKey.putIfAbsent(m.key(), m));
        String insert = "INSERT INTO " + TABLE + " (message_key, " + STATE_COLUMNS + ", version) "
                + (dialect == Dialect.POSTGRESQL
                        ? "VALUES (" + OutboxRows.marks(STATE_COUNT + 1) + ", 1) ON CONFLICT (message_key) DO NOTHING"
                        : "SELECT " + OutboxRows.marks(STATE_COUNT + 1) + ", 1 FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM " + TABLE
                                + " WHERE message_key = ?)");
        for (int tries = 1;; tries++) {
            try {
                return run("inserting " + byKey.size() + " outbox messages", c -> {
                    List<String> skipped = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement(insert)) {
                        for (OutboxMessage m : byKey.values()) {
                            ps.setString(1, m.key());
                            int next = OutboxRows.bindState(ps, 2, m);
                            if (dialect == Dialect.H2) {
                                ps.setString(next, m.key());
                            }
                            ps.addBatch();
                        }
                        int[] counts = ps.executeBatch();
                        int i = 0;
                        for (String k : byKey.keySet()) {
                            if (counts[i++] == 0) {
                                skipped.add(k);
                            }
                        }
                    }
                    Map<String, StoredMessage> existing = new LinkedHashMap<>();
                    for (StoredMessage s : OutboxRows.select(c, skipped)) {
                        existing.put(s.key(), s);
                    }
                    return existing;
                });
            } catch (StoreException e) {
                // H2: a concurrent insert of the same key committed between our NOT EXISTS and our INSERT; try again
                if (tries == INSERT_TRIES || !(e.getCause() instanceof SQLException)
                        || !"23505".equals(((SQLException) e.getCause()).getSQLState())) {
                    throw e;
                }
            }
        }
    }

    @Override
    public List<StoredMessage> claimDue(String holder, Instant now, Instant leaseUntil, int max) {
        Objects.requireNonNull(holder, "holder");
        long nowMicros = OutboxRows.floorMicros(now);
        long untilMicros = OutboxRows.floorMicros(leaseUntil);
        String due = " due_micros <= ? AND (lease_until_micros IS NULL OR lease_until_micros <= ?)";
        return run("claiming due outbox messages for " + holder, c -> {
            TreeSet<String> candidates = new TreeSet<>();
            // H2 only: without a lower bound its index scan walks every final row (due_micros NULL, sorted first)
            // before the due ones; PostgreSQL's B-tree keeps NULLs out of a "<=" range by itself
            try (PreparedStatement ps = c.prepareStatement("SELECT message_key FROM " + TABLE + " WHERE"
                    + (dialect == Dialect.H2 ? " due_micros >= " + Long.MIN_VALUE + " AND" : "") + due
                    + " ORDER BY due_micros FETCH FIRST ? ROWS ONLY"
                    + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : ""))) {
                ps.setLong(1, nowMicros);
                ps.setLong(2, nowMicros);
                ps.setInt(3, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getString(1));
                    }
                }
            }
            List<String> claimed = new ArrayList<>();
            if (!candidates.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET lease_holder = ?,"
                        + " lease_until_micros = ?, version = version + 1 WHERE message_key = ? AND" + due)) {
                    for (String k : candidates) {
                        ps.setString(1, holder);
                        ps.setLong(2, untilMicros);
                        ps.setString(3, k);
                        ps.setLong(4, nowMicros);
                        ps.setLong(5, nowMicros);
                        ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    int i = 0;
                    for (String k : candidates) {
                        if (counts[i++] == 1) {
                            claimed.add(k); // 0: another holder claimed it between our SELECT and UPDATE (H2)
                        }
                    }
                }
            }
            List<StoredMessage> got = OutboxRows.select(c, claimed);
            got.sort(Comparator.comparing((StoredMessage s) -> s.message().dueAt().orElseThrow())
                    .thenComparing(StoredMessage::key));
            return got;
        });
    }

    @Override
    public Set<String> saveIfUnchanged(Collection<StoredMessage> changes) {
        TreeMap<String, StoredMessage> byKey = new TreeMap<>();
        changes.forEach(s -> byKey.put(s.key(), s));
        return run("saving " + byKey.size() + " outbox messages", c -> {
            Set<String> stale = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET " + OutboxRows.assignments()
                    + ", version = version + 1 WHERE message_key = ? AND version = ?")) {
                for (StoredMessage s : byKey.values()) {
                    int next = OutboxRows.bindState(ps, 1, s.message());
                    ps.setString(next, s.key());
                    ps.setLong(next + 1, s.version());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                int i = 0;
                for (String k : byKey.keySet()) {
                    if (counts[i++] == 0) {
                        stale.add(k);
                    }
                }
            }
            return stale;
        });
    }

    @Override
    public void release(String holder, Collection<String> keys) {
        Objects.requireNonNull(holder, "holder");
        batch("releasing " + keys.size() + " outbox leases of " + holder, "UPDATE " + TABLE
                + " SET lease_holder = NULL, lease_until_micros = NULL WHERE message_key = ? AND lease_holder = ?",
                keys, (ps, k) -> {
                    ps.setString(1, k);
                    ps.setString(2, holder);
                });
    }

    @Override
    public Optional<StoredMessage> find(String key) {
        Objects.requireNonNull(key, "key");
        return run("reading outbox message " + key, c -> OutboxRows.select(c, List.of(key)).stream().findFirst());
    }

    @Override
    public Optional<StoredMessage> findByProviderId(String providerId) {
        Objects.requireNonNull(providerId, "providerId");
        return run("reading the outbox message with provider id " + providerId, c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT
                    + " WHERE provider_id = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, providerId);
                return OutboxRows.readAll(ps).stream().findFirst();
            }
        });
    }

    /** One transaction reading the keys a few hundred per query. */
    @Override
    public Map<String, StoredMessage> findAll(Collection<String> keys) {
        List<String> distinct = new ArrayList<>(new TreeSet<>(keys));
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return run("reading " + distinct.size() + " outbox messages", c -> {
            Map<String, StoredMessage> found = new LinkedHashMap<>();
            OutboxRows.select(c, distinct).forEach(s -> found.put(s.key(), s));
            return found;
        });
    }

    /** One transaction reading the provider ids a few hundred per query; the latest message per id. */
    @Override
    public Map<String, StoredMessage> findAllByProviderId(Collection<String> providerIds) {
        List<String> distinct = new ArrayList<>(new TreeSet<>(providerIds));
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return run("reading the outbox messages of " + distinct.size() + " provider ids", c -> {
            Map<String, StoredMessage> found = new LinkedHashMap<>();
            // in seq order, so the latest message under a provider id is put last
            OutboxRows.selectByProviderIds(c, distinct).forEach(s -> found.put(s.message().providerId().orElseThrow(), s));
            return found;
        });
    }

    /** An unconditional upsert of each message (for imports; the outbox itself writes through the methods above). */
    @Override
    public void save(Collection<OutboxMessage> messages) {
        TreeMap<String, OutboxMessage> byKey = new TreeMap<>();
        messages.forEach(m -> byKey.put(m.key(), m));
        run("saving " + byKey.size() + " outbox messages", c -> {
            List<OutboxMessage> absent = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET " + OutboxRows.assignments()
                    + ", version = version + 1 WHERE message_key = ?")) {
                for (OutboxMessage m : byKey.values()) {
                    ps.setString(OutboxRows.bindState(ps, 1, m), m.key());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                int i = 0;
                for (OutboxMessage m : byKey.values()) {
                    if (counts[i++] == 0) {
                        absent.add(m);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (message_key, " + STATE_COLUMNS
                    + ", version) VALUES (" + OutboxRows.marks(STATE_COUNT + 1) + ", 1)")) {
                for (OutboxMessage m : absent) {
                    ps.setString(1, m.key());
                    OutboxRows.bindState(ps, 2, m);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void remove(Collection<String> keys) {
        batch("removing " + keys.size() + " outbox messages", "DELETE FROM " + TABLE + " WHERE message_key = ?", keys,
                (ps, k) -> ps.setString(1, k));
    }

    @Override
    public List<OutboxMessage> loadAll() {
        return run("loading the outbox", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY seq")) {
                List<OutboxMessage> all = new ArrayList<>();
                OutboxRows.readAll(ps).forEach(s -> all.add(s.message()));
                return all;
            }
        });
    }

    /** Marks the store closed; the database stays open (the host owns it). */
    @Override
    public void close() {
        closed = true;
    }

    /** Binds one key's parameters of a batched statement. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps, String key) throws SQLException;
    }

    private void batch(String what, String statement, Collection<String> keys, Binder binder) {
        if (keys.isEmpty()) {
            return;
        }
        run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                for (String k : new TreeSet<>(keys)) {
                    binder.bind(ps, k);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private <T> T run(String what, Sql.Work<T> work) {
        if (closed) {
            throw new StoreException(what + " failed: the outbox store is closed");
        }
        return sql.inTransaction(what, work);
    }
}
