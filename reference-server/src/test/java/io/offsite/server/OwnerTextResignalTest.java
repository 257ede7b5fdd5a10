package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A delivery receipt the engine heard but had not yet checkpointed when the process died is told to the restarted
 * engine from the outbox ({@link OwnerTexts#resignal}), so the owner's ten-minute window still starts from the
 * delivery.
 */
class OwnerTextResignalTest {

    @Test
    void deliveryAfterTheLastCheckpoint_startsTheWindowAgainInTheRestartedEngine() {
        Path dir = Fixture.newDir();
        Fixture before = new Fixture(dir, null);
        try {
            List<ServerEvent> events = new CopyOnWriteArrayList<>();
            before.enforcement.listen(events::add);
            DemoStreet street = new DemoStreet(before.enforcement, Fixture.T0);
            int s = 0;
            while (events.stream().noneMatch(e -> e.kind().equals("SmsDelivered")) && s < 600) {
                before.clock.set(Fixture.T0.plusSeconds(++s));
                street.step();
                before.enforcement.pump();
            }
            assertThat(events).as("an owner text delivered within ten minutes").anyMatch(e -> e.kind().equals("SmsDelivered"));
            assertThat(before.enforcement.effectCounts()).containsEntry("MoveWindowStarted", 1L);

            // the process dies here: no checkpoint after the delivery; a new one starts on the same database
            try (Fixture after = new Fixture(dir, null, before.clock.instant())) {
                assertThat(after.enforcement.effectCounts()).as("the resumed episode heard its delivery again")
                        .containsEntry("MoveWindowStarted", 1L);
            }
        } finally {
            before.db.close(); // its engine died: it never checkpoints again (closing it would flush over the new one's)
        }
    }
}
