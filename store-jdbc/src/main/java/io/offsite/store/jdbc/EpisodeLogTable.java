package io.offsite.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The {@code geofence_episode_log} rows of one engine: appending, restoring, folding. Every flush has a seq (one more
 * than the last) and appends its records as rows of that seq (parts of at most a bounded number of records). The episode and history tables hold the state
 * written before V13 (each episode row with the seq of the flush that wrote it, {@code log_seq}). A restore reads the
 * tables and applies the log over them in seq order ({@link EpisodeLogReplay}); a fold replaces the whole log by the
 * rows of one seq holding its net changes ({@link EpisodeLogFold}), in one transaction, so the log stays about as large as the
 * episodes it holds.
 */
final class EpisodeLogTable {
    private static final String TABLE = EpisodeLog.TABLE;

    private EpisodeLogTable() {
    }

    /** {last seq used by any flush or fold of {@code engineId}, records its log holds}. */
    static long[] state(Connection c, String engineId) throws SQLException {
        long seq = 0;
        long records = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq), SUM(entries) FROM " + TABLE
                + " WHERE engine_id = ?")) {
            ps.setString(1, engineId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1);
                    records = rs.getLong(2);
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
        return new long[] {seq, records};
    }

    /**
     * Appends {@code records} as the rows of {@code seq}: parts 0, 1, … of at most {@code perRow} records each, so a
     * fold of a large engine never makes one huge row.
     */
    static void append(Connection c, String engineId, long seq, List<? extends EpisodeLogRecord> records, int perRow)
            throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " (engine_id, seq, part, entries, payload) VALUES (?, ?, ?, ?, ?)")) {
            for (int from = 0, part = 0; from < records.size(); from += perRow, part++) {
                List<? extends EpisodeLogRecord> rows = records.subList(from, Math.min(records.size(), from + perRow));
                ps.setString(1, engineId);
                ps.setLong(2, seq);
                ps.setInt(3, part);
                ps.setInt(4, rows.size());
                ps.setBytes(5, EpisodeLog.encode(rows));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The stored state of {@code engineId}: its table rows with every log record applied. */
    static EpisodeLogReplay restore(Connection c, EpisodeTables tables, String engineId) throws SQLException {
        EpisodeLogReplay replay = new EpisodeLogReplay();
        tables.readEpisodes(c, replay);
        tables.readHistories(c, replay);
        read(c, engineId, (seq, key, records) -> {
            for (EpisodeLogRecord r : records) {
                replay.apply(seq, r, key);
            }
        });
        return replay;
    }

    /**
     * Folds the log and then {@code records} (the flush {@code seq}, not appended) into the rows of {@code seq} that
     * replace the whole log ({@link EpisodeLogFold#compact}); returns its records. {@code known} is the log's
     * reduction kept by the store as it flushed (it takes {@code records} too), or null to read the log;
     * {@code tableRows} the episode table's {@code log_seq} by key.
     */
    static List<EpisodeLogRecord> fold(Connection c, String engineId, long seq,
            Collection<? extends EpisodeLogRecord> records, EpisodeLogFold known, Map<EpisodeKey, Long> tableRows,
            int perRow) throws SQLException {
        EpisodeLogFold fold = known != null ? known : read(c, engineId);
        fold.applyAll(seq, records, engineId + " seq " + seq);
        List<EpisodeLogRecord> compacted = fold.compact(tableRows);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE engine_id = ? AND seq <= ?")) {
            ps.setString(1, engineId);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
        append(c, engineId, seq, compacted, perRow);
        return compacted;
    }

    /** The log of {@code engineId} reduced for a fold. */
    private static EpisodeLogFold read(Connection c, String engineId) throws SQLException {
        EpisodeLogFold fold = new EpisodeLogFold();
        read(c, engineId, (rowSeq, key, rowRecords) -> fold.applyAll(rowSeq, rowRecords, key));
        return fold;
    }

    /** The records of one log row. */
    @FunctionalInterface
    private interface RowSink {
        void accept(long seq, String key, List<EpisodeLogRecord> records);
    }

    private static void read(Connection c, String engineId, RowSink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, part, entries, payload FROM " + TABLE
                + " WHERE engine_id = ? ORDER BY seq, part")) {
            ps.setString(1, engineId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    int part = rs.getInt(2);
                    int entries = rs.getInt(3);
                    String key = engineId + " seq " + seq + (part == 0 ? "" : " part " + part);
                    byte[] payload = rs.getBytes(4);
                    List<EpisodeLogRecord> records = EpisodeLog.decode(payload, key);
                    if (records.size() != entries) {
                        throw new CorruptRowException(TABLE, key, "payload holds " + records.size()
                                + " records, the row says " + entries);
                    }
                    sink.accept(seq, key, records);
                }
            }
        }
    }
}
