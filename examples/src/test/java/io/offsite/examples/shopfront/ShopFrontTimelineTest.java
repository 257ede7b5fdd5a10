package io.offsite.examples.shopfront;

import static io.offsite.examples.shopfront.ShopFrontDemo.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.cases.CaseState;
import io.offsite.cases.penalty.PartyType;
import io.offsite.core.InvalidValueException;
import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.core.objects.UnknownObjectException;
import io.offsite.core.effect.FileCase;
import io.offsite.evidence.ItemKind;
import io.offsite.examples.shopfront.ShopStep.Kind;
import io.offsite.geofence.Detection;
import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.SendResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Shop-front operation: warning + operator SMS + file entry per episode; the third warned episode is a case. */
class ShopFrontTimelineTest {
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final String FRUIT = ShopStreet.FRUIT.id();

    private static List<Kind> kinds(List<ShopStep> steps) {
        return steps.stream().map(ShopStep::kind).toList();
    }

    private static ShopStep first(ShopStreet st, Kind k) {
        return st.host.timeline().stream().filter(s -> s.kind() == k).findFirst()
                .orElseThrow(() -> new AssertionError("no " + k + " in " + st.host.timeline()));
    }

    @Test
    void threeEpisodesInAWeek_warnTextAndFileTwiceThenFileACaseAgainstTheOperator() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ShopStreet st = ShopFrontDemo.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        List<ShopStep> fruit = st.host.timelineOf(FRUIT);
        assertThat(kinds(fruit)).containsExactly(
                Kind.WARNING_PLAYED, Kind.FINDING_FILED, Kind.OPERATOR_SMS_QUEUED, Kind.OPERATOR_SMS_DELIVERED,
                Kind.WARNING_PLAYED, Kind.FINDING_FILED, Kind.OPERATOR_SMS_QUEUED, Kind.OPERATOR_SMS_DELIVERED,
                Kind.WARNING_PLAYED, Kind.OPERATOR_SMS_QUEUED, Kind.OPERATOR_SMS_DELIVERED,
                Kind.FINDING_FILED, Kind.EVIDENCE_COMPLETE, Kind.CASE_FILED, Kind.PENALTY_ASSESSED);
        Instant day3 = START.plus(Duration.ofDays(2)).plus(Duration.ofHours(5));
        Instant day6 = START.plus(Duration.ofDays(5)).minus(Duration.ofHours(1));
        assertThat(fruit.stream().filter(s -> s.kind() == Kind.WARNING_PLAYED).map(ShopStep::at)).containsExactly(
                START.plus(Duration.ofMinutes(5)), day3.plus(Duration.ofMinutes(5)), day3.plus(Duration.ofMinutes(15)));
        ShopStep filed = first(st, Kind.CASE_FILED);
        assertThat(filed.at()).isEqualTo(day6.plus(Duration.ofMinutes(5))); // at the dwell: no warning the third time
        assertThat(filed.text()).contains("against operator 王某（水果店） (PERSON)");
        assertThat(first(st, Kind.PENALTY_ASSESSED).text()).contains("FINE 250 yuan (tier ordinary)")
                .contains("repeatCount in 2..3");
        assertThat(first(st, Kind.OPERATOR_SMS_DELIVERED).text()).contains("某水果店经营者").contains("138****1111");

        String episode = st.delivered.stream().filter(e -> e instanceof FileCase).map(e -> e.episodeId())
                .findFirst().orElseThrow();
        assertThat(st.host.completeness(episode)).hasValueSatisfying(r -> assertThat(r.complete()).isTrue());
        // the repeat is filed at once, without a warning of its own: it rests on the three earlier warnings played
        List<ItemKind> items = st.host.evidenceOf(episode).orElseThrow().items().stream().map(i -> i.spec().kind())
                .toList();
        assertThat(items).containsOnly(ItemKind.STILL, ItemKind.VIDEO_CLIP, ItemKind.AGENCY_RECORD,
                ItemKind.VOICE_WARNING_RECORD);
        assertThat(items).filteredOn(k -> k == ItemKind.VOICE_WARNING_RECORD).hasSize(3);
        assertThat(st.host.evidenceOf(episode).orElseThrow().isSealed()).isTrue();

