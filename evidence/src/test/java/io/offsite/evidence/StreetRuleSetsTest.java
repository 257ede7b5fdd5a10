package io.offsite.evidence;

import static io.offsite.evidence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.violation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rule sets for trading beyond the shop front, sewage and temporary structures. */
class StreetRuleSetsTest {
    static final CompletenessRules RULES = CompletenessRules.defaults();
    int n;

    EvidenceItem item(ItemSpec spec) {
        n++;
        return new EvidenceItem(String.format("item-%04d", n), spec, Sha256.hash(new byte[] {(byte) n}), 10,
                Optional.empty(), Optional.empty());
    }

    ItemSpec reviewedClip(Instant at) {
        return ItemSpec.builder(ItemKind.VIDEO_CLIP, "video/mp4", at, Fixtures.CAMERA).deviceReview(DeviceReview.REVIEWED)
                .clockErrorPer24h(Duration.ofMillis(200)).build();
    }

    @Test
    void tradingBeyondShopfront_needsWarnings_clip_andTheShopsBusinessRegistration() {
        CaseContext ctx = CaseContext.builder(Violation.TRADING_BEYOND_SHOPFRONT, T0.plusSeconds(3600))
                .warningsRequired(2).build();
        List<EvidenceItem> items = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            items.add(item(ItemSpec.builder(ItemKind.VOICE_WARNING_RECORD, "audio/mpeg", T0.plusSeconds(600 * i),
                    "speaker-1").build()));
        }
        items.add(item(reviewedClip(T0.plusSeconds(1300))));
        assertThat(RULES.check(items, ctx).gaps()).extracting(Finding::ruleId).containsExactly("shopfront.operator");
        items.add(item(ItemSpec.builder(ItemKind.AGENCY_RECORD, "application/pdf", T0, "market-regulator")
                .fact(ItemSpec.RECORD_TYPE, "BUSINESS").build()));
        assertThat(RULES.check(items, ctx).complete()).isTrue();
    }

    @Test
    void sewage_needsAClipAndWhoPouredIt() {
        CaseContext ctx = CaseContext.builder(Violation.SEWAGE_DUMPING, T0.plusSeconds(3600)).build();
        List<EvidenceItem> items = new ArrayList<>();
        items.add(item(reviewedClip(T0)));
        assertThat(RULES.check(items, ctx).gaps()).extracting(Finding::ruleId).containsExactly("sewage.identification");
        items.add(item(ItemSpec.builder(ItemKind.WITNESS_STATEMENT, "application/pdf", T0.plusSeconds(60), "officer-3")
                .fact(ItemSpec.IDENTIFIES_PARTY, "true").build()));
        assertThat(RULES.check(items, ctx).complete()).isTrue();
    }

    @Test
    void temporaryStructure_needsImagesOnTwoDates_anInspectionRecord_andTheApprovalRecord() {
        CaseContext ctx = CaseContext.builder(Violation.TEMPORARY_STRUCTURE, T0.plusSeconds(10 * 86400)).build();
        List<EvidenceItem> items = new ArrayList<>();
        items.add(item(ItemSpec.builder(ItemKind.STILL, "image/jpeg", T0, Fixtures.CAMERA).build()));
        items.add(item(ItemSpec.builder(ItemKind.STILL, "image/jpeg", T0.plusSeconds(3600), Fixtures.CAMERA).build()));
        assertThat(RULES.check(items, ctx).gaps()).extracting(Finding::ruleId)
                .containsExactly("temporary.dates", "temporary.inspection", "temporary.approval-record");
        items.add(item(ItemSpec.builder(ItemKind.DRONE_IMAGE, "image/jpeg", T0.plusSeconds(3 * 86400), "drone-2").build()));
        items.add(item(ItemSpec.builder(ItemKind.INSPECTION_RECORD, "application/pdf", T0.plusSeconds(3 * 86400),
                "officer-3").build()));
        items.add(item(ItemSpec.builder(ItemKind.AGENCY_RECORD, "application/pdf", T0, "planning-bureau")
                .fact(ItemSpec.RECORD_TYPE, "PLANNING").build()));
        assertThat(RULES.check(items, ctx).complete()).isTrue();
    }
}
