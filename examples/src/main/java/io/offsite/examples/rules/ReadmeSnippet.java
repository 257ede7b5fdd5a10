package io.offsite.examples.rules;

import io.offsite.cases.deadline.DeadlineCalculator;
import io.offsite.cases.penalty.*;
import io.offsite.core.violation.Violation;
import io.offsite.testkit.Laws;
import java.time.LocalDate;

/** The README snippet for penalty rules and deadlines, compiled so it cannot rot. */
public final class ReadmeSnippet {
    public static void main(String[] args) {
        PenaltyCatalogue catalogue = PenaltyCatalogue.shipped();           // validated at load
        Facts facts = Facts.builder().repeatCount(2).harm(HarmLevel.MINOR).mitigation(Mitigation.CONFESSED).build();
        Assessment a = catalogue.explain(Violation.PARKING, facts, LocalDate.of(2025, 6, 2));
        System.out.println(a.decision().outcome() + " " + a.decision().fineFen() + " fen");
        a.explanation().steps().forEach(System.out::println);              // tier, adjustments, citations
        DeadlineCalculator deadlines = DeadlineCalculator.chinaDefaults(); // official 2024–2026, provisional 2027–2060
        System.out.println(deadlines.statementDefenceEnds(LocalDate.of(2025, 9, 30)));
        Laws.lawsOf(catalogue.require(Violation.PARKING)).assertHolds();           // rule-author invariants
    }
}
