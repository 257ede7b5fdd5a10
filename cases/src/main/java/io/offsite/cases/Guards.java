package io.offsite.cases;

import io.offsite.cases.deadline.CourtWindow;
import io.offsite.cases.deadline.DeadlineCalculator;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.Outcome;
import java.time.LocalDate;

/** The legal preconditions of each action; each failure names the case, the rule and the dates involved. */
final class Guards {
    private Guards() {
    }

    static void check(CaseLifecycle lc, PenaltyCase.Draft d, CaseCommand cmd, LocalDate date) {
        DeadlineCalculator dl = lc.deadlines();
        String id = "case " + d.caseId + ": " + cmd.action();
        switch (cmd.action()) {
            case SERVE_NOTICE: {
                Decision intended = decision(d, cmd, id);
                if (intended.outcome() == Outcome.NO_PENALTY) {
                    throw new CaseException(id + " with a NO_PENALTY decision; use DECIDE_NO_PENALTY instead");
                }
                d.noticeServedOn = date;
                d.noticeService = cmd.service().orElseThrow();
                d.intended = intended;
                d.hearingEligible = CaseLifecycle.fine(intended)
                        && intended.fineFen() >= lc.policy().hearingThresholdFen(d.party);
                break;
            }
            case REQUEST_HEARING: {
                if (!d.hearingEligible) {
                    throw new CaseException(id + ": the intended " + d.intended.outcome() + " of " + d.intended.fineFen()
                            + " fen is below the hearing threshold of " + lc.policy().hearingThresholdFen(d.party)
                            + " fen for " + d.party + " (APL Art. 63)");
                }
                LocalDate end = dl.hearingRequestEnds(d.noticeServedOn).date();
                if (date.isAfter(end)) {
                    throw new CaseException(id + " on " + date + " is late: the request period ended on " + end);
                }
                d.hearingRequestedOn = date;
                break;
            }
            case HOLD_HEARING: {
                // the notice cannot precede the request, so the hearing needs the full notice period after it
                LocalDate noticeEnd = dl.counter().end(d.hearingRequestedOn, dl.policy().hearingNotice());
                if (!date.isAfter(noticeEnd)) {
                    throw new CaseException(id + " on " + date + " is too early: the party must be notified "
                            + dl.policy().hearingNotice() + " before the hearing; after the request on "
                            + d.hearingRequestedOn + " the earliest hearing day is " + noticeEnd.plusDays(1));
                }
                d.hearingHeld = true;
                break;
            }
            case SUBMIT_FOR_REVIEW:
                if (d.state == CaseState.NOTICE_SERVED) {
                    periodsOver(dl, d, date, id);
                }
                break;
            case APPROVE_REVIEW:
                d.reviewPassed = true;
                break;
            case RETURN_FOR_INVESTIGATION:
                d.noticeServedOn = null;
                d.noticeService = null;
                d.intended = null;
                d.hearingEligible = false;
                d.hearingRequestedOn = null;
                d.hearingHeld = false;
                d.reviewPassed = false;
                break;
            case EXTEND_DECISION_PERIOD: {
                LocalDate newDue = cmd.eventDate().orElseThrow(() -> new CaseException(id
                        + " needs the new due date as eventDate"));
                LocalDate current = lc.decisionDue(d).date();
                if (!newDue.isAfter(current)) {
                    throw new CaseException(id + ": new due date " + newDue + " is not after the current one " + current);
                }
                if (cmd.attachments().isEmpty()) {
                    throw new CaseException(id + " needs the approval document as an attachment (APL Art. 60)");
                }
                d.decisionDueOn = newDue;
                d.decisionExtended = true;
                break;
            }
            case DECIDE:
                decide(lc, d, cmd, date, id);
                break;
            case DECIDE_NO_PENALTY:
                cmd.decision().ifPresent(x -> {
                    if (x.outcome() != Outcome.NO_PENALTY) {
                        throw new CaseException(id + " with a " + x.outcome() + " decision; use DECIDE");
                    }
                });
                d.decision = cmd.decision().orElse(null);
                d.decidedOn = date;
                break;
            case WITHDRAW:
                if (cmd.reason().isBlank()) {
                    throw new CaseException(id + " needs a reason (recorded for review)");
                }
                break;
            case SERVE_DECISION:
                d.decisionServedOn = date;
                d.decisionService = cmd.service().orElseThrow();
                if (CaseLifecycle.fine(d.decision)) {
                    d.paymentDueOn = dl.paymentDue(date).date();
                }
                break;
            case RECORD_PAYMENT: {
                if (!CaseLifecycle.fine(d.decision)) {
                    throw new CaseException(id + ": the decision is " + d.decision.outcome() + "; there is nothing to pay");
                }
                d.paymentDueOn = dl.paymentDue(d.decisionServedOn).date(); // recounted: an official year may have arrived
                long surcharge = dl.lateSurchargeFen(d.decision.fineFen(), d.paymentDueOn, date);
                long due = d.decision.fineFen() + surcharge;
                if (cmd.amountFen() != due) {
                    throw new CaseException(id + ": payment of " + cmd.amountFen() + " fen on " + date
                            + " does not match the amount due: fine " + d.decision.fineFen() + " + surcharge " + surcharge
                            + " = " + due + " fen (due date " + d.paymentDueOn + ")");
                }
                d.paidFen = due;
                break;
            }
            case SERVE_DEMAND:
                if (!CaseLifecycle.fine(d.decision)) {
                    throw new CaseException(id + ": the decision is " + d.decision.outcome() + "; there is nothing to demand");
                }
                d.paymentDueOn = dl.paymentDue(d.decisionServedOn).date();
                if (!date.isAfter(d.paymentDueOn)) {
                    throw new CaseException(id + " on " + date + " is premature: the fine is due until " + d.paymentDueOn);
                }
                d.demandServedOn = date;
                d.demandService = cmd.service().orElseThrow();
                break;
            case APPLY_TO_COURT: {
                CourtWindow w = dl.courtEnforcementWindow(d.decisionServedOn, d.demandServedOn);
                if (!w.allows(date)) {
                    throw new CaseException(id + " on " + date + " is outside the court-enforcement window "
                            + w.earliest() + ".." + w.latest() + " (litigation period ends " + w.litigationEndsOn()
                            + ", demand matures " + w.demandMaturesOn() + "; ACL Arts. 53–54)");
                }
                break;
            }
            case CLOSE:
                if (d.state == CaseState.DECISION_SERVED && CaseLifecycle.fine(d.decision)) {
                    throw new CaseException(id + ": the fine of " + d.decision.fineFen() + " fen is unpaid; record the"
                            + " payment or serve a demand");
                }
                break;
            default:
                break;
        }
    }

