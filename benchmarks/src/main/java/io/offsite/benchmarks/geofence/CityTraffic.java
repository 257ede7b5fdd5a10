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
 * Synthetic traffic for end-to-end benchmarks: {@code vehicles} cars, each seen once per virtual second by one of
 * 2,000 cameras; half stand inside a random no-parking fence (they become episodes), half stand at random points
 * (mostly outside every fence). Each car is absent 90 s out of every 700 s (longer than the 60 s gap tolerance),
 * so episodes end as moved and restart on re-entry. Every reported position carries up to ±0.5 m of noise, as a
 * camera's position estimate of a parked car jitters from frame to frame (so no two sightings repeat a position).
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

    final int vehicles;
    final String[] plates;
    final double[] lon;
    final double[] lat;
    final int[] phase;
    final CameraId[] cameras;

    CityTraffic(List<Fence> fences, int vehicles, long seed) {
        this.vehicles = vehicles;
        Random r = new Random(seed);
        plates = new String[vehicles];
        lon = new double[vehicles];
        lat = new double[vehicles];
        phase = new int[vehicles];
        cameras = new CameraId[2000];
        for (int c = 0; c < cameras.length; c++) {
            cameras[c] = CameraId.of(String.format("330106000013200%05d", c));
        }
        double[] random = FenceSets.points(vehicles, seed + 1);
        for (int i = 0; i < vehicles; i++) {
            plates[i] = String.format("浙A%05d", i);
            if (i % 2 == 0) {
                Point p = fences.get(r.nextInt(fences.size())).area().getInteriorPoint();
                lon[i] = p.getX();
                lat[i] = p.getY();
            } else {
                lon[i] = random[2 * i];
                lat[i] = random[2 * i + 1];
            }
            phase[i] = r.nextInt(700);
        }
    }

    static CellId cell(int i) {
        return CellId.of("c" + i);
    }

    /** Fills {@code out} with the detections of virtual second {@code sec}; returns how many. */
    int second(long sec, Detection[] out) {
        int n = 0;
        Random noise = new Random(sec * 31 + 7);
        for (int i = 0; i < vehicles; i++) {
            if ((sec + phase[i]) % 700 >= 610) {
                continue;
            }
            long ms = sec * 1000 + (long) i * 1000 / vehicles;
            out[n++] = Detection.builder(cameras[i % cameras.length], START.plusMillis(ms)).objectClass(ObjectClass.CAR)
                    .plate(plates[i], 0.93).at(lon[i] + (noise.nextDouble() - 0.5) * NOISE_DEG, lat[i] + (noise.nextDouble() - 0.5) * NOISE_DEG)
                    .build();
        }
        return n;
    }
}
