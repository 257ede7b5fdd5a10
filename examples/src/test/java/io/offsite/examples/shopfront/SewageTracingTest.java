package io.offsite.examples.shopfront;

import static io.offsite.examples.shopfront.SewageDemo.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.cases.penalty.PartyType;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.EvidenceException;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.PersonalDetails;
import io.offsite.evidence.WitnessId;
import io.offsite.evidence.WitnessRole;
import io.offsite.examples.shopfront.ShopStep.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sewage at a storm-drain fence serving many shops is traced by Frontages to the shop in front of which it happened. */
class SewageTracingTest {
    private static List<Kind> kinds(List<ShopStep> steps) {
        return steps.stream().map(ShopStep::kind).toList();
    }

    @Test
    void pouringInFrontOfTheNoodleShop_landsInItsFileAndTextsItsOperator_theFarEndIsUnattributed() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ShopStreet st = SewageDemo.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String noodles = ShopStreet.NOODLES.id();
        assertThat(kinds(st.host.timelineOf(noodles))).containsExactly(Kind.WARNING_PLAYED, Kind.FINDING_FILED,
                Kind.OPERATOR_SMS_QUEUED, Kind.OPERATOR_SMS_DELIVERED,
                Kind.WARNING_PLAYED, Kind.FINDING_FILED, Kind.OPERATOR_SMS_QUEUED, Kind.OPERATOR_SMS_DELIVERED,
                Kind.EVIDENCE_INCOMPLETE, Kind.IDENTIFICATION_ADDED, Kind.EVIDENCE_COMPLETE, Kind.CASE_FILED,
                Kind.PENALTY_ASSESSED);
        assertThat(st.host.timelineOf(noodles).get(1).text()).contains("inside its frontage");
        assertThat(st.host.timelineOf(noodles).get(0).at()).isEqualTo(START.plusSeconds(10)); // the 10 s dwell
        assertThat(st.host.fileOf(noodles).findings()).hasSize(2)
                .allSatisfy(f -> assertThat(f.violation().code()).isEqualTo("SEWAGE_DUMPING"));
        assertThat(st.host.fileOf(noodles).cases()).singleElement()
                .satisfies(c -> assertThat(c.filedAt()).isEqualTo(START.plus(Duration.ofMinutes(70))));
        for (String other : List.of(ShopStreet.FRUIT.id(), ShopStreet.HARDWARE.id(), ShopStreet.KIOSK.id())) {
            assertThat(st.host.fileOf(other).findings()).as(other).isEmpty();
        }
        List<ShopStep> unattributed = st.host.timelineOf("");
        assertThat(kinds(unattributed)).contains(Kind.WARNING_PLAYED, Kind.UNATTRIBUTED)
                .doesNotContain(Kind.OPERATOR_SMS_QUEUED, Kind.FINDING_FILED);
        assertThat(unattributed).filteredOn(s -> s.kind() == Kind.UNATTRIBUTED).singleElement()
                .satisfies(s -> {
                    assertThat(s.at()).isEqualTo(START.plus(Duration.ofMinutes(20)).plusSeconds(10));
                    assertThat(s.text()).contains("none within 15.0 m");
                });
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("2 finding(s), 1 case(s)");
    }

    @Test
    void pouringOutsideAnyDeclaredFrontage_isTracedToTheNearestShopWithTheDistance() {
        ShopStreet st = SewageDemo.street();
        st.feed(SewageDemo.pouring("p-9", 17, START, 15), START.plus(Duration.ofMinutes(5)));
        List<ShopStep> hw = st.host.timelineOf(ShopStreet.HARDWARE.id());
        assertThat(kinds(hw)).contains(Kind.FINDING_FILED, Kind.OPERATOR_SMS_QUEUED);
        assertThat(hw).filteredOn(s -> s.kind() == Kind.FINDING_FILED).singleElement()
                .satisfies(s -> assertThat(s.text()).contains("nearest, 5.3 m from it"));
    }

    @Test
    void pouringInFrontOfAShopWithoutOperator_isFiledButNobodyTexted() {
        ShopStreet st = SewageDemo.street();
        st.feed(SewageDemo.pouring("p-5", 25, START, 15), START.plus(Duration.ofMinutes(5)));
        assertThat(kinds(st.host.timelineOf(ShopStreet.KIOSK.id()))).containsExactly(Kind.WARNING_PLAYED,
                Kind.FINDING_FILED, Kind.NO_OPERATOR);
    }

    @Test
    void pouringOnAfterTheWarning_isHeldUntilSomeoneIdentifiesWhoPoured_thenACaseAgainstTheOperator() {
        ShopStreet st = SewageDemo.street();
        st.feed(SewageDemo.pouring("p-31", 9, START, 90), START.plus(Duration.ofMinutes(5)));
        String noodles = ShopStreet.NOODLES.id();
        assertThat(kinds(st.host.timelineOf(noodles))).doesNotContain(Kind.CASE_FILED).contains(Kind.EVIDENCE_INCOMPLETE);
        ShopStep held = st.host.timelineOf(noodles).stream().filter(s -> s.kind() == Kind.EVIDENCE_INCOMPLETE)
                .findFirst().orElseThrow();
        assertThat(held.at()).isEqualTo(START.plusSeconds(70)); // warning at 10 s, the case decision one minute later
        assertThat(held.text()).contains("sewage.identification");
        String episode = st.host.awaitingEvidence().get(0);

        Instant identified = START.plus(Duration.ofMinutes(5));
        CompletenessReport r = st.host.addPropertyIdentification(episode, SewageDemo.PROPERTY_OFFICE, "party-staff-1",
                identified);
        assertThat(r.complete()).isTrue();
        ShopStep filed = st.host.timelineOf(noodles).stream().filter(s -> s.kind() == Kind.CASE_FILED).findFirst()
                .orElseThrow();
        assertThat(filed.at()).isEqualTo(identified);
        assertThat(filed.text()).contains("李某（面馆）");
        String caseId = st.host.fileOf(noodles).cases().get(0).caseId();
        assertThat(st.cases.find(caseId).orElseThrow().penaltyCase().party()).isEqualTo(PartyType.PERSON);
        assertThat(st.host.fileOf(noodles).findings()).hasSize(1); // one episode, one finding
        assertThat(st.host.evidenceOf(episode).orElseThrow().items()).extracting(i -> i.spec().kind())
                .contains(ItemKind.VIDEO_CLIP, ItemKind.PROPERTY_SIDE_EVIDENCE, ItemKind.AGENCY_RECORD,
                        ItemKind.VOICE_WARNING_RECORD);
        assertThat(st.host.awaitingEvidence()).isEmpty();
        assertThatThrownBy(() -> st.host.addPropertyIdentification(episode, "x", "p", identified))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already filed");
    }

    @Test
    void registeredWitnessStatement_completesTheSewageCase_anUnregisteredWitnessIsRefused() {
        ShopStreet st = SewageDemo.street();
        st.witnesses.register(new WitnessId("W-LD-003"), WitnessRole.PROPERTY_MANAGER,
                new PersonalDetails("商铺管理员（样例）", "13800000003", ""), START.minus(Duration.ofDays(10)));
        st.feed(SewageDemo.pouring("p-31", 9, START, 90), START.plus(Duration.ofMinutes(5)));
        String episode = st.host.awaitingEvidence().get(0);
        Instant at = START.plus(Duration.ofMinutes(4));
        assertThatThrownBy(() -> st.host.addWitnessStatement(episode, new WitnessId("W-LD-999"), "party-staff-1", at))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("W-LD-999");
        assertThat(st.host.awaitingEvidence()).containsExactly(episode);
        assertThat(st.host.addWitnessStatement(episode, new WitnessId("W-LD-003"), "party-staff-1", at).complete())
                .isTrue();
        assertThat(kinds(st.host.timelineOf(ShopStreet.NOODLES.id()))).contains(Kind.CASE_FILED);
    }

    @Test
    void identificationDatedAfterNow_leavesTheCaseHeldOnInconsistentTimes() {
        ShopStreet st = SewageDemo.street();
        st.feed(SewageDemo.pouring("p-31", 9, START, 90), START.plus(Duration.ofMinutes(5)));
        String episode = st.host.awaitingEvidence().get(0);
        CompletenessReport r = st.host.addPropertyIdentification(episode, SewageDemo.PROPERTY_OFFICE, "party-staff-1",
                START.plus(Duration.ofHours(2)));
        assertThat(r.complete()).isFalse();
        assertThat(r.gaps()).extracting(g -> g.ruleId()).containsExactly("common.timestamps");
        assertThat(kinds(st.host.timelineOf(ShopStreet.NOODLES.id()))).doesNotContain(Kind.CASE_FILED);
        st.runTo(START.plus(Duration.ofHours(2)).plusSeconds(10)); // once the statement's time has come, it files
        assertThat(kinds(st.host.timelineOf(ShopStreet.NOODLES.id()))).contains(Kind.CASE_FILED);
    }
}
