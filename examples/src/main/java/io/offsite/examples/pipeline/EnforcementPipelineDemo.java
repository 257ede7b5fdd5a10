package io.offsite.examples.pipeline;

import io.offsite.core.cases.CaseAction;
import io.offsite.core.cases.CaseCommand;
import io.offsite.core.cases.CaseLifecycle;
import io.offsite.core.cases.PenaltyCase;
import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridGeoJson;
import io.offsite.core.grid.GridLocation;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.penalty.Assessment;
import io.offsite.core.penalty.Facts;
import io.offsite.core.penalty.PartyType;
import io.offsite.core.penalty.PenaltyCatalogue;
import io.offsite.evidence.BundleVerifier;
import io.offsite.evidence.CaseContext;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.CompletenessRules;
import io.offsite.evidence.DeviceReview;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.EvidencePlan;
import io.offsite.evidence.EvidenceRequest;
import io.offsite.evidence.InMemoryBlobStore;
import io.offsite.evidence.InMemorySigningKeys;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.evidence.SignedTreeHead;
import io.offsite.examples.ManualClock;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.Detection;
import io.offsite.geofence.EffectSink;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceKind;
import io.offsite.geofence.FenceRegistry;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.notify.Channel;
import io.offsite.notify.EffectNotifier;
import io.offsite.notify.EffectOutcome;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.OutboxStores;
import io.offsite.notify.Receipt;
import io.offsite.notify.Recipients;
import io.offsite.notify.SimulatedGateway;
import io.offsite.notify.spi.OfficerDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The whole off-site flow for one illegally parked car, with every module wired by this host class (the
 * modules never call each other): a dome camera's detections go through the geofence engine; its effects go
 * to the notify outbox (owner SMS, then the grid officer) and to the evidence module (stills + SMS record);
 * the completed evidence chain is sealed, exported and verified; the officer's parking notice opens a case
 * whose fine comes from the discretion table and whose next deadline comes from the holiday calendar.
 * Runs on a manual clock with a simulated camera and SMS gateway: no external services.
 */
public final class EnforcementPipelineDemo {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PLATE = "浙A12345";
    private static final CameraId CAMERA = CameraId.of("33010600001320000001");
    private static final Map<String, String> OWNER_PHONES = Map.of(PLATE, "13812345678");
    private static final Map<OfficerId, String> OFFICER_PHONES = Map.of(OfficerId.of("ZF-1001"), "13511112222");

    private EnforcementPipelineDemo() {
    }

    /** Runs the flow, printing each step to {@code out}. */
    public static void run(PrintStream out) {
        Instant start = Instant.parse("2026-12-05T01:00:00Z"); // 09:00 in Hangzhou today: the case's deadline reaches 2027
        ManualClock clock = new ManualClock(start);
        Grid grid = GridGeoJson.create().readGrid(new InputStreamReader(
                EnforcementPipelineDemo.class.getResourceAsStream("/sample/xihu-district.geojson"), StandardCharsets.UTF_8));

        // 1. A no-parking fence on 保俶路, owned by the street cell the grid resolves it to.
        GeometryFactory gf = new GeometryFactory();
        Polygon area = gf.createPolygon(new Coordinate[] {new Coordinate(120.1040, 30.2100),
            new Coordinate(120.1050, 30.2100), new Coordinate(120.1050, 30.2106), new Coordinate(120.1040, 30.2106),
            new Coordinate(120.1040, 30.2100)});
        GridLocation street = grid.locateOrThrow(GeoPoint.of(120.1045, 30.2103));
        Fence fence = Fence.builder("no-parking-baochu-rd", FenceKind.NO_PARKING, street.cell().id()).polygon(area).build();
        GeofenceEngine engine = GeofenceEngine.builder(FenceRegistry.of(List.of(fence)),
                        (cell, at) -> grid.responsibleOfficer(cell))
                .store(EpisodeStore.inMemory()).clock(clock).allowedLateness(Duration.ofSeconds(2)).build();
        out.println("fence " + fence.id() + " on " + street.cell().name() + ", officer " + street.responsibleOfficer());

        // 2. The outbox that sends the owner SMS and the officer SMS, over a simulated gateway.
        SimulatedGateway sms = SimulatedGateway.builder().seed(3).latency(Duration.ofSeconds(1), Duration.ofSeconds(4)).build();
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock).random(new SplittableRandom(1))
                .gateway(Channel.SMS, sms).build();
        Recipients recipients = Recipients.builder().clock(clock)
                .vehicleRegistry(plate -> Optional.ofNullable(OWNER_PHONES.get(plate)))
                .officerDirectory(new OfficerDirectory() {
                    @Override
                    public Optional<OfficerId> responsibleOfficer(CellId cell) {
                        return grid.responsibleOfficer(cell);
                    }

                    @Override
                    public Optional<String> officerPhone(OfficerId officer) {
                        return Optional.ofNullable(OFFICER_PHONES.get(officer));
                    }
                }).build();
        EffectNotifier notifier = EffectNotifier.builder(outbox, recipients).sign("杭州城管")
                .placeNames((fenceId, at) -> street.cell().name()).build();

        // 3. The host routes effects: messages to the outbox, evidence requests to the evidence module.
        List<EnforcementEffect> effects = new ArrayList<>();
        List<EvidencePlan> plans = new ArrayList<>();
        EffectSink router = EffectSink.of(e -> {
            effects.add(e);
            out.println(local(e.at()) + "  " + e.getClass().getSimpleName() + " " + e.idempotencyKey());
            if (e instanceof CaptureEvidence ce) {
                plans.add(EvidencePlan.from(ce));
            } else if (!(e instanceof EpisodeResolved)) {
                EffectOutcome o = notifier.handle(e);
                out.println("           outbox: " + o.kind() + " — " + o.detail());
            }
        }, problem -> out.println("           geofence problem: " + problem));

