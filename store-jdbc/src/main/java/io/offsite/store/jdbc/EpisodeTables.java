package io.offsite.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code geofence_episode} and {@code geofence_history} rows of one engine: the state written before V13 (since
 * then every change goes to the episode log), which a restore starts from.
 */
final class EpisodeTables {
    static final String COLUMNS = "engine_id, fence_id, subject, display, display_confidence, phase, first_seen,"
            + " last_seen, anchor_x, anchor_y, last_x, last_y, camera_id, plate_legible, steps_fired, started_at,"
            + " next_step_at, active_until, repeat_count, episode_id, notice, notice_at, notice_detail, log_seq";
    private final String engineId;

    EpisodeTables(String engineId) {
        this.engineId = engineId;
    }

    /** The {@code log_seq} of every episode row, by (fence, subject). */
    Map<EpisodeKey, Long> rowSeqs(Connection c) throws SQLException {
        Map<EpisodeKey, Long> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT fence_id, subject, log_seq FROM geofence_episode WHERE engine_id = ?")) {
            ps.setString(1, engineId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(new EpisodeKey(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }
            }
        }
        return rows;
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
