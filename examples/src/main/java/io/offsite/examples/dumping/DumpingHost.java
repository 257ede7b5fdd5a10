package io.offsite.examples.dumping;

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
import io.offsite.cases.service.ServiceRecord;
import io.offsite.cases.service.ServiceRules;
import io.offsite.cases.spi.StoredCase;
import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.FileCase;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.service.DocumentKind;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.CaseContext;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.CompletenessRules;
import io.offsite.evidence.DeviceReview;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.EvidenceItem;
import io.offsite.evidence.EvidencePlan;
import io.offsite.evidence.EvidenceRequest;
import io.offsite.evidence.InMemoryBlobStore;
import io.offsite.evidence.InMemorySigningKeys;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.evidence.SignedTreeHead;
import io.offsite.evidence.WitnessId;
import io.offsite.evidence.WitnessRegistry;
import io.offsite.geofence.Detection;
import io.offsite.geofence.Intake;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The host side of garbage dumping (乱倒垃圾), wiring the libraries without a server: the geofence engine's
 * {@link CaptureEvidence} opens an evidence chain with the camera's clip and stills, its {@link FileCase} is held
 * until the completeness rules are met — video alone does not identify who dumped, so a property manager's
 * identification ({@link ItemKind#PROPERTY_SIDE_EVIDENCE}) or a registered witness's statement
 * ({@link ItemKind#WITNESS_STATEMENT}) must be added — and then the case is filed in the case service, assessed
 * against the household-waste penalty table and taken to a decision. Every step goes on the {@link #timeline()}.
 * Effects are handled once per idempotency key, so a re-delivered effect changes nothing.
 */
public final class DumpingHost {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Clock clock;
    private final CaseService cases;
    private final WitnessRegistry witnesses;
    private final List<OfficerId> officers;
    private final GeoPoint site;
    private final Set<String> handled = new HashSet<>();
    private final Map<String, Episode> episodes = new LinkedHashMap<>();
    private final List<DumpingStep> timeline = new ArrayList<>();
    private final Set<String> subjects = new HashSet<>();
    private int serial;
    private int ignored;

    /**
     * @param clock     the host's clock (review times, filing times)
     * @param cases     where cases are filed
     * @param witnesses the register statements are checked against
     * @param site      where the fence's camera looks (the items' location)
     * @param officers  the two officers who act on every case
     */
    public DumpingHost(Clock clock, CaseService cases, WitnessRegistry witnesses, GeoPoint site, OfficerId first,
            OfficerId second) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.witnesses = Objects.requireNonNull(witnesses, "witnesses");
        this.site = Objects.requireNonNull(site, "site");
        this.officers = List.of(Objects.requireNonNull(first, "first"), Objects.requireNonNull(second, "second"));
    }

    /** What the host keeps per engine episode: its case number, chain, the engine's filing decision. */
    private static final class Episode {
        final String caseId;
        EvidenceChain chain;
        FileCase fileCase;
        boolean filed;
        Decision intended;
        String partyRef = "";

        Episode(String caseId) {
            this.caseId = caseId;
        }
    }

    /**
     * Notes a detection the host handed to the engine and what the engine did with it: the first accepted sighting of
     * each subject goes on the timeline; duplicates and late detections are counted, not logged.
     */
    public void detection(Detection d, Intake intake) {
        if (intake != Intake.ACCEPTED) {
            ignored++;
            return;
        }
        String subject = d.subjectKey().orElse("?");
        if (subjects.add(subject)) {
            log(d.eventTime(), DumpingStep.Kind.DETECTED, d.objectClass() + " " + subject + " seen by camera "
                    + d.camera().raw());
        }
    }

    /** Detections the engine did not accept (duplicates, late, ...), as reported to {@link #detection}. */
    public int ignoredDetections() {
        return ignored;
    }

    /** Handles one engine effect; an effect already handled (same idempotency key) is ignored. */
    public void effect(EnforcementEffect e) {
        if (!handled.add(e.idempotencyKey())) {
            return;
        }
        if (e instanceof CaptureEvidence ce) {
            Episode ep = episode(ce.episodeId());
            ep.chain = open(ep.caseId, ce);
            log(ce.at(), DumpingStep.Kind.EVIDENCE_OPENED, ep.caseId + ": " + ep.chain.items().size()
                    + " items from camera " + ce.cameraId() + " (" + count(ep.chain, ItemKind.VIDEO_CLIP) + " video clip, "
                    + count(ep.chain, ItemKind.STILL) + " stills)");
        } else if (e instanceof FileCase fc) {
            Episode ep = episode(fc.episodeId());
            ep.fileCase = fc;
            log(fc.at(), DumpingStep.Kind.ENGINE_FILES_CASE, ep.caseId + ": " + fc.violation().name() + " at fence "
                    + fc.fenceId() + ", subject " + fc.subject() + "; filed at once, no warning step");
        } else {
            return;
        }
        Episode ep = episodes.get(e.episodeId());
        if (ep.chain != null && ep.fileCase != null) {
            check(ep, e.at());
        }
    }

    private Episode episode(String episodeId) {
        return episodes.computeIfAbsent(episodeId, id -> new Episode(String.format("331003-%d-%06d",
                LocalDate.ofInstant(clock.instant(), SHANGHAI).getYear(), 700 + ++serial)));
    }

    private EvidenceChain open(String caseId, CaptureEvidence ce) {
        EvidenceChain chain = EvidenceChain.builder(caseId, ce.violation()).blobStore(InMemoryBlobStore.create())
                .signingKeys(InMemorySigningKeys.generate("huangyan-enforcement-2026")).clock(clock).witnesses(witnesses)
                .build();
        for (EvidenceRequest r : EvidencePlan.from(ce).requests()) {
            Instant at = r.at().orElse(ce.at());
            boolean clip = r.kind() == ItemKind.VIDEO_CLIP;
            if (!clip && r.kind() != ItemKind.STILL) {
                continue;
            }
            ItemSpec spec = ItemSpec.builder(r.kind(), clip ? "video/mp4" : "image/jpeg", at, r.source()).location(site)
                    .deviceReview(DeviceReview.REVIEWED).clockErrorPer24h(Duration.ofMillis(300)).subject(ce.subject())
                    .build();
            chain.add(spec, bytes((clip ? "clip " : "still ") + ce.subject() + " " + at + r.until().map(u -> "–" + u)
                    .orElse("")), "platform");
        }
        return chain;
    }

    /**
     * Adds the property manager's side evidence (物业佐证) identifying the party of an episode's case, e.g. the
     * management office matching the person on the clip to a registered household.
     *
     * @param partyRef the party's pseudonymous id in the host's party register (never a name or phone here)
     * @return the completeness report after the addition
     */
    public CompletenessReport addPropertyIdentification(String episodeId, String company, String partyRef, Instant at) {
        Episode ep = requireOpen(episodeId);
        ep.chain.add(ItemSpec.builder(ItemKind.PROPERTY_SIDE_EVIDENCE, "application/pdf", at, company)
                .fact(ItemSpec.IDENTIFIES_PARTY, "true").fact(ItemSpec.SUBJECT, partyRef).build(),
                bytes(company + " identifies " + partyRef), company);
        ep.partyRef = partyRef;
        log(at, DumpingStep.Kind.IDENTIFICATION_ADDED, ep.caseId + ": property side evidence from " + company
                + " identifies party " + partyRef);
        return check(ep, at);
    }

    /**
     * Adds a registered witness's statement (证人证言) identifying the party, corroborating the clip.
     *
     * @throws io.offsite.evidence.EvidenceException when the witness is not registered
     */
    public CompletenessReport addWitnessStatement(String episodeId, WitnessId witness, String partyRef, Instant at) {
        Episode ep = requireOpen(episodeId);
        List<String> clips = ep.chain.items().stream().filter(i -> i.spec().kind() == ItemKind.VIDEO_CLIP)
                .map(EvidenceItem::id).toList();
        ep.chain.addWitnessStatement(witness, ItemSpec.builder(ItemKind.WITNESS_STATEMENT, "application/pdf", at,
                witness.value()).fact(ItemSpec.IDENTIFIES_PARTY, "true").fact(ItemSpec.SUBJECT, partyRef).build(),
                bytes("statement of " + witness.value() + " identifying " + partyRef), clips, officers.get(0).value());
        ep.partyRef = partyRef;
        log(at, DumpingStep.Kind.IDENTIFICATION_ADDED, ep.caseId + ": statement of registered witness "
                + witness.value() + " identifies party " + partyRef);
        return check(ep, at);
    }

    private Episode requireOpen(String episodeId) {
        Episode ep = episodes.get(Objects.requireNonNull(episodeId, "episodeId"));
        if (ep == null || ep.chain == null) {
            throw new IllegalArgumentException("no evidence chain for episode " + episodeId);
        }
        if (ep.filed) {
            throw new IllegalStateException("case " + ep.caseId + " is already filed; its evidence is sealed");
        }
        return ep;
    }

    /** Checks completeness; once complete (and the engine has decided to file), seals the chain and files. */
    private CompletenessReport check(Episode ep, Instant at) {
        CompletenessReport r = CompletenessRules.defaults().check(ep.chain,
                CaseContext.builder(ep.chain.violation(), clock.instant()).build());
        if (!r.complete()) {
            log(at, DumpingStep.Kind.EVIDENCE_INCOMPLETE, ep.caseId + ": missing " + r.gaps().stream()
                    .map(g -> g.ruleId()).toList());
            return r;
        }
        if (ep.fileCase == null || ep.filed) {
            return r;
        }
        SignedTreeHead head = ep.chain.seal(officers.get(0).value());
        log(at, DumpingStep.Kind.EVIDENCE_COMPLETE, ep.caseId + ": " + r.findings().size() + " checks met; sealed "
                + head.treeSize() + " log entries");
        file(ep, at, head);
        return r;
    }

    private void file(Episode ep, Instant at, SignedTreeHead head) {
        FileCase fc = ep.fileCase;
        OfficerId[] two = officers.toArray(new OfficerId[0]);
        StoredCase c = cases.file(ep.caseId, fc.violation(), PartyType.PERSON, at, "dumping filmed at fence "
                + fc.fenceId() + " (" + fc.subject() + "); party " + ep.partyRef + " identified", two);
        c = cases.apply(c, CaseCommand.of(ep.caseId + "/investigate", CaseAction.START_INVESTIGATION, at,
                "camera evidence frozen", two).withAttachments("evidence-root:" + head.rootHash()));
        ep.filed = true;
        log(at, DumpingStep.Kind.CASE_FILED, ep.caseId + ": " + c.penaltyCase().state() + ", party "
                + c.penaltyCase().party() + " " + ep.partyRef);
        // facts from the case: its party type; a first violation with minor harm, not corrected (the waste stayed)
        Facts facts = Facts.builder().party(c.penaltyCase().party()).firstViolation(true).harm(HarmLevel.MINOR).build();
        Assessment a = PenaltyCatalogue.shipped().explain(c.penaltyCase().violation(), facts,
                LocalDate.ofInstant(at, SHANGHAI));
        ep.intended = a.decision();
        log(at, DumpingStep.Kind.PENALTY_ASSESSED, ep.caseId + ": " + describe(a.decision()) + " — "
                + explain(a.explanation()));
    }

    /**
     * Serves the notice of intended penalty on the party in person, then decides once the statement and defence
     * period is over.
     *
     * @return the decided case
     */
    public StoredCase serveAndDecide(String episodeId, Instant servedAt, Instant decideAt) {
        Episode ep = episodes.get(episodeId);
        if (ep == null || !ep.filed) {
            throw new IllegalStateException("episode " + episodeId + " has no filed case");
        }
        OfficerId[] two = officers.toArray(new OfficerId[0]);
        StoredCase c = cases.find(ep.caseId).orElseThrow();
        ServiceRecord notice = ServiceRecord.open(ep.caseId + "/notice", DocumentKind.PENALTY_NOTICE, ep.partyRef,
                ServiceRules.defaults()).record(ServiceAttempt.of(ServiceMethod.DIRECT, servedAt,
                        ServiceAttempt.Outcome.SERVED, "东城街道 某小区", new ServiceProof(
                                ServiceProof.Kind.RECIPIENT_SIGNATURE, ep.caseId + "/receipt", "")));
        c = cases.apply(c, CaseCommand.of(ep.caseId + "/notice", CaseAction.SERVE_NOTICE, servedAt,
                "notice of intended penalty handed over", two).withDecision(ep.intended).withService(notice));
        log(servedAt, DumpingStep.Kind.NOTICE_SERVED, ep.caseId + ": intended " + describe(ep.intended));
        c = cases.apply(c, CaseCommand.of(ep.caseId + "/decide", CaseAction.DECIDE, decideAt,
                "no statement or defence received", two).withDecision(ep.intended));
        log(decideAt, DumpingStep.Kind.DECIDED, ep.caseId + ": " + c.penaltyCase().state() + ", "
                + describe(c.penaltyCase().decision().orElseThrow()));
        return c;
    }

    /** The case number the host gave an engine episode, if the episode reached the host. */
    public Optional<String> caseIdOf(String episodeId) {
        return Optional.ofNullable(episodes.get(episodeId)).map(ep -> ep.caseId);
    }

    /** The episodes the host has seen, in arrival order. */
    public List<String> episodes() {
        return List.copyOf(episodes.keySet());
    }

    /** The timeline so far, in the order it happened. */
    public List<DumpingStep> timeline() {
        return List.copyOf(timeline);
    }

    static String describe(Decision d) {
        return d.outcome() + " " + d.fineFen() / 100 + " yuan (tier " + d.tierId() + ", table " + d.versionId() + ")";
    }

    static String explain(Explanation x) {
        return String.join("; ", x.steps().stream().map(Explanation.Step::text).toList());
    }

    private static long count(EvidenceChain chain, ItemKind kind) {
        return chain.items().stream().filter(i -> i.spec().kind() == kind).count();
    }

    private void log(Instant at, DumpingStep.Kind kind, String text) {
        timeline.add(new DumpingStep(at, kind, text));
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
