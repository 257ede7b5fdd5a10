package io.offsite.store.jdbc;

import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.SubjectHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * The {@code geofence_episode} and {@code geofence_history} rows of one engine, in the SQL of its dialect: batched
 * upserts and deletes (written when the episode log is folded) and the reads a restore starts from.
 */
final class EpisodeTables {
    static final String COLUMNS = "engine_id, fence_id, subject, display, display_confidence, phase, first_seen,"
            + " last_seen, anchor_x, anchor_y, last_x, last_y, camera_id, plate_legible, steps_fired, started_at,"
            + " next_step_at, active_until, repeat_count, episode_id, notice, notice_at, notice_detail, log_seq";
    private final String engineId;
    private final String upsertEpisode;
    private final String upsertHistory;

    EpisodeTables(Dialect dialect, String engineId) {
        this.engineId = engineId;
        boolean h2 = dialect == Dialect.H2;
        String params = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
        this.upsertEpisode = h2
                ? "MERGE INTO geofence_episode (" + COLUMNS + ") KEY (engine_id, fence_id, subject) VALUES (" + params + ")"
                : "INSERT INTO geofence_episode (" + COLUMNS + ") VALUES (" + params + ") ON CONFLICT (engine_id, fence_id,"
                        + " subject) DO UPDATE SET " + updateAll(COLUMNS, 3);
        this.upsertHistory = h2
                ? "MERGE INTO geofence_history (engine_id, history_key, warned_at, notice_epoch_day, notices_that_day)"
                        + " KEY (engine_id, history_key) VALUES (?, ?, ?, ?, ?)"
                : "INSERT INTO geofence_history (engine_id, history_key, warned_at, notice_epoch_day, notices_that_day)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (engine_id, history_key) DO UPDATE SET warned_at ="
                        + " EXCLUDED.warned_at, notice_epoch_day = EXCLUDED.notice_epoch_day, notices_that_day ="
                        + " EXCLUDED.notices_that_day";
    }

    private static String updateAll(String columns, int skipKeys) {
        String[] cols = columns.split(",\\s*");
        StringBuilder b = new StringBuilder();
        for (int i = skipKeys; i < cols.length; i++) {
            b.append(i > skipKeys ? ", " : "").append(cols[i]).append(" = EXCLUDED.").append(cols[i]);
        }
        return b.toString();
    }

    /** Upserts {@code states} (each row recording {@code logSeq}) and deletes the rows keyed by {@code removed}. */
    void write(Connection c, Collection<EpisodeState> states, Collection<List<String>> removed, long logSeq)
            throws SQLException {
        if (!states.isEmpty()) {
            try (PreparedStatement up = c.prepareStatement(upsertEpisode)) {
                for (EpisodeState s : states) {
                    EpisodeRows.bind(up, engineId, s);
                    up.setLong(24, logSeq);
                    up.addBatch();
                }
                up.executeBatch();
            }
        }
        if (!removed.isEmpty()) {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM geofence_episode WHERE engine_id = ? AND fence_id = ? AND subject = ?")) {
                for (List<String> key : removed) {
                    del.setString(1, engineId);
                    del.setString(2, key.get(0));
                    del.setString(3, key.get(1));
                    del.addBatch();
                }
                del.executeBatch();
            }
        }
    }

    void writeHistories(Connection c, Collection<SubjectHistory> histories) throws SQLException {
        if (histories.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(upsertHistory)) {
            for (SubjectHistory h : histories) {
                ps.setString(1, engineId);
                ps.setString(2, h.key());
                ps.setString(3, EpisodeRows.longs(h.warnedAt()));
                ps.setLong(4, h.noticeEpochDay());
                ps.setInt(5, h.noticesThatDay());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Reads every episode row into {@code replay} (with the seq of the flush or fold that wrote it). */
    void readEpisodes(Connection c, EpisodeLogReplay replay) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM geofence_episode WHERE engine_id = ?")) {
            ps.setString(1, engineId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    replay.row(EpisodeRows.read(rs), rs.getLong(24));
                }
            }
        }
    }

    void readHistories(Connection c, EpisodeLogReplay replay) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT history_key, warned_at, notice_epoch_day, notices_that_day"
                + " FROM geofence_history WHERE engine_id = ?")) {
            ps.setString(1, engineId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    replay.history(EpisodeRows.history(engineId, rs));
                }
            }
        }
    }
}
