package io.offsite.examples.pipeline;

import io.offsite.core.Masks;
import io.offsite.cases.CaseAction;
import io.offsite.cases.CaseCommand;
import io.offsite.cases.CaseLifecycle;
import io.offsite.cases.PenaltyCase;
import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.DispatchUnaddressed;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.MoveWindowStarted;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridGeoJson;
import io.offsite.core.grid.GridLocation;
import io.offsite.core.grid.OfficerId;
import io.offsite.cases.penalty.Assessment;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.PartyType;
import io.offsite.cases.penalty.PenaltyCatalogue;
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
import io.offsite.evidence.RecordItems;
import io.offsite.evidence.SignedTreeHead;
import io.offsite.examples.DemoSecrets;
import io.offsite.testkit.SettableClock;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.CollectingSink;
import io.offsite.geofence.Detection;
import io.offsite.geofence.EffectSink;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceKind;
import io.offsite.geofence.FenceRegistry;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.NoticeResult;
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
import io.offsite.notify.spi.Gateway;
import io.offsite.core.spi.OfficerDirectory;
import io.offsite.notify.spi.OutboxListener;
import io.offsite.notify.spi.SendResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The whole off-site flow for illegally parked cars, with every module wired by this host class (the modules
 * never call each other): a dome camera's detections go through the geofence engine; its effects go to the
 * notify outbox (owner SMS, then the grid officer) and to the evidence module (stills + SMS record); the outbox's
 * delivery receipts and dead letters go back to the engine ({@code ownerNotified}/{@code ownerUnreachable}),
 * because the owner's ten minutes run from when the owner is told. Car A's text is delivered, so the officer is
 * sent ten minutes after the delivery and the completed evidence chain is sealed, exported and verified; the
 * officer's parking notice opens a case whose fine comes from the discretion table and whose next deadline comes
 * from the holiday calendar. Car B's text is dead-lettered (the number is out of service), so the officer is sent
 * at once for on-site handling and the evidence plan says no off-site case may rest on the text. Runs on a manual
 * clock with a simulated camera and SMS gateway: no external services.
 */
public final class EnforcementPipelineDemo {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PLATE = "浙J12345";
    private static final String PLATE_B = "浙J67890";
    private static final String OUT_OF_SERVICE = "13900000000";
    private static final CameraId CAMERA = CameraId.of("33100300001321000001"); // sample GB/T 28181 id
    private static final Map<String, String> OWNER_PHONES = Map.of(PLATE, "13812345678", PLATE_B, OUT_OF_SERVICE);
    private static final Map<OfficerId, String> OFFICER_PHONES = Map.of(OfficerId.of("HYZF-1001"), "13511112222");

    private EnforcementPipelineDemo() {
    }

