package io.offsite.geofence;

import io.offsite.geofence.EpisodeState.Phase;
import io.offsite.geofence.spi.EpisodeStore;
import java.util.Arrays;

/**
 * Writes started episodes to the {@link EpisodeStore}. A change that matters for what fires next (phase, rungs,
 * deadlines, anchor, plate shown, the owner notice: awaiting delivery, delivery time, unreachable) is written at once; a change of only the "last seen" data (time, position,
 * camera, vote weight) marks the track dirty, and dirty tracks are written at the next checkpoint together
 * with the watermark. So the store always holds every detection applied before its watermark, and a host that
 * replays its input from {@link EpisodeStore#watermark()} after a crash rebuilds the exact state.
 */
final class StoreWriter {
    /** How many dirty tracks a checkpoint brings into cache together. */
    static final int GROUP = 16;
    private final EpisodeStore store;
    private final long intervalMs;
    private boolean checkpointed;
    private long lastCheckpoint;
    private Track[] dirty = new Track[64];
    private int dirtyCount;
    /** A sink for the checkpoint's look-ahead loads, so they are not optimised away. */
    long touches;
    /** An episode started since the last flush ({@link #endOfCall}). */
    private boolean started;

    StoreWriter(EpisodeStore store, long intervalMs) {
        this.store = store;
        this.intervalMs = intervalMs;
    }

    static boolean stored(EpisodeState s) {
        return s.phase() == Phase.ACTIVE || s.phase() == Phase.DONE;
    }

    /** Episode {@code s} (now in cell {@code c}) of track {@code t} replaced {@code old}; {@code s} is ACTIVE or DONE. */
    void changed(Track t, EpisodeCell c, EpisodeState old, EpisodeState s) {
        if (intervalMs > 0 && stored(old) && onlyLastSeenDiffers(old, s)) {
            markDirty(t);
        } else {
            put(c, s);
            if (!stored(old)) {
                started = true;
            }
        }
    }

    /**
     * The end of an engine call that applied detections: when an episode started during it (its first rung fired),
     * flushes the store, so the start is durable when the call returns. Pre-dwell tracking is not stored, so a start
     * lost in a crash would be re-derived by the replay from a later dwell start, under another episode id (a
     * second owner text); every other change is re-derived under the same keys from the last checkpoint.
     */
    void endOfCall() {
        if (started) {
            started = false;
            store.flush();
        }
    }

    /**
     * Stored episode {@code c} of track {@code t} took a quiet sighting; {@code shownChanged} when the plate shown
     * or its legibility changed too (written at once), otherwise only "last seen" data changed.
     */
    void touched(Track t, EpisodeCell c, boolean shownChanged) {
        if (intervalMs > 0 && !shownChanged) {
            markDirty(t);
        } else {
            put(c, c.toState(t.subject(), t.key));
        }
    }

    /** Puts {@code s}, the state of cell {@code c}, and keeps the store's last-seen handle in the cell. */
    private void put(EpisodeCell c, EpisodeState s) {
        EpisodeStore.LastSeen h = store.putTracked(s);
        c.storeHandle(h == EpisodeStore.LastSeen.BY_KEY ? null : h);
    }

    private void markDirty(Track t) {
        if (!t.dirtyBit()) {
            t.dirtyBit(true);
            if (dirtyCount == dirty.length) {
                dirty = Arrays.copyOf(dirty, dirtyCount * 2);
            }
            dirty[dirtyCount++] = t;
        }
    }

    void removed(EpisodeState s) {
        store.remove(s.fenceId(), s.subject());
    }

    /** Event time reached {@code watermark}: checkpoints when the interval has passed since the last one. */
    void advanced(long watermark) {
        if (!checkpointed || watermark - lastCheckpoint >= intervalMs) {
            checkpoint(watermark);
        }
    }

    /**
     * Hands every stored episode of a dirty track to the store as a last-seen change (through the episode's
     * {@link EpisodeStore.LastSeen} handle when the store gave one and still takes it, else
     * {@link EpisodeStore#putLastSeen}: every other change of it was handed over at once with
     * {@link EpisodeStore#putTracked}), then the watermark, then flushes.
     */
    void checkpoint(long watermark) {
        // in groups of GROUP tracks: the next group's tracks and this group's first store handles (their tracks
        // were brought in one group ago) are loaded together before this group is written, so the loads overlap
        int n = dirtyCount;
        long sum = 0;
        for (int i = 0; i < Math.min(GROUP, n); i++) {
            sum += dirty[i].touchCheckpoint();
        }
        for (int base = 0; base < n; base += GROUP) {
            int end = Math.min(base + GROUP, n);
            for (int i = end; i < Math.min(end + GROUP, n); i++) {
                sum += dirty[i].touchCheckpoint();
            }
            for (int i = base; i < end; i++) {
                EpisodeStore.LastSeen h = dirty[i].storeHandle();
                if (h != null) {
                    Class<?> k = h.getClass(); // loads the handle's header
                    sum += k == Object.class ? 0 : 1;
                }
            }
            for (int i = base; i < end; i++) {
                Track t = dirty[i];
                dirty[i] = null;
                t.dirtyBit(false);
                for (int k = 0; k < t.episodeCount; k++) {
                    EpisodeCell c = t.cell(k);
                    if (c.stored()) {
                        EpisodeStore.LastSeen h = c.storeHandle();
                        if (h != null && !h.lastSeen(c.lastSeen, c.lastX, c.lastY, c.cameraId, c.displayConfidence)) {
                            c.storeHandle(null); // refused for good (removed from the store): by key from now on
                            h = null;
                        }
                        if (h == null) {
                            store.putLastSeen(c.toState(t.subject(), t.key));
                        }
                    }
                }
            }
        }
        touches += sum;
        dirtyCount = 0;
        store.putWatermark(watermark);
        store.flush();
        started = false;
        checkpointed = true;
        lastCheckpoint = watermark;
    }

    private static boolean onlyLastSeenDiffers(EpisodeState a, EpisodeState b) {
        return a.phase() == b.phase() && a.stepsFired() == b.stepsFired() && a.startedAt() == b.startedAt()
                && a.nextStepAt() == b.nextStepAt() && a.activeUntil() == b.activeUntil()
                && a.repeatCount() == b.repeatCount() && a.firstSeen() == b.firstSeen()
                && a.episodeId().equals(b.episodeId())
                && a.plateLegible() == b.plateLegible() && a.display().equals(b.display())
                && a.notice() == b.notice() && a.noticeAt() == b.noticeAt() && a.noticeDetail().equals(b.noticeDetail())
                && Double.compare(a.anchorX(), b.anchorX()) == 0 && Double.compare(a.anchorY(), b.anchorY()) == 0;
    }
}
