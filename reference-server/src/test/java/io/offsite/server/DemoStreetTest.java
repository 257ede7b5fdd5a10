package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.cases.CaseState;
import io.offsite.cases.spi.StoredCase;
import io.offsite.notify.MessageStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The {@code --demo} street run to its end on a manual clock: every link of the chain happens, none is skipped. */
class DemoStreetTest {

    @Test
    void demoStreetEndsInFiveCasesOneOnSiteDispatchAndOneCarThatLeft() {
        try (Fixture f = new Fixture()) {
            List<ServerEvent> events = new CopyOnWriteArrayList<>();
            f.enforcement.listen(events::add);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            DemoStreet.printTimeline(f.enforcement, new PrintStream(printed, true, StandardCharsets.UTF_8));
            DemoStreet street = new DemoStreet(f.enforcement, Fixture.T0);
            for (int s = 0; s <= DemoStreet.LENGTH + 60; s++) {
                f.clock.set(Fixture.T0.plusSeconds(s));
                street.step();
                f.enforcement.pump();
            }

            assertThat(kinds(events, "CaseFiled")).hasSize(5);
            assertThat(kinds(events, "NoOffSiteCase")).hasSize(1);
            assertThat(kinds(events, "SmsDeadLettered")).hasSize(1);
            assertThat(kinds(events, "VoiceWarning")).hasSize(4); // vendor twice, the fruit shop twice
            assertThat(kinds(events, "OperatorTexted")).hasSize(2).allMatch(e -> e.text().contains("鲜果铺"));
            assertThat(kinds(events, "TruckFinding")).hasSize(1).allMatch(e -> e.text().startsWith("OFF_CORRIDOR"));
            assertThat(events).anyMatch(e -> e.kind().equals("EpisodeResolved") && e.text().startsWith("MOVED"));
            assertThat(kinds(events, "EvidenceCollected")).hasSize(4);
            assertThat(kinds(events, "EvidenceAdded")).hasSize(1).allMatch(e -> e.text().endsWith("evidence complete"));
            assertThat(kinds(events, "RoutingFailed")).isEmpty();

            List<StoredCase> filed = f.enforcement.caseStore().findByState(CaseState.FILED, 10);
            assertThat(filed).extracting(c -> c.penaltyCase().violation().code()).containsExactlyInAnyOrder("PARKING",
                    "ROAD_OCCUPATION", "TRADING_BEYOND_SHOPFRONT", "HOUSEHOLD_WASTE", "CONSTRUCTION_WASTE");
            for (StoredCase c : filed) {
                Completeness done = f.enforcement.desk().completeness(c.penaltyCase());
                assertThat(done.complete()).as(c.caseId() + " " + done).isTrue();
            }
            // the truck's case: the hashed track and the loading site's gate picture of the truck driving out
            StoredCase truck = filed.stream().filter(c -> c.penaltyCase().violation().code()
                    .equals("CONSTRUCTION_WASTE")).findFirst().orElseThrow();
            assertThat(kinds(events, "GatePassage")).hasSize(1);
            assertThat(f.enforcement.desk().chain(truck.caseId()).items())
                    .anyMatch(i -> i.spec().kind() == io.offsite.evidence.ItemKind.GPS_TRACK)
                    .anyMatch(i -> i.spec().kind() == io.offsite.evidence.ItemKind.STILL
                            && i.spec().capturedBy().equals(DemoStreet.SITE_GATE_CAMERA)
                            && "S-BEIYUAN".equals(i.spec().facts().get("site")));
            StoredCase shop = filed.stream().filter(c -> c.penaltyCase().violation().code()
                    .equals("TRADING_BEYOND_SHOPFRONT")).findFirst().orElseThrow();
            var file = f.enforcement.premises().files().load("HY-SHOP-0001");
            assertThat(file.findings()).hasSize(1);
            assertThat(file.cases()).extracting(r -> r.caseId()).containsExactly(shop.caseId());
            assertThat(f.enforcement.outbox().messages(MessageStatus.PENDING)).isEmpty();
            String timeline = printed.toString(StandardCharsets.UTF_8);
            assertThat(timeline).contains("MoveWindowStarted").contains("DispatchOfficer").contains("CaseFiled")
                    .doesNotContain("13812345678").doesNotContain("浙J12345");
        }
    }

    /** The demo street run to its end: the events in the order they were published, and what the demo printed. */
    private record Run(List<ServerEvent> events, List<String> printed) {
    }

    private static Run runDemo() {
        try (Fixture f = new Fixture()) {
            List<ServerEvent> events = new CopyOnWriteArrayList<>();
            f.enforcement.listen(events::add);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            DemoTimeline timeline = DemoStreet.printTimeline(f.enforcement, new PrintStream(printed, true,
                    StandardCharsets.UTF_8));
            DemoStreet street = new DemoStreet(f.enforcement, Fixture.T0);
            for (int s = 0; s <= DemoStreet.LENGTH + 60; s++) {
                f.clock.set(Fixture.T0.plusSeconds(s));
                street.step();
                f.enforcement.pump();
                timeline.advance(f.clock.instant());
            }
            timeline.flush();
            return new Run(List.copyOf(events), printed.toString(StandardCharsets.UTF_8).lines().toList());
        }
    }

    @Test
    void demoTimeline_printsInTimeOrder_equalTimesInTheOrderTheyHappened() {
        Run run = runDemo();
        // published in the order the server decides: some lines carry an earlier time than one published before them
        assertThat(run.events()).extracting(ServerEvent::at).isNotEqualTo(run.events().stream().map(ServerEvent::at)
                .sorted().toList());
        List<String> expected = run.events().stream().sorted(java.util.Comparator.comparing(ServerEvent::at))
                .map(DemoTimeline::line).toList();
        assertThat(run.printed()).containsExactlyElementsOf(expected);
        assertThat(run.printed()).noneMatch(l -> l.contains("(reported late)"));
    }

    @Test
    void demoTimeline_saysAWarningIsAWarning_notZeroYuan() {
        List<String> filed = runDemo().printed().stream().filter(l -> l.contains("CaseFiled")).toList();
        assertThat(filed).hasSize(5).noneMatch(l -> l.contains("intended 0 yuan"));
        assertThat(filed).filteredOn(l -> l.contains("intended warning (no fine);")).hasSize(2);
        assertThat(filed).filteredOn(l -> l.contains("intended 5000 yuan;")).hasSize(1); // the haulage company
    }

    private static List<ServerEvent> kinds(List<ServerEvent> events, String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