    /** Runs the flow, printing each step to {@code out}. */
    public static void run(PrintStream out) {
        Instant start = Instant.parse("2026-12-05T01:00:00Z"); // 09:00 in Huangyan today: the case's deadline reaches 2027
        SettableClock clock = SettableClock.at(start);
        Grid grid = GridGeoJson.create().readGrid(new InputStreamReader(
                EnforcementPipelineDemo.class.getResourceAsStream("/sample/huangyan-district.geojson"), StandardCharsets.UTF_8));

        // 1. A no-parking fence on 西城街, owned by the street cell the grid resolves it to; dispatches go to the
        //    cell's officer, or up the grid when nobody is on duty there.
        GeometryFactory gf = new GeometryFactory();
        Polygon area = gf.createPolygon(new Coordinate[] {new Coordinate(121.2440, 28.6300),
            new Coordinate(121.2450, 28.6300), new Coordinate(121.2450, 28.6306), new Coordinate(121.2440, 28.6306),
            new Coordinate(121.2440, 28.6300)});
        GridLocation street = grid.locateOrThrow(GeoPoint.of(121.2445, 28.6303));
        Fence fence = Fence.builder("no-parking-xicheng-st", FenceKind.NO_PARKING, street.cell().id()).polygon(area).build();
        // every effect goes to the engine's one sink; the host routes what collected after each call (step 3)
        CollectingSink decided = new CollectingSink();
        GeofenceEngine engine = GeofenceEngine.builder(FenceRegistry.of(List.of(fence)),
                        io.offsite.core.spi.OfficerDirectory.ofGrid(grid)).effects(decided)
                .store(EpisodeStore.inMemory()).clock(clock).allowedLateness(Duration.ofSeconds(2))
                .episodeIdKey(DemoSecrets.episodeIdKey()).build();
        out.println("fence " + fence.id() + " on " + street.cell().name() + ", officer " + street.responsibleOfficer());
        out.println("car A " + Masks.plate(PLATE) + " parks at 09:00 and stays; car B " + Masks.plate(PLATE_B)
                + " parks at 09:01 (its owner's number is out of service)");

        // 2. The outbox that sends the owner SMS and the officer SMS, over a simulated gateway that rejects the
        //    out-of-service number. Its listener reports delivery receipts and dead letters back to the engine.
        Map<String, String> episodeOfText = new HashMap<>(); // owner SMS key -> episode id
        OutboxListener toEngine = new OutboxListener() {
            @Override
            public void onDelivered(OutboxMessage m) {
                String episode = episodeOfText.get(m.key());
                if (episode != null) {
                    Instant at = m.deliveredAt().orElseThrow();
                    NoticeResult n = engine.ownerNotified(episode, at);
                    out.println(local(at) + "  owner SMS delivered -> engine: " + n.outcome());
                }
            }

            @Override
            public void onDeadLettered(OutboxMessage m) {
                String episode = episodeOfText.get(m.key());
                if (episode != null) {
                    Instant at = m.deadLetteredAt().orElseThrow();
                    String why = "SMS dead-lettered: " + m.deadLetterReason().orElseThrow();
                    NoticeResult n = engine.ownerUnreachable(episode, at, why);
                    out.println(local(at) + "  owner SMS dead-lettered (" + m.deadLetterReason().orElseThrow()
                            + ") -> engine: " + n.outcome());
                }
            }
        };
        SimulatedGateway sms = SimulatedGateway.builder().seed(3).latency(Duration.ofSeconds(1), Duration.ofSeconds(4)).build();
        Gateway gateway = req -> req.to().equals(OUT_OF_SERVICE) ? SendResult.rejected("number out of service (空号)")
                : sms.send(req);
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock).random(new SplittableRandom(1))
                .gateway(Channel.SMS, gateway).listener(toEngine).build();
        Recipients recipients = Recipients.builder().clock(clock)
                .vehicleRegistry(plate -> Optional.ofNullable(OWNER_PHONES.get(plate)))
                .officerDirectory(new OfficerDirectory() {
                    @Override
                    public Optional<OfficerId> responsibleFor(CellId cell, java.time.Instant at) {
                        return grid.responsibleOfficer(cell);
                    }

                    @Override
                    public Optional<String> phone(OfficerId officer) {
                        return Optional.ofNullable(OFFICER_PHONES.get(officer));
                    }
                }).build();
        EffectNotifier notifier = EffectNotifier.builder(outbox, recipients).sign("黄岩综合执法")
                .placeNames((fenceId, at) -> street.cell().name()).build();

