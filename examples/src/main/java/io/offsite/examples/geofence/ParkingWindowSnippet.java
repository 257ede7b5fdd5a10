package io.offsite.examples.geofence;

import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.examples.DemoSecrets;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.CollectingSink;
import io.offsite.geofence.Detection;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceKind;
import io.offsite.geofence.FenceRegistry;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.core.spi.OfficerDirectory;
import io.offsite.geofence.LadderPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The README's embedding example: one no-parking fence in Huangyan (sample data), a car that stays 15 minutes, a
 * test clock, the parking ladder set by its two timings.
 */
public final class ParkingWindowSnippet {
    private ParkingWindowSnippet() {
    }

    /**
     * Returns RequestOwnerMove (at 2 min), MoveWindowStarted (the SMS delivered 20 s later), DispatchOfficer +
     * CaptureEvidence (10 min after the delivery), EpisodeResolved.
     */
    public static List<EnforcementEffect> run() {
        CellId street = CellId.of("huangyan-xicheng-7");
        Fence fence = Fence.builder("no-parking-1", FenceKind.NO_PARKING, street)
                .circle(GeoPoint.of(121.255, 28.634), 30)
                .policy(LadderPolicy.parking(Duration.ofMinutes(2), Duration.ofMinutes(10))).build(); // dwell, window
        Instant t0 = Instant.parse("2026-11-02T00:00:00Z");
        CollectingSink sink = new CollectingSink();   // every effect goes to the one sink set here
        GeofenceEngine engine = GeofenceEngine.builder(FenceRegistry.of(List.of(fence)),
                        OfficerDirectory.of(Map.of(street, OfficerId.of("officer-42"))))   // or (cell, at) -> grid.responsibleOfficer(cell)
                .effects(sink)
                .episodeIdKey(DemoSecrets.episodeIdKey())   // the deployment's secret: ids stay the same across restarts
                .clock(Clock.fixed(t0.plusSeconds(920), ZoneOffset.UTC)).build();
        List<EnforcementEffect> effects = new ArrayList<>();
        for (int s = 0; s <= 900; s += 5) { // the camera sees the car every 5 s for 15 minutes
            engine.submit(Detection.builder(CameraId.of("33100300001321000001"), t0.plusSeconds(s))
                    .plate("浙J12345", 0.95).at(121.255, 28.634).build());
            for (EnforcementEffect e : sink.takeEffects()) {
                effects.add(e);
                if (e instanceof RequestOwnerMove r) { // a host reports the SMS delivery receipt (outbox onDelivered)
                    engine.ownerNotified(r.episodeId(), r.at().plusSeconds(20));
                    effects.addAll(sink.takeEffects());
                }
            }
        }
        engine.tick(); // the test clock says 15:20 have passed: what is due streams into the sink
        effects.addAll(sink.takeEffects());
        // -> RequestOwnerMove (00:02), MoveWindowStarted (00:02:20, move by 00:12:20),
        //    DispatchOfficer + CaptureEvidence (00:12:20), EpisodeResolved
        return effects;
    }
}
