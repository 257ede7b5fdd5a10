package io.offsite.store.jdbc;

import io.offsite.geofence.EpisodeState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code geofence_last_seen_log} rows of one engine: appending, folding, and applying them over the episode rows.
 * Every flush has a seq (one more than the last); a whole-row write records it as the row's {@code log_seq}, and a
 * log entry applies to a row only when the entry's seq is greater, so it is newer than the row's last whole write
 * (a removed and re-created episode never takes an older episode's last seen). An entry with no row belongs to a
 * removed episode and is superseded.
 */
final class LastSeenLogTable {
    private static final String TABLE = LastSeenLog.TABLE;

    private LastSeenLogTable() {
    }

    /** {last seq used by any flush of {@code engineId}, entries its log holds}. */
    static long[] state(Connection c, String engineId) throws SQLException {
        long seq = 0;
        long entries = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq), SUM(entries) FROM " + TABLE
                + " WHERE engine_id = ?")) {
            ps.setString(1, engineId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1);
                    entries = rs.getLong(2);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(log_seq) FROM geofence_episode WHERE engine_id = ?")) {
            ps.setString(1, engineId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    seq = Math.max(seq, rs.getLong(1));
                }
            }
        }
        return new long[] {seq, entries};
    }

    /** Appends the last-seen data of {@code states} as the row {@code seq}. */
    static void append(Connection c, String engineId, long seq, Collection<EpisodeState> states) throws SQLException {
        List<LastSeenLog.Entry> entries = new ArrayList<>(states.size());
        for (EpisodeState s : states) {
            entries.add(LastSeenLog.Entry.of(s));
        }
        insert(c, engineId, seq, entries);
    }

    /**
     * Replaces the whole log by one row {@code seq}: the newest entry of each episode row it still applies to, then
     * {@code states} (newer still); returns the entries of that row. Runs after the flush's row writes.
     */
    static long fold(Connection c, String engineId, long seq, Collection<EpisodeState> states) throws SQLException {
        Map<List<String>, Long> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT fence_id, subject, log_seq FROM geofence_episode WHERE engine_id = ?")) {
            ps.setString(1, engineId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }
            }
        }
        Map<List<String>, LastSeenLog.Entry> merged = new LinkedHashMap<>();
        read(c, engineId, (entrySeq, e) -> {
            List<String> key = List.of(e.fenceId(), e.subject());
            Long rowSeq = rows.get(key);
            if (rowSeq != null && entrySeq > rowSeq) {
                merged.put(key, e);
            }
        });
        for (EpisodeState s : states) {
            List<String> key = List.of(s.fenceId(), s.subject());
            if (rows.containsKey(key)) {
                merged.put(key, LastSeenLog.Entry.of(s));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE engine_id = ? AND seq < ?")) {
            ps.setString(1, engineId);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
        if (!merged.isEmpty()) {
            insert(c, engineId, seq, merged.values());
        }
        return merged.size();
    }

    /** The episode rows {@code select} returns (columns as the store lists them), each with its log entries applied. */
    static List<EpisodeState> restore(Connection c, String engineId, String select) throws SQLException {
        Map<List<String>, EpisodeState> states = new LinkedHashMap<>();
        Map<List<String>, Long> rowSeqs = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(select)) {
            ps.setString(1, engineId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EpisodeState s = EpisodeRows.read(rs);
                    List<String> key = List.of(s.fenceId(), s.subject());
                    states.put(key, s);
                    rowSeqs.put(key, rs.getLong(24));
                }
            }
        }
        read(c, engineId, (seq, e) -> {
            List<String> key = List.of(e.fenceId(), e.subject());
            Long rowSeq = rowSeqs.get(key);
            if (rowSeq != null && seq > rowSeq) {
                states.put(key, e.applyTo(states.get(key), engineId + " seq " + seq));
            }
        });
        return new ArrayList<>(states.values());
    }

    /** An entry of the log row {@code seq}. */
    @FunctionalInterface
    private interface EntrySink {
        void accept(long seq, LastSeenLog.Entry entry);
    }

    private static void read(Connection c, String engineId, EntrySink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, entries, payload FROM " + TABLE
                + " WHERE engine_id = ? ORDER BY seq")) {
            ps.setString(1, engineId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    int entries = rs.getInt(2);
                    String key = engineId + " seq " + seq;
                    List<LastSeenLog.Entry> decoded = LastSeenLog.decode(rs.getBytes(3), key);
                    if (decoded.size() != entries) {
                        throw new CorruptRowException(TABLE, key, "payload holds " + decoded.size()
                                + " entries, the row says " + entries);
                    }
                    for (LastSeenLog.Entry e : decoded) {
                        sink.accept(seq, e);
                    }
                }
            }
        }
    }

    private static void insert(Connection c, String engineId, long seq, Collection<LastSeenLog.Entry> entries)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (engine_id, seq, entries, payload)"
                + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, engineId);
            ps.setLong(2, seq);
            ps.setInt(3, entries.size());
            ps.setBytes(4, LastSeenLog.encode(entries));
            ps.executeUpdate();
        }
    }
}