        // 3. The host routes effects: messages to the outbox, evidence requests to the evidence module.
        List<EnforcementEffect> effects = new ArrayList<>();
        Map<String, EvidencePlan> plans = new HashMap<>();
        Map<String, String> carOf = new HashMap<>(); // episode id -> "car A" / "car B"
        EffectSink router = EffectSink.of(e -> {
            effects.add(e);
            if (e instanceof RequestOwnerMove r) {
                carOf.put(r.episodeId(), r.plate().equals(PLATE) ? "car A" : "car B");
                episodeOfText.put(r.idempotencyKey(), r.episodeId());
            }
            out.println(local(e.at()) + "  " + e.getClass().getSimpleName() + " " + carOf.get(e.episodeId())
                    + describe(e));
            if (e instanceof CaptureEvidence ce) {
                plans.put(ce.episodeId(), EvidencePlan.from(ce));
            } else if (e instanceof DispatchUnaddressed u) {
                out.println("           nobody on duty anywhere up the grid: route to the duty desk — " + u.reason());
            } else if (!(e instanceof EpisodeResolved) && !(e instanceof MoveWindowStarted)) {
                EffectOutcome o = notifier.handle(e);
                out.println("           outbox: " + o.kind() + " — " + o.detail());
            }
        }, problem -> out.println("           geofence problem: " + problem));

        // 4. The camera sees car A every second for 15 minutes and car B for 5; the outbox is pumped as time passes
        //    and its receipts go back to the engine.
        for (int s = 0; s <= 15 * 60; s++) {
            clock.set(start.plusSeconds(s));
            engine.submit(Detection.builder(CAMERA, clock.instant()).plate(PLATE, 0.94)
                    .at(GeoPoint.of(121.24451, 28.63031)).snapshot("rec/" + s + ".jpg").build());
            if (s >= 60 && s <= 6 * 60) {
                engine.submit(Detection.builder(CAMERA, clock.instant()).plate(PLATE_B, 0.92)
                        .at(GeoPoint.of(121.24421, 28.63011)).snapshot("rec/" + s + "b.jpg").build());
            }
            engine.advanceTo(clock.instant());
            route(decided, router);
            outbox.dispatchDue();
            for (Receipt r : sms.takeReceipts(clock.instant())) {
                outbox.onReceipt(r);
            }
            route(decided, router); // what the receipts caused (MoveWindowStarted, ...)
        }
        String episodeA = carOf.entrySet().stream().filter(x -> x.getValue().equals("car A")).findFirst().orElseThrow()
                .getKey();
        String episodeB = carOf.entrySet().stream().filter(x -> x.getValue().equals("car B")).findFirst().orElseThrow()
                .getKey();
        RequestOwnerMove order = find(effects, RequestOwnerMove.class, episodeA);
        MoveWindowStarted window = find(effects, MoveWindowStarted.class, episodeA);
        DispatchOfficer dispatch = find(effects, DispatchOfficer.class, episodeA);
        OutboxMessage ownerSms = outbox.find(order.idempotencyKey()).orElseThrow();
        out.println("car A: owner SMS " + ownerSms.status() + ": sent " + local(ownerSms.sentAt().orElseThrow())
                + ", delivered " + local(ownerSms.deliveredAt().orElseThrow()) + " — " + Masks.inText(ownerSms.message().text()));
        out.println("car A: window " + local(window.at()) + "–" + local(window.moveBy()) + "; officer sent "
                + local(dispatch.at()) + ", " + Duration.between(window.at(), dispatch.at()).toSeconds()
                + " s after the owner was told");
        EvidencePlan planB = plans.get(episodeB);
        out.println("car B: officer " + find(effects, DispatchOfficer.class, episodeB).officerId().value()
                + " handles it on site; evidence plan: " + (planB.offSiteCaseMayRestOnText()
                        ? "off-site case allowed" : "no off-site case may rest on the text (owner could not be told)"));

