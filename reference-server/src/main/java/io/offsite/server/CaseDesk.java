package io.offsite.server;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.offsite.cases.CaseLifecycle;
import io.offsite.cases.CaseService;
import io.offsite.cases.PenaltyCase;
import io.offsite.cases.penalty.Assessment;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.Outcome;
import io.offsite.cases.penalty.PartyType;
import io.offsite.cases.penalty.PenaltyCatalogue;
import io.offsite.cases.spi.StoredCase;
import io.offsite.core.Masks;
import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.FileCase;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridCell;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.CaseContext;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.CompletenessRules;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.EvidencePlan;
import io.offsite.evidence.EvidenceRequest;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.evidence.RecordItems;
import io.offsite.evidence.spi.BlobStore;
import io.offsite.evidence.spi.SigningKeys;
import io.offsite.notify.OutboxMessage;
import io.offsite.store.jdbc.JdbcChainJournals;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an escalated episode into a case: {@code CaptureEvidence} opens the case's evidence chain (journalled in the
 * database, blobs on disk), pulls the stills the plan names through {@link CameraSnapshots}, adds the owner text's
 * SMS record from the outbox, checks the violation's completeness rules, and files the case in FILED with two
 * officers (the dispatched officer and the officer of the cell above), the intended penalty from the discretion
 * table and the next statutory deadline. Idempotent per episode: a replayed effect after a restart finds the chain
 * and the case already there and adds nothing.
 */
final class CaseDesk {
    static final ZoneId HUANGYAN = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(CaseDesk.class);
    private static final String PLATFORM = "offsite-server";
    private static final int MAX_WARNINGS = 10;

    private final Clock clock;
    private final JdbcChainJournals journals;
    private final BlobStore blobs;
    private final SigningKeys keys;
    private final CaseService cases;
    private final CaseLifecycle lifecycle;
    private final PenaltyCatalogue catalogue;
    private final CameraSnapshots cameras;
    private final Function<String, Optional<OutboxMessage>> outbox;
    private final Supplier<Grid> grid;
    private final Function<String, Optional<Geometry>> fenceArea;
    private final Consumer<ServerEvent> events;
    private final ShopFronts shops;
    private final LoadingCache<String, EvidenceChain> chains;
    private final FindingCases findings;
    private volatile RecorderFetches recorder;
    private final java.util.Map<String, RequestOwnerMove> orders = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, DispatchOfficer> dispatches = new java.util.concurrent.ConcurrentHashMap<>();

    CaseDesk(Clock clock, JdbcChainJournals journals, BlobStore blobs, SigningKeys keys, CaseService cases,
            CaseLifecycle lifecycle, PenaltyCatalogue catalogue, CameraSnapshots cameras,
            Function<String, Optional<OutboxMessage>> outbox, Supplier<Grid> grid,
            Function<String, Optional<Geometry>> fenceArea, Consumer<ServerEvent> events, ShopFronts shops) {
        this.clock = clock;
        this.journals = journals;
        this.blobs = blobs;
        this.keys = keys;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.catalogue = catalogue;
        this.cameras = cameras;
        this.outbox = outbox;
        this.grid = grid;
        this.fenceArea = fenceArea;
        this.events = events;
        this.shops = shops;
        this.chains = Caffeine.newBuilder().maximumSize(256).build(this::openChain);
        this.findings = new FindingCases(this, clock, cases, cameras, grid, events);
    }

    /** Truck and drone-patrol findings → cases. */
    FindingCases findings() {
        return findings;
    }

