package io.offsite.store.jdbc;

import io.offsite.notify.Channel;
import io.offsite.notify.MessageStatus;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.OutgoingMessage;
import io.offsite.notify.spi.StoredMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * How an {@link OutboxMessage} maps to a row of {@code notify_outbox} (format 1): one column per field, instants
 * as exact ISO-8601 text, enums by name, absent values as NULL. Decoding checks everything the message's own
 * validation checks plus the row format and the derived {@code due_micros}; a row that fails is a
 * {@link CorruptRowException} naming its key, never skipped.
 */
final class OutboxRows {
    static final String TABLE = "notify_outbox";
    static final int FORMAT = 1;
    /** The message's state columns, in {@link #bindState} order, after {@code message_key}. */
    static final String STATE_COLUMNS = "row_format, channel, recipient, body, status, attempts, enqueued_at, due_at,"
            + " due_micros, first_attempt_at, last_attempt_at, sent_at, delivered_at, dead_lettered_at, provider_id,"
            + " last_error, dead_letter_reason";
    static final int STATE_COUNT = 17;
    /** How many keys one {@code IN (...)} lists. */
    private static final int CHUNK = 500;
    private static final Instant YEAR_0 = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z");
    /** What {@link #read} needs. */
    static final String SELECT = "SELECT message_key, " + STATE_COLUMNS + ", version FROM " + TABLE;
    /** The columns {@link #read} needs, for {@code RETURNING} clauses. */
    static final String COLUMNS = "message_key, " + STATE_COLUMNS + ", version";

    private OutboxRows() {
    }

