package io.offsite.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.cases.penalty.PenaltyCatalogue;
import io.offsite.cases.penalty.PenaltyTable;
import io.offsite.core.violation.Violation;
import io.offsite.testkit.Law;
import io.offsite.testkit.LawReport;
import io.offsite.testkit.Laws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a rule author checks their own benchmark table in a few lines. */
class RuleAuthorExampleTest {
    /** The author's draft table for spitting in public (a city rule, figures illustrative). */
    static final String MY_TABLE = """
        {"code": "SPITTING", "name": "随地吐痰",
         "versions": [{"version": "draft-1", "effective": "2026-01-01",
           "basis": {"law": "City sanitation regulation", "article": "12"},
           "statutory": {"PERSON": {"minYuan": 20, "maxYuan": 50}},
           "warningAllowed": true,
           "tiers": [
             {"id": "first", "name": "first time", "when": {"repeatCount": {"max": 0}}, "outcome": "WARNING"},
             {"id": "again", "name": "again", "when": {"repeatCount": {"min": 1}}, "outcome": "FINE",
              "fine": {"minYuan": 20, "maxYuan": 50, "start": "MID"}}]}]}
        """;

    @Test
    void myTable_keepsTheLawsOfDiscretion() {
        PenaltyTable table = PenaltyCatalogue.loader().add("spitting.json", MY_TABLE).load().require(Violation.of("SPITTING"));
        Laws.lawsOf(table).assertHolds();
    }

    @Test
    void aTableBreakingALaw_isReportedWithItsSmallestCounterexample() {
        // the author lets "confessed" *raise* the start point by making the fine start at MIN and
        // mistakenly moving to a tier with a higher band when the party confessed
        String broken = MY_TABLE.replace("{\"repeatCount\": {\"min\": 1}}",
                "[{\"repeatCount\": {\"min\": 1}}, {\"mitigating\": [\"CONFESSED\"]}]")
                .replace("{\"repeatCount\": {\"max\": 0}}", "{\"repeatCount\": {\"max\": 0}, \"notMitigating\": [\"CONFESSED\"]}");
        PenaltyTable table = PenaltyCatalogue.loader().add("spitting.json", broken).load().require(Violation.of("SPITTING"));
        LawReport report = Laws.lawsOf(table);
        assertThat(report.holds()).isFalse();
        assertThat(report.counterexamples().get(0).law()).isEqualTo(Law.MITIGATION_NEVER_RAISES);
        assertThat(report.counterexamples().get(0).facts().repeatCount()).isZero();
    }

    @Test
    void rulesDemo_printsExplanationsAndDeadlinesAcrossNationalDay() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        RulesDemo.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("PARKING").contains("HOUSEHOLD_WASTE").contains("行政处罚法 Art. 32(3)")
                .contains("by 2025-10-14").contains("is CLOSED");
    }
}
