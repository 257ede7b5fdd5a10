package io.offsite.server;

import io.offsite.cases.CaseService;
import io.offsite.cases.penalty.PartyType;
import io.offsite.core.Masks;
import io.offsite.core.effect.FileCase;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.Grid;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.CaseContext;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.CompletenessRules;
import io.offsite.evidence.DeviceReview;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.geofence.truck.TruckFinding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Findings that are not geofence episodes become cases through the {@link CaseDesk}: a construction-waste truck's
 * finding (GPS track + site-gate still) and a drone patrol's illegal-building finding (the footprint comparison).
 * Idempotent per finding: a replayed finding finds its chain and case already there.
 */
final class FindingCases {
    private static final Logger LOG = LoggerFactory.getLogger(FindingCases.class);
    private static final String PLATFORM = "offsite-server";

    private final CaseDesk desk;
    private final Clock clock;
    private final CaseService cases;
    private final CameraSnapshots cameras;
    private final Supplier<Grid> grid;
    private final Consumer<ServerEvent> events;

    FindingCases(CaseDesk desk, Clock clock, CaseService cases, CameraSnapshots cameras, Supplier<Grid> grid,
            Consumer<ServerEvent> events) {
        this.desk = desk;
        this.clock = clock;
        this.cases = cases;
        this.cameras = cameras;
        this.grid = grid;
        this.events = events;
    }

    /**
     * A construction-waste truck finding becomes a case: its hashed GPS track and the site-gate camera's still that
     * ties the truck to a site ({@code gate}: the finding's own gate camera, or the truck's last passage through a
     * site gate) as evidence, filed in FILED with two officers of the cell where it happened, against the permit's
     * holder ({@link #partyOf}). Without a gate still the case is filed all the same and its completeness report names
     * the gap.
     *
     * @return the case id, empty when it could not be filed (outside the grid, too few officers)
     */
    Optional<String> fileFinding(TruckFinding f, Optional<TruckWatch.GatePassage> gate) {
        Optional<CellId> cell = grid.get().locate(f.location()).map(l -> l.cell().id());
        if (cell.isEmpty()) {
            events.accept(new ServerEvent(f.decidedAt(), "CaseNotFiled", f.findingId(), "finding outside the grid"));
            return Optional.empty();
        }
        FileCase fc = f.toFileCase(cell.get());
        String caseId = CaseDesk.caseIdOf(fc.episodeId(), fc.at());
        EvidenceChain chain = desk.chain(caseId, fc.violation());
        if (chain.items().isEmpty()) {
            if (!f.track().positions().isEmpty()) {
                chain.add(ItemSpec.builder(ItemKind.GPS_TRACK, "application/vnd.offsite.track", fc.at(),
                        "jt808:" + (f.truckId().isEmpty() ? "unknown" : f.truckId())).fact("source", "GPS")
                        .fact("sha256", f.track().sha256Hex()).subject(fc.subject()).build(),
                        new ByteArrayInputStream(f.track().canonicalBytes()), PLATFORM);
            }
            if (gate.isPresent()) {
                TruckWatch.GatePassage g = gate.get();
                try {
                    CameraSnapshots.Snapshot s = cameras.fetch(g.cameraId(), g.time(), fc.subject());
                    chain.add(ItemSpec.builder(ItemKind.STILL, s.mediaType(), g.time(), g.cameraId())
                            .deviceReview(DeviceReview.REVIEWED).clockErrorPer24h(Duration.ofMillis(500))
                            .fact("source", "SITE_CAMERA").fact("site", g.siteId()).subject(fc.subject()).build(),
                            new ByteArrayInputStream(s.bytes()), PLATFORM);
                } catch (RuntimeException e) {
                    LOG.warn("finding {}: gate still not collected: {}", f.findingId(), Masks.exception(e).getMessage());
                }
            }
        }
        CompletenessReport report = CompletenessRules.defaults().check(chain,
                CaseContext.builder(fc.violation(), clock.instant()).zone(CaseDesk.HUANGYAN).build());
        desk.file(caseId, fc.violation(), fc.at(), "episode " + fc.episodeId() + " fence " + fc.fenceId() + ": " + f.kind()
                + " by permit " + (f.permitNumber().isEmpty() ? "(none)" : f.permitNumber()) + "; evidence "
                + chain.items().size() + " items, " + (report.complete() ? "complete" : "incomplete: "
                + report.gaps().size() + " gaps") + against(f), desk.officers(cell.get(), Optional.empty()),
                fc.episodeId(), partyOf(f));
        return cases.find(caseId).map(c -> caseId);
    }

    /**
     * Who a truck finding's case is against: the holder of the transport permit it broke (建筑垃圾运输核准 is issued to a
     * haulage company, so an organisation); a truck without a permit has no holder on record, so the case starts
     * against a person until the investigation identifies the party.
     */
    static PartyType partyOf(TruckFinding f) {
        return f.permitNumber().isEmpty() ? PartyType.PERSON : PartyType.ORGANISATION;
    }

    private static String against(TruckFinding f) {
        return f.permitNumber().isEmpty() ? " (no permit holder on record: identify the party)"
                : "; against the holder of permit " + f.permitNumber() + " (a haulage company)";
    }

    /**
     * An illegal-building finding (违法建设) from a drone patrol becomes a case against the enterprise: the footprint
     * comparison (both polygons, the excess polygon and its area) as an inspection record; the drone images on two
     * dates and the planning record the completeness rules ask for are added with {@code POST /cases/{id}/evidence}.
     *
     * @return the case id, empty when it could not be filed (outside the grid, too few officers)
     */
    Optional<String> fileBuilding(String findingKey, io.offsite.core.patrol.IllegalBuildingFinding f, GeoPoint at,
            String comparisonJson) {
        Optional<CellId> cell = grid.get().locate(at).map(l -> l.cell().id());
        if (cell.isEmpty()) {
            events.accept(new ServerEvent(f.observedAt(), "CaseNotFiled", findingKey, "building outside the grid"));
            return Optional.empty();
        }
        String caseId = CaseDesk.caseIdOf(findingKey, f.observedAt());
        EvidenceChain chain = desk.chain(caseId, Violation.ILLEGAL_BUILDING);
        if (chain.items().isEmpty()) {
            chain.add(ItemSpec.builder(ItemKind.INSPECTION_RECORD, "application/json", f.observedAt(), "drone-patrol")
                    .fact("excessSquareMeters", String.format(java.util.Locale.ROOT, "%.1f", f.excessSquareMeters()))
                    .subject(f.objectId()).location(at).build(),
                    new ByteArrayInputStream(comparisonJson.getBytes(StandardCharsets.UTF_8)), PLATFORM);
        }
        desk.file(caseId, Violation.ILLEGAL_BUILDING, f.observedAt(), "episode " + findingKey + " fence " + f.objectId()
                + ": " + f.description(), desk.officers(cell.get(), Optional.empty()), findingKey, PartyType.ORGANISATION);
        return cases.find(caseId).map(c -> caseId);
    }
}
