package io.offsite.store.jdbc;

import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.SubjectHistory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fold of the episode log: its records reduced to one per episode and history they touch, relative to the episode
 * and history tables (which hold the state written before V13, and are no longer written). Per episode: the last
 * whole record (with any later last-seen record applied), else a removal of a row the table holds, else the last
 * last-seen record newer than the table's row. {@link #compact} gives the records that replace the whole log. The
 * store keeps one as it flushes (the log's reduction so far), so a fold need not read the log back.
 */
final class EpisodeLogFold {
    private final Map<List<String>, EpisodeState> wholes = new LinkedHashMap<>();
    private final Set<List<String>> removed = new LinkedHashSet<>();
    private final Map<List<String>, EpisodeLogRecord.LastSeen> lastSeen = new LinkedHashMap<>();
    private final Map<List<String>, Long> lastSeenSeqs = new HashMap<>();
    private final Map<String, SubjectHistory> histories = new LinkedHashMap<>();

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
     * The records that replace the log, given the table's rows ({@code log_seq} by key): whole episodes, removals of
     * rows the table holds, last-seen records newer than their row, then histories.
     */
    List<EpisodeLogRecord> compact(Map<List<String>, Long> tableRows) {
        List<EpisodeLogRecord> out = new ArrayList<>(wholes.size() + lastSeen.size() + histories.size());
        for (EpisodeState s : wholes.values()) {
            out.add(new EpisodeLogRecord.Whole(s));
        }
        for (List<String> key : removed) {
            if (tableRows.containsKey(key)) {
                out.add(new EpisodeLogRecord.Removal(key.get(0), key.get(1)));
            }
        }
        for (Map.Entry<List<String>, EpisodeLogRecord.LastSeen> e : lastSeen.entrySet()) {
            Long rowSeq = tableRows.get(e.getKey());
            if (rowSeq != null && lastSeenSeqs.get(e.getKey()) > rowSeq) {
                out.add(e.getValue());
            }
        }
        for (SubjectHistory h : histories.values()) {
            out.add(new EpisodeLogRecord.History(h));
        }
        return out;
    }
}
