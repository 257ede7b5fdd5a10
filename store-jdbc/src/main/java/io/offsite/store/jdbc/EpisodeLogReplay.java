package io.offsite.store.jdbc;

import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.SubjectHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A restore: the episode and history rows, then every record of the episode log applied over them in seq order. A
 * whole record replaces its episode (and remembers its seq), a removal deletes it, a history replaces its history,
 * and a last-seen record applies only to an episode present and last written whole by an earlier seq (an older
 * record, of a removed or replaced episode, is superseded). Replaying records the tables already hold (a fold that
 * wrote the tables but did not shorten the log) gives the same state.
 */
final class EpisodeLogReplay {
    private final Map<EpisodeKey, EpisodeState> states = new HashMap<>();
    private final Map<EpisodeKey, Long> rowSeqs = new HashMap<>();
    private final Map<String, SubjectHistory> histories = new HashMap<>();

    /** An episode row (or whole record) written by the flush or fold {@code seq}. */
    void row(EpisodeState s, long seq) {
        EpisodeKey key = EpisodeKey.of(s);
        states.put(key, s);
        rowSeqs.put(key, seq);
    }

    void history(SubjectHistory h) {
        histories.put(h.key(), h);
    }

    /** Applies {@code r}, a record of the log row {@code seq} (named {@code logKey} in errors). */
    void apply(long seq, EpisodeLogRecord r, String logKey) {
        if (r instanceof EpisodeLogRecord.Whole w) {
            row(w.state(), seq);
        } else if (r instanceof EpisodeLogRecord.Removal d) {
            EpisodeKey key = d.key();
            states.remove(key);
            rowSeqs.remove(key);
        } else if (r instanceof EpisodeLogRecord.History h) {
            history(h.history());
        } else if (r instanceof EpisodeLogRecord.LastSeen e) {
            EpisodeKey key = e.key();
            Long rowSeq = rowSeqs.get(key);
            if (rowSeq != null && seq > rowSeq) {
                states.put(key, e.applyTo(states.get(key), logKey));
            }
        }
    }

    /** The episodes, by fence and subject. */
    List<EpisodeState> episodes() {
        List<EpisodeState> out = new ArrayList<>(states.values());
        out.sort(Comparator.comparing(EpisodeState::fenceId).thenComparing(EpisodeState::subject));
        return out;
    }

    /** The histories, by key. */
    List<SubjectHistory> histories() {
        List<SubjectHistory> out = new ArrayList<>(histories.values());
        out.sort(Comparator.comparing(SubjectHistory::key));
        return out;
    }
}