    /** {@code col = ?, ...} over the state columns, for UPDATE statements. */
    static String assignments() {
        StringBuilder sb = new StringBuilder();
        for (String c : STATE_COLUMNS.split(",")) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c.trim()).append(" = ?");
        }
        return sb.toString();
    }

    /** Binds the state columns from parameter {@code i}; returns the next parameter index. */
    static int bindState(PreparedStatement ps, int i, OutboxMessage m) throws SQLException {
        OutgoingMessage msg = m.message();
        ps.setInt(i++, FORMAT);
        ps.setString(i++, msg.channel().name());
        ps.setString(i++, msg.to());
        ps.setString(i++, msg.text());
        ps.setString(i++, m.status().name());
        ps.setInt(i++, m.attempts());
        ps.setString(i++, IsoInstants.text(m.enqueuedAt()));
        i = instant(ps, i, m.dueAt());
        if (m.dueAt().isPresent()) {
            ps.setLong(i++, ceilMicros(m.dueAt().get()));
        } else {
            ps.setNull(i++, Types.BIGINT);
        }
        i = instant(ps, i, m.firstAttemptAt());
        i = instant(ps, i, m.lastAttemptAt());
        i = instant(ps, i, m.sentAt());
        i = instant(ps, i, m.deliveredAt());
        i = instant(ps, i, m.deadLetteredAt());
        i = text(ps, i, m.providerId());
        i = text(ps, i, m.lastError());
        return text(ps, i, m.deadLetterReason());
    }

    /** The state columns but {@code row_format}, as named by {@link #unnest}. */
    private static final String[] ARRAY_COLUMNS = STATE_COLUMNS.replace("row_format, ", "").split(",\\s*");
    /** The SQL element type of each array {@link #unnest} reads: the key, {@link #ARRAY_COLUMNS}, the version. */
    private static final String[] ARRAY_TYPES = {"varchar", "varchar", "varchar", "varchar", "varchar", "int",
        "varchar", "varchar", "bigint", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar",
        "varchar", "bigint"};
    /** How many rows one H2 statement over {@link #unnest} arrays carries (H2 caps an array at 65,536 elements). */
    static final int ARRAY_ROWS = 4_096;

    /**
     * A FROM item of one row per message, {@code u(message_key, <state columns but row_format>, expected_version)},
     * from 18 array parameters bound by {@link #bindArrays}: one statement for a whole batch. PostgreSQL casts with
     * {@code ?::varchar[]}, H2 with {@code CAST(? AS VARCHAR ARRAY)}.
     */
    static String unnest(Dialect dialect) {
        StringBuilder sb = new StringBuilder("unnest(");
        for (int i = 0; i < ARRAY_TYPES.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dialect == Dialect.POSTGRESQL ? "?::" + ARRAY_TYPES[i] + "[]"
                    : "CAST(? AS " + ARRAY_TYPES[i] + " ARRAY)");
        }
        return sb.append(") AS u(message_key, ").append(String.join(", ", ARRAY_COLUMNS))
                .append(", expected_version)").toString();
    }

    /** {@code u.message_key, <format>, u.channel, ...}: the values of an INSERT from {@link #unnest}, key first. */
    static String unnestValues() {
        return "u.message_key, " + FORMAT + ", u." + String.join(", u.", ARRAY_COLUMNS);
    }

    /** {@code row_format = <format>, channel = u.channel, ...}: an UPDATE's assignments from {@link #unnest}. */
    static String unnestAssignments() {
        StringBuilder sb = new StringBuilder("row_format = " + FORMAT);
        for (String c : ARRAY_COLUMNS) {
            sb.append(", ").append(c).append(" = u.").append(c);
        }
        return sb.toString();
    }

    /**
     * Binds the 18 arrays of {@link #unnest} from parameter {@code i}: keys, state columns, and the versions
     * ({@code versions} may be null: all NULL); returns the next parameter index.
     */
    static int bindArrays(Connection c, Dialect dialect, PreparedStatement ps, int i, List<OutboxMessage> ms,
            long[] versions)
            throws SQLException {
        int n = ms.size();
        String[][] text = new String[15][n];
        Integer[] attempts = new Integer[n];
        Long[] dueMicros = new Long[n];
        Long[] expected = new Long[n];
        for (int j = 0; j < n; j++) {
            OutboxMessage m = ms.get(j);
            OutgoingMessage msg = m.message();
            text[0][j] = m.key();
            text[1][j] = msg.channel().name();
            text[2][j] = msg.to();
            text[3][j] = msg.text();
            text[4][j] = m.status().name();
            attempts[j] = m.attempts();
            text[5][j] = IsoInstants.text(m.enqueuedAt());
            text[6][j] = m.dueAt().map(IsoInstants::text).orElse(null);
            dueMicros[j] = m.dueAt().isPresent() ? ceilMicros(m.dueAt().get()) : null;
            text[7][j] = m.firstAttemptAt().map(IsoInstants::text).orElse(null);
            text[8][j] = m.lastAttemptAt().map(IsoInstants::text).orElse(null);
            text[9][j] = m.sentAt().map(IsoInstants::text).orElse(null);
            text[10][j] = m.deliveredAt().map(IsoInstants::text).orElse(null);
            text[11][j] = m.deadLetteredAt().map(IsoInstants::text).orElse(null);
            text[12][j] = m.providerId().orElse(null);
            text[13][j] = m.lastError().orElse(null);
            text[14][j] = m.deadLetterReason().orElse(null);
            expected[j] = versions == null ? null : versions[j];
        }
        for (int t = 0; t <= 4; t++) {
            bindArray(c, dialect, ps, i++, "varchar", text[t]);
        }
        bindArray(c, dialect, ps, i++, "int4", attempts);
        bindArray(c, dialect, ps, i++, "varchar", text[5]);
        bindArray(c, dialect, ps, i++, "varchar", text[6]);
        bindArray(c, dialect, ps, i++, "int8", dueMicros);
        for (int t = 7; t <= 14; t++) {
            bindArray(c, dialect, ps, i++, "varchar", text[t]);
        }
        bindArray(c, dialect, ps, i++, "int8", expected);
        return i;
    }

    /**
     * The message and version in the current row of a result of {@link #SELECT} (or a {@code RETURNING}
     * {@link #COLUMNS}), read by position: 1 is the key, 2 to 18 the state columns in order, 19 the version.
     */
    static StoredMessage read(ResultSet rs) throws SQLException {
        String key = rs.getString(1);
        try {
            int format = rs.getInt(2);
            if (format != FORMAT) {
                throw new CorruptRowException(TABLE, key, "row format " + format + " is not one this version reads ("
                        + FORMAT + ")");
            }
            OutgoingMessage msg = new OutgoingMessage(key, Channel.valueOf(rs.getString(3)),
                    rs.getString(4), rs.getString(5));
            Optional<Instant> due = instant(rs, 9);
            long dueMicros = rs.getLong(10);
            boolean dueMicrosNull = rs.wasNull();
            if (due.isPresent() ? dueMicrosNull || dueMicros != ceilMicros(due.get()) : !dueMicrosNull) {
                throw new CorruptRowException(TABLE, key, "due_micros " + (dueMicrosNull ? "NULL" : dueMicros)
                        + " does not match due_at " + due.map(Instant::toString).orElse("NULL"));
            }
            OutboxMessage m = new OutboxMessage(msg, MessageStatus.valueOf(rs.getString(6)), rs.getInt(7),
                    IsoInstants.parse(rs.getString(8)), due, instant(rs, 11), instant(rs, 12), instant(rs, 13),
                    instant(rs, 14), instant(rs, 15), Optional.ofNullable(rs.getString(16)),
                    Optional.ofNullable(rs.getString(17)), Optional.ofNullable(rs.getString(18)));
            return new StoredMessage(m, rs.getLong(19));
        } catch (CorruptRowException e) {
            throw e;
        } catch (RuntimeException e) { // an unknown enum name, bad instant text, a NULL where a value belongs, ...
            throw new CorruptRowException(TABLE, key, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The rows with these keys, in chunks of {@value #CHUNK}. */
    static List<StoredMessage> select(Connection c, List<String> keys) throws SQLException {
        List<StoredMessage> out = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE message_key IN (" + marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                out.addAll(readAll(ps));
            }
        }
        return out;
    }

    /** The rows carrying these provider ids, in chunks of {@value #CHUNK}, each chunk in {@code seq} order. */
    static List<StoredMessage> selectByProviderIds(Connection c, List<String> providerIds) throws SQLException {
        List<StoredMessage> out = new ArrayList<>(providerIds.size());
        for (int from = 0; from < providerIds.size(); from += CHUNK) {
            List<String> chunk = providerIds.subList(from, Math.min(providerIds.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE provider_id IN (" + marks(chunk.size())
                    + ") ORDER BY seq")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                out.addAll(readAll(ps));
            }
        }
        return out;
    }

    /**
     * The rows with {@code status}, for a query's {@code WHERE}; its parameters are bound by {@link #bindStatus}. A
     * status that is not final is read through the due-time index, since every PENDING and SENT row has a due time
     * and no final row has one (the rows {@code OutboxMessage} allows): the database then reads the backlog, not the
     * whole table, however many delivered messages it keeps. Final statuses scan.
     */
    static String whereStatus(MessageStatus status) {
        return status.isFinal() ? " WHERE status = ?" : " WHERE due_micros >= ? AND status = ?";
    }

    /** Binds {@link #whereStatus}'s parameters from index 1; returns the next free index. */
    static int bindStatus(PreparedStatement ps, MessageStatus status) throws SQLException {
        int i = 1;
        if (!status.isFinal()) {
            ps.setLong(i++, Long.MIN_VALUE);
        }
        ps.setString(i++, status.name());
        return i;
    }

    /** Every row, or the rows with {@code status} when it is not null ({@link #whereStatus}), in seq order. */
    static List<OutboxMessage> load(Connection c, MessageStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + (status == null ? "" : whereStatus(status))
                + " ORDER BY seq")) {
            if (status != null) {
                bindStatus(ps, status);
            }
            return new ArrayList<>(readAll(ps).stream().map(StoredMessage::message).toList()); // callers may sort it
        }
    }

    /** {@code SELECT COUNT(*)} of every row, or of the rows with {@code status} (not null). */
    static String countSql(MessageStatus status) {
        return "SELECT COUNT(*) FROM " + TABLE + (status == null ? "" : whereStatus(status));
    }

    /** The number of rows, or of rows with {@code status} when it is not null ({@link #countSql}). */
    static int count(Connection c, MessageStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(countSql(status))) {
            if (status != null) {
                bindStatus(ps, status);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Math.toIntExact(rs.getLong(1));
            }
        }
    }

    /**
     * Deletes up to {@code max} final rows — DELIVERED by {@code delivered_at}, DEAD_LETTER by
     * {@code dead_lettered_at} — final in a whole second before the one that holds {@code finalBefore}: the
     * instants' ISO text up to the seconds has a fixed width for years 0000–9999, so it orders as the instants do
     * (compared byte by byte: {@code COLLATE "C"} on PostgreSQL; H2 compares strings so). Rows final in that second
     * stay for a later purge, as do rows whose year has other than four digits. One read selects the keys (a scan
     * that stops at {@code max}), then deletes by key, {@value #CHUNK} per statement, each still only a final row
     * (H2 runs a {@code DELETE … IN (SELECT …)} subquery again for every row it scans). Returns how many were
     * deleted.
     */
    static int removeFinal(Connection c, Dialect dialect, Instant finalBefore, int max) throws SQLException {
        if (finalBefore.isBefore(YEAR_0)) {
            return 0;
        }
        String bound = finalBefore.isBefore(YEAR_10000)
                ? IsoInstants.text(Instant.ofEpochSecond(finalBefore.getEpochSecond())).substring(0, 19)
                : "9999-12-31T23:59:60"; // after every second of a four-digit year
        String bytewise = dialect == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
        String before = "SUBSTRING(%1$s, 5, 1) = '-' AND LEFT(%1$s, 19)" + bytewise + " < ?";
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT message_key FROM " + TABLE + " WHERE (status ="
                + " 'DELIVERED' AND " + String.format(before, "delivered_at") + ") OR (status = 'DEAD_LETTER' AND "
                + String.format(before, "dead_lettered_at") + ") FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, bound);
            ps.setString(2, bound);
            ps.setInt(3, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        int deleted = 0;
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE message_key IN ("
                    + marks(chunk.size()) + ") AND status IN ('DELIVERED', 'DEAD_LETTER')")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                deleted += ps.executeUpdate();
            }
        }
        return deleted;
    }

    /**
     * The earliest {@code due_at}: the rows at the smallest {@code due_micros} (the due-time index's first entry),
     * read and checked like any row; their earliest exact due time decides within the microsecond.
     */
    static Optional<Instant> nextDueAt(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE due_micros = (SELECT MIN(due_micros) FROM "
                + TABLE + ")")) {
            return readAll(ps).stream().flatMap(s -> s.message().dueAt().stream()).min(Instant::compareTo);
        }
    }

    /**
     * Binds {@code values} as an array parameter: PostgreSQL through {@code createArrayOf(pgType, ...)}; H2 as the
     * Java array itself, which its driver converts once (its {@code createArrayOf} converts, and {@code setArray}
     * converts the result again).
     */
    static void bindArray(Connection c, Dialect dialect, PreparedStatement ps, int i, String pgType, Object[] values)
            throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            ps.setArray(i, c.createArrayOf(pgType, values));
        } else {
            ps.setObject(i, values);
        }
    }

    /** Every row {@code ps} (a {@link #SELECT}) returns, decoded. */
    static List<StoredMessage> readAll(PreparedStatement ps) throws SQLException {
        List<StoredMessage> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    /** {@code n} comma-separated parameter marks. */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Microseconds since 1970, rounded up (so a message is never claimed before it is due); saturating. */
    static long ceilMicros(Instant t) {
        long floor = floorMicros(t);
        return t.getNano() % 1000 != 0 && floor != Long.MAX_VALUE ? floor + 1 : floor;
    }

    /** Microseconds since 1970, rounded down; saturating at the ends of {@code long}. */
    static long floorMicros(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? Optional.empty() : Optional.of(IsoInstants.parse(s));
    }

    private static int instant(PreparedStatement ps, int i, Optional<Instant> t) throws SQLException {
        return text(ps, i, t.map(IsoInstants::text));
    }

    private static int text(PreparedStatement ps, int i, Optional<String> s) throws SQLException {
        if (s.isPresent()) {
            ps.setString(i, s.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
        return i + 1;
    }
}
