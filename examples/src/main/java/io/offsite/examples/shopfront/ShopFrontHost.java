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
import io.offsite.core.objects.Frontage;
import io.offsite.core.objects.Frontages;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.ObjectOperator;
import io.offsite.core.objects.UnknownObjectException;
import io.offsite.core.spi.EnterpriseFiles;
import io.offsite.core.spi.ObjectOperators;
import io.offsite.core.violation.Violation;
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
 */
public final class ShopFrontHost {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Clock clock;
    private final Map<String, Fence> fences = new HashMap<>();
    private final Frontages frontages;
    private final ObjectOperators operators;
    private final EnterpriseFiles files;
    private final Outbox outbox;
    private final EffectNotifier notifier;
    private final CaseService cases;
    private final OfficerId[] officers;
    private final Map<Violation, MessageTemplate> operatorTexts;
    private final Set<String> handled = new HashSet<>();
    private final Set<String> episodesOnFile = new HashSet<>();
    private final Map<String, String> operatorTextKeys = new LinkedHashMap<>(); // outbox key -> object id
    private final List<ShopStep> timeline = new ArrayList<>();
    private int serial;

    private ShopFrontHost(Builder b) {
        this.clock = b.clock;
        this.frontages = b.frontages;
        this.operators = b.operators;
        this.files = b.files;
        this.outbox = b.outbox;
        this.notifier = b.notifier;
        this.cases = b.cases;
        this.officers = b.officers;
        this.operatorTexts = Map.copyOf(b.operatorTexts);
        for (Fence f : b.fences) {
            f.frontOf().ifPresent(id -> frontages.object(id).orElseThrow(
                    () -> new UnknownObjectException(id, "fence " + f.id() + " frontOf")));
            fences.put(f.id(), f);
        }
    }

