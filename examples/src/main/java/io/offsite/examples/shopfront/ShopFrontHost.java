package io.offsite.examples.shopfront;

import io.offsite.cases.CaseService;
import io.offsite.cases.penalty.Assessment;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.HarmLevel;
import io.offsite.cases.penalty.PartyType;
import io.offsite.cases.penalty.PenaltyCatalogue;
import io.offsite.cases.spi.StoredCase;
import io.offsite.core.Masks;
import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.FileCase;
import io.offsite.core.effect.VoiceWarning;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.core.objects.Frontages;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.ObjectOperator;
import io.offsite.core.objects.UnknownObjectException;
import io.offsite.core.spi.EnterpriseFiles;
import io.offsite.core.spi.ObjectOperators;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.Finding;
import io.offsite.evidence.SignedTreeHead;
import io.offsite.evidence.WitnessId;
import io.offsite.evidence.WitnessRegistry;
import io.offsite.examples.shopfront.ShopAttribution.Attribution;
import io.offsite.geofence.Fence;
import io.offsite.notify.Channel;
import io.offsite.notify.EffectNotifier;
import io.offsite.notify.EffectOutcome;
import io.offsite.notify.MessageTemplate;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.OutgoingMessage;
import io.offsite.notify.Placeholder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The host side of shop-front operation (店铺越门经营) and sewage (乱倒污水), wiring the libraries without a server.
 * Each engine effect is traced to the managed object in front of which it happened — the fence's
 * {@link Fence#frontOf()} when it names one, else {@link Frontages#locate} of the effect's location — and then:
 * a {@link VoiceWarning} is played through the camera (notify's {@link EffectNotifier}), lands in the object's file
 * ({@link EnterpriseFiles}, one finding per episode) and is texted to the object's registered operator
 * ({@link ObjectOperators}; the operator text's template lives here in the host, not in notify); a {@link FileCase}
 * becomes a case against that operator, with the assessed penalty and the case reference in the object's file. An
 * event traced to no object is recorded as unattributed, never a crash. Every effect is handled once per
 * idempotency key, so a re-delivered effect changes nothing.
 *
 * <p>A case is filed only with complete evidence. The episode's {@link CaptureEvidence} opens its evidence chain
 * (clip and stills); the host adds the operator's business registration from the register and the records of the
 * loudspeaker warnings the case rests on (this episode's, or — for a repeat filed at once — those of the earlier
 * warned episodes the engine counted), then asks the completeness rules. Sewage also needs someone to say who poured
 * it ({@link #addPropertyIdentification}, {@link #addWitnessStatement}); until the rules pass the case is held, its
 * gaps on the timeline ({@link ShopStep.Kind#EVIDENCE_INCOMPLETE}) and in {@link #completeness}.
 */
public final class ShopFrontHost {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Clock clock;
    private final ShopAttribution attribution;
    private final ObjectOperators operators;
    private final EnterpriseFiles files;
    private final Outbox outbox;
    private final EffectNotifier notifier;
    private final CaseService cases;
    private final OfficerId[] officers;
    private final Map<Violation, MessageTemplate> operatorTexts;
    private final Set<String> handled = new HashSet<>();
    private final Set<String> episodesOnFile = new HashSet<>();
    private final Optional<WitnessRegistry> witnesses;
    private final Map<String, ShopCaseFile> caseFiles = new LinkedHashMap<>(); // episode id -> its case file
    private final WarningLedger warnings = new WarningLedger();
    private final Map<String, String> operatorTextKeys = new LinkedHashMap<>(); // outbox key -> object id
    private final List<ShopStep> timeline = new ArrayList<>();
    private int serial;

    ShopFrontHost(ShopFrontHostBuilder b) {
        this.clock = b.clock;
        this.operators = b.operators;
        this.files = b.files;
        this.outbox = b.outbox;
        this.notifier = b.notifier;
        this.cases = b.cases;
        this.officers = b.officers;
        this.operatorTexts = Map.copyOf(b.operatorTexts);
        this.witnesses = Optional.ofNullable(b.witnesses);
        this.attribution = new ShopAttribution(b.fences, b.frontages);
    }

    /** Starts a host; every collaborator is required. */
    public static ShopFrontHostBuilder builder() {
        return new ShopFrontHostBuilder();
    }

    /** Handles one engine effect; an effect already handled (same idempotency key) is ignored. */
    public void effect(EnforcementEffect e) {
        Objects.requireNonNull(e, "effect");
        if (!handled.add(e.idempotencyKey())) {
            return;
        }
        if (e instanceof VoiceWarning v) {
            warning(v);
        } else if (e instanceof FileCase fc) {
            fileCase(fc);
        } else if (e instanceof CaptureEvidence ce) {
            ShopCaseFile file = caseFile(ce.episodeId(), ce.violation(), ce.at());
            if (file.location == null) {
                file.location = warnings.firstWarnedAt(ce.episodeId())
                        .or(() -> attribution.frontOf(ce.fenceId()).map(ManagedObject::location)).orElse(null);
            }
            file.capture(ce);
            log(ce, "", ShopStep.Kind.EVIDENCE_REQUESTED, file.caseId + ": " + ce.stillsAt().size() + " stills"
                    + (ce.videoClip() ? " and a video clip" : "") + " from camera " + ce.cameraId() + " in the chain");
            tryFile(file, ce.at());
        } else if (e instanceof EpisodeResolved r) {
            log(r, "", ShopStep.Kind.EPISODE_ENDED, r.outcome() + ": " + r.detail());
        }
    }

    private void warning(VoiceWarning v) {
        EffectOutcome played = notifier.handle(v);
        Optional<Attribution> to = attribution.attribute(v.fenceId(), v.location());
        String objectId = to.map(a -> a.object().id()).orElse("");
        log(v, objectId, ShopStep.Kind.WARNING_PLAYED, "warning " + v.warningNumber() + " via camera " + v.cameraId()
                + " (" + played.kind() + ")");
        if (to.isEmpty()) {
            unattributed(v, v.location(), v.violation());
            return;
        }
        ManagedObject shop = to.get().object();
        warnings.queued(v, shop.id());
        recordFinding(v, v.violation(), shop, to.get(), "loudspeaker warning " + v.warningNumber());
        Optional<ObjectOperator> operator = operators.operatorOf(shop.id());
        if (operator.isEmpty()) {
            log(v, shop.id(), ShopStep.Kind.NO_OPERATOR, shop.name() + " has no registered operator: nobody texted");
            return;
        }
        MessageTemplate t = operatorTexts.get(v.violation());
        if (t == null) {
            throw new IllegalStateException("no operator text for " + v.violation() + "; add one to the host builder");
        }
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.PLACE, shop.name());
        values.put(Placeholder.CASE_NO, v.episodeId());
        String key = v.idempotencyKey() + "/operator-sms";
        outbox.enqueue(new OutgoingMessage(key, Channel.SMS, operator.get().phone(), t.renderWith(values).text()));
        operatorTextKeys.put(key, shop.id());
        log(v, shop.id(), ShopStep.Kind.OPERATOR_SMS_QUEUED, "to " + operator.get().name() + " "
                + Masks.phone(operator.get().phone()));
    }

    private void fileCase(FileCase fc) {
        Optional<Attribution> to = attribution.attribute(fc.fenceId(), fc.location());
        if (to.isEmpty()) {
            unattributed(fc, fc.location(), fc.violation());
            return;
        }
        ManagedObject shop = to.get().object();
        recordFinding(fc, fc.violation(), shop, to.get(), "case decided after " + fc.repeatCount()
                + " earlier warned episodes");
        Optional<ObjectOperator> operator = operators.operatorOf(shop.id());
        if (operator.isEmpty()) {
            log(fc, shop.id(), ShopStep.Kind.NO_OPERATOR, "case due but " + shop.name() + " has no registered operator:"
                    + " an officer must identify the party before filing");
            return;
        }
        ShopCaseFile file = caseFile(fc.episodeId(), fc.violation(), fc.at());
        file.fileCase = fc;
        file.shop = shop;
        file.operator = operator.get();
        if (file.location == null) {
            file.location = fc.location();
        }
        tryFile(file, fc.at());
    }

    /** The case file of an episode, opened (with its case number) by the first effect that needs it. */
    private ShopCaseFile caseFile(String episodeId, Violation v, Instant at) {
        return caseFiles.computeIfAbsent(episodeId, id -> new ShopCaseFile(String.format("331003-%d-%06d",
                LocalDate.ofInstant(at, SHANGHAI).getYear(), 800 + ++serial), v, clock, witnesses));
    }

    /**
     * Files the case once the engine has decided to, the camera's evidence is in and the completeness rules pass;
     * otherwise logs what is missing (once per change) and waits for the next warning record or identification.
     */
    private void tryFile(ShopCaseFile file, Instant at) {
        if (file.filed || !file.captured || file.fileCase == null) {
            return;
        }
        FileCase fc = file.fileCase;
        file.operatorRecord(at);
        List<String> basis = warnings.basisOf(fc, file.shop.id());
        file.warningsRequired = basis.size();
        basis.stream().filter(k -> !k.isEmpty()).map(outbox::find).flatMap(Optional::stream)
                .forEach(file::warningRecord);
        CompletenessReport report = file.check();
        List<String> gaps = report.gaps().stream().map(Finding::ruleId).toList();
        if (!report.complete()) {
            if (file.gapsChanged(gaps)) {
                log(at, file.shop.id(), ShopStep.Kind.EVIDENCE_INCOMPLETE, file.caseId + ": held, missing " + gaps);
            }
            return;
        }
        SignedTreeHead head = file.chain.seal(officers[0].value());
        log(at, file.shop.id(), ShopStep.Kind.EVIDENCE_COMPLETE, file.caseId + ": " + report.findings().size()
                + " checks met; " + file.chain.items().size() + " items sealed, root " + head.rootHash());
        file(file, at);
    }

    private void file(ShopCaseFile file, Instant at) {
        FileCase fc = file.fileCase;
        ManagedObject shop = file.shop;
        ObjectOperator party = file.operator;
        PartyType type = party.isBusiness() ? PartyType.ORGANISATION : PartyType.PERSON;
        String caseId = file.caseId;
        StoredCase c = cases.file(caseId, fc.violation(), type, at, fc.violation().name() + " at " + shop.name()
                + " after " + fc.repeatCount() + " warned episodes in the window; party: operator " + party.name()
                + "; evidence root " + file.chain.heads().get(file.chain.heads().size() - 1).rootHash(), officers);
        file.filed = true;
        files.appendCase(shop.id(), new EnterpriseArchive.CaseRef(caseId, fc.violation(), at));
        log(at, shop.id(), ShopStep.Kind.CASE_FILED, caseId + " " + c.penaltyCase().state() + " against operator "
                + party.name() + " (" + type + ")");
        Facts facts = Facts.builder().party(type).firstViolation(fc.repeatCount() == 0).repeatCount(fc.repeatCount())
                .harm(HarmLevel.MINOR).build();
        Assessment a = PenaltyCatalogue.shipped().explain(fc.violation(), facts, LocalDate.ofInstant(at, SHANGHAI));
        log(at, shop.id(), ShopStep.Kind.PENALTY_ASSESSED, caseId + ": " + a.decision().outcome() + " "
                + a.decision().fineFen() / 100 + " yuan (tier " + a.decision().tierId() + ") — "
                + String.join("; ", a.explanation().steps().stream().map(st -> st.text()).toList()));
    }

    /** One finding per episode in the object's file (the first effect of the episode that reaches the host). */
    private void recordFinding(EnforcementEffect e, Violation v, ManagedObject shop, Attribution how, String what) {
        if (!episodesOnFile.add(e.episodeId())) {
            return;
        }
        String traced = how.how();
        files.appendFinding(shop.id(), new EnterpriseArchive.Finding(e.at(), v, what + ", episode " + e.episodeId()
                + " (" + traced + ")"));
        log(e, shop.id(), ShopStep.Kind.FINDING_FILED, shop.name() + ": " + v.name() + " (" + traced + ")");
    }

    private void unattributed(EnforcementEffect e, GeoPoint at, Violation v) {
        log(e, "", ShopStep.Kind.UNATTRIBUTED, v.name() + String.format(" at (%.6f, %.6f)", at.lon(), at.lat())
                + ": no managed object in front of which it"
                + " happened (none within " + attribution.maxDistanceMeters() + " m); nobody texted, no case");
    }

    /**
     * Sends what is due and applies the gateways' receipts up to now: delivered operator texts go on the timeline.
     *
     * @param receipts the gateways' receipts so far (the caller drains its simulated gateways)
     */
    public void pump(List<io.offsite.notify.Receipt> receipts) {
        outbox.dispatchDue();
        for (io.offsite.notify.Receipt r : receipts) {
            outbox.onReceipt(r);
        }
        for (Map.Entry<String, String> k : List.copyOf(operatorTextKeys.entrySet())) {
            Optional<OutboxMessage> m = outbox.find(k.getKey());
            if (m.isPresent() && m.get().deliveredAt().isPresent()) {
                operatorTextKeys.remove(k.getKey());
                timeline.add(new ShopStep(m.get().deliveredAt().get(), ShopStep.Kind.OPERATOR_SMS_DELIVERED,
                        k.getValue(), "to " + Masks.phone(m.get().message().to()) + ": " + m.get().message().text()));
            }
        }
        for (ShopCaseFile held : List.copyOf(caseFiles.values())) {
            tryFile(held, clock.instant()); // a warning played since may complete a held case
        }
    }

    /**
     * Adds the property manager's side evidence (物业佐证) identifying who did it — e.g. the street's shop-management
     * office matching the person on the clip to the shop's staff — to an episode's held case, and files it if the
     * evidence is then complete.
     *
     * @param partyRef the party's pseudonymous id in the host's party register (never a name or phone here)
     * @return the completeness report after the addition
     * @throws IllegalArgumentException when the episode has no case awaiting evidence
     */
    public CompletenessReport addPropertyIdentification(String episodeId, String company, String partyRef, Instant at) {
        ShopCaseFile file = held(episodeId);
        file.propertyIdentification(company, partyRef, at);
        log(at, file.shop.id(), ShopStep.Kind.IDENTIFICATION_ADDED, file.caseId + ": property side evidence from "
                + company + " identifies " + partyRef);
        tryFile(file, at);
        return file.check();
    }

    /**
     * Adds a registered witness's statement (证人证言) identifying who did it to an episode's held case, and files it
     * if the evidence is then complete.
     *
     * @throws IllegalArgumentException when the episode has no case awaiting evidence
     * @throws io.offsite.evidence.EvidenceException when the witness is not in the builder's register
     */
    public CompletenessReport addWitnessStatement(String episodeId, WitnessId witness, String partyRef, Instant at) {
        ShopCaseFile file = held(episodeId);
        file.witnessStatement(witness, partyRef, at, officers[0].value());
        log(at, file.shop.id(), ShopStep.Kind.IDENTIFICATION_ADDED, file.caseId + ": statement of registered witness "
                + witness.value() + " identifies " + partyRef);
        tryFile(file, at);
        return file.check();
    }

    private ShopCaseFile held(String episodeId) {
        ShopCaseFile file = caseFiles.get(Objects.requireNonNull(episodeId, "episodeId"));
        if (file == null || file.fileCase == null || file.shop == null || file.operator == null) {
            throw new IllegalArgumentException("episode " + episodeId + " has no case awaiting evidence (known: "
                    + awaitingEvidence() + ")");
        }
        if (file.filed) {
            throw new IllegalStateException("case " + file.caseId + " of episode " + episodeId
                    + " is already filed; its evidence is sealed");
        }
        return file;
    }

    /** The episodes whose case the engine decided to file but which wait for evidence, in arrival order. */
    public List<String> awaitingEvidence() {
        return caseFiles.entrySet().stream().filter(e -> !e.getValue().filed && e.getValue().fileCase != null
                && e.getValue().operator != null).map(Map.Entry::getKey).toList();
    }

    /** The completeness of an episode's evidence as of now, if the episode has a case file. */
    public Optional<CompletenessReport> completeness(String episodeId) {
        return Optional.ofNullable(caseFiles.get(episodeId)).map(ShopCaseFile::check);
    }

    /** An episode's evidence chain, if it has one (read it; the host adds to it). */
    public Optional<EvidenceChain> evidenceOf(String episodeId) {
        return Optional.ofNullable(caseFiles.get(episodeId)).map(f -> f.chain);
    }

    /** The file (一企一档) of a managed object; malformed or unknown ids are refused by the file store. */
    public EnterpriseArchive fileOf(String objectId) {
        return files.load(objectId);
    }

    /** The timeline so far, in the order the host saw it. */
    public List<ShopStep> timeline() {
        return List.copyOf(timeline);
    }

    /** The timeline of one object ({@code ""} for unattributed events). */
    public List<ShopStep> timelineOf(String objectId) {
        return timeline.stream().filter(s -> s.objectId().equals(objectId)).toList();
    }

    /** The host's clock (for callers that print "now"). */
    public Clock clock() {
        return clock;
    }

    private void log(EnforcementEffect e, String objectId, ShopStep.Kind kind, String text) {
        log(e.at(), objectId, kind, text);
    }

    private void log(Instant at, String objectId, ShopStep.Kind kind, String text) {
        timeline.add(new ShopStep(at, kind, objectId, text));
    }
}
