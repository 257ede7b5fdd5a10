package io.offsite.store.jdbc;

import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.SubjectHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fold of the episode log: its records reduced to the last state of each episode and history they touch, then
 * written to the tables. Per episode: the last whole record (with any later last-seen record applied) is upserted,
 * a removal not followed by a whole record is deleted, and last-seen records of an episode with neither stay in the
 * log (returned by {@link #write}, to be packed into one row), since their episode's row already holds the rest.
 * The store keeps one as it flushes (the log's reduction so far), so a fold need not read the log back.
 */
final class EpisodeLogFold {
    private final Map<List<String>, EpisodeState> wholes = new LinkedHashMap<>();
    private final Set<List<String>> removed = new LinkedHashSet<>();
    private final Map<List<String>, EpisodeLogRecord.LastSeen> lastSeen = new LinkedHashMap<>();
    private final Map<List<String>, Long> lastSeenSeqs = new HashMap<>();
    private final Map<String, SubjectHistory> histories = new LinkedHashMap<>();
    /** A version-1 row was read: its last-seen records may be older than their episode's row. */
    private boolean legacy;

    void legacy() {
        legacy = true;
    }

    /** Applies {@code records} of the log row {@code seq} (named {@code logKey} in errors), in order. */
    void applyAll(long seq, Collection<? extends EpisodeLogRecord> records, String logKey) {
        for (EpisodeLogRecord r : records) {
            apply(seq, r, logKey);
        }
    }

    /** Applies {@code r}, a record of the log row {@code seq} (named {@code logKey} in errors), in seq order. */
    void apply(long seq, EpisodeLogRecord r, String logKey) {
        if (r instanceof EpisodeLogRecord.Whole w) {
            List<String> key = w.key();
            wholes.put(key, w.state());
            removed.remove(key);
            forget(key);
        } else if (r instanceof EpisodeLogRecord.Removal d) {
            List<String> key = d.key();
            wholes.remove(key);
            removed.add(key);
            forget(key);
        } else if (r instanceof EpisodeLogRecord.History h) {
            histories.put(h.history().key(), h.history());
        } else if (r instanceof EpisodeLogRecord.LastSeen e) {
            List<String> key = e.key();
            EpisodeState whole = wholes.get(key);
            if (whole != null) {
                wholes.put(key, e.applyTo(whole, logKey));
            } else if (!removed.contains(key)) {
                lastSeen.put(key, e);
                lastSeenSeqs.put(key, seq);
            }
        }
    }

    private void forget(List<String> key) {
        lastSeen.remove(key);
        lastSeenSeqs.remove(key);
    }

    /**
     * Writes the reduced episodes (recording the fold's {@code seq}) and histories to the tables; returns the
     * last-seen records to keep in the log.
     */
    List<EpisodeLogRecord.LastSeen> write(Connection c, EpisodeTables tables, String engineId, long seq)
            throws SQLException {
        if (legacy && !lastSeen.isEmpty()) {
            dropSuperseded(c, engineId);
        }
        tables.write(c, wholes.values(), removed, seq);
        tables.writeHistories(c, histories.values());
        return new ArrayList<>(lastSeen.values());
    }

    /** Drops the last-seen records of episodes with no row, or whose row was written whole after them. */
    private void dropSuperseded(Connection c, String engineId) throws SQLException {
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
        lastSeen.keySet().removeIf(key -> {
            Long rowSeq = rows.get(key);
            return rowSeq == null || lastSeenSeqs.get(key) <= rowSeq;
        });
    }
}
