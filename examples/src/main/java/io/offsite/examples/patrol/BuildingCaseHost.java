package io.offsite.examples.patrol;

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
import io.offsite.cases.penalty.PenaltyTable;
import io.offsite.cases.penalty.TableVersion;
import io.offsite.cases.spi.StoredCase;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.patrol.FootprintComparison;
import io.offsite.core.patrol.IllegalBuildingFinding;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.CaseContext;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.CompletenessRules;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.InMemoryBlobStore;
import io.offsite.evidence.InMemorySigningKeys;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.evidence.SignedTreeHead;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.io.WKTWriter;

/**
 * The host side of an illegal building (违法建设) found by a drone patrol, wiring the libraries without a server: the
 * footprint comparison's {@link IllegalBuildingFinding} opens an evidence chain whose first item is an inspection
 * record holding the comparison (permitted, observed and excess polygons as WKT, and their areas). The
 * ILLEGAL_BUILDING completeness rules also want drone images on two different dates, which date the construction, and
 * the planning authority's record that there is no permit for it; the case is held until they are in, then the chain
 * is sealed and the case filed against the enterprise (an organisation) in the case service. The illegal-building
 * table fines a percentage of the construction cost, which no image shows: the host then reports the assessment as
 * needing that fact rather than guessing it. Every step goes on the {@link #timeline()}.
 */
public final class BuildingCaseHost {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PLATFORM = "platform";
    private final Clock clock;
    private final CaseService cases;
    private final PenaltyCatalogue penalties = PenaltyCatalogue.shipped();
    private final List<OfficerId> officers;
    private final Map<String, Episode> episodes = new LinkedHashMap<>();
    private final List<BuildingStep> timeline = new ArrayList<>();
    private int serial;

