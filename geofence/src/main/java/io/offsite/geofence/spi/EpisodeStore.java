package io.offsite.geofence.spi;

import io.offsite.geofence.EpisodeState;
import java.util.Collection;

/**
 * Where the engine persists what it must not forget across a restart: started episodes (an episode that has
 * fired at least one rung; every change that decides what fires next is handed to the store at once, so deadlines
 * fire exactly once after a restore, while "last seen" changes are handed over at the engine's checkpoints, through
 * {@link #putLastSeen}), repeat/notice histories, and the watermark (written at each checkpoint, after the
 * episodes: everything applied before it is in the store). Pre-dwell tracking is not persisted: after a restart a
 * vehicle re-accumulates dwell (which delays, never duplicates, a warning). Hosts replay their input from
 * {@link #watermark()} onwards.
 *
 * <p>Calls come from the engine's thread, one at a time. A store may buffer writes until {@link #flush()}, which the
 * engine calls at each checkpoint, right after {@link #putWatermark}, and at the end of each call that applied
 * detections in which an episode started (its first rung fired: pre-dwell tracking is not stored, so a lost start
 * could not be re-derived under the same episode id). So what a store has made durable is a state consistent with
 * its watermark, plus every episode start. Other changes made by detections after the watermark are re-derived
 * when the host replays its input from {@link #watermark()}, and the effects they cause are emitted again under
 * the same idempotency keys — a host that records effects by key (the outbox does) sends each exactly once.
 *
 * <p>Owner signals ({@code GeofenceEngine.ownerNotified} / {@code ownerUnreachable}) are not part of the camera
 * input, and they are made durable with the next checkpoint, not at once (one transaction per signal would cost a
 * database store most of its throughput). So after a crash the host must tell the new engine again about the owner
 * texts whose outcome it knows — every delivery receipt and every dead-lettered text its outbox holds — with the
 * original times, <em>before</em> replaying its input, and again whenever a replayed detection re-requests a text
 * whose outcome it already has (a signal that found no episode yet is answered
 * {@code NoticeOutcome.UNKNOWN_EPISODE}). A signal the engine already has is answered
 * {@code NoticeOutcome.DUPLICATE} and changes nothing, so re-signalling every known receipt is always safe.
 */
public interface EpisodeStore {

    /** Inserts or replaces the episode keyed by (fenceId, subject). */
    void put(EpisodeState state);

    /**
     * Replaces the episode keyed by (fenceId, subject) — already given to {@link #put} — with {@code state}, which
     * differs from the state last given to {@link #put} or {@code putLastSeen} only in its "last seen" data:
     * {@link EpisodeState#lastSeen()}, {@link EpisodeState#lastX()}, {@link EpisodeState#lastY()},
     * {@link EpisodeState#cameraId()} and {@link EpisodeState#displayConfidence()}. A store may write only those
     * (the engine hands over most started episodes this way at every checkpoint); the default calls {@link #put}.
     */
    default void putLastSeen(EpisodeState state) {
        put(state);
    }

    /**
     * Like {@link #put}, and returns where the "last seen" changes of this episode may go from now on without a key
     * look-up: the engine keeps the handle with the episode and, at its checkpoints, hands such a change to
     * {@link LastSeen#lastSeen} instead of {@link #putLastSeen(EpisodeState)} (and without building the state). The
     * engine calls this wherever it would call {@link #put}. The default puts and returns {@link LastSeen#BY_KEY}:
     * a store that does not override it is called exactly as before.
     */
    default LastSeen putTracked(EpisodeState state) {
        put(state);
        return LastSeen.BY_KEY;
    }

    /**
     * A store's handle to one stored episode, for its "last seen" changes ({@link #putTracked}). Called from the
     * engine's thread, like every other store call.
     */
    @FunctionalInterface
    interface LastSeen {
        /** The handle of a store that takes last-seen changes only by key: its {@link #lastSeen} always refuses. */
        LastSeen BY_KEY = (lastSeen, lastX, lastY, cameraId, displayConfidence) -> false;

        /**
         * Records new "last seen" data of the episode this handle names — the same change as
         * {@link EpisodeStore#putLastSeen(EpisodeState)} with a state that differs only in these components — and
         * returns true; or returns false, recording nothing, when the handle no longer names a stored episode (it
         * was removed since): the caller then hands the change over with {@code putLastSeen(EpisodeState)}.
         */
        boolean lastSeen(long lastSeen, double lastX, double lastY, String cameraId, double displayConfidence);
    }

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
     * at each checkpoint, after {@link #putWatermark}, and after a call in which an episode started; the default
     * does nothing (stores that write at once). On
     * failure a store keeps the writes and tries them again on the next flush.
     */
    default void flush() {
    }

    /** A thread-safe in-memory store (for tests and hosts that persist elsewhere). */
    static EpisodeStore inMemory() {
        return new InMemoryEpisodeStore();
    }
}
