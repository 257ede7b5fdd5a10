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
 * and committed as one batched transaction at each {@link #flush()}, which the engine calls at each checkpoint
 * (default every 10 s of event time) and after a call in which an episode started (see {@link EpisodeStore}). An
 * episode whose
 * only change since its last full write is its "last seen" data ({@link #putLastSeen}, most of a checkpoint) is
 * written as an {@code UPDATE} of those five columns; others as a whole row. A failed flush keeps the buffered writes
 * and retries them on the next flush.
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
    private final String updateLastSeen;
    /** Buffered whole-row episode writes by (fence, subject); a null value is a removal. */
    private final Map<List<String>, EpisodeState> episodes = new LinkedHashMap<>();
    /** Buffered last-seen changes of episodes with no whole-row write buffered (keys disjoint from {@link #episodes}). */
    private final Map<List<String>, EpisodeState> lastSeen = new LinkedHashMap<>();
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
        this.updateLastSeen = "UPDATE geofence_episode SET last_seen = ?, last_x = ?, last_y = ?, camera_id = ?,"
                + " display_confidence = ? WHERE engine_id = ? AND fence_id = ? AND subject = ?";
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
        List<String> key = List.of(state.fenceId(), state.subject());
        lastSeen.remove(key);
        episodes.put(key, state);
    }

    /**
     * Buffers {@code state} as a change of only its last-seen data: written as an {@code UPDATE} of those columns,
     * or as part of the whole row when one is buffered for the same episode. Should the row be missing at the flush
     * (a caller that broke the {@link EpisodeStore#putLastSeen} contract), the whole row is written instead.
     */
    @Override
    public synchronized void putLastSeen(EpisodeState state) {
        List<String> key = List.of(state.fenceId(), state.subject());
        if (episodes.containsKey(key)) {
            episodes.put(key, state);
        } else {
            lastSeen.put(key, state);
        }
    }

    @Override
    public synchronized void remove(String fenceId, String subject) {
        List<String> key = List.of(fenceId, subject);
        lastSeen.remove(key);
        episodes.put(key, null);
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
        if (episodes.isEmpty() && lastSeen.isEmpty() && histories.isEmpty() && pendingWatermark == Long.MIN_VALUE) {
            return;
        }
        sql.inTransaction("flushing " + episodes.size() + " episode, " + lastSeen.size() + " last-seen and "
                + histories.size() + " history writes of engine " + engineId, c -> {
                    writeEpisodes(c);
                    writeLastSeen(c);
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
        lastSeen.clear();
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

    /** The buffered last-seen updates, batched; an update that finds no row writes the whole row. */
    private void writeLastSeen(Connection c) throws SQLException {
        if (lastSeen.isEmpty()) {
            return;
        }
        EpisodeState[] states = lastSeen.values().toArray(new EpisodeState[0]);
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(updateLastSeen)) {
            for (EpisodeState s : states) {
                ps.setLong(1, s.lastSeen());
                ps.setDouble(2, s.lastX());
                ps.setDouble(3, s.lastY());
                ps.setString(4, s.cameraId());
                ps.setDouble(5, s.displayConfidence());
                ps.setString(6, engineId);
                ps.setString(7, s.fenceId());
                ps.setString(8, s.subject());
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        int missing = 0;
        try (PreparedStatement up = c.prepareStatement(upsertEpisode)) {
            for (int i = 0; i < states.length; i++) {
                if (counts[i] == 0) {
                    EpisodeRows.bind(up, engineId, states[i]);
                    up.addBatch();
                    missing++;
                }
            }
            if (missing > 0) {
                up.executeBatch();
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
