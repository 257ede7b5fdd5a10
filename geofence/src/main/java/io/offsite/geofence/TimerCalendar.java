package io.offsite.geofence;

import java.util.Arrays;

/**
 * The near part of {@link TimerService}'s heap: deadlines within {@value #BUCKETS} ms of the earliest one, in one
 * bucket per millisecond (a ring), so the out-of-order arrival times of buffered detections — all within the
 * allowed lateness of each other — are added in O(1) and taken in order without a deep heap. A bucket's keys are
 * sorted when it is first taken from, so deadlines leave in exactly the heap's order: by time, then key. A deadline
 * outside the window, or at the time of a bucket already being taken from, is refused ({@link #offer}) and goes to
 * the heap. Confined to the engine's thread.
 */
final class TimerCalendar {
    static final int BUCKETS = 1 << 13;
    private static final int MASK = BUCKETS - 1;
    private static final long MIN = Long.MIN_VALUE + BUCKETS;
    private static final long MAX = Long.MAX_VALUE - BUCKETS;

    private final int[][] keys = new int[BUCKETS][];
    private final int[] counts = new int[BUCKETS];
    /** One bit per non-empty bucket. */
    private final long[] occupied = new long[BUCKETS / 64];
    /** No deadline is earlier; every one is earlier than {@code cursor + BUCKETS}. */
    private long cursor;
    /** When {@code >= 0}: the bucket at {@link #cursor} is sorted and taken from at this index. */
    private int taken = -1;
    private int size;

    int size() {
        return size;
    }

    /** Adds {@code key} at {@code t} and returns true, or returns false when {@code t} is outside the window. */
    boolean offer(long t, int key) {
        if (t < MIN || t > MAX) {
            return false;
        }
        if (size == 0) {
            cursor = t - BUCKETS / 2; // room for deadlines a little earlier than the first
            taken = -1;
        }
        long d = t - cursor;
        if (d < 0 || d >= BUCKETS || (taken >= 0 && d == 0)) {
            return false;
        }
        int b = (int) (t & MASK);
        int[] k = keys[b];
        int n = counts[b];
        if (k == null || n == k.length) {
            keys[b] = k = k == null ? new int[8] : Arrays.copyOf(k, n * 2);
        }
        k[n] = key;
        counts[b] = n + 1;
        occupied[b >>> 6] |= 1L << b;
        size++;
        return true;
    }

    /** The earliest deadline ({@link #size} must be positive); its bucket is then ready to be taken from. */
    long peekTime() {
        if (taken < 0) {
            int b = (int) (cursor & MASK);
            if (counts[b] == 0) {
                int next = nextOccupied(b);
                cursor += (next - b) & MASK;
                b = next;
            }
            Arrays.sort(keys[b], 0, counts[b]);
            taken = 0;
        }
        return cursor;
    }

    /** The key of the earliest deadline (after {@link #peekTime}). */
    int peekKey() {
        return keys[(int) (cursor & MASK)][taken];
    }

    /** Removes the earliest deadline (after {@link #peekTime}). */
    void removeTop() {
        int b = (int) (cursor & MASK);
        size--;
        if (++taken == counts[b]) {
            counts[b] = 0;
            occupied[b >>> 6] &= ~(1L << b);
            taken = -1;
            cursor++;
        }
    }

    /**
     * A look-ahead hint: the key {@code n} places after the next one to be taken, while that lies in the bucket being
     * taken from or the next millisecond's bucket (that one unsorted), else -1.
     */
    int keyAhead(int n) {
        if (taken < 0 || n < 0) {
            return -1;
        }
        int b = (int) (cursor & MASK);
        int i = taken + n;
        if (i < counts[b]) {
            return keys[b][i];
        }
        i -= counts[b];
        b = (b + 1) & MASK;
        return i < counts[b] ? keys[b][i] : -1;
    }

    /** The first occupied bucket at or after {@code b} in ring order (one exists). */
    private int nextOccupied(int b) {
        int w = b >>> 6;
        long bits = occupied[w] & (-1L << b);
        for (int i = 0; bits == 0; i++) {
            w = (w + 1) & (occupied.length - 1);
            bits = occupied[w];
            if (i > occupied.length) {
                throw new IllegalStateException("timer calendar: no occupied bucket although " + size + " pending");
            }
        }
        return (w << 6) + Long.numberOfTrailingZeros(bits);
    }
}
