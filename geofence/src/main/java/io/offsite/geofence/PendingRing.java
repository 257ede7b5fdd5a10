package io.offsite.geofence;

/**
 * Detections accepted but not yet applied (they wait for the watermark), in arrival order, as columns of
 * primitives: a plain geographic plate read keeps only its time, position, packed plate, confidence, classes,
 * camera and snapshot strings, so the {@link Detection} object itself dies young and the engine reads its
 * pending input sequentially, not through a chain of objects. Anything else (pixel boxes, tracker ids, plates
 * that do not pack) keeps the detection; several detections of one subject with the same event time share
 * one entry, kept in content order ({@link Track#ORDER}), so the order they are applied in never depends on
 * the order they arrived in.
 *
 * <p>Entries are numbered by a growing sequence; an entry's slot is {@code seq & mask}. Each entry links to the
 * previous entry of its track, so the rare detection that is not newer than everything its subject has
 * pending can be checked against them. Entries are consumed in event-time order, reclaimed in arrival order.
 */
final class PendingRing {
    /** Sequence bits that fit a timer key (see {@link #key}). */
    private static final long KEY_BITS = 0x3FFF_FFFFL;
    private static final int CONSUMED = 1 << 16;
    private static final ObjectClass[] OBJECT_CLASSES = ObjectClass.values();
    private static final VehicleClass[] VEHICLE_CLASSES = VehicleClass.values();

    private long[] seqs;
    private long[] times;
    private double[] xs;
    private double[] ys;
    private long[] plateBits;
    /** Plate confidence, NaN when the detection has no plate. */
    private double[] confs;
    /** objectClass ordinal | vehicleClass ordinal << 8 | {@link #CONSUMED}. */
    private int[] flags;
    private String[] cameras;
    private String[] snapshots;
    /** null for a compact entry, else the {@link Detection} or a {@code Detection[]} group. */
    private Object[] details;
    private Track[] tracks;
    private long[] prevs;
    private int mask;
    private long head;
    private long tail;
    /** Comparisons made by the same-time group operations ({@link #holds}, {@link #join}); tests bound it. */
    long steps;
    /** Newest entry and latest pending time of each track with pending entries. */
    final PendingHeads heads = new PendingHeads();

    PendingRing(int capacity) {
        allocate(Integer.highestOneBit(Math.max(64, capacity) - 1) << 1);
    }

    private void allocate(int cap) {
        seqs = new long[cap];
        times = new long[cap];
        xs = new double[cap];
        ys = new double[cap];
        plateBits = new long[cap];
        confs = new double[cap];
        flags = new int[cap];
        cameras = new String[cap];
        snapshots = new String[cap];
        details = new Object[cap];
        tracks = new Track[cap];
        prevs = new long[cap];
        mask = cap - 1;
    }

    /** Number of entries not yet reclaimed (pending or consumed behind an older pending one). */
    int size() {
        return (int) (tail - head);
    }

    /** Appends {@code d} for track {@code t}, linked to the track's previous entry; returns its sequence number. */
    long add(Detection d, Track t, long prev) {
        if (tail - head == seqs.length) {
            grow();
        }
        long seq = tail++;
        int s = (int) (seq & mask);
        seqs[s] = seq;
        times[s] = d.eventMillis();
        PlateRead plate = d.plateOrNull();
        boolean compact = d.boxOrNull() == null && d.trackerIdOrNull() == null && (plate == null || d.plateBits != 0);
        xs[s] = d.lon;
        ys[s] = d.lat;
        plateBits[s] = d.plateBits;
        confs[s] = plate == null ? Double.NaN : plate.confidence();
        flags[s] = d.objectClass().ordinal() | d.vehicleClass().ordinal() << 8;
        cameras[s] = d.camera().raw();
        snapshots[s] = d.snapshotOrNull();
        details[s] = compact ? null : d;
        tracks[s] = t;
        prevs[s] = prev;
        return seq;
    }

    private void grow() {
        if (seqs.length > (int) KEY_BITS) {
            throw new GeofenceException("more than " + seqs.length + " detections wait for the watermark");
        }
        Object[] old = {seqs, times, xs, ys, plateBits, confs, flags, cameras, snapshots, details, tracks, prevs};
        int oldCap = seqs.length;
        allocate(oldCap * 2);
        Object[] fresh = {seqs, times, xs, ys, plateBits, confs, flags, cameras, snapshots, details, tracks, prevs};
        for (int c = 0; c < old.length; c++) {
            // entries keep their sequence numbers; each lands at seq & the new mask, copied in contiguous runs
            for (long q = head; q < tail; ) {
                int from = (int) (q & (oldCap - 1));
                int to = (int) (q & mask);
                int n = (int) Math.min(tail - q, Math.min(oldCap - from, mask + 1 - to));
                System.arraycopy(old[c], from, fresh[c], to, n);
                q += n;
            }
        }
    }

    /** The timer key of entry {@code seq}: even, non-negative. */
    static int key(long seq) {
        return (int) (seq & KEY_BITS) << 1;
    }

    /** The slot of the live (pending) entry a timer key names, or -1 when it is gone. */
    int slotOfKey(int key) {
        long low = (key >>> 1) & KEY_BITS;
        int s = (int) (low & mask);
        long seq = seqs[s];
        return seq >= head && seq < tail && (seq & KEY_BITS) == low && (flags[s] & CONSUMED) == 0 ? s : -1;
    }

    /** The slot of entry {@code seq} while it is not reclaimed, else -1. */
    int slotOf(long seq) {
        return seq >= head && seq < tail ? (int) (seq & mask) : -1;
    }

    long time(int s) {
        return times[s];
    }

    Track track(int s) {
        return tracks[s];
    }