        // 4. The camera sees the car every second for 13 minutes; the outbox is pumped as time passes.
        for (int s = 0; s <= 13 * 60; s++) {
            clock.set(start.plusSeconds(s));
            engine.submit(Detection.builder(CAMERA, clock.instant()).plate(PLATE, 0.94)
                    .at(GeoPoint.of(120.10451, 30.21031)).snapshot("rec/" + s + ".jpg").build(), router);
            engine.advanceTo(clock.instant(), router);
            outbox.dispatchDue();
            for (Receipt r : sms.takeReceipts(clock.instant())) {
                outbox.onReceipt(r);
            }
        }
        RequestOwnerMove order = find(effects, RequestOwnerMove.class);
        DispatchOfficer dispatch = find(effects, DispatchOfficer.class);
        OutboxMessage ownerSms = outbox.find(order.idempotencyKey()).orElseThrow();
        out.println("owner SMS " + ownerSms.status() + ": sent " + local(ownerSms.sentAt().orElseThrow())
                + ", delivered " + local(ownerSms.deliveredAt().orElseThrow()) + " — " + ownerSms.message().text());

        // 5. Fulfil the evidence plan from the camera recording and the outbox record.
        String caseId = "XH-2026-000042";
        EvidenceChain chain = EvidenceChain.builder(caseId, "PARKING").blobStore(InMemoryBlobStore.create())
                .signingKeys(InMemorySigningKeys.generate("xihu-enforcement-2026")).clock(clock).build();
        EvidencePlan plan = plans.get(0);
        for (EvidenceRequest req : plan.requests()) {
            if (req.kind() == ItemKind.STILL) {
                Instant at = req.at().orElseThrow();
                chain.add(ItemSpec.builder(ItemKind.STILL, "image/jpeg", at, req.source())
                        .location(GeoPoint.of(120.10451, 30.21031)).deviceReview(DeviceReview.REVIEWED)
                        .clockErrorPer24h(Duration.ofMillis(300)).stationary(true).plateLegible(true).subject(PLATE)
                        .build(), bytes("still of " + PLATE + " at " + at), "platform");
            } else if (req.kind() == ItemKind.SMS_RECORD) {
                chain.add(ItemSpec.builder(ItemKind.SMS_RECORD, "application/json", ownerSms.sentAt().orElseThrow(),
                        "sms-gateway").sms(ownerSms.sentAt().orElseThrow(), ownerSms.deliveredAt().orElseThrow())
                        .subject(PLATE).build(), bytes("{\"key\":\"" + ownerSms.key() + "\",\"text\":\""
                        + ownerSms.message().text() + "\"}"), "platform");
            }
        }
        out.println("evidence: " + chain.items().size() + " items, outstanding requests: "
                + plan.outstanding(chain.items(), Duration.ofSeconds(2)).size());
        CompletenessReport report = CompletenessRules.defaults().check(chain, CaseContext.builder("PARKING",
                clock.instant()).fence(area).moveWindow(Duration.ofMinutes(10)).windowEnd(order.moveBy()).build());
        out.println("completeness: " + (report.complete() ? "complete" : "INCOMPLETE") + " ("
                + report.findings().size() + " checks)");
        report.findings().stream().filter(f -> !report.complete()).forEach(f -> out.println("  " + f));
        SignedTreeHead head = chain.seal(dispatch.officerId().value());
        try {
            Path bundle = Files.createTempFile("offsite-" + caseId, ".zip");
            chain.exportBundle(bundle, dispatch.officerId().value());
            out.println("sealed log of " + head.treeSize() + " entries; exported bundle of " + Files.size(bundle)
                    + " bytes; independent verifier says " + (BundleVerifier.create().verify(bundle).ok() ? "OK" : "FAILED"));
            Files.delete(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        // 6. The officer issues the parking notice: a case is filed, assessed and shows its next deadline (in 2027,
        //    whose holiday notice is not published yet, so it is counted provisionally and flagged).
        CaseLifecycle lifecycle = CaseLifecycle.builder().build();
        OfficerId second = OfficerId.of("ZF-0111");
        PenaltyCase c = lifecycle.file(caseId, "PARKING", PartyType.PERSON, dispatch.at(),
                "still parked after the order-to-move SMS; parking notice issued", dispatch.officerId(), second);
        c = lifecycle.apply(c, CaseCommand.of("cmd-1", CaseAction.START_INVESTIGATION, dispatch.at().plusSeconds(60),
                "camera evidence frozen", dispatch.officerId(), second).withAttachments("evidence-root:" + head.rootHash()));
        LocalDate today = LocalDate.ofInstant(dispatch.at(), SHANGHAI);
        Assessment a = PenaltyCatalogue.shipped().explain("PARKING", Facts.builder().firstViolation(false)
                .repeatCount(1).build(), today);
        out.println("case " + c.caseId() + " " + c.state() + "; intended penalty " + a.decision().outcome() + " "
                + a.decision().fineFen() / 100 + " yuan (tier " + a.decision().tierId() + ")");
        out.println("next deadline: " + lifecycle.nextDeadline(c, today).orElseThrow());
    }

    private static <T extends EnforcementEffect> T find(List<EnforcementEffect> effects, Class<T> type) {
        return effects.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " was emitted"));
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String local(Instant t) {
        return t.atZone(SHANGHAI).toLocalTime().toString();
    }

    /** Runs the demo on standard output. */
    public static void main(String[] args) {
        run(System.out);
    }
}
