package io.offsite.geofence;

import java.util.Arrays;

/**
 * Deadlines by event time, in primitive arrays (a million pending deadlines take about 12 MB and no objects):
 * deadlines scheduled in non-decreasing order — the common case when detections arrive roughly in time
 * order — go to a FIFO ring (O(1)); the others go to a binary min-heap; {@link #pollDue} merges the two.
 * Deadlines fire in deadline order; equal deadlines fire in a deterministic order given the same sequence of
 * calls. There is no cancel: owners re-check their state when a deadline fires and ignore stale ones.
 * Not thread-safe; the engine confines it to its thread.
 */
public final class TimerService {
    private long[] times;
    private int[] keys;
    private int size;
    private long[] fifoTimes;
    private int[] fifoKeys;
    private int fifoHead;
    private int fifoSize;
    private long fifoLast = Long.MIN_VALUE;

    private TimerService(int capacity) {
        times = new long[capacity];
        keys = new int[capacity];
        fifoTimes = new long[capacity];
        fifoKeys = new int[capacity];
    }

    /** An empty timer service with room for {@code initialCapacity} deadlines before it grows. */
    public static TimerService create(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new GeofenceException("initialCapacity must be >= 1, was " + initialCapacity);
        }
        return new TimerService(initialCapacity);
    }

    /** Receives fired deadlines. */
    @FunctionalInterface
    public interface Firing {
        /** Called once per fired deadline, in (deadline, key) order. */
        void fire(long deadline, int key);
    }

    /** Adds a deadline (epoch ms of event time) for {@code key} (≥ 0). */
    public void schedule(long deadline, int key) {
        if (key < 0) {
            throw new GeofenceException("timer key must be >= 0, was " + key);
        }
        if (deadline >= fifoLast || fifoSize == 0) {
            if (fifoSize == fifoTimes.length) {
                growFifo();
            }
            int tail = (fifoHead + fifoSize) % fifoTimes.length;
            fifoTimes[tail] = deadline;
            fifoKeys[tail] = key;
            fifoSize++;
            fifoLast = deadline;
            return;
        }
        if (size == times.length) {
            int cap = size + (size >> 1) + 16;
            times = Arrays.copyOf(times, cap);
            keys = Arrays.copyOf(keys, cap);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(deadline, key, times[parent], keys[parent])) {
                break;
            }
            times[i] = times[parent];
            keys[i] = keys[parent];
            i = parent;
        }
        times[i] = deadline;
        keys[i] = key;
    }

    private void growFifo() {
        int cap = fifoTimes.length + (fifoTimes.length >> 1) + 16;
        long[] t = new long[cap];
        int[] k = new int[cap];
        for (int i = 0; i < fifoSize; i++) {
            int j = (fifoHead + i) % fifoTimes.length;
            t[i] = fifoTimes[j];
            k[i] = fifoKeys[j];
        }
        fifoTimes = t;
        fifoKeys = k;
        fifoHead = 0;
    }

    /** Number of pending deadlines. */
    public int size() {
        return size + fifoSize;
    }

    /** The earliest pending deadline, or {@link Long#MAX_VALUE} when none. */
    public long nextDeadline() {
        long h = size == 0 ? Long.MAX_VALUE : times[0];
        long f = fifoSize == 0 ? Long.MAX_VALUE : fifoTimes[fifoHead];
        return Math.min(h, f);
    }

    /**
     * Fires, in order, every deadline ≤ {@code upTo}, including deadlines that {@code firing} schedules while
     * this runs. Returns how many fired.
     */
    public int pollDue(long upTo, Firing firing) {
        int n = 0;
        while (true) {
            long h = size == 0 ? Long.MAX_VALUE : times[0];
            long f = fifoSize == 0 ? Long.MAX_VALUE : fifoTimes[fifoHead];
            long t;
            int k;
            if (f <= h) {
                if (f > upTo || fifoSize == 0) {
                    return n;
                }
                t = f;
                k = fifoKeys[fifoHead];
                fifoHead = fifoHead + 1 == fifoTimes.length ? 0 : fifoHead + 1;
                fifoSize--;
            } else {
                if (h > upTo) {
                    return n;
                }
                t = h;
                k = keys[0];
                removeTop();
            }
            n++;
            firing.fire(t, k);
        }
    }

    private void removeTop() {
        int last = --size;
        long t = times[last];
        int k = keys[last];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            int r = c + 1;
            if (r < size && less(times[r], keys[r], times[c], keys[c])) {
                c = r;
            }
            if (!less(times[c], keys[c], t, k)) {
                break;
            }
            times[i] = times[c];
            keys[i] = keys[c];
            i = c;
        }
        if (size > 0) {
            times[i] = t;
            keys[i] = k;
        }
    }

    private static boolean less(long t1, int k1, long t2, int k2) {
        return t1 < t2 || (t1 == t2 && k1 < k2);
    }
}
