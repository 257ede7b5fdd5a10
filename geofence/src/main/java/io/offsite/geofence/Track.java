package io.offsite.geofence;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One tracked subject: the count of its pending detections (in the {@link PendingRing}), its per-fence episodes,
 * its last fence-index answer and its repeat/notice counts. The first episode
 * lives in the track's own fields (inherited from {@link EpisodeCell}); further ones in {@link #more}.
 */
final class Track extends EpisodeCell {
    /** Most episodes one track holds (its {@link #episodeCount} is a {@code short}: memory). */
    static final int MAX_EPISODES = Short.MAX_VALUE;
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

    /** The subject key packed by {@link PackedPlate}, or 0 when {@link #keyString} holds it. */
    final long key;
    /** The subject key when it does not pack, else null (a packed key is not kept as a string: memory). */
    final String keyString;
    final int slot;
    /** Time of the outstanding timer entry for episode deadlines, or MAX. */
    long deadlineWake = Long.MAX_VALUE;
    /**
     * Detections of this subject waiting in the {@link PendingRing} (which keeps the newest one's sequence number and
     * their latest event time while this is positive: {@link PendingRing#newestSeq}).
     */
    int pendingCount;
    /**
     * Episodes after the first (most subjects are in one fence): null, the second {@link EpisodeCell} itself (no
     * array for the common overlap of two fences), or an {@code EpisodeCell[]} of episodes 1.. when there are more.
     */
    private Object more;
    /** At most {@link #MAX_EPISODES} (one per fence; checked in {@link #addEpisode}). */
    short episodeCount;
    /** The index snapshot the cells' cached ordinals refer to. */
    private FenceIndex ordinalsOf;
    /**
     * Repeat and daily-notice counts of this subject ({@link EngineHistory}): null when it has none or only
     * the one warning in {@link #warnedOnce}.
     */
    EngineHistory.Counts counts;
    /** Start of this subject's only warned episode when {@link #counts} is null, else {@link Long#MIN_VALUE}. */
    long warnedOnce = Long.MIN_VALUE;
    /**
     * The last fence-index answer: at (memoX, memoY) in {@link #memoOf} the subject was in {@link #memoCount}
     * fences ({@link #memoHit0}, then {@link #memoMore}), and the answer holds anywhere closer than
     * sqrt({@link #memoR2}) degrees ({@link FenceIndex#clearance}; 0 when not computed). {@link #memoR2} is a float
     * rounded down (the memo is a cache: a smaller radius only means more index look-ups); {@link #memoCount} is
     * at most {@link SubjectStep}'s hit limit (32), else nothing is remembered.
     */
    private FenceIndex memoOf;
    private double memoX;
    private double memoY;
    private float memoR2;
    private byte memoCount;
    private int memoHit0;
    private int[] memoMore;

    Track(long key, String keyString, int slot) {
        this.key = key;
        this.keyString = key == 0 ? keyString : null;
        this.slot = slot;
    }

    /**
     * Reads the fields {@link GeofenceEngine#submit} needs (the key and the pending bookkeeping), so a look-ahead
     * brings them into cache; returns something to consume so the loads are not optimised away.
     */
    long touchSubmit() {
        return key + pendingCount;
    }

    /** Like {@link #touchSubmit()}, also for the episode fields: a track object spans about four cache lines. */
    long touchAll() {
        return key + pendingCount + lastSeen + ordinal;
    }

    /**
     * Reads the fields a checkpoint writes of the track's own episode (last-seen data, flags, the store handle's
     * field), so a look-ahead brings their cache lines in; returns something to consume.
     */
    long touchCheckpoint() {
        return lastSeen + flags + Double.doubleToRawLongBits(lastY) + episodeCount;
    }

    /** Copies the remembered index answer into {@code out} when it holds at (x, y); else returns -1. */
    int memoHits(FenceIndex index, double x, double y, int[] out) {
        double dx = x - memoX;
        double dy = y - memoY;
        if (memoOf != index || !(dx * dx + dy * dy < memoR2)) {
            return -1;
        }
        if (memoCount > 0) {
            out[0] = memoHit0;
            for (int i = 1; i < memoCount; i++) {
                out[i] = memoMore[i - 1];
            }
        }
        return memoCount;
    }

