package io.offsite.store.jdbc;

import io.offsite.core.OffsiteException;
import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.SubjectHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Episode and history rows (written before V13) → values; a row that does not decode is a {@link CorruptRowException}
 * naming its key.
 */
final class EpisodeRows {
    private EpisodeRows() {
    }

    /** Reads the row {@code rs} is on (columns in the order of {@code JdbcEpisodeStore}'s column list). */
    static EpisodeState read(ResultSet rs) throws SQLException {
        String key = rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3);
        try {
            return new EpisodeState(rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                    EpisodeState.Phase.valueOf(rs.getString(6)), rs.getLong(7), rs.getLong(8), rs.getDouble(9),
                    rs.getDouble(10), rs.getDouble(11), rs.getDouble(12), rs.getString(13), rs.getBoolean(14),
                    rs.getInt(15), rs.getLong(16), rs.getLong(17), rs.getLong(18), rs.getInt(19), rs.getString(20),
                    EpisodeState.Notice.valueOf(rs.getString(21)), rs.getLong(22), rs.getString(23));
        } catch (IllegalArgumentException | NullPointerException | OffsiteException e) {
            throw new CorruptRowException("geofence_episode", key, e.getMessage(), e);
        }
    }

    static SubjectHistory history(String engineId, ResultSet rs) throws SQLException {
        String key = rs.getString(1);
        try {
            return new SubjectHistory(key, parseLongs(rs.getString(2)), rs.getLong(3), rs.getInt(4));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CorruptRowException("geofence_history", engineId + "/" + key, e.getMessage(), e);
        }
    }

    private static List<Long> parseLongs(String text) {
        List<Long> out = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String p : text.split(",", -1)) {
                out.add(Long.parseLong(p));
            }
        }
        return out;
    }
}
