package io.offsite.geofence.spi;

import io.offsite.geofence.EpisodeState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/** {@link EpisodeStore#inMemory()}: concurrent maps keyed by (fence id, subject) and by history key. */
final class InMemoryEpisodeStore implements EpisodeStore {
    private final ConcurrentHashMap<Key, EpisodeState> episodes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SubjectHistory> histories = new ConcurrentHashMap<>();
    private volatile long watermark = Long.MIN_VALUE;

    private record Key(String fenceId, String subject) {
    }

    @Override
    public void put(EpisodeState state) {
        episodes.put(new Key(state.fenceId(), state.subject()), state);
    }

    @Override
    public void remove(String fenceId, String subject) {
        episodes.remove(new Key(fenceId, subject));
    }

    @Override
    public Collection<EpisodeState> episodes() {
        return new ArrayList<>(episodes.values());
    }

    @Override
    public void putHistory(SubjectHistory history) {
        histories.put(history.key(), history);
    }

    @Override
    public Collection<SubjectHistory> histories() {
        return new ArrayList<>(histories.values());
    }

    @Override
    public void putWatermark(long wm) {
        this.watermark = wm;
    }

    @Override
    public long watermark() {
        return watermark;
    }
}
