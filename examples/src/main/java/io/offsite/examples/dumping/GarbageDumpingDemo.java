package io.offsite.examples.dumping;

import io.offsite.cases.CaseLifecycle;
import io.offsite.cases.CaseService;
import io.offsite.cases.spi.CaseStore;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.spi.OfficerDirectory;
import io.offsite.evidence.PersonalDetails;
import io.offsite.evidence.WitnessId;
import io.offsite.evidence.WitnessRegistry;
import io.offsite.evidence.WitnessRole;
import io.offsite.examples.DemoSecrets;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.CollectingSink;
import io.offsite.geofence.Detection;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceKind;
import io.offsite.geofence.FenceRegistry;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.ObjectClass;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.testkit.SettableClock;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Garbage dumping (乱倒垃圾) end to end in the libraries, no server: a community camera at the entrance of a
 * residential compound in 黄岩区 东城街道 watches a no-dumping fence; a person leaves a bag of household waste there;
 * the engine files at once (evidence + case, no warning rung); the host opens the evidence chain with the clip and
 * stills, which is <em>not</em> complete until the property manager identifies the party (a registered witness's
 * statement would do as well); then the case is filed, the household-waste table assesses the fine, the notice is
 * served and the penalty decided. Runs on a manual clock; prints the timeline.
 */
public final class GarbageDumpingDemo {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The compound entrance's community camera (sample GB/T 28181 id, division 331003). */
    static final CameraId CAMERA = CameraId.of("33100300001321000031");
    /** Where the bins used to stand at the entrance: the fence is a 6 m circle around it. */
    static final GeoPoint ENTRANCE = GeoPoint.of(121.2652, 28.6305);
    static final CellId CELL = CellId.of("HY-2-A-1");
    static final OfficerId OFFICER = OfficerId.of("HYZF-2001");
    static final OfficerId SECOND = OfficerId.of("HYZF-0211");
    /** 2026-12-07 07:30 in Huangyan: early morning, before the sanitation round. */
    static final Instant START = Instant.parse("2026-12-06T23:30:00Z");

    private GarbageDumpingDemo() {
    }

    /** The no-dumping fence at the compound entrance (household-waste preset: dwell 30 s, evidence + case at once). */
    static Fence fence() {
        return Fence.builder("no-dumping-dongcheng-compound-gate", FenceKind.NO_DUMPING, CELL).circle(ENTRANCE, 6).build();
    }

    /** An engine over {@link #fence()} writing its effects to {@code sink}. */
    static GeofenceEngine engine(SettableClock clock, CollectingSink sink) {
        return GeofenceEngine.builder(FenceRegistry.of(List.of(fence())), OfficerDirectory.of(Map.of(CELL, OFFICER)))
                .effects(sink).store(EpisodeStore.inMemory()).clock(clock).allowedLateness(Duration.ofSeconds(5))
                .episodeIdKey(DemoSecrets.episodeIdKey()).build();
    }

    /** A person (camera tracker {@code tracker}) standing at the entrance from second {@code from} to {@code to}. */
    static List<Detection> person(String tracker, long from, long to) {
        List<Detection> out = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            out.add(Detection.builder(CAMERA, START.plusSeconds(s)).objectClass(ObjectClass.PERSON).tracker(tracker)
                    .at(GeoPoint.of(ENTRANCE.lon() + 0.00001, ENTRANCE.lat())).snapshot("rec/gate/" + s + ".jpg").build());
        }
        return out;
    }

    /**
     * Feeds detections in the order given (the clock follows the newest), runs the engine to {@code until} seconds
     * after {@link #START}, hands every effect to the host and returns them.
     */
    static List<EnforcementEffect> feed(GeofenceEngine engine, SettableClock clock, CollectingSink sink,
            DumpingHost host, List<Detection> detections, long until) {
        List<EnforcementEffect> handed = new ArrayList<>();
        for (Detection d : detections) {
            if (d.eventTime().isAfter(clock.instant())) {
                clock.set(d.eventTime());
            }
            host.detection(d, engine.submit(d));
            engine.advanceTo(clock.instant());
            handed.addAll(sink.takeEffects());
        }
        clock.set(START.plusSeconds(until));
        engine.advanceTo(clock.instant());
        handed.addAll(sink.takeEffects());
        handed.forEach(host::effect);
        return handed;
    }

    /** A host over fresh in-memory services and a witness register holding the compound's property manager. */
    static DumpingHost host(SettableClock clock, WitnessRegistry witnesses) {
        return new DumpingHost(clock, CaseService.create(CaseLifecycle.builder().build(), CaseStore.inMemory()),
                witnesses, ENTRANCE, OFFICER, SECOND);
    }

    /** Runs the scenario, printing the timeline to {@code out}; returns the host for inspection. */
    public static DumpingHost run(PrintStream out) {
        SettableClock clock = SettableClock.at(START);
        CollectingSink sink = new CollectingSink();
        GeofenceEngine engine = engine(clock, sink);
        WitnessRegistry witnesses = WitnessRegistry.inMemory();
        witnesses.register(new WitnessId("W-DC-017"), WitnessRole.PROPERTY_MANAGER,
                new PersonalDetails("物业管理员（样例）", "13800000000", "东城街道 某小区物业服务中心"), START.minus(Duration.ofDays(90)));
        DumpingHost host = host(clock, witnesses);

        // 07:30:00–07:30:45 a person carries a bag to the entrance and leaves it; gone after 45 s
        feed(engine, clock, sink, host, person("trk-88", 0, 45), 400);
        String episode = host.episodes().get(0);
        // 09:10 the property management office matches the clip to a household and sends its side evidence
        Instant identified = START.plus(Duration.ofMinutes(100));
        clock.set(identified);
        host.addPropertyIdentification(episode, "某物业服务有限公司", "party-DC-0312", identified);
        // notice served in person two days later; decided after the statement and defence period
        Instant served = START.plus(Duration.ofDays(2)).plus(Duration.ofHours(2));
        Instant decided = START.plus(Duration.ofDays(10)).plus(Duration.ofHours(2));
        clock.set(decided);
        host.serveAndDecide(episode, served, decided);
        host.timeline().forEach(s -> out.println(local(s.at()) + "  " + s.kind() + "  " + s.text()));
        return host;
    }

    static String local(Instant t) {
        return t.atZone(SHANGHAI).toLocalDateTime().toString().replace('T', ' ');
    }

    /** Runs the demo on standard output. */
    public static void main(String[] args) {
        run(System.out);
    }
}
