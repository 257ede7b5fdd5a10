package io.offsite.geofence;

/**
 * Per track with detections in the {@link PendingRing}: the sequence number of its newest entry and the latest event
 * time among its pending entries. An open-addressing table keyed by track slot that holds only tracks whose
 * {@link Track#pendingCount} is positive, so the many tracks with nothing pending (a parked car between sightings)
 * pay nothing for these two numbers. Grows at half load, shrinks back when it empties. Confined to the engine's
 * thread; allocates only when it resizes.
 */
final class PendingHeads {
    private static final int MIN_CAPACITY = 16;
    /** Track slot + 1; 0 marks an empty entry. */
    private int[] keys = new int[MIN_CAPACITY];
    private long[] seqs = new long[MIN_CAPACITY];
    private long[] maxTimes = new long[MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    /** Table entries allocated (tests: the table shrinks back when the tracks' pending detections are applied). */
    int capacity() {
        return keys.length;
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The entry index of track slot {@code slot}, or -1. */
    private int find(int slot) {
        int k = slot + 1;
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return i;
            }
        }
        return -1;
    }

    private int entry(Track t) {
        int i = find(t.slot);
        if (i < 0) {
            throw new IllegalStateException("no pending entries recorded for track slot " + t.slot);
        }
        return i;
    }

    /** Sequence number of {@code t}'s newest pending entry ({@code t} must have pending entries). */
    long newestSeq(Track t) {
        return seqs[entry(t)];
    }

    /** Latest event time among {@code t}'s pending entries ({@code t} must have pending entries). */
    long maxTime(Track t) {
        return maxTimes[entry(t)];
    }

    /** Records {@code t}'s newest entry and latest pending event time. */
    void put(Track t, long seq, long maxTime) {
        int i = find(t.slot);
        if (i < 0) {
            if ((size + 1) * 2 > keys.length) {
                resize(keys.length * 2);
            }
            i = insertionPoint(t.slot + 1);
            keys[i] = t.slot + 1;
            size++;
        }
        seqs[i] = seq;
        maxTimes[i] = maxTime;
    }

    private int insertionPoint(int k) {
        int mask = keys.length - 1;
        int i = mix(k) & mask;
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Forgets {@code t} (its pending entries were all applied); no-op when absent. */
    void remove(Track t) {
        int i = find(t.slot);
        if (i < 0) {
            return;
        }
        // backward-shift deletion keeps every remaining entry reachable from its home position
        int mask = keys.length - 1;
        int gap = i;
        for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = mix(keys[j]) & mask;
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                seqs[gap] = seqs[j];
                maxTimes[gap] = maxTimes[j];
                gap = j;
            }
        }
        keys[gap] = 0;
        size--;
        if (size * 8 < keys.length && keys.length > MIN_CAPACITY) {
            resize(keys.length / 2);
        }
    }

    private void resize(int capacity) {
        int[] oldK = keys;
        long[] oldS = seqs;
        long[] oldM = maxTimes;
        keys = new int[capacity];
        seqs = new long[capacity];
        maxTimes = new long[capacity];
        for (int j = 0; j < oldK.length; j++) {
            if (oldK[j] != 0) {
                int i = insertionPoint(oldK[j]);
                keys[i] = oldK[j];
                seqs[i] = oldS[j];
                maxTimes[i] = oldM[j];
            }
        }
    }
}