        // 5. Fulfil the evidence plan from the camera recording and the outbox record.
        String caseId = "331003-2026-000042"; // sample case number: division code-year-serial
        EvidencePlan plan = plans.get(episodeA);
        EvidenceChain chain = EvidenceChain.builder(caseId, plan.violation()).blobStore(InMemoryBlobStore.create())
                .signingKeys(InMemorySigningKeys.generate("huangyan-enforcement-2026")).clock(clock).build();
        for (EvidenceRequest req : plan.requests()) {
            if (req.kind() == ItemKind.STILL) {
                Instant at = req.at().orElseThrow();
                chain.add(ItemSpec.builder(ItemKind.STILL, "image/jpeg", at, req.source())
                        .location(GeoPoint.of(121.24451, 28.63031)).deviceReview(DeviceReview.REVIEWED)
                        .clockErrorPer24h(Duration.ofMillis(300)).stationary(true).plateLegible(true).subject(PLATE)
                        .build(), bytes("still of " + PLATE + " at " + at), "platform");
            } else if (req.kind() == ItemKind.SMS_RECORD) {
                RecordItems.addSmsRecord(chain, ownerSms.key(), Masks.phone(ownerSms.message().to()),
                        ownerSms.sentAt().orElseThrow(), ownerSms.deliveredAt().orElseThrow(),
                        ownerSms.providerId().orElse(""), PLATE, "platform");
            }
        }
        out.println("evidence: " + chain.items().size() + " items, outstanding requests: "
                + plan.outstanding(chain.items(), Duration.ofSeconds(2)).size());
        // the SMS must be delivered at least the full window before the dispatch capture
        CaseContext parking = CaseContext.builder(plan.violation(), clock.instant()).fence(area)
                .moveWindow(order.moveWindow()).windowEnd(dispatch.at()).build();
        CompletenessReport report = CompletenessRules.defaults().check(chain, parking);
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
        OfficerId second = OfficerId.of("HYZF-0111");
        PenaltyCase c = lifecycle.file(caseId, dispatch.violation(), PartyType.PERSON, dispatch.at(),
                "still parked after the order-to-move SMS; parking notice issued", dispatch.officerId(), second);
        c = lifecycle.apply(c, CaseCommand.of("cmd-1", CaseAction.START_INVESTIGATION, dispatch.at().plusSeconds(60),
                "camera evidence frozen", dispatch.officerId(), second).withAttachments("evidence-root:" + head.rootHash()));
        LocalDate today = LocalDate.ofInstant(dispatch.at(), SHANGHAI);
        Assessment a = PenaltyCatalogue.shipped().explain(c.violation(), Facts.builder().firstViolation(false)
                .repeatCount(1).build(), today);
        out.println("case " + c.caseId() + " " + c.state() + "; intended penalty " + a.decision().outcome() + " "
                + a.decision().fineFen() / 100 + " yuan (tier " + a.decision().tierId() + ")");
        out.println("next deadline: " + lifecycle.nextDeadline(c, today).orElseThrow());
    }

    private static <T extends EnforcementEffect> T find(List<EnforcementEffect> effects, Class<T> type,
            String episodeId) {
        return effects.stream().filter(type::isInstance).map(type::cast).filter(e -> e.episodeId().equals(episodeId))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " was emitted"));
    }

    /** The part of an effect worth a line in the demo. */
    private static String describe(EnforcementEffect e) {
        if (e instanceof RequestOwnerMove r) {
            return " (" + r.moveWindow().toMinutes() + " min from delivery; no receipt by " + local(r.deliverBy())
                    + " → officer)";
        }
        if (e instanceof MoveWindowStarted w) {
            return " (owner told " + local(w.at()) + ", move by " + local(w.moveBy()) + ")";
        }
        if (e instanceof DispatchOfficer d) {
            return " " + d.officerId().value() + ": " + d.reason();
        }
        if (e instanceof CaptureEvidence c) {
            return " " + c.stillsAt().size() + " stills, owner notice " + c.ownerNotice();
        }
        if (e instanceof EpisodeResolved r) {
            return " " + r.outcome() + ": " + r.detail();
        }
        return "";
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String local(Instant t) {
        return t.atZone(SHANGHAI).toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** Runs the demo on standard output. */
    public static void main(String[] args) {
        run(System.out);
    }

    /** Hands what the engine decided since the last call to the host's router (never from inside the sink). */
    private static void route(CollectingSink decided, EffectSink router) {
        decided.takeEffects().forEach(router::effect);
        decided.takeProblems().forEach(router::problem);
    }
}