    /** The track of the entry {@code n} slots after {@code s}, or null (a look-ahead hint; may be stale). */
    Track trackAhead(int s, int n) {
        return tracks[(s + n) & mask];
    }

    /** The slot a timer key would name (a look-ahead hint: unchecked, the entry may be gone). */
    int slotHint(int key) {
        return (int) ((key >>> 1) & KEY_BITS & mask);
    }

    /** Reads the columns of slot {@code s} that applying its entry reads, so their loads overlap (returns a sink). */
    long touchEntry(int s) {
        return seqs[s] + times[s] + flags[s] + plateBits[s] + Double.doubleToRawLongBits(xs[s]);
    }

    long prev(int s) {
        return prevs[s];
    }

    boolean consumed(int s) {
        return (flags[s] & CONSUMED) != 0;
    }

    /**
     * null for a compact entry (read its columns), else the {@link Detection} or the {@code Detection[]} group of
     * same-time detections in content order.
     */
    Object details(int s) {
        return details[s];
    }

    double x(int s) {
        return xs[s];
    }

    double y(int s) {
        return ys[s];
    }

    long plateBits(int s) {
        return plateBits[s];
    }

    /** Plate confidence, NaN without a plate. */
    double confidence(int s) {
        return confs[s];
    }

    String camera(int s) {
        return cameras[s];
    }

    ObjectClass objectClass(int s) {
        return OBJECT_CLASSES[flags[s] & 0xFF];
    }

    VehicleClass vehicleClass(int s) {
        return VEHICLE_CLASSES[(flags[s] >>> 8) & 0xFF];
    }

    /**
     * Whether entry {@code s} (a single detection or a group) already holds a detection equal to {@code d}: a binary
     * search of the group (kept in {@link Track#ORDER}), then the run of entries that order equal to {@code d}.
     */
    boolean holds(int s, Detection d) {
        Object o = details[s];
        if (o instanceof Detection[] group) {
            for (int i = bound(group, d, false); i < group.length && compare(group[i], d) == 0; i++) {
                if (group[i].equals(d)) {
                    return true;
                }
            }
            return false;
        }
        steps++;
        return d.equals(o != null ? (Detection) o : materialise(s));
    }

    /** How many detections entry {@code s} holds (1, or the size of its same-time group). */
    int groupSize(int s) {
        return details[s] instanceof Detection[] group ? group.length : 1;
    }

    /**
     * Adds {@code d} (same track, same event time, not a duplicate) to entry {@code s}, keeping content order: after
     * every detection that does not order after it (so equal-ordered ones stay in arrival order), found by binary
     * search; the group is copied once (its size is capped by the engine).
     */
    void join(int s, Detection d) {
        Object o = details[s];
        Detection[] group = o instanceof Detection[] g ? g : new Detection[] {o != null ? (Detection) o : materialise(s)};
        int at = bound(group, d, true);
        Detection[] next = new Detection[group.length + 1];
        System.arraycopy(group, 0, next, 0, at);
        next[at] = d;
        System.arraycopy(group, at, next, at + 1, group.length - at);
        details[s] = next;
    }

    /**
     * The first index of {@code group} whose element orders after {@code d} ({@code after}), or at or after it
     * (not {@code after}): a binary search, about log2(size) comparisons.
     */
    private int bound(Detection[] group, Detection d, boolean after) {
        int lo = 0;
        int hi = group.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(group[mid], d);
            if (c < 0 || (after && c == 0)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@link Track#ORDER}, counted in {@link #steps}. */
    private int compare(Detection a, Detection b) {
        steps++;
        return Track.ORDER.compare(a, b);
    }

    /** Marks entry {@code s} applied and reclaims every leading applied entry. */
    void consume(int s) {
        flags[s] |= CONSUMED;
        while (head < tail) {
            int h = (int) (head & mask);
            if ((flags[h] & CONSUMED) == 0) {
                break;
            }
            cameras[h] = null;
            snapshots[h] = null;
            details[h] = null;
            tracks[h] = null;
            head++;
        }
    }

    /** The detection a compact entry was made from (equal to it). */
    private Detection materialise(int s) {
        Detection.Builder b = Detection.builder(CameraId.of(cameras[s]), java.time.Instant.ofEpochMilli(times[s]))
                .objectClass(objectClass(s)).vehicleClass(vehicleClass(s)).at(xs[s], ys[s]);
        if (!Double.isNaN(confs[s])) {
            b.plate(PackedPlate.unpack(plateBits[s]), confs[s]);
        }
        if (snapshots[s] != null) {
            b.snapshot(snapshots[s]);
        }
        return b.build();
    }

    /** {@link #slotAt}: the search was cut off by the per-subject cap. */
    static final int SEARCH_TOO_LONG = -2;
    /** Entries visited by same-time searches ({@link #slotAt}); tests check the work per detection is bounded. */
    long searchSteps;

    /**
     * The ring slot of {@code t}'s pending entry with event time {@code at}, or -1, or {@link #SEARCH_TOO_LONG} when
     * finding out would walk more than {@code maxSearch} of its entries (bounded work per detection).
     */
    int slotAt(Track t, long at, int maxSearch) {
        int live = t.pendingCount;
        int budget = maxSearch;
        for (long q = live > 0 ? heads.newestSeq(t) : -1; q >= 0 && live > 0; ) {
            int s = slotOf(q);
            if (s < 0) {
                break;
            }
            if (--budget < 0) {
                return SEARCH_TOO_LONG;
            }
            searchSteps++;
            if (!consumed(s)) {
                if (time(s) == at) {
                    return s;
                }
                live--;
            }
            q = prev(s);
        }
        return -1;
    }
}