    private static void decide(CaseLifecycle lc, PenaltyCase.Draft d, CaseCommand cmd, LocalDate date, String id) {
        Decision fin = decision(d, cmd, id);
        if (fin.outcome() == Outcome.NO_PENALTY) {
            throw new CaseException(id + " with a NO_PENALTY decision; use DECIDE_NO_PENALTY instead");
        }
        if (d.state == CaseState.NOTICE_SERVED) {
            periodsOver(lc.deadlines(), d, date, id);
        }
        if (fin.compareSeverity(d.intended) > 0) {
            throw new CaseException(id + ": the decision (" + fin.outcome() + " " + fin.fineFen() + " fen) is heavier than"
                    + " the notified intent (" + d.intended.outcome() + " " + d.intended.fineFen() + " fen); serve a new"
                    + " notice first (APL Art. 45)");
        }
        boolean review = d.hearingHeld && lc.policy().reviewAfterHearing()
                || CaseLifecycle.fine(fin) && fin.fineFen() >= lc.policy().reviewThresholdFen(d.party);
        if (review && !d.reviewPassed) {
            throw new CaseException(id + ": legal review is required (" + (d.hearingHeld ? "a hearing was held"
                    : "fine " + fin.fineFen() + " fen >= " + lc.policy().reviewThresholdFen(d.party) + " fen")
                    + ") and has not passed (APL Art. 58)");
        }
        LocalDate due = lc.decisionDue(d).date();
        if (date.isAfter(due)) {
            throw new CaseException(id + " on " + date + " is late: the decision period ended on " + due
                    + "; record an approved extension (EXTEND_DECISION_PERIOD) first");
        }
        d.decision = fin;
        d.decidedOn = date;
    }

    private static void periodsOver(DeadlineCalculator dl, PenaltyCase.Draft d, LocalDate date, String id) {
        LocalDate statement = dl.statementDefenceEnds(d.noticeServedOn).date();
        if (!date.isAfter(statement)) {
            throw new CaseException(id + " on " + date + " is premature: the statement and defence period runs until "
                    + statement + " (APL Art. 44–45)");
        }
        if (d.hearingEligible) {
            LocalDate hearing = dl.hearingRequestEnds(d.noticeServedOn).date();
            if (!date.isAfter(hearing)) {
                throw new CaseException(id + " on " + date + " is premature: the party may request a hearing until " + hearing);
            }
        }
    }

    private static Decision decision(PenaltyCase.Draft d, CaseCommand cmd, String id) {
        Decision x = cmd.decision().orElseThrow(() -> new CaseException(id + " needs the decision (withDecision)"));
        if (!x.violation().equals(d.violation)) {
            throw new CaseException(id + ": decision is for " + x.violation() + " but the case is " + d.violation);
        }
        return x;
    }
}
