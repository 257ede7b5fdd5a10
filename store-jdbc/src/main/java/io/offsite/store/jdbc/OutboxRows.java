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
    /** What {@link #read} needs. */
    static final String SELECT = "SELECT message_key, " + STATE_COLUMNS + ", version FROM " + TABLE;

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
        ps.setString(i++, m.enqueuedAt().toString());
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

    /** The message and version in the current row of a result of {@link #SELECT}. */
    static StoredMessage read(ResultSet rs) throws SQLException {
        String key = rs.getString("message_key");
        try {
            int format = rs.getInt("row_format");
            if (format != FORMAT) {
                throw new CorruptRowException(TABLE, key, "row format " + format + " is not one this version reads ("
                        + FORMAT + ")");
            }
            OutgoingMessage msg = new OutgoingMessage(key, Channel.valueOf(rs.getString("channel")),
                    rs.getString("recipient"), rs.getString("body"));
            Optional<Instant> due = instant(rs, "due_at");
            long dueMicros = rs.getLong("due_micros");
            boolean dueMicrosNull = rs.wasNull();
            if (due.isPresent() ? dueMicrosNull || dueMicros != ceilMicros(due.get()) : !dueMicrosNull) {
                throw new CorruptRowException(TABLE, key, "due_micros " + (dueMicrosNull ? "NULL" : dueMicros)
                        + " does not match due_at " + due.map(Instant::toString).orElse("NULL"));
            }
            OutboxMessage m = new OutboxMessage(msg, MessageStatus.valueOf(rs.getString("status")),
                    rs.getInt("attempts"), Instant.parse(rs.getString("enqueued_at")), due,
                    instant(rs, "first_attempt_at"), instant(rs, "last_attempt_at"), instant(rs, "sent_at"),
                    instant(rs, "delivered_at"), instant(rs, "dead_lettered_at"),
                    Optional.ofNullable(rs.getString("provider_id")), Optional.ofNullable(rs.getString("last_error")),
                    Optional.ofNullable(rs.getString("dead_letter_reason")));
            return new StoredMessage(m, rs.getLong("version"));
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

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? Optional.empty() : Optional.of(Instant.parse(s));
    }

    private static int instant(PreparedStatement ps, int i, Optional<Instant> t) throws SQLException {
        return text(ps, i, t.map(Instant::toString));
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
