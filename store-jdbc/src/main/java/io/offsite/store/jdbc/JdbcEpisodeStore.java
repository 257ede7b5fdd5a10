package io.offsite.store.jdbc;

import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.geofence.spi.SubjectHistory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The geofence {@link EpisodeStore} on the database: started episodes, repeat/notice histories and the watermark of
 * one engine ({@code engineId}: several engines, one per shard of cameras, share a database). Writes are buffered
 * and committed as one transaction at each {@link #flush()}, which the engine calls at each checkpoint (default every
 * 10 s of event time) and after a call in which an episode started (see {@link EpisodeStore}). A flush appends its
 * changes — whole episodes ({@link #put}), removals, histories and changes of only the "last seen" data
 * ({@link #putLastSeen}, most of a checkpoint) — as one packed row of {@code geofence_episode_log} (several past
 * 20,000 records) and updates the watermark, instead of rewriting rows at random keys; {@link #episodes()} and
 * {@link #histories()} apply the log in order over the episode and history tables (which hold the state written
 * before V13 and are no longer written). When the log has grown well past the episodes it holds, a flush folds it,
 * in the same transaction, into one record per live episode and history. A failed flush keeps the buffered writes
 * and retries them on the next flush.
 *
 * <pre>{@code
 * GeofenceEngine engine = GeofenceEngine.builder(fences, officers)
 *         .store(JdbcEpisodeStore.create(db, "engine-1")).effects(sink).clock(clock).build();
 * }</pre>
 */
public final class JdbcEpisodeStore implements EpisodeStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEpisodeStore.class);
    /**
     * Fold when the log holds more records than this many times the episodes, twice what the last fold left, and
     * {@link #DEFAULT_FOLD_MINIMUM}: a fold packs one record per live episode and history (~100 B each) into one
     * row, an append costs ~50 B per last-seen record (~100 B per whole one), and a restore decodes millions of
     * records a second, so a larger log is cheap to keep.
     */
    private static final int DEFAULT_FOLD_FACTOR = 8;
    private static final int DEFAULT_FOLD_MINIMUM = 100_000;
    /** Records per log row (~2 MB): a fold of a large engine is written as several rows of one seq. */
    private static final int DEFAULT_RECORDS_PER_ROW = 20_000;

    private final Sql sql;
    private final String engineId;
    private final EpisodeTables tables;
    private final String upsertWatermark;
    private final int foldFactor;
    private final int foldMinimum;
    private final int recordsPerRow;
    /**
     * The episodes this store wrote or read, by key: a last-seen change of any other is written whole. One lookup per
     * write finds the slot, which holds the change buffered for the next flush.
     */
    private final Map<EpisodeKey, Slot> slots = new HashMap<>();
    /** The slots with a buffered change, in the order of their first change since the last flush. */
    private final List<Slot> dirty = new ArrayList<>();
    private final Map<String, SubjectHistory> histories = new LinkedHashMap<>();
    private long pendingWatermark = Long.MIN_VALUE;
    private long flushes;
    /** The seq of the last flush (-1: not read from the database yet) and the records the log holds. */
    private long seq = -1;
    private long logRecords;
    /** Records the log held after this store's last fold (the next fold waits until the log has at least doubled). */
    private long folded;
    private long folds;
    /**
     * The log's reduction since the last fold, kept as flushes commit, so a fold need not read the log back; null
     * when not known (a store that found a log it did not write, or after a failed flush): the fold reads the log.
     */
    private EpisodeLogFold sinceFold;
    /** The last restore, kept for one more read until a flush writes ({@link #restored}). */
    private EpisodeLogReplay kept;
    /** The episode table's {@code log_seq} by key (read at the first fold; the table is no longer written). */
    private Map<EpisodeKey, Long> tableRows;

    private JdbcEpisodeStore(OffsiteDatabase db, String engineId, int foldFactor, int foldMinimum, int recordsPerRow) {
        this.sql = db.sql();
        this.engineId = engineId;
        this.tables = new EpisodeTables(engineId);
        this.foldFactor = foldFactor;
        this.foldMinimum = foldMinimum;
        this.recordsPerRow = recordsPerRow;
        this.upsertWatermark = db.dialect() == Dialect.H2
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
        return create(db, engineId, factor, minimum, DEFAULT_RECORDS_PER_ROW);
    }

    /** As {@link #create(OffsiteDatabase, String, int, int)}, with at most {@code perRow} records in a log row. */
    static JdbcEpisodeStore create(OffsiteDatabase db, String engineId, int factor, int minimum, int perRow) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(engineId, "engineId");
        if (!engineId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new StoreException("engineId '" + engineId + "' must be 1-100 letters, digits, '.', '_' or '-'");
        }
        if (perRow < 1) {
            throw new StoreException("records per log row must be >= 1, was " + perRow);
        }
        return new JdbcEpisodeStore(db, engineId, factor, minimum, perRow);
    }

    @Override
    public synchronized void put(EpisodeState state) {
        slot(state).buffer(state, Slot.WHOLE, dirty);
    }

    /**
     * As {@link #put}, returning the episode's slot as its handle: a last-seen change given to the handle is buffered
     * without a key look-up or a state (as a last-seen record, or patched into a whole record buffered since the last
     * flush). The handle refuses once the episode is removed.
     */
    @Override
    public synchronized LastSeen putTracked(EpisodeState state) {
        Slot slot = slot(state);
        slot.buffer(state, Slot.WHOLE, dirty);
        return slot;
    }

    /**
     * Buffers {@code state} as a change of only its last-seen data: appended to the log at the flush as a last-seen
     * record, or as part of the whole record when one is buffered for the same episode. An episode this store has not
     * written or read (a caller that broke the {@link EpisodeStore#putLastSeen} contract, or a store that has not
     * read {@link #episodes()}) is written whole instead.
     */
    @Override
    public synchronized void putLastSeen(EpisodeState state) {
        Slot slot = slots.get(EpisodeKey.of(state));
        if (slot == null) {
            put(state);
        } else {
            slot.buffer(state, slot.change == Slot.WHOLE ? Slot.WHOLE : Slot.LAST_SEEN, dirty);
        }
    }

    @Override
    public synchronized void remove(String fenceId, String subject) {
        EpisodeKey key = new EpisodeKey(fenceId, subject);
        Slot slot = slots.remove(key);
        if (slot != null) {
            slot.removed = true;
        }
        (slot != null ? slot : new Slot(this, key)).buffer(null, Slot.REMOVED, dirty);
    }

    private Slot slot(EpisodeState state) {
        EpisodeKey key = EpisodeKey.of(state);
        Slot slot = slots.get(key);
        if (slot == null) {
            slot = new Slot(this, key);
            slots.put(key, slot);
        }
        return slot;
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
     * Appends every buffered change to the log in one transaction (folding the log when it has grown past its bound);
     * on failure keeps them for the next flush.
     */
    @Override
    public synchronized void flush() {
        if (dirty.isEmpty() && histories.isEmpty() && pendingWatermark == Long.MIN_VALUE) {
            return;
        }
        List<EpisodeLogRecord> records = records();
        EpisodeLogFold reduced = sinceFold;
        sinceFold = null; // until this flush commits: a failed one may have applied its records to it
        EpisodeLogFold[] next = new EpisodeLogFold[1];
        long[] done = sql.inTransaction("flushing " + dirty.size() + " episode and "
                + histories.size() + " history writes of engine " + engineId, c -> {
                    long[] log = seq < 0 ? EpisodeLogTable.state(c, engineId) : new long[] {seq, logRecords};
                    long at = log[0] + 1;
                    long held = log[1] + records.size();
                    EpisodeLogFold reduction = reduced != null ? reduced : log[1] == 0 ? new EpisodeLogFold() : null;
                    boolean fold = held > Math.max(Math.max(foldMinimum, 2 * folded), (long) foldFactor * slots.size());
                    if (fold) {
                        if (tableRows == null) {
                            tableRows = tables.rowSeqs(c);
                        }
                        List<EpisodeLogRecord> kept = EpisodeLogTable.fold(c, engineId, at, records, reduction,
                                tableRows, recordsPerRow);
                        held = kept.size();
                        next[0] = new EpisodeLogFold();
                        next[0].applyAll(at, kept, engineId + " seq " + at);
                    } else {
                        EpisodeLogTable.append(c, engineId, at, records, recordsPerRow);
                        if (reduction != null) {
                            reduction.applyAll(at, records, engineId + " seq " + at);
                        }
                        next[0] = reduction;
                    }
                    if (pendingWatermark != Long.MIN_VALUE) {
                        try (PreparedStatement ps = c.prepareStatement(upsertWatermark)) {
                            ps.setString(1, engineId);
                            ps.setLong(2, pendingWatermark);
                            ps.executeUpdate();
                        }
                    }
                    return new long[] {at, held, fold ? 1 : 0};
                });
        sinceFold = next[0];
        kept = null;
        seq = done[0];
        logRecords = done[1];
        if (done[2] == 1) {
            folded = done[1];
        }
        folds += done[2];
        for (Slot slot : dirty) {
            slot.clear();
        }
        dirty.clear();
        histories.clear();
        pendingWatermark = Long.MIN_VALUE;
        flushes++;
        if (done[2] == 1) {
            LOG.debug("engine {}: episode log folded into {} records", engineId, done[1]);
        }
    }

    /** The buffered changes as log records, episodes in the order of their first change, then histories. */
    private List<EpisodeLogRecord> records() {
        List<EpisodeLogRecord> out = new ArrayList<>(dirty.size() + histories.size());
        for (Slot slot : dirty) {
            out.add(slot.record());
        }
        for (SubjectHistory h : histories.values()) {
            out.add(new EpisodeLogRecord.History(h));
        }
        return out;
    }

    /** Flushes that wrote something (for monitoring and tests). */
    public synchronized long flushes() {
        return flushes;
    }

    /** Folds of the log by this store (for tests). */
    synchronized long folds() {
        return folds;
    }

    /** The stored episodes, with the log applied (buffered writes are flushed first), by fence and subject. */
    @Override
    public synchronized Collection<EpisodeState> episodes() {
        List<EpisodeState> out = restored("episodes").episodes();
        for (EpisodeState s : out) {
            slot(s);
        }
        return out;
    }

    /** The stored histories, with the log applied (buffered writes are flushed first), by key. */
    @Override
    public synchronized Collection<SubjectHistory> histories() {
        return restored("histories").histories();
    }

    /**
     * The stored state after flushing: the last restore when it is kept and nothing was written since (an engine
     * start asks for histories and then episodes: the log is read once), else a new one, kept for the next call.
     */
    private EpisodeLogReplay restored(String what) {
        flush();
        EpisodeLogReplay replay = kept;
        if (replay != null) { // nothing written since: a flush that writes drops it
            kept = null;
            return replay;
        }
        kept = sql.inTransaction("reading the " + what + " of engine " + engineId,
                c -> EpisodeLogTable.restore(c, tables, engineId));
        return kept;
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

    /**
     * An episode the store knows, with the change buffered for the next flush; also the episode's
     * {@link EpisodeStore.LastSeen} handle ({@link #putTracked}), guarded by the store's lock.
     */
    private static final class Slot implements LastSeen {
        static final byte NONE = 0;
        static final byte WHOLE = 1;
        static final byte LAST_SEEN = 2;
        static final byte REMOVED = 3;
        final JdbcEpisodeStore store;
        final EpisodeKey key;
        EpisodeState state;
        /** A last-seen change given to the handle (with {@link #state} null), or null. */
        EpisodeLogRecord.LastSeen lastSeen;
        byte change = NONE;
        /** Removed from the store's slots: the handle refuses changes. */
        boolean removed;

        Slot(JdbcEpisodeStore store, EpisodeKey key) {
            this.store = store;
            this.key = key;
        }

        /** Buffers {@code s} as {@code kind}; joins {@code dirty} on the first change since the last flush. */
        void buffer(EpisodeState s, byte kind, List<Slot> dirty) {
            if (change == NONE) {
                dirty.add(this);
            }
            state = s;
            lastSeen = null;
            change = kind;
        }

        @Override
        public boolean lastSeen(long at, double x, double y, String cameraId, double displayConfidence) {
            synchronized (store) {
                if (removed) {
                    return false;
                }
                EpisodeLogRecord.LastSeen seen = new EpisodeLogRecord.LastSeen(key.fenceId(), key.subject(), at, x, y,
                        cameraId, displayConfidence);
                if (change == WHOLE) {
                    state = seen.applyTo(state, "the buffered write");
                } else {
                    buffer(null, LAST_SEEN, store.dirty);
                    lastSeen = seen;
                }
                return true;
            }
        }

        EpisodeLogRecord record() {
            return switch (change) {
                case WHOLE -> new EpisodeLogRecord.Whole(state);
                case LAST_SEEN -> state != null ? EpisodeLogRecord.LastSeen.of(state) : lastSeen;
                default -> new EpisodeLogRecord.Removal(key.fenceId(), key.subject());
            };
        }

        void clear() {
            state = null;
            lastSeen = null;
            change = NONE;
        }
    }
}
