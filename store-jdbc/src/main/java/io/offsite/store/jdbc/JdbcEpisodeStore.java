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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The geofence {@link EpisodeStore} on the database: started episodes, repeat/notice histories and the watermark of
 * one engine ({@code engineId}: several engines, one per shard of cameras, share a database). Writes are buffered
 * and committed as one batched transaction at each {@link #flush()}, which the engine calls at each checkpoint
 * (default every 10 s of event time) and after a call in which an episode started (see {@link EpisodeStore}). Whole
 * episodes ({@link #put}) and removals are written as rows. Changes of only the "last seen" data
 * ({@link #putLastSeen}, most of a checkpoint) are not updated in place: each flush appends them as one packed row of
 * {@code geofence_last_seen_log}, which {@link #episodes()} applies over the rows; when the log outgrows the episode
 * table the flush folds it into one row. A failed flush keeps the buffered writes and retries them on the next flush.
 *
 * <pre>{@code
 * GeofenceEngine engine = GeofenceEngine.builder(fences, officers)
 *         .store(JdbcEpisodeStore.create(db, "engine-1")).effects(sink).clock(clock).build();
 * }</pre>
 */
public final class JdbcEpisodeStore implements EpisodeStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEpisodeStore.class);
    private static final String COLUMNS = "engine_id, fence_id, subject, display, display_confidence, phase, first_seen,"
            + " last_seen, anchor_x, anchor_y, last_x, last_y, camera_id, plate_legible, steps_fired, started_at,"
            + " next_step_at, active_until, repeat_count, episode_id, notice, notice_at, notice_detail, log_seq";
    /**
     * Fold when the log holds more entries than this many times the episodes (or {@link #DEFAULT_FOLD_MINIMUM}): a
     * fold scans the episode keys and rewrites the log (~2 s for 120,000 episodes on H2), an append costs ~50 B
     * per entry, and a restore decodes ~6 M entries a second, so a larger log is cheap to keep.
     */
    private static final int DEFAULT_FOLD_FACTOR = 8;
    private static final int DEFAULT_FOLD_MINIMUM = 100_000;

    private final Sql sql;
    private final String engineId;
    private final String upsertEpisode;
    private final String upsertHistory;
    private final String upsertWatermark;
    private final int foldFactor;
    private final int foldMinimum;
    /** Buffered whole-row episode writes by (fence, subject); a null value is a removal. */
    private final Map<List<String>, EpisodeState> episodes = new LinkedHashMap<>();
    /** Buffered last-seen changes of episodes with no whole-row write buffered (keys disjoint from {@link #episodes}). */
    private final Map<List<String>, EpisodeState> lastSeen = new LinkedHashMap<>();
    /** Keys whose row this store wrote, buffered or read: a last-seen change of any other is written as a whole row. */
    private final Set<List<String>> known = new HashSet<>();
    private final Map<String, SubjectHistory> histories = new LinkedHashMap<>();
    private long pendingWatermark = Long.MIN_VALUE;
    private long flushes;
    /** The seq of the last flush (-1: not read from the database yet) and the entries the log holds. */
    private long seq = -1;
    private long logEntries;
    private long folds;

    private JdbcEpisodeStore(OffsiteDatabase db, String engineId, int foldFactor, int foldMinimum) {
        this.sql = db.sql();
        this.engineId = engineId;
        this.foldFactor = foldFactor;
        this.foldMinimum = foldMinimum;
        boolean h2 = db.dialect() == Dialect.H2;
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
        this.upsertWatermark = h2
                ? "MERGE INTO geofence_watermark (engine_id, watermark) KEY (engine_id) VALUES (?, ?)"
                : "INSERT INTO geofence_watermark (engine_id, watermark) VALUES (?, ?) ON CONFLICT (engine_id) DO UPDATE"
                        + " SET watermark = EXCLUDED.watermark";
    }

    /**
     * The store of engine {@code engineId} (letters, digits, {@code . _ -}, at most 100 characters) on {@code db}.
     */
    public static JdbcEpisodeStore create(OffsiteDatabase db, String engineId) {
        return create(db, engineId, DEFAULT_FOLD_FACTOR, DEFAULT_FOLD_MINIMUM);
    }

    /** As {@link #create(OffsiteDatabase, String)}, folding the log past {@code factor} × episodes or {@code minimum}. */
    static JdbcEpisodeStore create(OffsiteDatabase db, String engineId, int factor, int minimum) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(engineId, "engineId");
        if (!engineId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new StoreException("engineId '" + engineId + "' must be 1-100 letters, digits, '.', '_' or '-'");
        }
        return new JdbcEpisodeStore(db, engineId, factor, minimum);
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
        known.add(key);
    }

    /**
     * Buffers {@code state} as a change of only its last-seen data: appended to the last-seen log at the flush, or
     * written as part of the whole row when one is buffered for the same episode. An episode this store has not
     * written or read (a caller that broke the {@link EpisodeStore#putLastSeen} contract, or a store that has not
     * read {@link #episodes()}) is written as a whole row instead.
     */
    @Override
    public synchronized void putLastSeen(EpisodeState state) {
        List<String> key = List.of(state.fenceId(), state.subject());
        if (episodes.containsKey(key) || !known.contains(key)) {
            episodes.put(key, state);
            known.add(key);
        } else {
            lastSeen.put(key, state);
        }
    }

    @Override
    public synchronized void remove(String fenceId, String subject) {
        List<String> key = List.of(fenceId, subject);
        lastSeen.remove(key);
        episodes.put(key, null);
        known.remove(key);
    }

    @Override
    public synchronized void putHistory(SubjectHistory history) {
        histories.put(history.key(), history);
    }

    @Override
    public synchronized void putWatermark(long watermark) {
        pendingWatermark = watermark;
    }

    /**
     * Writes every buffered change in one transaction (folding the last-seen log when it has grown past its bound);
     * on failure keeps them for the next flush.
     */
    @Override
    public synchronized void flush() {
        if (episodes.isEmpty() && lastSeen.isEmpty() && histories.isEmpty() && pendingWatermark == Long.MIN_VALUE) {
            return;
        }
        long[] done = sql.inTransaction("flushing " + episodes.size() + " episode, " + lastSeen.size() + " last-seen and "
                + histories.size() + " history writes of engine " + engineId, c -> {
                    long[] log = seq < 0 ? LastSeenLogTable.state(c, engineId) : new long[] {seq, logEntries};
                    long at = log[0] + 1;
                    writeEpisodes(c, at);
                    long entries = log[1] + lastSeen.size();
                    boolean fold = entries > Math.max(foldMinimum, (long) foldFactor * known.size());
                    if (fold) {
                        entries = LastSeenLogTable.fold(c, engineId, at, lastSeen.values());
                    } else if (!lastSeen.isEmpty()) {
                        LastSeenLogTable.append(c, engineId, at, lastSeen.values());
                    }
                    writeHistories(c);
                    if (pendingWatermark != Long.MIN_VALUE) {
                        try (PreparedStatement ps = c.prepareStatement(upsertWatermark)) {
                            ps.setString(1, engineId);
                            ps.setLong(2, pendingWatermark);
                            ps.executeUpdate();
                        }
                    }
                    return new long[] {at, entries, fold ? 1 : 0};
                });
        seq = done[0];
        logEntries = done[1];
        folds += done[2];
        episodes.clear();
        lastSeen.clear();
        histories.clear();
        pendingWatermark = Long.MIN_VALUE;
        flushes++;
        if (done[2] == 1) {
            LOG.debug("engine {}: last-seen log folded into {} entries", engineId, done[1]);
        }
    }

    /** Flushes that wrote something (for monitoring and tests). */
    public synchronized long flushes() {
        return flushes;
    }

    /** Folds of the last-seen log by this store (for tests). */
    synchronized long folds() {
        return folds;
    }

    private void writeEpisodes(Connection c, long at) throws SQLException {
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
                    up.setLong(24, at);
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

    /** The stored episodes, with the last-seen log applied (buffered writes are flushed first). */
    @Override
    public synchronized Collection<EpisodeState> episodes() {
        flush();
        Collection<EpisodeState> out = sql.inTransaction("reading the episodes of engine " + engineId,
                c -> LastSeenLogTable.restore(c, engineId, "SELECT " + COLUMNS
                        + " FROM geofence_episode WHERE engine_id = ? ORDER BY fence_id, subject"));
        for (EpisodeState s : out) {
            known.add(List.of(s.fenceId(), s.subject()));
        }
        return out;
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
