package io.offsite.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rules demo serves documents with proof and shows a provisional deadline for a case filed today. */
class RulesDemoTest {
    @Test
    void rulesDemo_countsFromEffectiveServiceAndFlagsTheProvisional2027Deadline() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        RulesDemo.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(buf.toString(StandardCharsets.UTF_8)).containsSubsequence(
                "notice: postal receipt signed (邮寄送达), effective 2025-09-30",
                "receive the party's statement and defence by 2025-10-14",
                "SERVE_NOTICE INVESTIGATING → NOTICE_SERVED", "proof POSTAL_RECEIPT EMS 1180 2233 4455",
                "case filed 2026-12-05 → next: decide the case by 2027-03-05", "PROVISIONAL: 2027 counted provisionally");
    }

    @Test
    void rulesDemo_timelineShowsNoStateBeforeTheFilingEntry() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        RulesDemo.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains(" FILE — → FILED by ").doesNotContain("FILED → FILED");
    }
}
