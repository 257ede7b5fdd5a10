package io.offsite.examples.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's store wiring runs on an embedded H2 file and reopens it. */
class StoreWiringSnippetTest {
    @Test
    void run_wiresEveryStoreOnTheEmbeddedDatabase_andReopensIt(@TempDir Path dir) {
        SettableClock clock = SettableClock.at(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(StoreWiringSnippet.run(dir, clock)).startsWith("H2 answered; schema V13;").contains("outbox 0 messages");
        assertThat(StoreWiringSnippet.run(dir, clock)).startsWith("H2 answered; schema V13;");
        assertThat(dir.resolve("offsite.mv.db")).exists();
    }
}
