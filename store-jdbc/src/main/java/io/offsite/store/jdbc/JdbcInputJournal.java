package io.offsite.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a host fed to an engine that keeps its state in memory, journalled in arrival order (table
 * {@code input_journal}) so that after a restart — or a crash — the host rebuilds the engine by replaying the recent
 * part. The reference server journals its construction-waste truck monitor's input this way. Records are only
 * appended, and deleted by {@link #pruneBefore}; several hosts can share a database, each under its own
 * {@code stream}. Append before feeding the engine, so whatever the engine saw survives a crash. Every call is one
 * transaction. Thread-safe.
 *
 * <pre>{@code
 * JdbcInputJournal journal = JdbcInputJournal.create(db, "trucks");
 * journal.append(List.of(new JournalRecord("position", p.time(), encode(p))));
 * journal.replay(now.minus(Duration.ofHours(12)), r -> feed(decode(r)));   // after a restart
 * }</pre>
 */
public final class JdbcInputJournal {
    static final String TABLE = "input_journal";
    private static final Instant MAX = Instant.parse("2200-01-01T00:00:00Z");
    private static final int PAGE = 10_000;

    private final Sql sql;
    private final String stream;

    private JdbcInputJournal(Sql sql, String stream) {
        this.sql = sql;
        this.stream = stream;
    }

    /** The journal {@code stream} (1–100 letters, digits or {@code . _ -}) in {@code db}. */
    public static JdbcInputJournal create(OffsiteDatabase db, String stream) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(stream, "stream");
        if (!stream.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new StoreException("journal stream must be 1–100 letters, digits or . _ -, was \"" + stream + "\"");
        }
        return new JdbcInputJournal(db.sql(), stream);
    }

    /** Appends the records, in order, in one transaction. */
    public void append(List<JournalRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        sql.inTransaction("appending " + records.size() + " records to journal " + stream, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (stream, kind, at_micros, payload) VALUES (?, ?, ?, ?)")) {
                for (JournalRecord r : records) {
                    ps.setString(1, stream);
                    ps.setString(2, r.kind());
                    ps.setLong(3, micros(r.at()));
                    ps.setString(4, r.payload());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Hands every record whose time is at or after {@code from} to {@code sink}, in arrival order. The records are
     * read in pages, each in its own transaction, and handed over outside it, so the sink may use the database.
     *
     * @return how many records were replayed
     * @throws CorruptRowException when a row does not decode (named by its sequence number); the replay stops there
     */
    public long replay(Instant from, Consumer<JournalRecord> sink) {
        return replay(null, from, sink);
    }

    /**
     * {@link #replay(Instant, Consumer)} restricted to the records of {@code kind} (every kind when null): the
     * database filters them, so a host that needs one kind first does not read the whole journal for it.
     *
     * @return how many records were replayed
     * @throws CorruptRowException when a row does not decode (named by its sequence number); the replay stops there
     */
    public long replay(String kind, Instant from, Consumer<JournalRecord> sink) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(sink, "sink");
        long after = Long.MIN_VALUE;
        long n = 0;
        while (true) {
            long last = after;
            List<JournalRecord> page = new ArrayList<>(PAGE);
            long[] lastSeq = {last};
            sql.inTransaction("replaying journal " + stream, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT seq, kind, at_micros, payload FROM " + TABLE
                        + " WHERE stream = ? AND at_micros >= ? AND seq > ?" + (kind == null ? "" : " AND kind = ?")
                        + " ORDER BY seq FETCH FIRST " + PAGE + " ROWS ONLY")) {
                    ps.setString(1, stream);
                    ps.setLong(2, micros(from));
                    ps.setLong(3, last);
                    if (kind != null) {
                        ps.setString(4, kind);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long seq = rs.getLong(1);
                            try {
                                page.add(new JournalRecord(rs.getString(2), Instant.EPOCH.plus(rs.getLong(3),
                                        ChronoUnit.MICROS), rs.getString(4)));
                            } catch (RuntimeException e) {
                                throw new CorruptRowException(TABLE, stream + " seq " + seq, e.getMessage(), e);
                            }
                            lastSeq[0] = seq;
                        }
                    }
                }
                return null;
            });
            page.forEach(sink);
            n += page.size();
            if (page.size() < PAGE) {
                return n;
            }
            after = lastSeq[0];
        }
    }

    /**
     * Deletes the records of {@code kind} older than {@code before} (every kind when {@code kind} is null).
     *
     * @return how many were deleted
     */
    public int pruneBefore(String kind, Instant before) {
        Objects.requireNonNull(before, "before");
        return sql.inTransaction("pruning journal " + stream, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE stream = ? AND at_micros < ?"
                    + (kind == null ? "" : " AND kind = ?"))) {
                ps.setString(1, stream);
                ps.setLong(2, micros(before));
                if (kind != null) {
                    ps.setString(3, kind);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** Microseconds since 1970, clamped to 1970..2200 (the records' range) so any instant is a valid bound. */
    private static long micros(Instant t) {
        if (t.isBefore(Instant.EPOCH)) {
            return 0;
        }
        if (t.isAfter(MAX)) {
            return MAX.getEpochSecond() * 1_000_000L;
        }
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