    /**
     * @param clock  the host's clock (review, sealing and filing times)
     * @param cases  where cases are filed
     * @param first  the first of the two officers who act on every case
     * @param second the second officer
     */
    public BuildingCaseHost(Clock clock, CaseService cases, OfficerId first, OfficerId second) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.officers = List.of(Objects.requireNonNull(first, "first"), Objects.requireNonNull(second, "second"));
    }

    /** What the host keeps per finding: the finding, where the building stands, its chain, whether it is filed. */
    private static final class Episode {
        final IllegalBuildingFinding finding;
        final GeoPoint location;
        final EvidenceChain chain;
        boolean filed;
        Instant filedAt;

        Episode(IllegalBuildingFinding finding, GeoPoint location, EvidenceChain chain) {
            this.finding = finding;
            this.location = location;
            this.chain = chain;
        }
    }

    /**
     * Opens the evidence chain of a comparison's illegal-building finding with the comparison as an
     * {@link ItemKind#INSPECTION_RECORD} (JSON: the three polygons as WKT, their areas, threshold and tolerance) and
     * checks completeness; the case is held until it is complete.
     *
     * @param location where the building stands (the items' location)
     * @return the case number
     * @throws IllegalArgumentException when the comparison is within tolerance (no finding, no case)
     */
    public String open(FootprintComparison c, GeoPoint location) {
        Objects.requireNonNull(c, "c");
        Objects.requireNonNull(location, "location");
        IllegalBuildingFinding f = c.finding().orElseThrow(() -> new IllegalArgumentException("footprint of "
                + c.objectId() + " is within tolerance: no illegal-building finding, no case"));
        String caseId = String.format(Locale.ROOT, "331003-%d-%06d",
                LocalDate.ofInstant(f.observedAt(), SHANGHAI).getYear(), 900 + ++serial);
        EvidenceChain chain = EvidenceChain.builder(caseId, Violation.ILLEGAL_BUILDING)
                .blobStore(InMemoryBlobStore.create()).signingKeys(InMemorySigningKeys.generate("huangyan-enforcement-2026"))
                .clock(clock).build();
        Episode ep = new Episode(f, location, chain);
        episodes.put(caseId, ep);
        String excess = String.format(Locale.ROOT, "%.1f", c.excessSquareMeters());
        chain.add(ItemSpec.builder(ItemKind.INSPECTION_RECORD, "application/json", f.observedAt(), "footprint-check")
                .location(location).fact("excessSquareMeters", excess).subject(f.objectId()).build(),
                bytes(comparisonJson(c)), PLATFORM);
        log(clock.instant(), BuildingStep.Kind.EVIDENCE_OPENED, caseId + ": " + f.objectId() + " inspection record of"
                + " the footprint comparison (permitted, observed and excess polygons as WKT; excess " + excess
                + " m²); case held until the evidence is complete");
        check(caseId, ep);
        return caseId;
    }

    /**
     * Adds a drone image (无人机影像) of the building and checks completeness.
     *
     * @param takenAt when the image was taken (its date counts for "two different dates")
     * @param drone   the drone's id
     * @param shows   what the image shows, e.g. "north extension absent"
     * @return the completeness report after the addition
     */
    public CompletenessReport addDroneImage(String caseId, Instant takenAt, String drone, String shows) {
        Episode ep = requireOpen(caseId);
        ep.chain.add(ItemSpec.builder(ItemKind.DRONE_IMAGE, "image/jpeg", takenAt, drone).location(ep.location)
                .subject(ep.finding.objectId()).build(),
                bytes("drone image " + drone + " " + ep.finding.objectId() + " " + takenAt + ": " + shows), PLATFORM);
        log(clock.instant(), BuildingStep.Kind.DRONE_IMAGE_ADDED, caseId + ": " + drone + " image taken "
                + local(takenAt) + " — " + shows);
        return check(caseId, ep);
    }

    /**
     * Adds the planning authority's record (规划许可记录, {@code recordType} PLANNING) that there is no construction
     * planning permit (建设工程规划许可证) for the structure, and checks completeness; once complete, the case is filed.
     *
     * @param authority the planning authority
     * @param reference the authority's reference for its reply
     * @return the completeness report after the addition
     */
    public CompletenessReport addNoPermitRecord(String caseId, Instant at, String authority, String reference) {
        Episode ep = requireOpen(caseId);
        String record = "{\"objectId\":" + quote(ep.finding.objectId()) + ",\"authority\":" + quote(authority)
                + ",\"reference\":" + quote(reference) + ",\"recordType\":\"PLANNING\",\"permitForStructure\":false,"
                + "\"text\":\"no 建设工程规划许可证 on record for the structure outside the permitted footprint\"}";
        ep.chain.add(ItemSpec.builder(ItemKind.AGENCY_RECORD, "application/json", at, authority)
                .fact(ItemSpec.RECORD_TYPE, "PLANNING").fact("permitForStructure", "false")
                .subject(ep.finding.objectId()).build(), bytes(record), PLATFORM);
        log(clock.instant(), BuildingStep.Kind.PLANNING_RECORD_ADDED, caseId + ": " + authority + " (" + reference
                + ", " + local(at) + "): no planning permit for the extension");
        return check(caseId, ep);
    }

    private Episode requireOpen(String caseId) {
        Episode ep = episodes.get(Objects.requireNonNull(caseId, "caseId"));
        if (ep == null) {
            throw new IllegalArgumentException("no evidence chain for case " + caseId);
        }
        if (ep.filed) {
            throw new IllegalStateException("case " + caseId + " is already filed; its evidence is sealed");
        }
        return ep;
    }

    /** The completeness report of a case's chain as of now, without logging or filing. */
    public CompletenessReport report(String caseId) {
        Episode ep = episodes.get(Objects.requireNonNull(caseId, "caseId"));
        if (ep == null) {
            throw new IllegalArgumentException("no evidence chain for case " + caseId);
        }
        return CompletenessRules.defaults().check(ep.chain,
                CaseContext.builder(Violation.ILLEGAL_BUILDING, clock.instant()).zone(SHANGHAI).build());
    }

    /** Checks completeness; once complete (and not yet filed), seals the chain, files and assesses. */
    private CompletenessReport check(String caseId, Episode ep) {
        Instant now = clock.instant();
        CompletenessReport r = report(caseId);
        if (!r.complete()) {
            log(now, BuildingStep.Kind.EVIDENCE_INCOMPLETE, caseId + ": missing "
                    + r.gaps().stream().map(g -> g.ruleId()).toList() + "; not filed");
            return r;
        }
        if (ep.filed) {
            return r;
        }
        SignedTreeHead head = ep.chain.seal(officers.get(0).value());
        log(now, BuildingStep.Kind.EVIDENCE_COMPLETE, caseId + ": " + r.findings().size() + " checks met ("
                + ep.chain.items().size() + " items); sealed " + head.treeSize() + " log entries");
        file(caseId, ep, now, head);
        return r;
    }

    private void file(String caseId, Episode ep, Instant at, SignedTreeHead head) {
        IllegalBuildingFinding f = ep.finding;
        OfficerId[] two = officers.toArray(new OfficerId[0]);
        StoredCase c = cases.file(caseId, Violation.ILLEGAL_BUILDING, PartyType.ORGANISATION, at,
                "drone patrol: " + f.description() + "; against enterprise " + f.objectId(), two);
        c = cases.apply(c, CaseCommand.of(caseId + "/investigate", CaseAction.START_INVESTIGATION, at,
                "comparison, drone images and planning record frozen", two)
                .withAttachments("evidence-root:" + head.rootHash()));
        ep.filed = true;
        ep.filedAt = at;
        log(at, BuildingStep.Kind.CASE_FILED, caseId + ": " + c.penaltyCase().state() + ", party "
                + c.penaltyCase().party() + " (enterprise " + f.objectId() + ")");
        assess(caseId, c.penaltyCase().party(), f, at);
    }

    /**
     * Assesses with what the case knows: an organisation, its first violation, minor harm, the excess area. A table
     * that also needs the construction cost is reported as needing it.
     */
    private void assess(String caseId, PartyType party, IllegalBuildingFinding f, Instant at) {
        LocalDate day = LocalDate.ofInstant(f.observedAt(), SHANGHAI);
        Optional<PenaltyTable> table = penalties.table(Violation.ILLEGAL_BUILDING);
        Optional<TableVersion> version = table.flatMap(t -> t.versionOn(day));
        if (version.isEmpty()) {
            log(at, BuildingStep.Kind.PENALTY_NEEDS_FACTS, caseId + ": no illegal-building penalty table in force on "
                    + day + "; not assessed");
            return;
        }
        TableVersion v = version.get();
        Facts facts = Facts.builder().party(party).firstViolation(true).harm(HarmLevel.MINOR)
                .areaDm2(Math.round(f.excessSquareMeters() * 100)).build();
        if (v.requiresConstructionCost() && facts.constructionCostFen().isEmpty()) {
            log(at, BuildingStep.Kind.PENALTY_NEEDS_FACTS, caseId + ": table " + v.versionId() + " (" + v.basis()
                    + ") fines " + v.statutoryRanges().get(party) + "; needs constructionCostFen, which the images do"
                    + " not show — assess once the cost of the extension is appraised (工程造价)");
            return;
        }
        Assessment a = penalties.explain(Violation.ILLEGAL_BUILDING, facts, day);
        log(at, BuildingStep.Kind.PENALTY_ASSESSED, caseId + ": " + describe(a.decision()) + " — " + String.join("; ",
                a.explanation().steps().stream().filter(s -> s.kind() == Explanation.Kind.TIER)
                        .map(Explanation.Step::text).toList()));
    }

    /** The comparison as the inspection record's JSON: WKT polygons (lon/lat) and areas in square metres. */
    static String comparisonJson(FootprintComparison c) {
        WKTWriter wkt = new WKTWriter();
        return "{\"objectId\":" + quote(c.objectId()) + ",\"observedAt\":" + quote(c.observedAt().toString())
                + ",\"permittedWkt\":" + c.permitted().map(g -> quote(wkt.write(g))).orElse("null")
                + ",\"observedWkt\":" + quote(wkt.write(c.observed())) + ",\"excessWkt\":" + quote(wkt.write(c.excess()))
                + String.format(Locale.ROOT, ",\"permittedSquareMeters\":%.1f,\"observedSquareMeters\":%.1f,"
                        + "\"excessSquareMeters\":%.1f,\"thresholdSquareMeters\":%.1f,\"toleranceMeters\":%.2f}",
                        c.permittedSquareMeters(), c.observedSquareMeters(), c.excessSquareMeters(),
                        c.thresholdSquareMeters(), c.toleranceMeters());
    }

    /** Whether the case's evidence was complete and the case filed. */
    public boolean filed(String caseId) {
        return Optional.ofNullable(episodes.get(caseId)).map(ep -> ep.filed).orElse(false);
    }

    /** When the case was filed, if it was. */
    public Optional<Instant> filedAt(String caseId) {
        return Optional.ofNullable(episodes.get(caseId)).map(ep -> ep.filedAt);
    }

    /** The case's evidence chain (tests and the demo read its items). */
    Optional<EvidenceChain> chainOf(String caseId) {
        return Optional.ofNullable(episodes.get(caseId)).map(ep -> ep.chain);
    }

    /** The timeline so far, in the order it happened. */
    public List<BuildingStep> timeline() {
        return List.copyOf(timeline);
    }

    static String describe(Decision d) {
        return d.outcome() + " " + d.fineFen() / 100 + " yuan (tier " + d.tierId() + ", table " + d.versionId() + ")";
    }

    static String local(Instant t) {
        return t.atZone(SHANGHAI).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
    }

    private void log(Instant at, BuildingStep.Kind kind, String text) {
        timeline.add(new BuildingStep(at, kind, text));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
