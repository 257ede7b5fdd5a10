package io.offsite.examples.shopfront;

import io.offsite.cases.CaseLifecycle;
import io.offsite.cases.CaseService;
import io.offsite.cases.spi.CaseStore;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import io.offsite.core.geo.Shapes;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.objects.Frontages;
import io.offsite.core.objects.InMemoryEnterpriseFiles;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.ObjectCategory;
import io.offsite.core.objects.ObjectOperator;
import io.offsite.core.spi.ObjectOperators;
import io.offsite.core.spi.OfficerDirectory;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.WitnessRegistry;
import io.offsite.examples.DemoSecrets;
import io.offsite.geofence.CollectingSink;
import io.offsite.geofence.Detection;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceRegistry;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.notify.Channel;
import io.offsite.notify.EffectNotifier;
import io.offsite.notify.MessageTemplate;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxStores;
import io.offsite.notify.Receipt;
import io.offsite.notify.Recipients;
import io.offsite.notify.SimulatedGateway;
import io.offsite.notify.spi.Gateway;
import io.offsite.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Polygon;

/**
 * A row of street shops on 黄岩区劳动北路 (street cell HY-1-A-2) and everything a library-only host needs around
 * them: the objects and their frontages, registered operators, files, an outbox over simulated SMS and loudspeaker
 * gateways, a case service and a geofence engine on a manual clock. Shared by the shop-front and sewage examples and
 * their tests; a sample, all names and numbers made up.
 */
final class ShopStreet {
    static final CellId CELL = CellId.of("HY-1-A-2");
    static final OfficerId OFFICER = OfficerId.of("HYZF-1002");
    static final OfficerId SECOND = OfficerId.of("HYZF-0111");
    /** The fruit shop's door; the other shops are 8, 16 and 24 m east of it. */
    static final GeoPoint ORIGIN = GeoPoint.of(121.2550, 28.6350);
    static final LocalProjection METRES = LocalProjection.centredOn(ORIGIN);
    static final ManagedObject FRUIT = shop("hy-shop-0001", "黄岩区劳动北路 某水果店", 0);
    static final ManagedObject NOODLES = shop("hy-shop-0002", "黄岩区劳动北路 某面馆", 8);
    static final ManagedObject HARDWARE = shop("hy-shop-0003", "黄岩区劳动北路 某五金店", 16);
    static final ManagedObject KIOSK = shop("hy-shop-0004", "黄岩区劳动北路 某便利店", 24);
    /** Registered operators (sample numbers); the kiosk has none on record. */
    static final List<ObjectOperator> OPERATORS = List.of(
            ObjectOperator.person(FRUIT.id(), "王某（水果店）", "13800001111"),
            ObjectOperator.person(NOODLES.id(), "李某（面馆）", "13800002222"),
            ObjectOperator.business(HARDWARE.id(), "某五金商行", "13800003333", "91350100M000100Y43"));

