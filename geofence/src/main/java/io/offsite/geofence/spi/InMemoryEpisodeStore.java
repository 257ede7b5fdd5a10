package io.offsite.geofence.spi;

import io.offsite.geofence.EpisodeState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link EpisodeStore#inMemory()}: concurrent maps keyed by (fence id, subject) and by history key. An episode's
 * entry keeps the state last {@link #put} and patches the "last seen" data of each {@link #putLastSeen} into it in
 * place (primitives and the camera id), so a checkpoint neither replaces map values nor keeps the engine's fresh
 * state objects alive; {@link #episodes()} rebuilds the states. Each entry is also the episode's
 * {@link EpisodeStore.LastSeen} handle ({@link #putTracked}), so the engine's checkpoint patches it without a look-up.
 */
final class InMemoryEpisodeStore implements EpisodeStore {
    private final ConcurrentHashMap<Key, Entry> episodes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SubjectHistory> histories = new ConcurrentHashMap<>();
    private volatile long watermark = Long.MIN_VALUE;

    private record Key(String fenceId, String subject) {
    }

    /**
     * One stored episode: the state last put plus the last-seen data given since; also the episode's
     * {@link EpisodeStore.LastSeen} handle ({@link #putTracked}). Guarded by itself.
     */
    private static final class Entry implements LastSeen {
        private EpisodeState base;
        /** Whether the fields below replace the base state's last-seen data. */
        private boolean patched;
        private long lastSeen;
        private double lastX;
        private double lastY;
        private String cameraId;
        private double displayConfidence;
        /** Removed from the map: a handle the engine still holds refuses writes. */
        private boolean removed;

        Entry(EpisodeState base) {
            this.base = base;
        }

        synchronized void put(EpisodeState s) {
            base = s;
            patched = false;
            cameraId = null;
        }

        synchronized void putLastSeen(EpisodeState s) {
            patch(s.lastSeen(), s.lastX(), s.lastY(), s.cameraId(), s.displayConfidence());
        }

        @Override
        public synchronized boolean lastSeen(long at, double x, double y, String cam, double confidence) {
            if (removed) {
                return false;
            }
            patch(at, x, y, cam, confidence);
            return true;
        }

        private void patch(long at, double x, double y, String cam, double confidence) {
            lastSeen = at;
            lastX = x;
            lastY = y;
            if (cameraId != cam && !cam.equals(cameraId)) { // an equal one is kept: no reference store, no GC card
                cameraId = cam;
            }
            displayConfidence = confidence;
            patched = true;
        }

        synchronized void markRemoved() {
            removed = true;
        }

        synchronized EpisodeState state() {
            EpisodeState b = base;
            if (!patched) {
                return b;
            }
            return new EpisodeState(b.fenceId(), b.subject(), b.display(), displayConfidence, b.phase(), b.firstSeen(),
                    lastSeen, b.anchorX(), b.anchorY(), lastX, lastY, cameraId, b.plateLegible(), b.stepsFired(),
                    b.startedAt(), b.nextStepAt(), b.activeUntil(), b.repeatCount(), b.episodeId(), b.notice(),
                    b.noticeAt(), b.noticeDetail());
        }
    }

    @Override
    public void put(EpisodeState state) {
        putTracked(state);
    }

    /** Puts and returns the episode's entry: the engine's later last-seen changes patch it without a look-up. */
    @Override
    public LastSeen putTracked(EpisodeState state) {
        Key k = new Key(state.fenceId(), state.subject());
        Entry e = episodes.get(k);
        if (e == null) {
            Entry fresh = new Entry(state);
            if ((e = episodes.putIfAbsent(k, fresh)) == null) {
                return fresh;
            }
        }
        e.put(state);
        return e;
    }

    @Override
    public void putLastSeen(EpisodeState state) {
        Entry e = episodes.get(new Key(state.fenceId(), state.subject()));
        if (e == null) {
            put(state);
        } else {
            e.putLastSeen(state);
        }
    }

    @Override
    public void remove(String fenceId, String subject) {
        Entry e = episodes.remove(new Key(fenceId, subject));
        if (e != null) {
            e.markRemoved();
        }
    }

    @Override
    public Collection<EpisodeState> episodes() {
        List<EpisodeState> out = new ArrayList<>(episodes.size());
        for (Entry e : episodes.values()) {
            out.add(e.state());
        }
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
