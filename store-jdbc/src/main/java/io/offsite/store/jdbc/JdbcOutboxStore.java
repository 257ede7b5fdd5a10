package io.offsite.store.jdbc;

import static io.offsite.store.jdbc.OutboxRows.SELECT;
import static io.offsite.store.jdbc.OutboxRows.STATE_COLUMNS;
import static io.offsite.store.jdbc.OutboxRows.STATE_COUNT;
import static io.offsite.store.jdbc.OutboxRows.TABLE;

import io.offsite.notify.MessageStatus;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.spi.SharedOutboxStore;
import io.offsite.notify.spi.StoredMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 * its due rows under a lease (PostgreSQL: a {@code SELECT ... FOR UPDATE SKIP LOCKED}, then one {@code UPDATE ...
 * RETURNING} of the keys it locked; H2: reading the due rows, then an UPDATE of the lease columns conditional on the version read); every
 * other write is an optimistic UPDATE conditional on the row's {@code version}, and the write that saves a round's
 * result also ends its lease ({@link #saveIfUnchangedAndRelease}). On PostgreSQL a batch is one statement over
 * {@code unnest}ed arrays, not one statement per row. Each call is one transaction; rows are always locked or
 * written in key order (claims skip locked rows rather than wait), so concurrent writers do not deadlock. Failures are {@link StoreException}s (a row
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
        return insert(null, 0, messages);
    }

    /** As {@link #insertAbsent}, the rows it inserts leased to {@code holder} (their lease columns set). */
    @Override
    public Optional<Map<String, StoredMessage>> insertAbsentLeased(String holder, Instant leaseUntil,
            Collection<OutboxMessage> messages) {
        Objects.requireNonNull(holder, "holder");
        return Optional.of(insert(holder, OutboxRows.floorMicros(Objects.requireNonNull(leaseUntil, "leaseUntil")),
                messages));
    }

    /**
     * Inserts the absent keys (when {@code holder} is not null: leased to it until {@code untilMicros}) in key order,
     * one transaction ({@link OutboxInserts#insert}); on H2 a concurrent insert of the same key can commit between
     * the statement's NOT EXISTS and its INSERT, and the transaction is tried again.
     */
    private Map<String, StoredMessage> insert(String holder, long untilMicros, Collection<OutboxMessage> messages) {
        TreeMap<String, OutboxMessage> byKey = new TreeMap<>();
        messages.forEach(m -> byKey.putIfAbsent(m.key(), m));
        if (byKey.isEmpty()) {
            return Map.of();
        }
        List<OutboxMessage> inOrder = new ArrayList<>(byKey.values());
        String what = "inserting " + byKey.size() + " outbox messages" + (holder == null ? "" : " leased to " + holder);
        for (int tries = 1;; tries++) {
            try {
                return run(what, c -> OutboxInserts.insert(c, dialect, holder, untilMicros, inOrder));
            } catch (StoreException e) {
                if (dialect == Dialect.POSTGRESQL || tries == INSERT_TRIES || !(e.getCause() instanceof SQLException)
                        || !"23505".equals(((SQLException) e.getCause()).getSQLState())) {
                    throw e;
                }
            }
        }
    }

    /** Leases up to {@code max} due messages to {@code holder} ({@link OutboxLeases#claim}). */
    @Override
    public List<StoredMessage> claimDue(String holder, Instant now, Instant leaseUntil, int max) {
        Objects.requireNonNull(holder, "holder");
        return run("claiming due outbox messages for " + holder, c -> OutboxLeases.claim(c, dialect, holder, now,
                leaseUntil, max));
    }

    @Override
    public Set<String> saveIfUnchanged(Collection<StoredMessage> changes) {
        return saveAndRelease(null, changes, List.of());
    }

    /** One transaction: each change's row write also ends {@code holder}'s lease; the other keys are released. */
    @Override
    public Set<String> saveIfUnchangedAndRelease(String holder, Collection<StoredMessage> changes,
            Collection<String> keys) {
        return saveAndRelease(Objects.requireNonNull(holder, "holder"), changes, keys);
    }

    private Set<String> saveAndRelease(String holder, Collection<StoredMessage> changes, Collection<String> keys) {
        TreeMap<String, StoredMessage> byKey = new TreeMap<>();
        changes.forEach(s -> byKey.put(s.key(), s));
        // SET sees the row before the write: the lease ends only when this holder has it
        String endLease = holder == null ? "" : ", lease_holder = CASE WHEN lease_holder = ? THEN NULL ELSE"
                + " lease_holder END, lease_until_micros = CASE WHEN lease_holder = ? THEN NULL ELSE lease_until_micros"
                + " END";
        return run("saving " + byKey.size() + " outbox messages", c -> {
            Set<String> written = new HashSet<>();
            if (!byKey.isEmpty() && dialect == Dialect.POSTGRESQL) {
                List<OutboxMessage> ms = new ArrayList<>(byKey.size());
                long[] versions = new long[byKey.size()];
                for (StoredMessage s : byKey.values()) {
                    versions[ms.size()] = s.version();
                    ms.add(s.message());
                }
                // lock the rows in key order first, so writers of overlapping rows never deadlock; then one
                // statement writes them all
                try (PreparedStatement ps = c.prepareStatement("SELECT message_key FROM " + TABLE
                        + " WHERE message_key = ANY(?) ORDER BY message_key FOR UPDATE")) {
                    ps.setArray(1, c.createArrayOf("varchar", byKey.keySet().toArray(new String[0])));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            // locked
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " o SET "
                        + OutboxRows.unnestAssignments() + ", version = o.version + 1" + endLease + " FROM " + OutboxRows.unnest(dialect) + " WHERE o.message_key = u.message_key AND o.version ="
                        + " u.expected_version RETURNING o.message_key")) {
                    int i = 1;
                    if (holder != null) {
                        ps.setString(i++, holder);
                        ps.setString(i++, holder);
                    }
                    OutboxRows.bindArrays(c, dialect, ps, i, ms, versions);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            written.add(rs.getString(1));
                        }
                    }
                }
            } else if (!byKey.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET " + OutboxRows.assignments()
                        + ", version = version + 1" + endLease + " WHERE message_key = ? AND version = ?")) {
                    for (StoredMessage s : byKey.values()) {
                        int next = OutboxRows.bindState(ps, 1, s.message());
                        if (holder != null) {
                            ps.setString(next++, holder);
                            ps.setString(next++, holder);
                        }
                        ps.setString(next, s.key());
                        ps.setLong(next + 1, s.version());
                        ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    int i = 0;
                    for (String k : byKey.keySet()) {
                        if (counts[i++] != 0) {
                            written.add(k);
                        }
                    }
                }
            }
            if (holder != null) {
                TreeSet<String> rest = new TreeSet<>(keys);
                rest.removeAll(written);
                OutboxLeases.release(c, dialect, holder, rest);
            }
            Set<String> stale = new HashSet<>(byKey.keySet());
            stale.removeAll(written);
            return stale;
        });
    }

    @Override
    public void release(String holder, Collection<String> keys) {
        Objects.requireNonNull(holder, "holder");
        if (keys.isEmpty()) {
            return;
        }
        run("releasing " + keys.size() + " outbox leases of " + holder, c -> {
            OutboxLeases.release(c, dialect, holder, new TreeSet<>(keys));
            return null;
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
        return run("loading the outbox", c -> OutboxRows.load(c, null));
    }

    /** The rows with this status only, selected in the database ({@link OutboxRows#whereStatus}). */
    @Override
    public List<OutboxMessage> loadWithStatus(MessageStatus status) {
        Objects.requireNonNull(status, "status");
        return run("loading " + status + " outbox messages", c -> OutboxRows.load(c, status));
    }

    /** {@code SELECT COUNT(*)}: the rows are counted in the database, not read out. */
    @Override
    public int count() {
        return run("counting the outbox", c -> OutboxRows.count(c, null));
    }

    /**
     * {@code SELECT COUNT(*)} with the status's condition ({@link OutboxRows#whereStatus}): PENDING and SENT count the
     * backlog through the due-time index; DELIVERED and DEAD_LETTER scan the table (status has no index of its own).
     */
    @Override
    public int count(MessageStatus status) {
        Objects.requireNonNull(status, "status");
        return run("counting " + status + " outbox messages", c -> OutboxRows.count(c, status));
    }

    /** Final rows selected to the second, then deleted by key, in one transaction ({@link OutboxRows#removeFinal}). */
    @Override
    public int removeFinal(Instant finalBefore, int max) {
        Objects.requireNonNull(finalBefore, "finalBefore");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        return run("removing final outbox messages older than " + finalBefore,
                c -> OutboxRows.removeFinal(c, dialect, finalBefore, max));
    }

    /** The earliest due time, from the due-time index's first entry ({@link OutboxRows#nextDueAt}). */
    @Override
    public Optional<Instant> nextDueAt() {
        return run("reading the outbox's next due time", OutboxRows::nextDueAt);
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
        if (dialect != Dialect.POSTGRESQL) {
            return sql.inTransaction(what, work);
        }
        return sql.inTransaction(what, c -> {
            // PostgreSQL plans each statement for its own values and the table's current size: a driver that
            // prepares a statement on the server after a few uses would otherwise get one generic plan, made while
            // the table was small (a sequential scan) and kept until the next ANALYZE, so every read of a batch of
            // keys and every claim grew with the table
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
            return work.run(c);
        });
    }
}
