package io.offsite.examples.rules;

import io.offsite.core.cases.CaseAction;
import io.offsite.core.cases.CaseCommand;
import io.offsite.core.cases.CaseLifecycle;
import io.offsite.core.cases.PenaltyCase;
import io.offsite.core.cases.TimelineEntry;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.penalty.Aggravation;
import io.offsite.core.penalty.Assessment;
import io.offsite.core.penalty.Facts;
import io.offsite.core.penalty.HarmLevel;
import io.offsite.core.penalty.Mitigation;
import io.offsite.core.penalty.PartyType;
import io.offsite.core.penalty.PenaltyCatalogue;
import io.offsite.core.violation.Violation;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Assesses a parking and a dumping case with explanations, then moves the parking case through its
 * lifecycle and prints each next deadline (the first one runs across National Day 2025).
 */
public final class RulesDemo {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OfficerId WANG = OfficerId.of("ZJ-0457");
    private static final OfficerId LI = OfficerId.of("ZJ-0458");

    private RulesDemo() {
    }

    /** Runs the demo, writing to {@code out}. */
    public static void run(PrintStream out) {
        PenaltyCatalogue catalogue = PenaltyCatalogue.shipped();
        LocalDate day = LocalDate.of(2025, 9, 22);

        Facts parking = Facts.builder().repeatCount(2).harm(HarmLevel.MINOR).mitigation(Mitigation.CONFESSED).build();
        Assessment p = catalogue.explain(Violation.PARKING, parking, day);
        print(out, "PARKING " + parking, p);

        Facts dumping = Facts.builder().party(PartyType.ORGANISATION).repeatCount(1).harm(HarmLevel.MODERATE)
                .aggravation(Aggravation.SENSITIVE_AREA).build();
        print(out, "HOUSEHOLD_WASTE " + dumping, catalogue.explain(Violation.HOUSEHOLD_WASTE, dumping, day));

        CaseLifecycle lifecycle = CaseLifecycle.builder().build();
        PenaltyCase c = lifecycle.file("2025-ZJ-0193", Violation.PARKING, PartyType.PERSON, at(2025, 9, 22),
                "SMS order to move ignored; parking notice issued", WANG, LI);
        c = lifecycle.apply(c, cmd("c1", CaseAction.START_INVESTIGATION, at(2025, 9, 23), "collect camera evidence")
                .withAttachments("evidence:sha256:3f9a"));
        c = lifecycle.apply(c, cmd("c2", CaseAction.SERVE_NOTICE, at(2025, 9, 30), "notice of intended penalty served")
                .withDecision(p.decision()));
        out.println("notice served 2025-09-30 → next: " + lifecycle.nextDeadline(c, LocalDate.of(2025, 9, 30)).orElseThrow());
        c = lifecycle.apply(c, cmd("c3", CaseAction.DECIDE, at(2025, 10, 15), "no statement received")
                .withDecision(p.decision()));
        out.println("decided 2025-10-15 → next: " + lifecycle.nextDeadline(c, LocalDate.of(2025, 10, 15)).orElseThrow());
        c = lifecycle.apply(c, cmd("c4", CaseAction.SERVE_DECISION, at(2025, 10, 16), "served in person"));
        out.println("served 2025-10-16 → next: " + lifecycle.nextDeadline(c, LocalDate.of(2025, 10, 16)).orElseThrow());
        c = lifecycle.apply(c, CaseCommand.of("c5", CaseAction.RECORD_PAYMENT, at(2025, 10, 20), "paid online", WANG)
                .withAmountFen(p.decision().fineFen()));
        c = lifecycle.apply(c, CaseCommand.of("c6", CaseAction.CLOSE, at(2025, 10, 21), "archived", WANG));
        out.println("case " + c.caseId() + " is " + c.state() + "; timeline:");
        for (TimelineEntry e : c.timeline()) {
            out.println("  #" + e.seq() + " " + e.eventDate() + " " + e.action() + " " + e.from() + " → " + e.to()
                    + " by " + e.actors() + ": " + e.reason());
        }
    }

    private static void print(PrintStream out, String title, Assessment a) {
        out.println(title);
        out.println("  → " + a.decision().outcome() + " " + a.decision().fineFen() + " fen (tier "
                + a.decision().tierId() + ", version " + a.decision().versionId() + ")");
        a.explanation().steps().forEach(s -> out.println("    " + s));
    }

    private static CaseCommand cmd(String id, CaseAction action, Instant at, String reason) {
        return CaseCommand.of(id, action, at, reason, WANG, LI);
    }

    private static Instant at(int y, int m, int d) {
        return LocalDate.of(y, m, d).atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    /** Runs the demo on standard output. */
    public static void main(String[] args) {
        run(System.out);
    }
}
