package io.offsite.geofence;

import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.core.spi.OfficerDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Shared fixtures for timeline tests: a ~110 m square no-parking fence, one camera, one officer. */
final class Scenario {
    static final GeometryFactory GF = new GeometryFactory();
    static final String CAM = "33010600001320000001";
    static final CellId CELL = CellId.of("street-7");
    static final OfficerId OFFICER = OfficerId.of("officer-42");
    static final OfficerDirectory OFFICERS = OfficerDirectory.of(Map.of(CELL, OFFICER));
    static final double LON = 120.1550;
    static final double LAT = 30.2740;
    /** 2026-11-02T08:00:00+08:00, a Monday. */
    static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
    /**
     * The clock of {@link #engine} engines: a year after {@link #T0}, so the timelines' event times are never ahead of
     * it (no test depends on the machine's clock) and nothing reaches it by accident.
     */
    static final Clock CLOCK = Clock.fixed(T0.plus(Duration.ofDays(365)), ZoneOffset.UTC);
    /** The tests' episode-id key (a deployment keeps its own secret). */
    static final byte[] ID_KEY = "offsite-test-episode-id-key-0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Scenario() {
    }

    static Polygon square(double lon, double lat, double halfDeg) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(lon - halfDeg, lat - halfDeg),
            new Coordinate(lon + halfDeg, lat - halfDeg), new Coordinate(lon + halfDeg, lat + halfDeg),
            new Coordinate(lon - halfDeg, lat + halfDeg), new Coordinate(lon - halfDeg, lat - halfDeg)});
    }

    static Fence.Builder noParking(String id) {
        return Fence.builder(id, FenceKind.NO_PARKING, CELL).polygon(square(LON, LAT, 0.0005));
    }

    static GeofenceEngine engine(Fence... fences) {
        return engine(EpisodeStore.inMemory(), Duration.ofSeconds(5), fences);
    }

    /** {@link GeofenceEngine#builder} with a {@link CollectingSink} the helpers below read. */
    static GeofenceEngineBuilder builder(FenceRegistry fences, OfficerDirectory officers) {
        return GeofenceEngine.builder(fences, officers).effects(new CollectingSink());
    }

    /** The collecting sink of an engine from {@link #builder}. */
    static CollectingSink sink(GeofenceEngine e) {
        return (CollectingSink) e.sink;
    }

    /** Submits {@code d}; returns its intake and what reached the sink meanwhile. */
    static EngineResult submit(GeofenceEngine e, Detection d) {
        Intake in = e.submit(d);
        return new EngineResult(in, sink(e).takeEffects(), sink(e).takeProblems());
    }

    /** Submits {@code d}, forwarding what reached the engine's sink meanwhile to {@code into}. */
    static Intake submit(GeofenceEngine e, Detection d, EffectSink into) {
        Intake in = e.submit(d);
        forward(e, into);
        return in;
    }

    /** {@link GeofenceEngine#advanceTo}; returns what reached the sink meanwhile. */
    static EngineResult advanceTo(GeofenceEngine e, Instant now) {
        e.advanceTo(now);
        return new EngineResult(Intake.ACCEPTED, sink(e).takeEffects(), sink(e).takeProblems());
    }

    /** {@link GeofenceEngine#advanceTo}, forwarding what reached the engine's sink to {@code into}. */
    static void advanceTo(GeofenceEngine e, Instant now, EffectSink into) {
        e.advanceTo(now);
        forward(e, into);
    }

    /** {@link GeofenceEngine#tick}; returns what reached the sink meanwhile. */
    static EngineResult tick(GeofenceEngine e) {
        e.tick();
        return new EngineResult(Intake.ACCEPTED, sink(e).takeEffects(), sink(e).takeProblems());
    }

    /** The engine's watermark in epoch ms, or {@link Long#MIN_VALUE} before any. */
    static long wm(GeofenceEngine e) {
        return e.watermark().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
    }

    private static void forward(GeofenceEngine e, EffectSink into) {
        sink(e).takeEffects().forEach(into::effect);
        sink(e).takeProblems().forEach(into::problem);
    }

    static GeofenceEngine engine(EpisodeStore store, Duration lateness, Fence... fences) {
        return builder(FenceRegistry.of(List.of(fences)), OFFICERS).store(store)
                .allowedLateness(lateness).clock(CLOCK).episodeIdKey(ID_KEY).build();
    }

    static Detection car(String plate, long second) {
        return car(plate, second, LON, LAT);
    }

    static Detection car(String plate, long second, double lon, double lat) {
        return Detection.builder(CameraId.of(CAM), T0.plusSeconds(second)).objectClass(ObjectClass.CAR)
                .plate(plate, 0.95).at(GeoPoint.of(lon, lat)).build();
    }

    /** Detections every {@code every} seconds from {@code from} to {@code to} inclusive. */
    static List<Detection> parked(String plate, long from, long to, long every) {
        List<Detection> out = new ArrayList<>();
        for (long s = from; s <= to; s += every) {
            out.add(car(plate, s));
        }
        return out;
    }

    /**
     * Feeds detections in order, then advances event time to {@code endSecond}; returns every effect. Each owner
     * text is reported delivered at its request time (a gateway that delivers at once), as a host would from its
     * outbox's receipts; the {@code MoveWindowStarted} this returns is left out, so timelines read as the ladder's.
     */
    static List<EnforcementEffect> run(GeofenceEngine engine, List<Detection> ds, long endSecond) {
        List<EnforcementEffect> out = new ArrayList<>();
        for (Detection d : ds) {
            EngineResult r = submit(engine, d);
            if (r.intake() == Intake.FUTURE) {
                throw new AssertionError("a timeline detection was refused as FUTURE: " + r.problems());
            }
            deliverAtOnce(engine, r.effects(), out);
        }
        deliverAtOnce(engine, advanceTo(engine, T0.plusSeconds(endSecond)).effects(), out);
        return out;
    }

    /** Adds {@code fx} to {@code out}, reporting each owner text delivered at its request time. */
    static void deliverAtOnce(GeofenceEngine engine, List<EnforcementEffect> fx, List<EnforcementEffect> out) {
        for (EnforcementEffect e : fx) {
            out.add(e);
            if (e instanceof RequestOwnerMove r && r.deliverBy().isAfter(r.at())) {
                engine.ownerNotified(r.episodeId(), r.at());
                sink(engine).takeEffects(); // its MoveWindowStarted is left out, as the javadoc says
            }
        }
    }

    static Instant at(long second) {
        return T0.plusSeconds(second);
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... parts) {
        List<T> out = new ArrayList<>();
        for (List<T> p : parts) {
            out.addAll(p);
        }
        return out;
    }
}
