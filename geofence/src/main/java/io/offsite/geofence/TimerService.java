package io.offsite.geofence;

import java.util.Arrays;

/**
 * Deadlines by event time, in primitive arrays only (a million pending deadlines take about 12 MB and no
 * objects). A deadline that is not earlier than the last one appended to one of a few FIFO "lanes" is appended
 * there in O(1) — the common case, since the engine schedules a few interleaved, almost monotone streams
 * (buffered detections at arrival time, gap deadlines at arrival time + tolerance); any other deadline goes to
 * a binary min-heap, whose deadlines near the earliest one are kept in a {@link TimerCalendar} instead (one
 * bucket per ms, taken in the heap's order). {@link #pollDue} merges lanes and heap, so deadlines fire in deadline
 * order; equal deadlines fire in a deterministic order given the same sequence of calls. There is no cancel:
 * owners re-check their state when a deadline fires and ignore stale ones. Not thread-safe; the engine confines
 * it to its thread.
 */
final class TimerService {
    /** Lanes reserved for callers that name their stream ({@link #schedule(long, int, int)}). */
    public static final int STREAMS = 4;
    private static final int GENERAL_LANES = 4;
    private static final int LANES = STREAMS + GENERAL_LANES;
    private long[] times;
    private int[] keys;
    private int size;
    private final Lane[] lanes = new Lane[LANES];
    /** The heap's near deadlines, one bucket per ms: together with the heap, one queue ordered by (time, key). */
    private final TimerCalendar near = new TimerCalendar();

    /** A FIFO ring of non-decreasing deadlines. */
    private static final class Lane {
        long[] times;
        int[] keys;
        int head;
        int size;
        long last = Long.MIN_VALUE;

        Lane(int capacity) {
            times = new long[capacity];
            keys = new int[capacity];
        }

        void add(long t, int k) {
            if (size == times.length) {
                int cap = times.length + (times.length >> 1) + 16;
                long[] nt = new long[cap];
                int[] nk = new int[cap];
                for (int i = 0; i < size; i++) {
                    int j = (head + i) % times.length;
                    nt[i] = times[j];
                    nk[i] = keys[j];
                }
                times = nt;
                keys = nk;
                head = 0;
            }
            int tail = head + size;
            if (tail >= times.length) {
                tail -= times.length;
            }
            times[tail] = t;
            keys[tail] = k;
            size++;
            last = t;
        }

        long peek() {
            return size == 0 ? Long.MAX_VALUE : times[head];
        }
    }

    private TimerService(int capacity) {
        times = new long[Math.max(16, capacity / 8)];
        keys = new int[times.length];
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane(Math.max(16, capacity / (i < STREAMS ? 2 : LANES)));
        }
    }

    /** An empty timer service with room for about {@code initialCapacity} deadlines before it grows. */
    public static TimerService create(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new GeofenceException("initialCapacity must be >= 1, was " + initialCapacity);
        }
        return new TimerService(initialCapacity);
    }

    /** Receives fired deadlines. */
    @FunctionalInterface
    interface Firing {
        /** Called once per fired deadline, in deadline order. */
        void fire(long deadline, int key);
    }

    /** Adds a deadline (epoch ms of event time) for {@code key} (≥ 0). */
    public void schedule(long deadline, int key) {
        if (key < 0) {
            throw new GeofenceException("timer key must be >= 0, was " + key);
        }
        scheduleGeneral(deadline, key);
    }

    /**
     * Adds a deadline that belongs to the caller's nearly monotone {@code stream} (0 ≤ stream &lt; {@link #STREAMS}):
     * it is appended to that stream's own lane in O(1) when not earlier than the stream's previous deadline, so
     * interleaved streams with different offsets (e.g. "now" and "now + 60 s") never push each other into the heap.
     * Fires exactly like {@link #schedule(long, int)}.
     */
    public void schedule(long deadline, int key, int stream) {
        if (key < 0) {
            throw new GeofenceException("timer key must be >= 0, was " + key);
        }
        if (stream < 0 || stream >= STREAMS) {
            throw new GeofenceException("timer stream must be within [0, " + STREAMS + "), was " + stream);
        }
        Lane own = lanes[stream];
        if (own.size == 0 || deadline >= own.last) {
            own.add(deadline, key);
            return;
        }
        scheduleGeneral(deadline, key);
    }

    private void scheduleGeneral(long deadline, int key) {
        Lane best = null;
        for (int i = STREAMS; i < LANES; i++) {
            Lane lane = lanes[i];
            if (lane.size == 0) {
                if (best == null) {
                    best = lane;
                }
            } else if (deadline >= lane.last && (best == null || best.size == 0 || lane.last > best.last)) {
                best = lane;
            }
        }
        if (best != null && (best.size == 0 || deadline >= best.last)) {
            best.add(deadline, key);
            return;
        }
        if (near.offer(deadline, key)) {
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

    /** Number of pending deadlines. */
    public int size() {
        int n = size + near.size();
        for (Lane lane : lanes) {
            n += lane.size;
        }
        return n;
    }

    /** The earliest pending deadline, or {@link Long#MAX_VALUE} when none. */
    public long nextDeadline() {
        long m = size == 0 ? Long.MAX_VALUE : times[0];
        if (near.size() > 0) {
            m = Math.min(m, near.peekTime());
        }
        for (Lane lane : lanes) {
            m = Math.min(m, lane.peek());
        }
        return m;
    }

    /**
     * A look-ahead hint: the key of a deadline about {@code n} places after the next one to fire, when the near
     * calendar knows it, else -1. Cheap; the key may be stale or never fire.
     */
    int keyAhead(int n) {
        return near.size() > 0 ? near.keyAhead(n) : -1;
    }

    /**
     * Fires, in order, every deadline ≤ {@code upTo}, including deadlines that {@code firing} schedules while
     * this runs. Returns how many fired.
     */
    public int pollDue(long upTo, Firing firing) {
        int n = 0;
        while (true) {
            long t = size == 0 ? Long.MAX_VALUE : times[0];
            boolean fromNear = false;
            if (near.size() > 0) {
                long c = near.peekTime();
                if (size == 0 || less(c, near.peekKey(), t, keys[0])) {
                    t = c;
                    fromNear = true;
                }
            }
            Lane from = null;
            for (Lane lane : lanes) {
                if (lane.size > 0 && lane.times[lane.head] < t) {
                    t = lane.times[lane.head];
                    from = lane;
                }
            }
            if (t > upTo || (from == null && size == 0 && !fromNear)) {
                return n;
            }
            int k;
            if (from != null) {
                k = from.keys[from.head];
                from.head = from.head + 1 == from.times.length ? 0 : from.head + 1;
                from.size--;
            } else if (fromNear) {
                k = near.peekKey();
                near.removeTop();
            } else {
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
