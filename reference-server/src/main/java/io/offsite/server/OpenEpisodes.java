package io.offsite.server;

import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.geofence.spi.SubjectHistory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The episode store the engine writes to, seen by the API: every call goes to the durable store, and the states
 * the engine keeps are mirrored in a concurrent map so {@code GET /episodes} reads them without the engine's lock
 * or the database. Filled from the durable store at start, so a restarted server lists what it resumed.
 */
final class OpenEpisodes implements EpisodeStore {
    private final EpisodeStore durable;
    private final ConcurrentHashMap<String, EpisodeState> states = new ConcurrentHashMap<>();

    OpenEpisodes(EpisodeStore durable) {
        this.durable = durable;
        for (EpisodeState s : durable.episodes()) {
            mirror(s);
        }
    }

    private static String key(String fenceId, String subject) {
        return fenceId + '\u0000' + subject;
    }

    private void mirror(EpisodeState s) {
        if (s.phase() == EpisodeState.Phase.ENDED) {
            states.remove(key(s.fenceId(), s.subject()));
        } else {
            states.put(key(s.fenceId(), s.subject()), s);
        }
    }

    /** The episodes open now (tracking, active or done but still watched), oldest first. */
    List<EpisodeState> snapshot() {
        List<EpisodeState> all = new ArrayList<>(states.values());
        all.sort(Comparator.comparingLong(EpisodeState::firstSeen).thenComparing(EpisodeState::subject));
        return all;
    }

    int size() {
        return states.size();
    }

    @Override
    public void put(EpisodeState state) {
        durable.put(state);
        mirror(state);
    }

    @Override
    public void remove(String fenceId, String subject) {
        durable.remove(fenceId, subject);
        states.remove(key(fenceId, subject));
    }

    @Override
    public Collection<EpisodeState> episodes() {
        return durable.episodes();
    }

    @Override
    public void putHistory(SubjectHistory history) {
        durable.putHistory(history);
    }

    @Override
    public Collection<SubjectHistory> histories() {
        return durable.histories();
    }

    @Override
    public void putWatermark(long watermark) {
        durable.putWatermark(watermark);
    }

    @Override
    public long watermark() {
        return durable.watermark();
    }

    @Override
    public void flush() {
        durable.flush();
    }
}
