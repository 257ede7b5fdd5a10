package io.offsite.store.jdbc;

import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.geofence.spi.SubjectHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The geofence {@link EpisodeStore} on the database: started episodes, repeat/notice histories and the watermark of
 * one engine ({@code engineId}: several engines, one per shard of cameras, share a database). Writes are buffered
 * and committed as one batched transaction at each {@link #flush()}, which the engine calls at the end of every
 * call that wrote — so the "last seen" changes the engine keeps for its checkpoints (default every 10 s of event
 * time) cost one batch per checkpoint, and a change that decides what fires next is durable when the call that made
 * it returns. A failed flush keeps the buffered writes and retries them on the next flush.
 *
 * <pre>{@code
 * GeofenceEngine engine = GeofenceEngine.builder(fences, officers)
 *         .store(JdbcEpisodeStore.create(db, "engine-1")).effects(sink).clock(clock).build();
 * }</pre>
 */
public final class JdbcEpisodeStore implements EpisodeStore {
    private static final String COLUMNS = "engine_id, fence_id, subject, display, display_confidence, phase, first_seen,"
            + " last_seen, anchor_x, anchor_y, last_x, last_y, camera_id, plate_legible, steps_fired, started_at,"
            + " next_step_at, active_until, repeat_count, episode_id, notice, notice_at, notice_detail";

    private final Sql sql;
    private final String engineId;
    private final String upsertEpisode;
    private final String upsertHistory;
    private final String upsertWatermark;
    /** Buffered episode writes by (fence, subject); a null value is a removal. */
    private final Map<List<String>, EpisodeState> episodes = new LinkedHashMap<>();
    private final Map<String, SubjectHistory> histories = new LinkedHashMap<>();
    private long pendingWatermark = Long.MIN_VALUE;
    private long flushes;

    private JdbcEpisodeStore(OffsiteDatabase db, String engineId) {
        this.sql = db.sql();
        this.engineId = engineId;
        boolean h2 = db.dialect() == Dialect.H2;
        String params = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
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
        this.upsertWatermark = h2
                ? "MERGE INTO geofence_watermark (engine_id, watermark) KEY (engine_id) VALUES (?, ?)"
                : "INSERT INTO geofence_watermark (engine_id, watermark) VALUES (?, ?) ON CONFLICT (engine_id) DO UPDATE"
                        + " SET watermark = EXCLUDED.watermark";
    }

    /**
     * The store of engine {@code engineId} (letters, digits, {@code . _ -}, at most 100 characters) on {@code db}.
     */
    public static JdbcEpisodeStore create(OffsiteDatabase db, String engineId) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(engineId, "engineId");
        if (!engineId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new StoreException("engineId '" + engineId + "' must be 1-100 letters, digits, '.', '_' or '-'");
        }
        return new JdbcEpisodeStore(db, engineId);
    }

    private static String updateAll(String columns, int skipKeys) {
        String[] cols = columns.split(",\\s*");
        StringBuilder b = new StringBuilder();
        for (int i = skipKeys; i < cols.length; i++) {
            b.append(i > skipKeys ? ", " : "").append(cols[i]).append(" = EXCLUDED.").append(cols[i]);
        }
        return b.toString();
    }

    @Override
    public synchronized void put(EpisodeState state) {
        episodes.put(List.of(state.fenceId(), state.subject()), state);
    }

    @Override
    public synchronized void remove(String fenceId, String subject) {
        episodes.put(List.of(fenceId, subject), null);
    }

    @Override
    public synchronized void putHistory(SubjectHistory history) {
        histories.put(history.key(), history);
    }

    @Override
    public synchronized void putWatermark(long watermark) {
        pendingWatermark = watermark;
    }

    /** Writes every buffered change in one transaction; on failure keeps them for the next flush. */
    @Override
    public synchronized void flush() {
        if (episodes.isEmpty() && histories.isEmpty() && pendingWatermark == Long.MIN_VALUE) {
            return;
        }
        sql.inTransaction("flushing " + episodes.size() + " episode and " + histories.size() + " history writes of engine "
                + engineId, c -> {
                    writeEpisodes(c);
                    writeHistories(c);
                    if (pendingWatermark != Long.MIN_VALUE) {
                        try (PreparedStatement ps = c.prepareStatement(upsertWatermark)) {
                            ps.setString(1, engineId);
                            ps.setLong(2, pendingWatermark);
                            ps.executeUpdate();
                        }
                    }
                    return null;
                });
        episodes.clear();
        histories.clear();
        pendingWatermark = Long.MIN_VALUE;
        flushes++;
    }

    /** Flushes that wrote something (for monitoring and tests). */
    public synchronized long flushes() {
        return flushes;
    }

    private void writeEpisodes(Connection c) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(upsertEpisode);
                PreparedStatement del = c.prepareStatement(
                        "DELETE FROM geofence_episode WHERE engine_id = ? AND fence_id = ? AND subject = ?")) {
            int ups = 0;
            int dels = 0;
            for (Map.Entry<List<String>, EpisodeState> e : episodes.entrySet()) {
                EpisodeState s = e.getValue();
                if (s == null) {
                    del.setString(1, engineId);
                    del.setString(2, e.getKey().get(0));
                    del.setString(3, e.getKey().get(1));
                    del.addBatch();
                    dels++;
                } else {
                    EpisodeRows.bind(up, engineId, s);
                    up.addBatch();
                    ups++;
                }
            }
            if (ups > 0) {
                up.executeBatch();
            }
            if (dels > 0) {
                del.executeBatch();
            }
        }
    }

    private void writeHistories(Connection c) throws SQLException {
        if (histories.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(upsertHistory)) {
            for (SubjectHistory h : histories.values()) {
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

    /** The stored episodes (buffered writes are flushed first). */
    @Override
    public synchronized Collection<EpisodeState> episodes() {
        flush();
        return sql.inTransaction("reading the episodes of engine " + engineId, c -> {
            List<EpisodeState> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM geofence_episode WHERE engine_id = ? ORDER BY fence_id, subject")) {
                ps.setString(1, engineId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(EpisodeRows.read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The stored histories (buffered writes are flushed first). */
    @Override
    public synchronized Collection<SubjectHistory> histories() {
        flush();
        return sql.inTransaction("reading the histories of engine " + engineId, c -> {
            List<SubjectHistory> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT history_key, warned_at, notice_epoch_day, notices_that_day"
                    + " FROM geofence_history WHERE engine_id = ? ORDER BY history_key")) {
                ps.setString(1, engineId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(EpisodeRows.history(engineId, rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public synchronized long watermark() {
        if (pendingWatermark != Long.MIN_VALUE) {
            return pendingWatermark;
        }
        return sql.inTransaction("reading the watermark of engine " + engineId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT watermark FROM geofence_watermark WHERE engine_id = ?")) {
                ps.setString(1, engineId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
                }
            }
        });
    }
}