    /** Starts a host; every collaborator is required. */
    public static Builder builder() {
        return new Builder();
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
            log(ce, "", ShopStep.Kind.EVIDENCE_REQUESTED, ce.stillsAt().size() + " stills"
                    + (ce.videoClip() ? " and a video clip" : "") + " from camera " + ce.cameraId());
        } else if (e instanceof EpisodeResolved r) {
            log(r, "", ShopStep.Kind.EPISODE_ENDED, r.outcome() + ": " + r.detail());
        }
    }

    private void warning(VoiceWarning v) {
        EffectOutcome played = notifier.handle(v);
        Optional<Attribution> to = attribute(v.fenceId(), v.location());
        String objectId = to.map(a -> a.object().id()).orElse("");
        log(v, objectId, ShopStep.Kind.WARNING_PLAYED, "warning " + v.warningNumber() + " via camera " + v.cameraId()
                + " (" + played.kind() + ")");
        if (to.isEmpty()) {
            unattributed(v, v.location(), v.violation());
            return;
        }
        ManagedObject shop = to.get().object();
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
        Optional<Attribution> to = attribute(fc.fenceId(), fc.location());
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
        ObjectOperator party = operator.get();
        PartyType type = party.isBusiness() ? PartyType.ORGANISATION : PartyType.PERSON;
        String caseId = String.format("331003-%d-%06d", LocalDate.ofInstant(fc.at(), SHANGHAI).getYear(), 800 + ++serial);
        StoredCase c = cases.file(caseId, fc.violation(), type, fc.at(), fc.violation().name() + " at " + shop.name()
                + " after " + fc.repeatCount() + " warned episodes in the window; party: operator " + party.name(), officers);
        files.appendCase(shop.id(), new EnterpriseArchive.CaseRef(caseId, fc.violation(), fc.at()));
        log(fc, shop.id(), ShopStep.Kind.CASE_FILED, caseId + " " + c.penaltyCase().state() + " against operator "
                + party.name() + " (" + type + ")");
        Facts facts = Facts.builder().party(type).firstViolation(fc.repeatCount() == 0).repeatCount(fc.repeatCount())
                .harm(HarmLevel.MINOR).build();
        Assessment a = PenaltyCatalogue.shipped().explain(fc.violation(), facts, LocalDate.ofInstant(fc.at(), SHANGHAI));
        log(fc, shop.id(), ShopStep.Kind.PENALTY_ASSESSED, caseId + ": " + a.decision().outcome() + " "
                + a.decision().fineFen() / 100 + " yuan (tier " + a.decision().tierId() + ") — "
                + String.join("; ", a.explanation().steps().stream().map(s -> s.text()).toList()));
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
                + " happened (none within " + frontages.maxDistanceMeters() + " m); nobody texted, no case");
    }

    /** The object in front of which an event at a fence happened: the fence's frontOf, else the nearest frontage. */
    private Optional<Attribution> attribute(String fenceId, GeoPoint at) {
        Fence f = fences.get(fenceId);
        if (f != null && f.frontOf().isPresent()) {
            ManagedObject o = frontages.object(f.frontOf().get()).orElseThrow();
            return Optional.of(new Attribution(o, "fence " + f.id() + " is in front of it"));
        }
        return frontages.locate(at).map(x -> new Attribution(x.object(), x.match() == Frontage.Match.INSIDE_FRONTAGE
                ? "inside its frontage" : String.format("nearest, %.1f m from it", x.distanceMeters())));
    }

    /** The object an event was traced to and how. */
    private record Attribution(ManagedObject object, String how) {
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
        timeline.add(new ShopStep(e.at(), kind, objectId, text));
    }

    /** Collects the host's collaborators. */
    public static final class Builder {
        private Clock clock;
        private List<Fence> fences = List.of();
        private Frontages frontages;
        private ObjectOperators operators;
        private EnterpriseFiles files;
        private Outbox outbox;
        private EffectNotifier notifier;
        private CaseService cases;
        private OfficerId[] officers;
        private final Map<Violation, MessageTemplate> operatorTexts = new HashMap<>();

        private Builder() {
        }

        /** The host's clock. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** The fences the engine runs (their {@code frontOf} ids are checked against the frontages at build). */
        public Builder fences(List<Fence> f) {
            this.fences = List.copyOf(f);
            return this;
        }

        /** The managed objects and their frontages. */
        public Builder frontages(Frontages f) {
            this.frontages = Objects.requireNonNull(f, "frontages");
            return this;
        }

        /** The registered operators. */
        public Builder operators(ObjectOperators o) {
            this.operators = Objects.requireNonNull(o, "operators");
            return this;
        }

        /** The objects' files. */
        public Builder files(EnterpriseFiles f) {
            this.files = Objects.requireNonNull(f, "files");
            return this;
        }

        /** The outbox operator texts go through, and the notifier that plays loudspeaker warnings over it. */
        public Builder messaging(Outbox o, EffectNotifier n) {
            this.outbox = Objects.requireNonNull(o, "outbox");
            this.notifier = Objects.requireNonNull(n, "notifier");
            return this;
        }

        /** The case service cases are filed in, and the two officers who act on them. */
        public Builder cases(CaseService c, OfficerId first, OfficerId second) {
            this.cases = Objects.requireNonNull(c, "cases");
            this.officers = new OfficerId[] {Objects.requireNonNull(first, "first"), Objects.requireNonNull(second, "second")};
            return this;
        }

        /** The text sent to an operator when a warning about {@code v} is played in front of their shop. */
        public Builder operatorText(Violation v, MessageTemplate t) {
            operatorTexts.put(Objects.requireNonNull(v, "violation"), Objects.requireNonNull(t, "template"));
            return this;
        }

        /**
         * Builds the host.
         *
         * @throws UnknownObjectException when a fence's frontOf names no object of the frontages
         */
        public ShopFrontHost build() {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(frontages, "frontages");
            Objects.requireNonNull(operators, "operators");
            Objects.requireNonNull(files, "files");
            Objects.requireNonNull(outbox, "messaging");
            Objects.requireNonNull(cases, "cases");
            return new ShopFrontHost(this);
        }
    }
}
