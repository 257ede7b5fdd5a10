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
    void demoStreetEndsInTwoCasesOneOnSiteDispatchAndOneCarThatLeft() {
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

            assertThat(kinds(events, "CaseFiled")).hasSize(2);
            assertThat(kinds(events, "NoOffSiteCase")).hasSize(1);
            assertThat(kinds(events, "SmsDeadLettered")).hasSize(1);
            assertThat(kinds(events, "VoiceWarning")).hasSize(2);
            assertThat(events).anyMatch(e -> e.kind().equals("EpisodeResolved") && e.text().startsWith("MOVED"));
            assertThat(kinds(events, "EvidenceCollected")).hasSize(2).allMatch(e -> e.text().endsWith("complete"));
            assertThat(kinds(events, "RoutingFailed")).isEmpty();

            List<StoredCase> filed = f.enforcement.caseStore().findByState(CaseState.FILED, 10);
            assertThat(filed).extracting(c -> c.penaltyCase().violation().code())
                    .containsExactlyInAnyOrder("PARKING", "ROAD_OCCUPATION");
            for (StoredCase c : filed) {
                assertThat(f.enforcement.desk().completeness(c.penaltyCase()).complete()).isTrue();
            }
            assertThat(f.enforcement.outbox().messages(MessageStatus.PENDING)).isEmpty();
            String timeline = printed.toString(StandardCharsets.UTF_8);
            assertThat(timeline).contains("MoveWindowStarted").contains("DispatchOfficer").contains("CaseFiled")
                    .doesNotContain("13812345678").doesNotContain("浙J12345");
        }
    }

    private static List<ServerEvent> kinds(List<ServerEvent> events, String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
