package io.offsite.examples.trucks;

import io.offsite.cases.CaseAction;
import io.offsite.cases.CaseCommand;
import io.offsite.cases.CaseService;
import io.offsite.cases.penalty.Assessment;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.Explanation;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.HarmLevel;
import io.offsite.cases.penalty.PartyType;
import io.offsite.cases.penalty.PenaltyCatalogue;
import io.offsite.cases.spi.StoredCase;
import io.offsite.core.Masks;
import io.offsite.core.effect.FileCase;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.evidence.CaseContext;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.CompletenessRules;
import io.offsite.evidence.DeviceReview;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.InMemoryBlobStore;
import io.offsite.evidence.InMemorySigningKeys;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.evidence.SignedTreeHead;
import io.offsite.geofence.Plates;
import io.offsite.geofence.truck.DisposalSite;
import io.offsite.geofence.truck.TruckFinding;
import io.offsite.geofence.truck.TruckPermit;
import io.offsite.geofence.truck.TruckPosition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The host side of a construction-waste truck finding (渣土车违规), wiring the libraries without a server: the truck
 * monitor's {@link TruckFinding} opens an evidence chain holding its hashed GPS track ({@link ItemKind#GPS_TRACK}).
 * The CONSTRUCTION_WASTE completeness rules also want a site-gate camera image tying the truck to its construction
 * site, so the case is held until the gate camera's still of the truck leaving one of its permit's loading sites
 * (出土工地) before the trip is collected; then the chain is sealed, the case filed against the permit holder (an
 * organisation) in the case service and the penalty assessed against the construction-waste table. A finding whose
 * evidence stays incomplete is never filed. Every step goes on the {@link #timeline()}; a finding handed in again
 * changes nothing.
 */
public final class TruckCaseHost {
    /** How long before the deviation a passage out of a loading site still counts as the start of the same trip. */
    static final Duration SAME_TRIP = Duration.ofHours(2);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PLATFORM = "platform";
    private final Clock clock;
    private final CaseService cases;
    private final PenaltyCatalogue penalties = PenaltyCatalogue.shipped();
    private final Map<String, TruckPermit> permits = new HashMap<>();
    private final List<OfficerId> officers;
    private final List<Passage> passages = new ArrayList<>();
    private final Map<String, Episode> episodes = new LinkedHashMap<>();
    private final List<TruckStep> timeline = new ArrayList<>();
    private int serial;

    /**
     * @param clock   the host's clock (review, sealing and filing times)
     * @param cases   where cases are filed
     * @param permits the transport permits (建筑垃圾运输核准) whose loading sites a gate still must come from
     * @param first   the first of the two officers who act on every case
     * @param second  the second officer
     */
    public TruckCaseHost(Clock clock, CaseService cases, Collection<TruckPermit> permits, OfficerId first,
            OfficerId second) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cases = Objects.requireNonNull(cases, "cases");
        for (TruckPermit p : Objects.requireNonNull(permits, "permits")) {
            this.permits.put(p.truckId(), p);
        }
        this.officers = List.of(Objects.requireNonNull(first, "first"), Objects.requireNonNull(second, "second"));
    }

    /** A truck seen passing a site gate; the still is fetched only when a finding needs it. */
    private record Passage(String siteId, String cameraId, GeoPoint gate, Instant at, String plate) {
    }

    /** What the host keeps per finding: its case number, the finding, its chain and whether it is filed. */
    private static final class Episode {
        final String caseId;
        final TruckFinding finding;
        final FileCase fileCase;
        final EvidenceChain chain;
        boolean filed;

        Episode(String caseId, TruckFinding finding, FileCase fileCase, EvidenceChain chain) {
            this.caseId = caseId;
            this.finding = finding;
            this.fileCase = fileCase;
            this.chain = chain;
        }
    }

    /**
     * Notes that a site-gate camera (工地出入口摄像头) saw {@code plate} pass the gate of site {@code siteId}. The camera
     * keeps the still; the host collects it only when a finding of that truck needs it.
     *
     * @param gate where the camera looks (the still's location)
     */
    public void gatePassage(String siteId, String cameraId, GeoPoint gate, Instant at, String plate) {
        Passage p = new Passage(Objects.requireNonNull(siteId, "siteId"), Objects.requireNonNull(cameraId, "cameraId"),
                Objects.requireNonNull(gate, "gate"), Objects.requireNonNull(at, "at"),
                Plates.normalize(Objects.requireNonNull(plate, "plate")));
        passages.add(p);
        log(at, TruckStep.Kind.GATE_PASSAGE, "camera " + cameraId + " at the gate of site " + siteId + ": "
                + Masks.plate(p.plate()) + " drives out");
    }

    /**
     * Opens the finding's evidence chain with its GPS track — bytes {@link io.offsite.geofence.truck.TrackExtract#canonicalBytes()},
     * fact {@code sha256} = {@link io.offsite.geofence.truck.TrackExtract#sha256Hex()}, fact {@code source} = GPS —
     * and checks completeness. The case ({@link TruckFinding#toFileCase}) is held until the evidence is complete. A
     * finding already handled is only checked again.
     *
     * @param cell the grid cell (网格) responsible for the finding's location
     * @return the completeness report
     */
    public CompletenessReport finding(TruckFinding f, CellId cell) {
        Objects.requireNonNull(f, "f");
        Episode seen = episodes.get(f.findingId());
        if (seen != null) {
            return report(seen);
        }
        FileCase fc = f.toFileCase(Objects.requireNonNull(cell, "cell"));
        String caseId = String.format("331003-%d-%06d", LocalDate.ofInstant(fc.at(), SHANGHAI).getYear(),
                800 + ++serial);
        EvidenceChain chain = EvidenceChain.builder(caseId, fc.violation()).blobStore(InMemoryBlobStore.create())
                .signingKeys(InMemorySigningKeys.generate("huangyan-enforcement-2026")).clock(clock).build();
        Episode ep = new Episode(caseId, f, fc, chain);
        episodes.put(f.findingId(), ep);
        List<TruckPosition> track = f.track().positions();
        if (!track.isEmpty()) {
            Instant end = track.get(track.size() - 1).time();
            chain.add(ItemSpec.builder(ItemKind.GPS_TRACK, "application/vnd.offsite.track", end, "jt808:" + f.truckId())
                    .location(f.location()).fact(ItemSpec.SOURCE, "GPS").fact("sha256", f.track().sha256Hex())
                    .subject(f.subject()).build(), new ByteArrayInputStream(f.track().canonicalBytes()), PLATFORM);
        }
        log(clock.instant(), TruckStep.Kind.EVIDENCE_OPENED, caseId + ": " + f.kind() + " " + Masks.plate(f.plate())
                + ", GPS track of " + track.size() + " positions from terminal " + f.truckId() + " (sha256 "
                + f.track().sha256Hex().substring(0, 12) + "…); case held until the evidence is complete");
        return check(ep);
    }

    /**
     * Collects the site-gate camera's still of the finding's truck leaving one of its permit's loading sites within
     * {@link #SAME_TRIP} before the finding began (the latest such passage), adds it as a {@link ItemKind#STILL} with
     * fact {@code source} = {@code SITE_CAMERA} and checks completeness; once complete the chain is sealed, the case
     * filed and the penalty assessed. Without such a passage the gap stays and nothing is filed.
     *
     * @return the completeness report after the attempt
     */
    public CompletenessReport collectGateStill(String findingId) {
        Episode ep = episodes.get(Objects.requireNonNull(findingId, "findingId"));
        if (ep == null) {
            throw new IllegalArgumentException("no evidence chain for finding " + findingId);
        }
        if (ep.filed) {
            throw new IllegalStateException("case " + ep.caseId + " is already filed; its evidence is sealed");
        }
        TruckFinding f = ep.finding;
        Instant now = clock.instant();
        List<String> loading = Optional.ofNullable(permits.get(f.truckId())).map(TruckPermit::sites).orElse(List.of())
                .stream().filter(s -> s.role() == DisposalSite.Role.LOADING).map(DisposalSite::id).toList();
        Optional<Passage> out = passages.stream().filter(p -> p.plate().equals(f.plate()))
                .filter(p -> loading.contains(p.siteId())).filter(p -> !p.at().isAfter(f.start()))
                .filter(p -> !p.at().isBefore(f.start().minus(SAME_TRIP))).max(Comparator.comparing(Passage::at));
        if (out.isEmpty()) {
            log(now, TruckStep.Kind.GATE_STILL_MISSING, ep.caseId + ": no gate camera saw " + Masks.plate(f.plate())
                    + " leave a loading site " + loading + " of permit " + f.permitNumber() + " in the "
                    + SAME_TRIP.toHours() + " h before " + local(f.start()));
            return check(ep);
        }
        Passage p = out.get();
        ep.chain.add(ItemSpec.builder(ItemKind.STILL, "image/jpeg", p.at(), p.cameraId()).location(p.gate())
                .deviceReview(DeviceReview.REVIEWED).clockErrorPer24h(Duration.ofMillis(500))
                .fact(ItemSpec.SOURCE, "SITE_CAMERA").fact("siteId", p.siteId()).plateLegible(true)
                .subject(p.plate()).build(), bytes("gate still " + p.cameraId() + " " + p.plate() + " " + p.at()),
                PLATFORM);
        log(now, TruckStep.Kind.GATE_STILL_ADDED, ep.caseId + ": still of camera " + p.cameraId() + " shows "
                + Masks.plate(p.plate()) + " leaving loading site " + p.siteId() + " at " + local(p.at()));
        return check(ep);
    }

    /** The completeness report of an episode, without logging or filing. */
    private CompletenessReport report(Episode ep) {
        return CompletenessRules.defaults().check(ep.chain,
                CaseContext.builder(ep.chain.violation(), clock.instant()).zone(SHANGHAI).build());
    }

    /** Checks completeness; once complete (and not yet filed), seals the chain, files and assesses. */
    private CompletenessReport check(Episode ep) {
        Instant now = clock.instant();
        CompletenessReport r = report(ep);
        if (!r.complete()) {
            log(now, TruckStep.Kind.EVIDENCE_INCOMPLETE, ep.caseId + ": missing "
                    + r.gaps().stream().map(g -> g.ruleId()).toList() + "; not filed");
            return r;
        }
        if (ep.filed) {
            return r;
        }
        SignedTreeHead head = ep.chain.seal(officers.get(0).value());
        log(now, TruckStep.Kind.EVIDENCE_COMPLETE, ep.caseId + ": " + r.findings().size() + " checks met ("
                + ep.chain.items().size() + " items); sealed " + head.treeSize() + " log entries");
        file(ep, now, head);
        return r;
    }

    private void file(Episode ep, Instant at, SignedTreeHead head) {
        TruckFinding f = ep.finding;
        FileCase fc = ep.fileCase;
        OfficerId[] two = officers.toArray(new OfficerId[0]);
        StoredCase c = cases.file(ep.caseId, fc.violation(), PartyType.ORGANISATION, at, f.kind() + " since "
                + local(f.start()) + " at " + f.placeId() + ", truck " + Masks.plate(f.plate()) + " (episode "
                + fc.episodeId() + ", cell " + fc.cellId() + "); against the holder of permit " + f.permitNumber(), two);
        c = cases.apply(c, CaseCommand.of(ep.caseId + "/investigate", CaseAction.START_INVESTIGATION, at,
                "GPS track and gate still frozen", two).withAttachments("evidence-root:" + head.rootHash()));
        ep.filed = true;
        log(at, TruckStep.Kind.CASE_FILED, ep.caseId + ": " + c.penaltyCase().state() + ", party "
                + c.penaltyCase().party() + " (haulage company holding permit " + f.permitNumber() + ")");
        // facts from the case: an organisation; its first violation, minor harm (nothing was seen dumped), not corrected
        Facts facts = Facts.builder().party(c.penaltyCase().party()).firstViolation(true).harm(HarmLevel.MINOR).build();
        Assessment a = penalties.explain(fc.violation(), facts, LocalDate.ofInstant(f.start(), SHANGHAI));
        log(at, TruckStep.Kind.PENALTY_ASSESSED, ep.caseId + ": " + describe(a.decision()) + " — " + String.join("; ",
                a.explanation().steps().stream().filter(s -> s.kind() == Explanation.Kind.TIER)
                        .map(Explanation.Step::text).toList()));
    }

    /** The case number the host gave a finding, if the finding reached the host. */
    public Optional<String> caseIdOf(String findingId) {
        return Optional.ofNullable(episodes.get(findingId)).map(ep -> ep.caseId);
    }

    /** Whether the finding's evidence was complete and its case filed. */
    public boolean filed(String findingId) {
        return Optional.ofNullable(episodes.get(findingId)).map(ep -> ep.filed).orElse(false);
    }

    /** The finding's evidence chain (tests and the demo read its items). */
    Optional<EvidenceChain> chainOf(String findingId) {
        return Optional.ofNullable(episodes.get(findingId)).map(ep -> ep.chain);
    }

    /** The timeline so far, in the order it happened. */
    public List<TruckStep> timeline() {
        return List.copyOf(timeline);
    }

    static String describe(Decision d) {
        return d.outcome() + " " + d.fineFen() / 100 + " yuan (tier " + d.tierId() + ", table " + d.versionId() + ")";
    }

    static String local(Instant t) {
        return t.atZone(SHANGHAI).toLocalDateTime().toString().replace('T', ' ');
    }

    private void log(Instant at, TruckStep.Kind kind, String text) {
        timeline.add(new TruckStep(at, kind, text));
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