    final SettableClock clock;
    final CollectingSink sink = new CollectingSink();
    final SimulatedGateway sms = SimulatedGateway.builder().seed(7).latency(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .build();
    final Gateway loudspeakers;
    /** The register witness statements are checked against (empty until a test registers someone). */
    final WitnessRegistry witnesses = WitnessRegistry.inMemory();
    final InMemoryEnterpriseFiles files = InMemoryEnterpriseFiles.of(List.of(FRUIT, NOODLES, HARDWARE, KIOSK));
    final CaseService cases = CaseService.create(CaseLifecycle.builder().build(), CaseStore.inMemory());
    final GeofenceEngine engine;
    /** Every effect handed to the host, in order (tests hand them over again to check re-delivery). */
    final List<EnforcementEffect> delivered = new ArrayList<>();
    final ShopFrontHost host;

    ShopStreet(Instant start, List<Fence> fences) {
        this(start, fences, SimulatedGateway.builder().seed(8).build());
    }

    /** The street with the given camera-loudspeaker gateway (e.g. one that refuses every command). */
    ShopStreet(Instant start, List<Fence> fences, Gateway loudspeakers) {
        this.loudspeakers = loudspeakers;
        this.clock = SettableClock.at(start);
        this.engine = GeofenceEngine.builder(FenceRegistry.of(fences), OfficerDirectory.of(Map.of(CELL, OFFICER)))
                .effects(sink).store(EpisodeStore.inMemory()).clock(clock).allowedLateness(Duration.ofSeconds(5))
                .episodeIdKey(DemoSecrets.episodeIdKey()).build();
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock).random(new SplittableRandom(1))
                .gateway(Channel.SMS, sms).gateway(Channel.VOICE, loudspeakers).build();
        EffectNotifier notifier = EffectNotifier.builder(outbox, Recipients.builder().clock(clock).build())
                .sign("黄岩综合执法").placeNames((fenceId, at) -> "劳动北路").build();
        this.host = ShopFrontHost.builder().clock(clock).fences(fences).frontages(frontages())
                .operators(ObjectOperators.of(OPERATORS)).files(files).messaging(outbox, notifier)
                .cases(cases, OFFICER, SECOND).witnesses(witnesses)
                .operatorText(Violation.TRADING_BEYOND_SHOPFRONT, MessageTemplate.sms("operator-shopfront", "黄岩综合执法",
                        "{place}经营者：监控发现您店门外摆放经营，已语音提醒，请立即收回店内；30日内多次违反将依法立案（{caseNo}）。", 2))
                .operatorText(Violation.SEWAGE_DUMPING, MessageTemplate.sms("operator-sewage", "黄岩综合执法",
                        "{place}经营者：监控发现您店门前向雨水井倾倒污水，已语音提醒，请立即停止并清理（{caseNo}）。", 2))
                .build();
    }

    /** The index of the row: the noodle shop's pavement strip (where its kitchen drains are) is declared. */
    static Frontages frontages() {
        return Frontages.builder().addAll(List.of(FRUIT, NOODLES, HARDWARE, KIOSK))
                .frontage(NOODLES.id(), strip(4, 12, -6, 0)).build();
    }

    static ManagedObject shop(String id, String name, double eastMeters) {
        return new ManagedObject(id, name, ObjectCategory.STREET_SHOP, java.util.Optional.empty(), at(eastMeters, 0));
    }

    /** The point {@code east} metres east and {@code north} metres north of the fruit shop's door. */
    static GeoPoint at(double east, double north) {
        return METRES.unproject(east, north);
    }

    /** A lon/lat rectangle given in metres around the fruit shop's door. */
    static Polygon strip(double west, double east, double south, double north) {
        GeoPoint sw = at(west, south);
        GeoPoint ne = at(east, north);
        return Shapes.polygon(sw.lon(), sw.lat(), ne.lon(), sw.lat(), ne.lon(), ne.lat(), sw.lon(), ne.lat());
    }

    /**
     * Submits detections in the given order (the clock follows the newest), runs the engine to {@code until}, hands
     * effects to the host as they come and pumps the outbox every simulated second of event time it passes.
     */
    void feed(List<Detection> detections, Instant until) {
        for (Detection d : detections) {
            if (d.eventTime().isAfter(clock.instant())) {
                clock.set(d.eventTime());
            }
            engine.submit(d);
            engine.advanceTo(clock.instant());
            route();
        }
        runTo(until);
    }

    /** Advances the clock to {@code t} in 10 s steps, routing effects and pumping the outbox. */
    void runTo(Instant t) {
        while (clock.instant().isBefore(t)) {
            Instant next = clock.instant().plusSeconds(10);
            clock.set(next.isAfter(t) ? t : next);
            engine.advanceTo(clock.instant());
            route();
        }
    }

    private void route() {
        List<EnforcementEffect> fx = sink.takeEffects();
        delivered.addAll(fx);
        fx.forEach(host::effect);
        List<Receipt> receipts = new ArrayList<>(sms.takeReceipts(clock.instant()));
        if (loudspeakers instanceof SimulatedGateway simulated) {
            receipts.addAll(simulated.takeReceipts(clock.instant()));
        }
        host.pump(receipts);
        if (!sink.problems().isEmpty()) {
            throw new IllegalStateException("geofence problems: " + sink.takeProblems());
        }
    }
}