    /** Whether (x, y) lies within {@code radius} degrees of the last looked-up position in {@code index}. */
    boolean nearMemo(FenceIndex index, double x, double y, double radius) {
        double dx = x - memoX;
        double dy = y - memoY;
        return memoOf == index && dx * dx + dy * dy < radius * radius;
    }

    /** Remembers the index answer {@code hits[0..n)} at (x, y), valid within {@code clearance} degrees. */
    void memo(FenceIndex index, double x, double y, double clearance, int[] hits, int n) {
        if (n > Byte.MAX_VALUE) {
            memoOf = null; // too many hits to remember: no memo (the caller only memoises up to 32)
            return;
        }
        double r2 = clearance * clearance;
        float f = (float) r2;
        if (f > r2) {
            f = Math.nextDown(f);
        }
        memoOf = index;
        memoX = x;
        memoY = y;
        memoR2 = f;
        memoCount = (byte) n;
        memoHit0 = n > 0 ? hits[0] : 0;
        if (n > 1) {
            if (memoMore == null || memoMore.length != n - 1) {
                memoMore = new int[n - 1];
            }
            System.arraycopy(hits, 1, memoMore, 0, n - 1);
        } else {
            memoMore = null;
        }
    }

    /** The subject key (tracking key) as a string. */
    String subject() {
        return key != 0 ? PackedPlate.unpack(key) : keyString;
    }

    /** Whether this track is the subject {@code subject}. */
    boolean is(String subject) {
        return key != 0 ? key == PackedPlate.pack(subject) : keyString.equals(subject);
    }

    /** Episode {@code i} (0 is this track's own cell). */
    EpisodeCell cell(int i) {
        return i == 0 ? this : more instanceof EpisodeCell c ? c : ((EpisodeCell[]) more)[i - 1];
    }

    /** Sets the episodes after the first ({@code cells[0..n)}, n = {@link #episodeCount} - 1) as {@link #more}. */
    private void setMore(EpisodeCell[] cells, int n) {
        more = n == 0 ? null : n == 1 ? cells[0] : cells.length == n ? cells : Arrays.copyOf(cells, n);
    }

    /** The episodes after the first as an array (a fresh one unless {@link #more} is one). */
    private EpisodeCell[] moreArray() {
        if (more instanceof EpisodeCell[] a) {
            return a;
        }
        return more == null ? new EpisodeCell[0] : new EpisodeCell[] {(EpisodeCell) more};
    }

    /** Episode {@code i} as an immutable state. */
    EpisodeState episode(int i) {
        return cell(i).toState(subject(), key);
    }

    void setEpisode(int i, EpisodeState s) {
        cell(i).load(s);
    }

    void addEpisode(EpisodeState s) {
        if (episodeCount == MAX_EPISODES) {
            throw new GeofenceException("subject " + io.offsite.core.Masks.inText(subject()) + " already has "
                    + MAX_EPISODES + " open episodes, the engine's limit per subject");
        }
        EpisodeCell c = this;
        if (episodeCount > 0) {
            c = new EpisodeCell();
            EpisodeCell[] cells = Arrays.copyOf(moreArray(), episodeCount);
            cells[episodeCount - 1] = c;
            setMore(cells, episodeCount);
        }
        c.load(s);
        episodeCount++;
        ordinalsOf = null;
    }

    /** Fence ordinal of episode i in {@code index} (cached per snapshot), or -1 when the fence is gone. */
    int ordinal(int i, FenceIndex index) {
        if (ordinalsOf != index) {
            for (int k = 0; k < episodeCount; k++) {
                EpisodeCell c = cell(k);
                c.ordinal = index.ordinalOf(c.fenceId);
            }
            ordinalsOf = index;
        }
        return cell(i).ordinal;
    }

    void removeEpisode(int i) {
        if (i == 0 && episodeCount > 1) {
            copyFrom(cell(1));
            i = 1;
        }
        episodeCount--;
        if (episodeCount <= 1) {
            more = null;
        } else {
            EpisodeCell[] old = moreArray();
            EpisodeCell[] next = new EpisodeCell[episodeCount - 1];
            System.arraycopy(old, 0, next, 0, i - 1);
            System.arraycopy(old, i, next, i - 1, episodeCount - i);
            setMore(next, episodeCount - 1);
        }
        if (episodeCount == 0) {
            clearRefs();
        }
    }

    boolean isIdle() {
        return pendingCount == 0 && episodeCount == 0;
    }
}
