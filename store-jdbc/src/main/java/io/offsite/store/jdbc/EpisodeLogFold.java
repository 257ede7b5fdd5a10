package io.offsite.store.jdbc;

import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.SubjectHistory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fold of the episode log: its records reduced to one per episode and history they touch, relative to the episode
 * and history tables (which hold the state written before V13, and are no longer written). Per episode: the last
 * whole record (with any later last-seen record applied), else a removal of a row the table holds, else the last
 * last-seen record newer than the table's row. {@link #compact} gives the records that replace the whole log. The
 * store keeps one as it flushes (the log's reduction so far), so a fold need not read the log back.
 *
 * <p>One map entry per episode, updated in place: a last-seen record costs one lookup, and is applied to its whole
 * record only when the fold is compacted.
 */
final class EpisodeLogFold {
    private final Map<EpisodeKey, Entry> episodes = new HashMap<>();
    private final Map<String, SubjectHistory> histories = new LinkedHashMap<>();

    /** The reduction of one episode's records. */
    private static final class Entry {
        /** The last whole record, or null (removed, or only last-seen records since the table's row). */
        EpisodeState whole;
        /** The last last-seen record after {@link #whole} (or, with no whole, the last one), or null. */
        EpisodeLogRecord.LastSeen lastSeen;
        /** The seq and log row name of {@link #lastSeen}. */
        long lastSeenSeq;
        String lastSeenRow;
        /** The last record was a removal. */
        boolean removed;
    }

    /** Applies {@code records} of the log row {@code seq} (named {@code logKey} in errors), in order. */
    void applyAll(long seq, Collection<? extends EpisodeLogRecord> records, String logKey) {
        for (EpisodeLogRecord r : records) {
            apply(seq, r, logKey);
        }
    }

    /** Applies {@code r}, a record of the log row {@code seq} (named {@code logKey} in errors), in seq order. */
    void apply(long seq, EpisodeLogRecord r, String logKey) {
        if (r instanceof EpisodeLogRecord.History h) {
            histories.put(h.history().key(), h.history());
            return;
        }
        Entry e = episodes.computeIfAbsent(r.key(), k -> new Entry());
        if (r instanceof EpisodeLogRecord.Whole w) {
            e.whole = w.state();
            e.removed = false;
            e.lastSeen = null;
        } else if (r instanceof EpisodeLogRecord.Removal) {
            e.whole = null;
            e.removed = true;
            e.lastSeen = null;
        } else if (r instanceof EpisodeLogRecord.LastSeen s && !e.removed) {
            e.lastSeen = s;
            e.lastSeenSeq = seq;
            e.lastSeenRow = logKey;
        }
    }

    /**
     * The records that replace the log, given the table's rows ({@code log_seq} by key): whole episodes, removals of
     * rows the table holds, last-seen records newer than their row, then histories.
     */
    List<EpisodeLogRecord> compact(Map<EpisodeKey, Long> tableRows) {
        List<EpisodeLogRecord> wholes = new ArrayList<>(episodes.size() + histories.size());
        List<EpisodeLogRecord> others = new ArrayList<>();
        for (Map.Entry<EpisodeKey, Entry> me : episodes.entrySet()) {
            Entry e = me.getValue();
            if (e.whole != null) {
                EpisodeState s = e.lastSeen == null ? e.whole : e.lastSeen.applyTo(e.whole, e.lastSeenRow);
                wholes.add(new EpisodeLogRecord.Whole(s));
            } else if (e.removed) {
                if (tableRows.containsKey(me.getKey())) {
                    others.add(new EpisodeLogRecord.Removal(me.getKey().fenceId(), me.getKey().subject()));
                }
            } else if (e.lastSeen != null) {
                Long rowSeq = tableRows.get(me.getKey());
                if (rowSeq != null && e.lastSeenSeq > rowSeq) {
                    others.add(e.lastSeen);
                }
            }
        }
        wholes.addAll(others);
        for (SubjectHistory h : histories.values()) {
            wholes.add(new EpisodeLogRecord.History(h));
        }
        return wholes;
    }
}
