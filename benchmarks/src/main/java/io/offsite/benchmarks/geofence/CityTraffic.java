package io.offsite.benchmarks.geofence;

import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.Detection;
import io.offsite.geofence.Fence;
import io.offsite.geofence.ObjectClass;
import io.offsite.core.spi.OfficerDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.locationtech.jts.geom.Point;

/**
 * Synthetic city traffic for the end-to-end benchmark, as the cameras deliver it (Huangyan sample data: 浙J plates,
 * GB/T 28181 camera ids of division 331003). Each car comes and goes in a cycle of a stay and an absence longer
 * than the gap tolerance, and while present is seen every 5–30 s (its own interval) by its camera, its position
 * jittering by up to ±0.5 m. The mix ({@link Kind}): cars that stay past dwell + move window in a no-parking fence
 * (owner text, then dispatch and evidence), cars that leave inside the window (owner text, then resolved as moved),
 * short stops below the dwell, and cars elsewhere (mostly outside every fence). Each of the 2,000 cameras delivers
 * with its own latency of 0–4 s, so the stream is in arrival order, and event times across cameras are out of order
 * by up to 4 s — within the engine's default 5 s lateness, so nothing is LATE.
 */
final class CityTraffic {
    static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    /**
     * The engines' clock: a year after {@link #START}, so the virtual seconds are never more than the engine's
     * maxFutureSkew ahead of it, whatever the machine's date (and the check costs what it costs in production).
     */
    static final Clock CLOCK = Clock.fixed(START.plus(Duration.ofDays(365)), ZoneOffset.UTC);
    /** The benchmarks' episode-id key. */
    static final byte[] ID_KEY = "offsite-bench-episode-id-key-001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final OfficerDirectory OFFICERS = (cell, at) -> Optional.of(OfficerId.of("officer-" + cell.value()));
    /** ±0.5 m of position noise, in degrees (about 9e-6° of latitude per metre). */
    static final double NOISE_DEG = 1.0 / 111_320.0;
    static final int CAMERAS = 2_000;
    /** The most a camera's delivery lags its event time (ms): below the engine's default 5 s lateness. */
    static final int MAX_LATENCY_MS = 4_000;

    /** What a car does; the share of each is given with it. */
    enum Kind {
        /** 30 %: parks in a fence for 14–20 min (dwell 2 min + window 10 min after delivery): text, dispatch, evidence. */
        STAYS_PAST_WINDOW,
        /** 25 %: parks in a fence for 4–11 min: text, then leaves inside the window (resolved as moved). */
        LEAVES_IN_WINDOW,
        /** 15 %: stops in a fence for 30–90 s, below the 2 min dwell: tracked, no effect. */
        SHORT_STOP,
        /** 30 %: stands at a random point (mostly outside every fence) for 5–30 min. */
        ELSEWHERE
    }

    final int vehicles;
    final Kind[] kind;
    private final String[] plates;
    private final double[] lon;
    private final double[] lat;
    private final int[] intervalMs;
    private final int[] stayMs;
    private final int[] cycleMs;
    private final int[] phaseMs;
    private final CameraId[] cameras = new CameraId[CAMERAS];
    private final int[] latencyMs = new int[CAMERAS];
    /** Each car's next sighting (event ms since START). */
    private final long[] next;
    /** Min-heap of (arrival ms since START) << 21 | car: the next delivery of every car, in arrival order. */
    private final long[] heap;
    private int heapSize;
    private final Random noise;

