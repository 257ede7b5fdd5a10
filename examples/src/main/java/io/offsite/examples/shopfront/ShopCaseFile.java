package io.offsite.examples.shopfront;

import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.FileCase;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.ObjectOperator;
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
import io.offsite.evidence.RecordItems;
import io.offsite.evidence.WitnessId;
import io.offsite.evidence.WitnessRegistry;
import io.offsite.notify.OutboxMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence side of one shop case (one engine episode that reached a filing decision): its chain (the camera's
 * clip and stills, the operator's business registration from the register, the records of the loudspeaker warnings
 * the case rests on, and an identification where the rules need one) and the completeness check that decides when
 * the case may be filed. Package-private: {@link ShopFrontHost} keeps one per episode.
 */
final class ShopCaseFile {
    private static final String PLATFORM = "platform";
    final String caseId;
    final EvidenceChain chain;
    private final Clock clock;
    private final Set<String> warningKeysAdded = new HashSet<>();
    FileCase fileCase;
    ManagedObject shop;
    ObjectOperator operator;
    GeoPoint location;
    boolean captured;
    boolean filed;
    /** The warnings the case rests on were queued this many times (the completeness rule's warningsRequired). */
    int warningsRequired;
    private List<String> lastGaps = List.of();

    ShopCaseFile(String caseId, Violation violation, Clock clock, Optional<WitnessRegistry> witnesses) {
        this.caseId = caseId;
        this.clock = clock;
        var b = EvidenceChain.builder(caseId, violation).blobStore(InMemoryBlobStore.create())
                .signingKeys(InMemorySigningKeys.generate("huangyan-enforcement-2026")).clock(clock);
        witnesses.ifPresent(b::witnesses);
        this.chain = b.build();
    }

    /** Adds the camera's clip and stills the engine asked for (a simulated, reviewed camera in this example). */
    void capture(CaptureEvidence ce) {
        for (EvidenceRequest r : EvidencePlan.from(ce).requests()) {
            boolean clip = r.kind() == ItemKind.VIDEO_CLIP;
            if (!clip && r.kind() != ItemKind.STILL) {
                continue;
            }
            Instant at = r.at().orElse(ce.at());
            ItemSpec.Builder spec = ItemSpec.builder(r.kind(), clip ? "video/mp4" : "image/jpeg", at, r.source())
                    .deviceReview(DeviceReview.REVIEWED).clockErrorPer24h(Duration.ofMillis(300)).subject(ce.subject());
            if (location != null) {
                spec.location(location);
            }
            chain.add(spec.build(), bytes((clip ? "clip " : "still ") + ce.cameraId() + " " + ce.subject() + " " + at
                    + r.until().map(u -> "–" + u).orElse("")), PLATFORM);
        }
        captured = true;
    }

    /** The operator's business registration (营业执照) from the register, once: it names the party. */
    void operatorRecord(Instant at) {
        if (chain.items().stream().anyMatch(i -> i.spec().kind() == ItemKind.AGENCY_RECORD)) {
            return;
        }
        RecordItems.addBusinessRegistration(chain, shop.id(), shop.name(), operator, at, PLATFORM);
    }

    /**
     * Adds the record of a loudspeaker warning the outbox has played (sent or delivered), once per outbox key.
     *
     * @return whether a record was added
     */
    boolean warningRecord(OutboxMessage m) {
        Optional<Instant> played = m.deliveredAt().or(m::sentAt);
        if (played.isEmpty() || !warningKeysAdded.add(m.key())) {
            return false;
        }
        RecordItems.addVoiceWarning(chain, m.key(), m.message().to(), played.get(), m.message().text(), shop.id(),
                PLATFORM);
        return true;
    }

    /** Property-management side evidence (物业佐证) naming who did it. */
    void propertyIdentification(String company, String partyRef, Instant at) {
        chain.add(ItemSpec.builder(ItemKind.PROPERTY_SIDE_EVIDENCE, "application/pdf", at, company)
                .fact(ItemSpec.IDENTIFIES_PARTY, "true").fact(ItemSpec.SUBJECT, partyRef).build(),
                bytes(company + " identifies " + partyRef + " at " + shop.name()), company);
    }

    /** A registered witness's statement (证人证言) naming who did it, corroborating the clip. */
    void witnessStatement(WitnessId witness, String partyRef, Instant at, String officer) {
        List<String> clips = chain.items().stream().filter(i -> i.spec().kind() == ItemKind.VIDEO_CLIP)
                .map(EvidenceItem::id).toList();
        chain.addWitnessStatement(witness, ItemSpec.builder(ItemKind.WITNESS_STATEMENT, "application/pdf", at,
                witness.value()).fact(ItemSpec.IDENTIFIES_PARTY, "true").fact(ItemSpec.SUBJECT, partyRef).build(),
                bytes("statement of " + witness.value() + " identifying " + partyRef), clips, officer);
    }

    /** The completeness report as of now. */
    CompletenessReport check() {
        CaseContext.Builder ctx = CaseContext.builder(chain.violation(), clock.instant());
        if (warningsRequired > 0) {
            ctx.warningsRequired(Math.min(warningsRequired, 20));
        }
        return CompletenessRules.defaults().check(chain, ctx.build());
    }

    /** Whether {@code gaps} differ from the gaps last reported (so an unchanged gap is logged once). */
    boolean gapsChanged(List<String> gaps) {
        if (gaps.equals(lastGaps)) {
            return false;
        }
        lastGaps = List.copyOf(gaps);
        return true;
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
