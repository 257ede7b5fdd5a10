package io.offsite.examples.rules;

import io.offsite.cases.CaseAction;
import io.offsite.cases.CaseCommand;
import io.offsite.cases.CaseLifecycle;
import io.offsite.cases.PenaltyCase;
import io.offsite.cases.TimelineEntry;
import io.offsite.core.grid.OfficerId;
import io.offsite.cases.penalty.Aggravation;
import io.offsite.cases.penalty.Assessment;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.HarmLevel;
import io.offsite.cases.penalty.Mitigation;
import io.offsite.cases.penalty.PartyType;
import io.offsite.cases.penalty.PenaltyCatalogue;
import io.offsite.core.violation.Violation;
import io.offsite.core.service.DocumentKind;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import io.offsite.cases.service.ServiceRecord;
import io.offsite.cases.service.ServiceRules;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Assesses a parking and a dumping case with explanations, then moves the parking case through its
 * lifecycle and prints each next deadline (the first one runs across National Day 2025). The notice and the
 * decision are served with proof (core's {@link ServiceRecord}); the periods run from effective service, and
 * a case filed today shows its provisional 2027 deadline.
 */
public final class RulesDemo {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OfficerId WANG = OfficerId.of("HYZF-0457");
    private static final OfficerId LI = OfficerId.of("HYZF-0458");

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
        PenaltyCase c = lifecycle.file("331003-2025-000193", Violation.PARKING, PartyType.PERSON, at(2025, 9, 22),
                "SMS order to move ignored; parking notice issued", WANG, LI);
        c = lifecycle.apply(c, cmd("c1", CaseAction.START_INVESTIGATION, at(2025, 9, 23), "collect camera evidence")
                .withAttachments("evidence:sha256:3f9a"));
        // The notice goes by post on 26 Sep and is received on 30 Sep: service takes effect on receipt.
        ServiceRecord notice = ServiceRecord.open("331003-2025-000193/notice", DocumentKind.PENALTY_NOTICE, "party-0193",
                ServiceRules.defaults()).record(new ServiceAttempt(ServiceMethod.MAIL, at(2025, 9, 26),
                ServiceAttempt.Outcome.SERVED, at(2025, 9, 30), "台州市黄岩区劳动北路1号",
                List.of(new ServiceProof(ServiceProof.Kind.POSTAL_RECEIPT, "EMS 1180 2233 4455", "post office")), ""));
        out.println("notice: " + notice.effect().orElseThrow().basis() + ", effective "
                + notice.effect().orElseThrow().effectiveOn());
        c = lifecycle.apply(c, cmd("c2", CaseAction.SERVE_NOTICE, at(2025, 10, 1), "notice of intended penalty served")
                .withDecision(p.decision()).withService(notice));
        out.println("notice served 2025-09-30 → next: " + lifecycle.nextDeadline(c, LocalDate.of(2025, 10, 1)).orElseThrow());
        c = lifecycle.apply(c, cmd("c3", CaseAction.DECIDE, at(2025, 10, 15), "no statement received")
                .withDecision(p.decision()));
        out.println("decided 2025-10-15 → next: " + lifecycle.nextDeadline(c, LocalDate.of(2025, 10, 15)).orElseThrow());
        ServiceRecord decision = ServiceRecord.open("331003-2025-000193/decision", DocumentKind.DECISION, "party-0193",
                ServiceRules.defaults()).record(ServiceAttempt.of(ServiceMethod.DIRECT, at(2025, 10, 16),
                ServiceAttempt.Outcome.SERVED, "台州市黄岩区劳动北路1号",
                new ServiceProof(ServiceProof.Kind.RECIPIENT_SIGNATURE, "送达回证 000193-2", "party")));
        c = lifecycle.apply(c, cmd("c4", CaseAction.SERVE_DECISION, at(2025, 10, 16), "served in person")
                .withService(decision));
        out.println("served 2025-10-16 → next: " + lifecycle.nextDeadline(c, LocalDate.of(2025, 10, 16)).orElseThrow());
        c = lifecycle.apply(c, CaseCommand.of("c5", CaseAction.RECORD_PAYMENT, at(2025, 10, 20), "paid online", WANG)
                .withAmountFen(p.decision().fineFen()));
        c = lifecycle.apply(c, CaseCommand.of("c6", CaseAction.CLOSE, at(2025, 10, 21), "archived", WANG));
        out.println("case " + c.caseId() + " is " + c.state() + "; timeline:");
        for (TimelineEntry e : c.timeline()) {
            out.println("  #" + e.seq() + " " + e.eventDate() + " " + e.action() + " " + e.stateBefore().map(Enum::name).orElse("—") + " → " + e.to()
                    + " by " + e.actors() + ": " + e.reason() + (e.attachments().isEmpty() ? "" : " " + e.attachments()));
        }
        PenaltyCase today = lifecycle.file("331003-2026-000871", Violation.PARKING, PartyType.PERSON, at(2026, 12, 5),
                "filed today", WANG, LI);
        out.println("case filed 2026-12-05 → next: " + lifecycle.nextDeadline(today, LocalDate.of(2026, 12, 5))
                .orElseThrow());
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