    CityTraffic(List<Fence> fences, int vehicles, long seed) {
        if (vehicles >= 1 << 21) {
            throw new IllegalArgumentException("at most 2^21 - 1 vehicles, was " + vehicles);
        }
        this.vehicles = vehicles;
        Random r = new Random(seed);
        noise = new Random(seed + 2);
        kind = new Kind[vehicles];
        plates = new String[vehicles];
        lon = new double[vehicles];
        lat = new double[vehicles];
        intervalMs = new int[vehicles];
        stayMs = new int[vehicles];
        cycleMs = new int[vehicles];
        phaseMs = new int[vehicles];
        next = new long[vehicles];
        heap = new long[vehicles];
        for (int c = 0; c < CAMERAS; c++) {
            cameras[c] = CameraId.of(String.format("33100300001320%06d", c));
            latencyMs[c] = r.nextInt(MAX_LATENCY_MS + 1);
        }
        double[] random = FenceSets.points(vehicles, seed + 1);
        for (int i = 0; i < vehicles; i++) {
            plates[i] = String.format("浙J%05X", i);
            int share = r.nextInt(100);
            Kind k = share < 30 ? Kind.STAYS_PAST_WINDOW : share < 55 ? Kind.LEAVES_IN_WINDOW
                    : share < 70 ? Kind.SHORT_STOP : Kind.ELSEWHERE;
            kind[i] = k;
            if (k == Kind.ELSEWHERE) {
                lon[i] = random[2 * i];
                lat[i] = random[2 * i + 1];
            } else {
                Point p = fences.get(r.nextInt(fences.size())).area().getInteriorPoint();
                lon[i] = p.getX();
                lat[i] = p.getY();
            }
            int stayS = switch (k) {
                case STAYS_PAST_WINDOW -> 14 * 60 + r.nextInt(6 * 60 + 1);
                case LEAVES_IN_WINDOW -> 4 * 60 + r.nextInt(7 * 60 + 1);
                case SHORT_STOP -> 30 + r.nextInt(61);
                case ELSEWHERE -> 5 * 60 + r.nextInt(25 * 60 + 1);
            };
            stayMs[i] = stayS * 1000;
            cycleMs[i] = stayMs[i] + (2 * 60 + r.nextInt(8 * 60 + 1)) * 1000; // away 2–10 min: beyond the 60 s gap
            phaseMs[i] = r.nextInt(cycleMs[i]);
            intervalMs[i] = 5_000 + r.nextInt(25_001);
            next[i] = present(i, 0) ? r.nextInt(intervalMs[i]) : nextArrival(i, 0);
            push(i);
        }
    }

    static CellId cell(int i) {
        return CellId.of("c" + i);
    }

    /** Fills {@code out[0..n)} with the next {@code n} detections in arrival order. */
    void fill(Detection[] out, int n) {
        for (int k = 0; k < n; k++) {
            long top = heap[0];
            int i = (int) (top & ((1 << 21) - 1));
            long ms = next[i];
            out[k] = Detection.builder(cameras[i % CAMERAS], START.plusMillis(ms)).objectClass(ObjectClass.CAR)
                    .plate(plates[i], 0.93).at(lon[i] + (noise.nextDouble() - 0.5) * NOISE_DEG,
                            lat[i] + (noise.nextDouble() - 0.5) * NOISE_DEG).build();
            long t = ms + intervalMs[i];
            next[i] = present(i, t) ? t : nextArrival(i, t);
            heap[0] = key(i);
            siftDown(0);
        }
    }

    /** Event time (ms since START) of the newest detection handed out so far, roughly (the heap's head minus lag). */
    long headMillis() {
        return heap[0] >>> 21;
    }

    private boolean present(int i, long t) {
        return Math.floorMod(t + phaseMs[i], (long) cycleMs[i]) < stayMs[i];
    }

    /** The start of car {@code i}'s next stay after {@code t}. */
    private long nextArrival(int i, long t) {
        long into = Math.floorMod(t + phaseMs[i], (long) cycleMs[i]);
        return t - into + cycleMs[i];
    }

    private long key(int i) {
        return (next[i] + latencyMs[i % CAMERAS]) << 21 | i;
    }

    private void push(int i) {
        int k = heapSize++;
        heap[k] = key(i);
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (heap[parent] <= heap[k]) {
                break;
            }
            long x = heap[parent];
            heap[parent] = heap[k];
            heap[k] = x;
            k = parent;
        }
    }

    private void siftDown(int k) {
        long x = heap[k];
        int half = heapSize >>> 1;
        while (k < half) {
            int c = 2 * k + 1;
            if (c + 1 < heapSize && heap[c + 1] < heap[c]) {
                c++;
            }
            if (x <= heap[c]) {
                break;
            }
            heap[k] = heap[c];
            k = c;
        }
        heap[k] = x;
    }
}
