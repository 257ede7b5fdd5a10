package io.offsite.examples.shopfront;

import static io.offsite.examples.shopfront.SewageDemo.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.cases.penalty.PartyType;
import io.offsite.examples.shopfront.ShopStep.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
                Kind.OPERATOR_SMS_QUEUED, Kind.OPERATOR_SMS_DELIVERED);
        assertThat(st.host.timelineOf(noodles).get(1).text()).contains("inside its frontage");
        assertThat(st.host.timelineOf(noodles).get(0).at()).isEqualTo(START.plusSeconds(10)); // the 10 s dwell
        assertThat(st.host.fileOf(noodles).findings()).singleElement()
                .satisfies(f -> assertThat(f.violation().code()).isEqualTo("SEWAGE_DUMPING"));
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
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("1 finding(s), 0 case(s)");
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
    void pouringOnAfterTheWarning_becomesASewageCaseAgainstTheOperator() {
        ShopStreet st = SewageDemo.street();
        st.feed(SewageDemo.pouring("p-31", 9, START, 90), START.plus(Duration.ofMinutes(5)));
        List<ShopStep> noodles = st.host.timelineOf(ShopStreet.NOODLES.id());
        assertThat(kinds(noodles)).contains(Kind.CASE_FILED, Kind.PENALTY_ASSESSED);
        ShopStep filed = noodles.stream().filter(s -> s.kind() == Kind.CASE_FILED).findFirst().orElseThrow();
        assertThat(filed.at()).isEqualTo(START.plusSeconds(70)); // warning at 10 s, case one minute later
        assertThat(filed.text()).contains("李某（面馆）");
        String caseId = st.host.fileOf(ShopStreet.NOODLES.id()).cases().get(0).caseId();
        assertThat(st.cases.find(caseId).orElseThrow().penaltyCase().party()).isEqualTo(PartyType.PERSON);
        assertThat(st.host.fileOf(ShopStreet.NOODLES.id()).findings()).hasSize(1); // one episode, one finding
    }
}
