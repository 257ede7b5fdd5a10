package io.offsite.store.jdbc;

import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.spi.OfficerDirectory;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.EffectSink;
import io.offsite.geofence.Detection;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceKind;
import io.offsite.geofence.FenceRegistry;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.LadderPolicy;
import io.offsite.geofence.spi.EpisodeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Huangyan no-parking fence (sample) watched by one dome camera: dwell 2 min, move window 10 min. Cars are
 * {@code 浙J} plus five digits; each is seen every 5 s. Shared by the store and crash tests.
 */
final class ParkingStreet {
    static final CellId STREET = CellId.of("huangyan-xicheng-7");
    static final CameraId CAMERA = CameraId.of("33100300001321000001");
    static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
    static final byte[] EPISODE_KEY = "huangyan-test-episode-id-key-32b".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private ParkingStreet() {
    }

    static FenceRegistry fences() {
        Fence fence = Fence.builder("no-parking-1", FenceKind.NO_PARKING, STREET)
                .circle(GeoPoint.of(121.255, 28.634), 400)
                .policy(LadderPolicy.parking(Duration.ofMinutes(2), Duration.ofMinutes(10))).build();
        return FenceRegistry.of(List.of(fence));
    }

    static GeofenceEngine engine(EpisodeStore store, EffectSink sink, Clock clock) {
        return engine(store, sink, clock, Duration.ofSeconds(10));
    }

    /** As {@link #engine(EpisodeStore, EffectSink, Clock)}, with checkpoints every {@code checkpoint} of event time. */
    static GeofenceEngine engine(EpisodeStore store, EffectSink sink, Clock clock, Duration checkpoint) {
        return GeofenceEngine.builder(fences(), OfficerDirectory.of(Map.of(STREET, OfficerId.of("HYZF-1001"))))
                .effects(sink).store(store).episodeIdKey(EPISODE_KEY).clock(clock).checkpointInterval(checkpoint).build();
    }

    static String plate(int car) {
        return String.format("浙J%05d", car);
    }

    /** Car {@code car} seen at {@code t}, parked a little apart from the others inside the fence. */
    static Detection sighting(int car, Instant t) {
        double dx = (car % 100) * 0.00003;
        double dy = (car / 100) * 0.00003;
        return Detection.builder(CAMERA, t).plate(plate(car), 0.95).at(121.2535 + dx, 28.6325 + dy).build();
    }

    /** Reports the delivery of every owner text among {@code effects}, 20 s after its request. */
    static void deliverTexts(GeofenceEngine engine, List<EnforcementEffect> effects) {
        for (EnforcementEffect e : effects) {
            if (e instanceof RequestOwnerMove r) {
                engine.ownerNotified(r.episodeId(), r.at().plusSeconds(20));
            }
        }
    }
}