    /** The case number an episode's case gets: division code, year, 12 hex digits of the episode id's hash. */
    static String caseIdOf(String episodeId, Instant at) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(episodeId.getBytes(StandardCharsets.UTF_8));
            return "331003-" + LocalDate.ofInstant(at, HUANGYAN).getYear() + "-"
                    + HexFormat.of().formatHex(h, 0, 6).toUpperCase(java.util.Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void ordered(RequestOwnerMove r) {
        orders.put(r.episodeId(), r);
    }

    void dispatched(DispatchOfficer d) {
        dispatches.put(d.episodeId(), d);
    }

    /** The chain of a case that has one (opened by an escalation or an upload). */
    EvidenceChain chain(String caseId) {
        return chains.get(caseId);
    }

    boolean hasChain(String caseId) {
        return journals.caseIds().contains(caseId);
    }

    private EvidenceChain openChain(String caseId) {
        return openChain(caseId, cases.find(caseId).map(c -> c.penaltyCase().violation()).orElse(Violation.PARKING));
    }

    /** The chain of a case about to be filed for {@code v} (before the case exists, its violation comes from here). */
    EvidenceChain chain(String caseId, Violation v) {
        return chains.get(caseId, id -> openChain(id, v));
    }

    private EvidenceChain openChain(String caseId, Violation v) {
        return EvidenceChain.builder(caseId, v).journal(journals.journal(caseId)).blobStore(blobs).signingKeys(keys)
                .clock(clock).build();
    }

    /** A vendor ladder's explicit {@code FileCase}: the case is filed at once, without the parking evidence plan. */
    void fileCase(FileCase f) {
        String caseId = caseIdOf(f.episodeId(), f.at());
        List<OfficerId> officers = officers(f.cellId(), Optional.empty());
        Optional<ShopFronts.Party> party = shops.partyOf(f.episodeId(), f.fenceId(), f.location(), f.at());
        if (party.isPresent() && party.get().operator().isPresent() && hasChain(caseId)) {
            operatorRecord(chain(caseId, f.violation()), party.get(), f.at());
        }
        file(caseId, f.violation(), f.at(), "episode " + f.episodeId() + " fence " + f.fenceId()
                + ": filed at once by the fence's ladder (repeat " + f.repeatCount() + ")" + against(party), officers,
                f.episodeId(), partyType(party));
        party.ifPresent(p -> shops.caseFiled(p, caseId, f.violation(), f.at()));
    }

    private static String against(Optional<ShopFronts.Party> party) {
        return party.map(p -> "; against the operator of " + p.shop().name() + p.operator()
                .map(o -> " (" + (o.isBusiness() ? "business " + o.unifiedSocialCreditCode().orElse("") : "person") + ")")
                .orElse(" (no registered operator: identify the party)")).orElse("");
    }

    private static PartyType partyType(Optional<ShopFronts.Party> party) {
        return party.flatMap(ShopFronts.Party::operator).filter(o -> o.isBusiness()).isPresent()
                ? PartyType.ORGANISATION : PartyType.PERSON;
    }

    /** The operator's business registration (营业执照) from the register: it identifies the party of a shop case. */
    private void operatorRecord(EvidenceChain chain, ShopFronts.Party p, Instant at) {
        if (chain.items().stream().anyMatch(i -> i.kind() == ItemKind.AGENCY_RECORD)) {
            return;
        }
        RecordItems.addBusinessRegistration(chain, p.shop().id(), p.shop().name(), p.operator().orElseThrow(), at,
                PLATFORM);
    }

    /** Collects the evidence an escalation names and files the case when the owner was told. */
    void capture(CaptureEvidence ce) {
        EvidencePlan plan = EvidencePlan.from(ce);
        if (!plan.offSiteCaseMayRestOnText()) {
            events.accept(new ServerEvent(ce.at(), "NoOffSiteCase", ce.episodeId(),
                    "owner was not told (" + ce.ownerNotice() + "): officer handles it on site, no off-site case"));
            return;
        }
        String caseId = caseIdOf(ce.episodeId(), ce.at());
        EvidenceChain chain = chain(caseId, ce.violation());
        RequestOwnerMove order = orders.get(ce.episodeId());
        DispatchOfficer dispatch = dispatches.get(ce.episodeId());
        Optional<ShopFronts.Party> party = shops.partyOf(ce.episodeId(), ce.fenceId(), null, ce.at());
        if (chain.items().isEmpty()) {
            collect(chain, plan, ce, order);
            voiceWarnings(chain, ce);
            if (party.isPresent() && party.get().operator().isPresent()) {
                operatorRecord(chain, party.get(), ce.at());
            }
        }
        Duration window = order == null ? Duration.ofMinutes(10) : order.moveWindow();
        CompletenessReport report = CompletenessRules.defaults().check(chain,
                context(ce.violation(), window, ce.at(), Optional.of(ce.episodeId()), Optional.of(ce.fenceId())));
        events.accept(new ServerEvent(clock.instant(), "EvidenceCollected", ce.episodeId(), caseId + ": "
                + chain.items().size() + " items, " + (report.complete() ? "complete" : report.gaps().size() + " gaps")));
        CellId cell = dispatch != null ? dispatch.cellId() : order != null ? order.cellId() : null;
        List<OfficerId> officers = officers(cell, Optional.ofNullable(dispatch).map(DispatchOfficer::officerId));
        file(caseId, ce.violation(), ce.at(), "episode " + ce.episodeId() + " fence " + ce.fenceId() + ": still parked " + window.toMinutes()
                + " min after the owner was told; evidence " + chain.items().size()
                + " items, " + (report.complete() ? "complete" : "incomplete: " + report.gaps().size() + " gaps")
                + against(party), officers, ce.episodeId(), partyType(party));
        party.ifPresent(p -> shops.caseFiled(p, caseId, ce.violation(), ce.at()));
    }

    private void collect(EvidenceChain chain, EvidencePlan plan, CaptureEvidence ce, RequestOwnerMove order) {
        GeoPoint where = order == null ? null : order.location();
        for (EvidenceRequest req : plan.requests()) {
            try {
                if (req.kind() == ItemKind.STILL && req.at().isPresent()) {
                    CameraSnapshots.Snapshot s = cameras.fetch(ce.cameraId(), req.at().get(), ce.subject());
                    chain.add(CameraItems.still(s.mediaType(), req.at().get(), ce.cameraId(), ce.subject(),
                            ce.plateLegibleRequired(), where), new ByteArrayInputStream(s.bytes()), PLATFORM);
                } else if (req.kind() == ItemKind.VIDEO_CLIP && req.at().isPresent()) {
                    Instant from = req.at().get();
                    Instant until = req.until().orElse(from.plusSeconds(30));
                    CameraSnapshots.Snapshot s = cameras.clip(ce.cameraId(), from, until, ce.subject());
                    chain.add(CameraItems.clip(s.mediaType(), from, ce.cameraId(), ce.subject()),
                            new ByteArrayInputStream(s.bytes()), PLATFORM);
                } else if (req.kind() == ItemKind.SMS_RECORD) {
                    Optional<OutboxMessage> text = outbox.apply(ce.episodeId() + "/request-owner-move");
                    if (text.isPresent() && text.get().sentAt().isPresent() && text.get().deliveredAt().isPresent()) {
                        OutboxMessage m = text.get();
                        RecordItems.addSmsRecord(chain, m.key(), Masks.phone(m.message().to()), m.sentAt().get(),
                                m.deliveredAt().get(), m.providerId().orElse(""), ce.subject(), PLATFORM);
                    }
                }
            } catch (RuntimeException e) {
                RecorderFetches recorder = this.recorder;
                boolean media = req.kind() == ItemKind.STILL || req.kind() == ItemKind.VIDEO_CLIP;
                if (recorder != null && media && req.at().isPresent()) {
                    // not pushed, not live: the recorder's playback, fetched outside the engine's lock
                    recorder.request(new RecorderFetches.Job(chain.caseId(), req.kind(), ce.cameraId(), req.at().get(),
                            req.until().orElse(req.kind() == ItemKind.STILL ? req.at().get()
                                    : req.at().get().plusSeconds(30)), ce.subject(), ce.plateLegibleRequired(),
                            where == null ? Double.NaN : where.lon(), where == null ? Double.NaN : where.lat()));
                    LOG.info("episode {}: evidence {} asked of the recorder ({})", ce.episodeId(), req.kind(),
                            Masks.exception(e).getMessage());
                } else {
                    // the item stays missing: completeness names the gap; the case is still filed for review
                    LOG.warn("episode {}: evidence {} not collected: {}", ce.episodeId(), req.kind(),
                            Masks.exception(e).getMessage());
                }
            }
        }
    }

    /** Hands the stills and clips the fast sources lack to the recorder's fetch queue (production; not the demo). */
    void deferTo(RecorderFetches recorder) {
        this.recorder = recorder;
    }

    /**
     * Adds an item the recorder delivered to its case's chain, unless an item of that kind from that camera at that
     * instant is already there (a request made again after a restart).
     */
    void addFetched(RecorderFetches.Job job, CameraSnapshots.Snapshot s) {
        if (CameraItems.addIfAbsent(chain(job.caseId()), job, s, PLATFORM)) {
            events.accept(new ServerEvent(clock.instant(), "EvidenceFetched", "", job.caseId() + ": " + job.kind()
                    + " of camera " + job.cameraId() + " at " + job.at() + " from its recorder"));
        }
    }

    /** The loudspeaker warnings the outbox played for an episode, as records of what was said and when. */
    private void voiceWarnings(EvidenceChain chain, CaptureEvidence ce) {
        for (int n = 1; n <= MAX_WARNINGS; n++) {
            Optional<OutboxMessage> w = outbox.apply(ce.episodeId() + "/voice-warning/" + n);
            if (w.isEmpty()) {
                return;
            }
            OutboxMessage m = w.get();
            Instant played = m.deliveredAt().or(m::sentAt).orElse(null);
            if (played != null) {
                RecordItems.addVoiceWarning(chain, m.key(), m.message().to(), played, Masks.inText(m.message().text()),
                        ce.subject(), PLATFORM);
            }
        }
    }

    int warningsQueued(String episodeId) {
        int n = 0;
        while (n < MAX_WARNINGS && outbox.apply(episodeId + "/voice-warning/" + (n + 1)).isPresent()) {
            n++;
        }
        return n;
    }

    /** The dispatched officer (or the cell's) and the nearest different officer above: filing needs two. */
    List<OfficerId> officers(CellId cell, Optional<OfficerId> dispatched) {
        Set<OfficerId> who = new LinkedHashSet<>();
        dispatched.ifPresent(who::add);
        Grid g = grid.get();
        Optional<GridCell> c = cell == null ? Optional.empty() : g.cell(cell);
        while (c.isPresent() && who.size() < 2) {
            who.add(c.get().responsibleOfficer());
            c = c.get().parent().flatMap(g::cell);
        }
        return new ArrayList<>(who);
    }

    void file(String caseId, Violation violation, Instant at, String reason, List<OfficerId> officers,
            String episodeId, PartyType party) {
        if (cases.find(caseId).isPresent()) {
            return; // replayed after a restart: filed already
        }
        if (officers.size() < 2) {
            events.accept(new ServerEvent(at, "CaseNotFiled", episodeId, caseId
                    + ": the grid names fewer than two officers for this place; route it to the duty desk"));
            return;
        }
        Optional<Assessment> a = intendedIfKnown(violation, party, at);
        String penalty = a.map(x -> x.decision().outcome() + (x.decision().outcome() == Outcome.FINE ? " "
                + x.decision().fineFen() / 100 + " yuan" : "") + " (tier " + x.decision().tierId() + ")")
                .orElse("to be assessed (the table needs facts the investigation finds)");
        StoredCase c = cases.file(caseId, violation, party, at, reason + "; intended penalty " + penalty,
                officers.toArray(OfficerId[]::new));
        String next = lifecycle.nextDeadline(c.penaltyCase(), LocalDate.ofInstant(at, HUANGYAN))
                .map(d -> d.what() + " by " + d.date()).orElse("none");
        events.accept(new ServerEvent(at, "CaseFiled", episodeId, caseId + " FILED by " + officers + "; intended "
                + a.map(x -> describeIntended(x.decision())).orElse("penalty to be assessed") + "; next deadline: "
                + next));
    }

    /** How a filing's intended decision reads: "20 yuan", "warning (no fine)" or "no penalty" — never "0 yuan". */
    static String describeIntended(Decision d) {
        return switch (d.outcome()) {
            case FINE -> d.fineFen() / 100 + " yuan";
            case WARNING -> "warning (no fine)";
            case NO_PENALTY -> "no penalty";
        };
    }

    /** The case's evidence checked against its violation's completeness rules, as the API shows it. */
    Completeness completeness(PenaltyCase c) {
        if (!hasChain(c.caseId())) {
            return new Completeness(false, List.of(new Completeness.Check("evidence", "MISSING",
                    "no evidence chain for this case yet")));
        }
        Instant windowEnd = c.timeline().get(0).at();
        CompletenessReport r = CompletenessRules.defaults().check(chain(c.caseId()),
                context(c.violation(), Duration.ofMinutes(10), windowEnd, FilingReason.episodeOf(c), FilingReason.fenceOf(c)));
        return new Completeness(r.complete(), r.findings().stream().map(f -> new Completeness.Check(f.ruleId(),
                f.status().name(), f.reason())).toList());
    }

    /** What the completeness rules check a case against: its window, the warnings played, the fence. */
    private CaseContext context(Violation violation, Duration window, Instant windowEnd, Optional<String> episodeId,
            Optional<String> fenceId) {
        CaseContext.Builder ctx = CaseContext.builder(violation, clock.instant()).moveWindow(window).windowEnd(windowEnd)
                .zone(HUANGYAN);
        episodeId.map(this::warningsQueued).filter(n -> n > 0).ifPresent(ctx::warningsRequired);
        fenceId.flatMap(fenceArea).ifPresent(ctx::fence);
        return ctx.build();
    }

    /**
     * The intended penalty when the table can decide it from what a filing knows; empty when it needs facts only the
     * investigation finds (an illegal building's construction cost, a structure's area).
     */
    Optional<Assessment> intendedIfKnown(Violation violation, PartyType party, Instant at) {
        try {
            return Optional.of(intended(violation, party, at));
        } catch (io.offsite.cases.penalty.PenaltyException e) {
            return Optional.empty();
        }
    }

    /** The penalty the table gives a first offence by a person on that day (what a case starts from). */
    Assessment intended(Violation violation, PartyType party, Instant at) {
        return catalogue.explain(violation, Facts.builder().party(party).build(),
                LocalDate.ofInstant(at, HUANGYAN));
    }
}