        EnterpriseArchive file = st.host.fileOf(FRUIT);
        assertThat(file.findings()).hasSize(3);
        assertThat(file.cases()).singleElement().satisfies(c -> {
            assertThat(st.cases.find(c.caseId())).hasValueSatisfying(sc -> {
                assertThat(sc.penaltyCase().party()).isEqualTo(PartyType.PERSON);
                assertThat(sc.penaltyCase().state()).isEqualTo(CaseState.FILED);
                assertThat(sc.penaltyCase().violation().code()).isEqualTo("TRADING_BEYOND_SHOPFRONT");
            });
            assertThat(c.filedAt()).isEqualTo(filed.at());
        });
        assertThat(st.host.fileOf(ShopStreet.NOODLES.id()).findings()).isEmpty();
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("3 findings, 1 case(s)");
        assertThat(MOBILE.matcher(printed).find()).as("unmasked phone in:%n%s", printed).isFalse();
    }

    @Test
    void repeatWhoseEarlierWarningsWereNeverPlayed_isHeldNamingTheWarningGap() {
        Gateway deadSpeakers = request -> SendResult.rejected("speaker offline");
        ShopStreet st = new ShopStreet(START, List.of(ShopFrontDemo.fence(FRUIT)), deadSpeakers);
        ShopFrontDemo.play(st);
        assertThat(kinds(st.host.timelineOf(FRUIT))).doesNotContain(Kind.CASE_FILED, Kind.EVIDENCE_COMPLETE)
                .contains(Kind.EVIDENCE_INCOMPLETE);
        assertThat(first(st, Kind.EVIDENCE_INCOMPLETE).text()).contains("shopfront.warnings");
        assertThat(st.host.fileOf(FRUIT).cases()).isEmpty();
        String episode = st.host.awaitingEvidence().get(0);
        assertThat(st.host.completeness(episode).orElseThrow().gaps()).extracting(g -> g.ruleId())
                .containsExactly("shopfront.warnings");
        assertThatThrownBy(() -> st.host.addPropertyIdentification("no-such-episode", "某物业", "p-1", START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-episode");
    }

    @Test
    void businessOperator_isTheOrganisationPartyOfTheCase() {
        ShopStreet st = new ShopStreet(START, List.of(ShopFrontDemo.fence(ShopStreet.HARDWARE.id())));
        ShopFrontDemo.play(st);
        assertThat(first(st, Kind.CASE_FILED).text()).contains("某五金商行 (ORGANISATION)");
        String caseId = st.host.fileOf(ShopStreet.HARDWARE.id()).cases().get(0).caseId();
        assertThat(st.cases.find(caseId).orElseThrow().penaltyCase().party()).isEqualTo(PartyType.ORGANISATION);
        assertThat(first(st, Kind.PENALTY_ASSESSED).text()).contains("FINE 250 yuan");
    }

    @Test
    void shopWithoutARegisteredOperator_isFiledButNobodyTextedAndNoCase() {
        ShopStreet st = new ShopStreet(START, List.of(ShopFrontDemo.fence(ShopStreet.KIOSK.id())));
        ShopFrontDemo.play(st);
        List<Kind> kiosk = kinds(st.host.timelineOf(ShopStreet.KIOSK.id()));
        assertThat(kiosk).doesNotContain(Kind.OPERATOR_SMS_QUEUED, Kind.CASE_FILED).contains(Kind.NO_OPERATOR);
        assertThat(st.host.fileOf(ShopStreet.KIOSK.id()).findings()).hasSize(3);
        assertThat(st.host.fileOf(ShopStreet.KIOSK.id()).cases()).isEmpty();
        assertThat(st.host.timeline()).filteredOn(s -> s.kind() == Kind.NO_OPERATOR).last()
                .satisfies(s -> assertThat(s.text()).contains("an officer must identify the party"));
    }

    @Test
    void fenceInFrontOfAnUnknownShop_isRefusedWhenTheHostIsBuilt() {
        assertThatThrownBy(() -> new ShopStreet(START, List.of(ShopFrontDemo.fence("hy-shop-9999"))))
                .isInstanceOf(UnknownObjectException.class).hasMessageContaining("fence shopfront-laodong-n-fruit frontOf")
                .hasMessageContaining("\"hy-shop-9999\"");
    }

    @Test
    void malformedOrUnknownObjectIds_areRefusedByTheFiles() {
        ShopStreet st = ShopFrontDemo.street();
        assertThatThrownBy(() -> st.host.fileOf(" ")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("non-blank");
        assertThatThrownBy(() -> st.host.fileOf("hy-shop-0001\t")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> st.host.fileOf("hy-shop-9999")).isInstanceOf(UnknownObjectException.class)
                .hasMessageContaining("hy-shop-9999");
        assertThatThrownBy(() -> ShopFrontDemo.fence("")).hasMessageContaining("frontOf must be a non-blank");
    }

    @Test
    void duplicateAndOutOfOrderDetections_andRedeliveredEffects_countOneEpisodeOnce() {
        ShopStreet st = ShopFrontDemo.street();
        List<Detection> once = ShopFrontDemo.goods("crates-1", START, 8);
        List<Detection> messy = new ArrayList<>();
        for (int i = 0; i + 1 < once.size(); i += 2) { // pairs swapped (5 s apart, within the lateness), each twice
            messy.add(once.get(i + 1));
            messy.add(once.get(i + 1));
            messy.add(once.get(i));
        }
        st.feed(messy, START.plus(Duration.ofMinutes(30)));
        List<ShopStep> before = st.host.timeline();
        st.delivered.forEach(st.host::effect);
        assertThat(st.host.timeline()).isEqualTo(before);
        assertThat(kinds(st.host.timelineOf(FRUIT))).containsExactly(Kind.WARNING_PLAYED, Kind.FINDING_FILED,
                Kind.OPERATOR_SMS_QUEUED, Kind.OPERATOR_SMS_DELIVERED);
        assertThat(st.host.fileOf(FRUIT).findings()).hasSize(1);
    }

    @Test
    void warnedEpisodesOlderThanThirtyDays_doNotMakeTheNextOneACase() {
        ShopStreet st = ShopFrontDemo.street();
        st.feed(ShopFrontDemo.goods("crates-1", START, 8), START.plus(Duration.ofMinutes(30)));
        Instant next = START.plus(Duration.ofDays(1));
        st.feed(ShopFrontDemo.goods("crates-2", next, 8), next.plus(Duration.ofMinutes(30)));
        Instant late = START.plus(Duration.ofDays(32));
        st.feed(ShopFrontDemo.goods("crates-3", late, 8), late.plus(Duration.ofMinutes(30)));
        assertThat(kinds(st.host.timelineOf(FRUIT))).doesNotContain(Kind.CASE_FILED)
                .filteredOn(k -> k == Kind.FINDING_FILED).hasSize(3);
    }
}
