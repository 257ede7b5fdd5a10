package io.offsite.geofence.spi;

import io.offsite.geofence.EpisodeState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/** {@link EpisodeStore#inMemory()}: concurrent maps keyed by fence id and subject. */
final class InMemoryEpisodeStore implements EpisodeStore {
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, EpisodeState>> episodes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SubjectHistory> histories = new ConcurrentHashMap<>();
    private volatile long watermark = Long.MIN_VALUE;

    @Override
    public void put(EpisodeState state) {
        episodes.computeIfAbsent(state.subject(), k -> new ConcurrentHashMap<>(2)).put(state.fenceId(), state);
    }

    @Override
    public void remove(String fenceId, String subject) {
        episodes.computeIfPresent(subject, (k, m) -> {
            m.remove(fenceId);
            return m.isEmpty() ? null : m;
        });
    }

    @Override
    public Collection<EpisodeState> episodes() {
        Collection<EpisodeState> out = new ArrayList<>();
        episodes.values().forEach(m -> out.addAll(m.values()));
        return out;
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
