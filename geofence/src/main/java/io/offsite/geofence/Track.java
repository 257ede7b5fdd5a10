package io.offsite.geofence;

import java.util.Arrays;
import java.util.Comparator;

/** One tracked subject: its buffered (not yet applied) detections and its per-fence episode states. */
final class Track {
    private static final Detection[] NO_DETECTIONS = new Detection[0];
    private static final EpisodeState[] NO_EPISODES = new EpisodeState[0];
    private static final int[] NO_ORDINALS = new int[0];
    static final Comparator<Detection> ORDER = Comparator.comparingLong(Detection::eventMillis)
            .thenComparing(d -> d.camera().raw())
            .thenComparingDouble(d -> d.locationOrNull() != null ? d.locationOrNull().lon() : d.boxOrNull().x())
            .thenComparingDouble(d -> d.locationOrNull() != null ? d.locationOrNull().lat() : d.boxOrNull().y())
            .thenComparing(d -> d.plateOrNull() == null ? "" : d.plateOrNull().text())
            .thenComparingDouble(d -> d.plateOrNull() == null ? 0 : d.plateOrNull().confidence())
            .thenComparing(d -> d.snapshotRef().orElse(""))
            .thenComparing(d -> d.trackerId().orElse(""))
            .thenComparing(d -> d.objectClass())
            .thenComparing(d -> d.vehicleClass());

    final String subject;
    /** Spread hash of {@link #subject} ({@link TrackTable}). */
    final int hash;
    final int slot;
    /** Time of the outstanding timer entry for the earliest buffered detection, or MAX. */
    long pendingWake = Long.MAX_VALUE;
    /** Time of the outstanding timer entry for episode deadlines, or MAX. */
    long deadlineWake = Long.MAX_VALUE;
    Detection[] pending = NO_DETECTIONS;
    int pendingCount;
    /** The first episode inline (most subjects are in one fence), the rest in {@link #more}. */
    private EpisodeState first;
    private EpisodeState[] more = NO_EPISODES;
    int episodeCount;
    /** The index snapshot the cached ordinals refer to. */
    private FenceIndex ordinalsOf;
    /** Fence ordinal of the first episode in {@link #ordinalsOf}, or -1 when the fence is gone. */
    private int firstOrdinal;
    private int[] moreOrdinals = NO_ORDINALS;
    /** Whether a "last seen" change waits for the next store checkpoint. */
    boolean dirty;
    /** Fence-index answer for the last geographic position looked up (parked subjects repeat it exactly). */
    private FenceIndex hitsOf;
    private double hitX;
    private double hitY;
    private int[] hitOrdinals = NO_ORDINALS;

    Track(String subject, int hash, int slot) {
        this.subject = subject;
        this.hash = hash;
        this.slot = slot;
    }

    /** Inserts in (time, content) order; false if an equal detection is already buffered. */
    boolean addPending(Detection d) {
        int i = pendingCount;
        while (i > 0) {
            int c = compare(pending[i - 1], d);
            if (c == 0 && pending[i - 1].equals(d)) {
                return false;
            }
            if (c <= 0) {
                break;
            }
            i--;
        }
        for (int k = i - 1; k >= 0 && pending[k].eventMillis() == d.eventMillis(); k--) {
            if (pending[k].equals(d)) {
                return false;
            }
        }
        if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, Math.max(2, pendingCount * 2));
        }
        System.arraycopy(pending, i, pending, i + 1, pendingCount - i);
        pending[i] = d;
        pendingCount++;
        return true;
    }

    private static int compare(Detection a, Detection b) {
        if (a.eventMillis() != b.eventMillis()) {
            return Long.compare(a.eventMillis(), b.eventMillis());
        }
        return ORDER.compare(a, b);
    }

    Detection pollPending() {
        Detection d = pending[0];
        pendingCount--;
        if (pendingCount == 0) {
            pending = NO_DETECTIONS;
        } else {
            System.arraycopy(pending, 1, pending, 0, pendingCount);
            pending[pendingCount] = null;
        }
        return d;
    }

    /** Copies the cached index answer for exactly (x, y) in {@code index} into {@code out}; -1 when not cached. */
    int cachedHits(FenceIndex index, double x, double y, int[] out) {
        if (hitsOf != index || hitX != x || hitY != y) {
            return -1;
        }
        System.arraycopy(hitOrdinals, 0, out, 0, hitOrdinals.length);
        return hitOrdinals.length;
    }

    void cacheHits(FenceIndex index, double x, double y, int[] hits, int n) {
        hitsOf = index;
        hitX = x;
        hitY = y;
        if (hitOrdinals.length != n) {
            hitOrdinals = n == 0 ? NO_ORDINALS : new int[n];
        }
        System.arraycopy(hits, 0, hitOrdinals, 0, n);
    }

    EpisodeState episode(int i) {
        return i == 0 ? first : more[i - 1];
    }

    void setEpisode(int i, EpisodeState s) {
        if (i == 0) {
            first = s;
        } else {
            more[i - 1] = s;
        }
    }

    void addEpisode(EpisodeState s) {
        if (episodeCount == 0) {
            first = s;
        } else {
            more = Arrays.copyOf(more, episodeCount);
            more[episodeCount - 1] = s;
        }
        episodeCount++;
        ordinalsOf = null;
    }

    /** Fence ordinal of episode i in {@code index} (cached per snapshot), or -1 when the fence is gone. */
    int ordinal(int i, FenceIndex index) {
        if (ordinalsOf != index) {
            firstOrdinal = episodeCount > 0 ? index.ordinalOf(first.fenceId()) : -1;
            if (moreOrdinals.length < episodeCount - 1) {
                moreOrdinals = new int[episodeCount - 1];
            }
            for (int k = 1; k < episodeCount; k++) {
                moreOrdinals[k - 1] = index.ordinalOf(more[k - 1].fenceId());
            }
            ordinalsOf = index;
        }
        return i == 0 ? firstOrdinal : moreOrdinals[i - 1];
    }

    void removeEpisode(int i) {
        ordinalsOf = null;
        int drop = i;
        if (i == 0) {
            first = episodeCount > 1 ? more[0] : null;
            drop = 1;
        }
        episodeCount--;
        if (episodeCount <= 1) {
            more = NO_EPISODES;
            moreOrdinals = NO_ORDINALS;
            return;
        }
        EpisodeState[] next = new EpisodeState[episodeCount - 1];
        System.arraycopy(more, 0, next, 0, drop - 1);
        System.arraycopy(more, drop, next, drop - 1, episodeCount - drop);
        more = next;
    }

    boolean isIdle() {
        return pendingCount == 0 && episodeCount == 0;
    }
}
