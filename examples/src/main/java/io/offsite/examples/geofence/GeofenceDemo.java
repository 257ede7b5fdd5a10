package io.offsite.examples.geofence;

import io.offsite.core.Masks;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.examples.DemoSecrets;
import io.offsite.testkit.SettableClock;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.Detection;
import io.offsite.geofence.EffectSink;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceKind;
import io.offsite.geofence.FenceRegistry;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.NoticeResult;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.core.spi.OfficerDirectory;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A parking window on a test clock: a car stops in a no-parking fence at 08:00 (Asia/Shanghai); at the 2-minute
 * dwell the owner is asked to move it; the SMS is delivered 15 s later (the host reports the receipt), so the
 * 10-minute window runs from 08:02:15; the car is still there when it ends, so the grid officer is dispatched
 * and evidence is requested. Every effect is printed as it is decided: the printer is the engine's one sink. The
 * place, plate, camera and officer are Huangyan samples (illustrative, not official data).
 */
public final class GeofenceDemo {
    private GeofenceDemo() {
    }

    /** Runs the scenario and prints each effect to {@code out}. */
    public static void run(PrintStream out) {
        CellId street = CellId.of("HY-1-A-2"); // 劳动北路 in the sample grid
        GeometryFactory gf = new GeometryFactory();
        Fence fence = Fence.builder("no-parking-laodong-n-rd", FenceKind.NO_PARKING, street)
                .polygon(gf.createPolygon(new Coordinate[] {new Coordinate(121.2540, 28.6335),
                    new Coordinate(121.2560, 28.6335), new Coordinate(121.2560, 28.6345),
                    new Coordinate(121.2540, 28.6345), new Coordinate(121.2540, 28.6335)})).build();
        SettableClock clock = SettableClock.at(Instant.parse("2026-11-02T00:00:00Z"));
        List<RequestOwnerMove> texts = new ArrayList<>();
        EffectSink printer = EffectSink.of(e -> {
            out.println(describe(e));
            if (e instanceof RequestOwnerMove r) {
                texts.add(r); // answered after the engine call returns: the sink never calls the engine
            }
        }, p -> out.println("PROBLEM " + p));
        GeofenceEngine engine = GeofenceEngine.builder(FenceRegistry.of(List.of(fence)),
                        OfficerDirectory.of(Map.of(street, OfficerId.of("HYZF-1002"))))
                .effects(printer).store(EpisodeStore.inMemory()).clock(clock).allowedLateness(Duration.ofSeconds(2))
                .episodeIdKey(DemoSecrets.episodeIdKey()).build();
        CameraId camera = CameraId.of("33100300001321000001"); // sample GB/T 28181 id: 331003 黄岩区, type 132 (IP camera)
        Instant start = clock.instant();
        out.println("car " + Masks.plate("浙J12345") + " stops in fence " + fence.id() + " at " + local(start));
        for (int s = 0; s <= 13 * 60; s += 1) {
            clock.set(start.plusSeconds(s));
            // a detection most seconds (every fourth is occluded by passing traffic), its position jittering by
            // decimetres, every seventh read misread as 浙J1234S (attached to the car's episode: same place)
            if (s % 4 != 3) {
                engine.submit(Detection.builder(camera, clock.instant()).plate(s % 7 == 0 ? "浙J1234S" : "浙J12345", 0.93)
                        .at(GeoPoint.of(121.25501 + (s % 3) * 0.000003, 28.63402)).snapshot("snap/" + s + ".jpg").build());
            }
            engine.advanceTo(clock.instant());
            for (RequestOwnerMove r : texts) {
                if (!clock.instant().isBefore(r.at().plusSeconds(15))) { // the gateway's delivery receipt arrives
                    NoticeResult n = engine.ownerNotified(r.episodeId(), clock.instant());
                    out.println(local(clock.instant()) + "  SMS delivered -> " + n.outcome() + ": " + n.detail());
                }
            }
            texts.removeIf(r -> !clock.instant().isBefore(r.at().plusSeconds(15)));
        }
        clock.set(start.plusSeconds(15 * 60));
        engine.tick(); // the clock says 08:15: the tick fires what is due, into the printer
        out.println("done at " + local(clock.instant()) + "; tracked subjects: " + engine.trackedSubjects());
    }

    private static String describe(EnforcementEffect e) {
        return local(e.at()) + "  " + e.getClass().getSimpleName() + "  " + Masks.inText(e.toString());
    }

    private static String local(Instant t) {
        return t.atZone(ZoneId.of("Asia/Shanghai")).toLocalTime().toString();
    }

    /** Runs the demo on standard output. */
    public static void main(String[] args) {
        run(System.out);
    }

}
