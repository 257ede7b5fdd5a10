package io.offsite.geofence.spi;

import io.offsite.geofence.EpisodeState;
import java.util.Collection;

/**
 * Where the engine persists what it must not forget across a restart: started episodes (an episode that has
 * fired at least one rung; every change that decides what fires next is written at once, so deadlines fire
 * exactly once after a restore, while "last seen" changes are written at the engine's checkpoints), repeat/notice
 * histories, and the watermark (written at each checkpoint, after the episodes: everything applied before it is
 * in the store). Pre-dwell tracking is not persisted: after a restart a vehicle re-accumulates dwell (which
 * delays, never duplicates, a warning). Hosts replay their input from {@link #watermark()} onwards.
 *
 * <p>Calls come from the engine's thread, one at a time. A store may buffer writes until {@link #flush()}, which the
 * engine calls at each checkpoint (right after {@link #putWatermark}) and after each owner signal (delivery or
 * unreachable, which are not replayed from the camera input): so the store always holds a state consistent with its
 * watermark plus every owner signal. Changes made by detections after the watermark are re-derived when the host
 * replays its input from {@link #watermark()}, and the effects they cause are emitted again under the same
 * idempotency keys — a host that records effects by key (the outbox does) sends each exactly once.
 */
public interface EpisodeStore {

    /** Inserts or replaces the episode keyed by (fenceId, subject). */
    void put(EpisodeState state);

    /** Deletes the episode keyed by (fenceId, subject); no-op when absent. */
    void remove(String fenceId, String subject);

    /** All stored episodes. */
    Collection<EpisodeState> episodes();

    /** Inserts or replaces a history by its key. */
    void putHistory(SubjectHistory history);

    /** All stored histories. */
    Collection<SubjectHistory> histories();

    /** Records the watermark (epoch ms). */
    void putWatermark(long watermark);

    /** The last recorded watermark, or {@link Long#MIN_VALUE} when none. */
    long watermark();

    /**
     * Makes every write since the last flush durable (one transaction for a database store). Called by the engine
     * at each checkpoint and after each owner signal; the default does nothing (stores that write at once). On
     * failure a store keeps the writes and tries them again on the next flush.
     */
    default void flush() {
    }

    /** A thread-safe in-memory store (for tests and hosts that persist elsewhere). */
    static EpisodeStore inMemory() {
        return new InMemoryEpisodeStore();
    }
}
