package io.offsite.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.cases.deadline.Deadline;
import io.offsite.core.grid.OfficerId;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.Outcome;
import io.offsite.cases.penalty.PartyType;
import io.offsite.core.violation.Violation;
import io.offsite.core.service.DocumentKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseLifecycleTest {
    static final OfficerId A = OfficerId.of("ZJ-001");
    static final OfficerId B = OfficerId.of("ZJ-002");
    static final CaseLifecycle LC = CaseLifecycle.builder().build();
    static final Decision PARKING_20 = new Decision(Violation.PARKING, "zj-2025", Outcome.FINE, 2_000, "minor", Optional.empty());

    /** 10:00 in Shanghai on the given day. */
    static Instant at(int y, int m, int d) {
        return LocalDate.of(y, m, d).atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** A command by two officers; a service step carries the document signed for at {@code when}. */
    static CaseCommand cmd(String id, CaseAction a, Instant when) {
        CaseCommand c = CaseCommand.of(id, a, when, "test step " + id, A, B);
        DocumentKind kind = Served.kindOf(a);
        return kind == null ? c : c.withService(Served.signed(kind, when));
    }

    static PenaltyCase noticeServed() {
        PenaltyCase c = LC.file("C-1", Violation.PARKING, PartyType.PERSON, at(2025, 9, 1), "warning ignored", A, B);
        c = LC.apply(c, cmd("1", CaseAction.START_INVESTIGATION, at(2025, 9, 2)));
        return LC.apply(c, cmd("2", CaseAction.SERVE_NOTICE, at(2025, 9, 26)).withDecision(PARKING_20));
    }

    @Test
    void parkingCase_runsFromFilingToClosedWithSurchargeForLatePayment() {
        PenaltyCase c = noticeServed();
        c = LC.apply(c, cmd("3", CaseAction.DECIDE, at(2025, 10, 13)).withDecision(PARKING_20));
        c = LC.apply(c, cmd("4", CaseAction.SERVE_DECISION, at(2025, 10, 14)));
        assertThat(c.paymentDueOn()).contains(LocalDate.of(2025, 10, 29));
        c = LC.apply(c, CaseCommand.of("5", CaseAction.RECORD_PAYMENT, at(2025, 10, 31), "paid online", A)
                .withAmountFen(2_120).withAttachments("receipt-77"));
        c = LC.apply(c, CaseCommand.of("6", CaseAction.CLOSE, at(2025, 11, 3), "archived", A));
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
        assertThat(c.paidFen()).isEqualTo(2_120);
        assertThat(c.timeline()).hasSize(7);
        assertThat(c.timeline().get(5).attachments()).containsExactly("receipt-77");
        assertThat(c.timeline()).extracting(TimelineEntry::to).containsExactly(CaseState.FILED, CaseState.INVESTIGATING,
                CaseState.NOTICE_SERVED, CaseState.DECIDED, CaseState.DECISION_SERVED, CaseState.PAID, CaseState.CLOSED);
    }

    @Test
    void filingEntry_hasNoStateBefore_laterEntriesNameTheStateTheyLeft() {
        PenaltyCase c = noticeServed();
        assertThat(c.timeline().get(0).action()).isEqualTo("FILE");
        assertThat(c.timeline().get(0).stateBefore()).isEmpty();
        assertThat(c.timeline().subList(1, c.timeline().size())).extracting(TimelineEntry::stateBefore)
                .containsExactly(Optional.of(CaseState.FILED), Optional.of(CaseState.INVESTIGATING));
    }

    @Test
    void filedCase_decisionDue90DaysLaterRolledOffASunday() {
        PenaltyCase c = LC.file("C-1", Violation.PARKING, PartyType.PERSON, at(2025, 9, 1), "r", A, B);
        assertThat(c.decisionDueOn()).isEqualTo(LocalDate.of(2025, 12, 1));
    }

    @Test
    void nextDeadline_afterNotice_isTheStatementPeriodAcrossNationalDay() {
        Deadline next = LC.nextDeadline(noticeServed(), LocalDate.of(2025, 9, 26)).orElseThrow();
        assertThat(next.date()).isEqualTo(LocalDate.of(2025, 10, 10));
        assertThat(next.consequence()).contains("may decide");
    }

    @Test
    void illegalTransition_isRejectedNamingTheAllowedActions() {
        PenaltyCase c = LC.file("C-1", Violation.PARKING, PartyType.PERSON, at(2025, 9, 1), "r", A, B);
        assertThatThrownBy(() -> LC.apply(c, cmd("x", CaseAction.SERVE_DECISION, at(2025, 9, 2))))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.state()).isEqualTo(CaseState.FILED);
                    assertThat(e.allowed()).contains(CaseAction.START_INVESTIGATION, CaseAction.WITHDRAW);
                })
                .hasMessageContaining("allowed:");
    }

    @Test
    void oneOfficer_cannotServeTheNotice() {
        PenaltyCase c = LC.apply(LC.file("C-1", Violation.PARKING, PartyType.PERSON, at(2025, 9, 1), "r", A, B),
                cmd("1", CaseAction.START_INVESTIGATION, at(2025, 9, 2)));
        assertThatThrownBy(() -> LC.apply(c, CaseCommand.of("2", CaseAction.SERVE_NOTICE, at(2025, 9, 3), "r", A, A)
                .withDecision(PARKING_20))).isInstanceOf(CaseException.class).hasMessageContaining("two distinct officers");
        assertThatThrownBy(() -> LC.file("C-2", Violation.PARKING, PartyType.PERSON, at(2025, 9, 1), "r", A))
                .isInstanceOf(CaseException.class);
    }

    @Test
    void decisionInsideTheStatementPeriod_isPremature() {
        assertThatThrownBy(() -> LC.apply(noticeServed(), cmd("3", CaseAction.DECIDE, at(2025, 10, 10)).withDecision(PARKING_20)))
                .isInstanceOf(CaseException.class).hasMessageContaining("runs until 2025-10-10");
    }

    @Test
    void decisionHeavierThanTheNotice_isRejected() {
        Decision heavier = new Decision(Violation.PARKING, "zj-2025", Outcome.FINE, 5_000, "minor", Optional.empty());
        assertThatThrownBy(() -> LC.apply(noticeServed(), cmd("3", CaseAction.DECIDE, at(2025, 10, 13)).withDecision(heavier)))
                .isInstanceOf(CaseException.class).hasMessageContaining("Art. 45");
    }

    @Test
    void wrongPaymentAmount_isRejectedStatingFineAndSurcharge() {
        PenaltyCase c = LC.apply(noticeServed(), cmd("3", CaseAction.DECIDE, at(2025, 10, 13)).withDecision(PARKING_20));
        PenaltyCase served = LC.apply(c, cmd("4", CaseAction.SERVE_DECISION, at(2025, 10, 14)));
        assertThatThrownBy(() -> LC.apply(served, CaseCommand.of("5", CaseAction.RECORD_PAYMENT, at(2025, 10, 31), "p", A)
                .withAmountFen(2_000))).isInstanceOf(CaseException.class)
                .hasMessageContaining("fine 2000 + surcharge 120 = 2120 fen");
    }

    @Test
    void sameCommandTwice_isIdempotent_butAReusedIdIsRejected() {
        PenaltyCase c = noticeServed();
        PenaltyCase again = LC.apply(c, cmd("2", CaseAction.SERVE_NOTICE, at(2025, 9, 26)).withDecision(PARKING_20));
        assertThat(again).isSameAs(c);
        assertThatThrownBy(() -> LC.apply(c, cmd("2", CaseAction.WITHDRAW, at(2025, 9, 27))))
                .isInstanceOf(CaseException.class).hasMessageContaining("already used");
    }

    @Test
    void commandEarlierThanTheLastStep_isRejectedAndTheCaseIsUnchanged() {
        PenaltyCase c = noticeServed();
        assertThatThrownBy(() -> LC.apply(c, cmd("3", CaseAction.WITHDRAW, at(2025, 9, 20))))
                .isInstanceOf(CaseException.class).hasMessageContaining("earlier than the last recorded step");
        assertThat(c.state()).isEqualTo(CaseState.NOTICE_SERVED);
        assertThat(c.timeline()).hasSize(3);
    }

    @Test
    void largeFine_allowsAHearing_andThenRequiresLegalReview() {
        Decision big = new Decision(Violation.HOUSEHOLD_WASTE, "swl-2020", Outcome.FINE, 15_000_000, "org-ordinary", Optional.empty());
        PenaltyCase c = LC.file("C-9", Violation.HOUSEHOLD_WASTE, PartyType.ORGANISATION, at(2025, 9, 1), "r", A, B);
        c = LC.apply(c, cmd("1", CaseAction.START_INVESTIGATION, at(2025, 9, 2)));
        c = LC.apply(c, cmd("2", CaseAction.SERVE_NOTICE, at(2025, 9, 3)).withDecision(big)
                .withService(Served.signed(DocumentKind.HEARING_RIGHTS_NOTICE, at(2025, 9, 3))));
        assertThat(c.hearingEligible()).isTrue();
        c = LC.apply(c, cmd("3", CaseAction.REQUEST_HEARING, at(2025, 9, 10)));
        c = LC.apply(c, cmd("4", CaseAction.HOLD_HEARING, at(2025, 9, 24)));
        PenaltyCase held = c;
        assertThatThrownBy(() -> LC.apply(held, cmd("5", CaseAction.DECIDE, at(2025, 9, 25)).withDecision(big)))
                .isInstanceOf(CaseException.class).hasMessageContaining("legal review is required");
        c = LC.apply(c, cmd("5", CaseAction.SUBMIT_FOR_REVIEW, at(2025, 9, 25)));
        c = LC.apply(c, cmd("6", CaseAction.APPROVE_REVIEW, at(2025, 9, 29)));
        c = LC.apply(c, cmd("7", CaseAction.DECIDE, at(2025, 9, 30)).withDecision(big));
        assertThat(c.state()).isEqualTo(CaseState.DECIDED);
        assertThat(LC.nextDeadline(c, LocalDate.of(2025, 9, 30)).orElseThrow().date()).isEqualTo(LocalDate.of(2025, 10, 16));
    }

    @Test
    void hearingTooSoonAfterTheRequest_isRejectedNamingTheEarliestDay() {
        Decision big = new Decision(Violation.PARKING, "zj-2025", Outcome.FINE, 1_000_000, "serious", Optional.empty());
        PenaltyCase c = LC.apply(LC.file("C-8", Violation.PARKING, PartyType.PERSON, at(2025, 9, 1), "r", A, B),
                cmd("1", CaseAction.START_INVESTIGATION, at(2025, 9, 2)));
        c = LC.apply(c, cmd("2", CaseAction.SERVE_NOTICE, at(2025, 9, 26)).withDecision(big)
                .withService(Served.signed(DocumentKind.HEARING_RIGHTS_NOTICE, at(2025, 9, 26))));
        PenaltyCase requested = LC.apply(c, cmd("3", CaseAction.REQUEST_HEARING, at(2025, 9, 29)));
        // 7 working days after Mon 29 Sep: 30 Sep, 9, 10, Sat 11 (make-up), 13, 14, 15 Oct
        assertThatThrownBy(() -> LC.apply(requested, cmd("4", CaseAction.HOLD_HEARING, at(2025, 10, 15))))
                .isInstanceOf(CaseException.class).hasMessageContaining("earliest hearing day is 2025-10-16");
        assertThat(LC.apply(requested, cmd("4", CaseAction.HOLD_HEARING, at(2025, 10, 16))).hearingHeld()).isTrue();
    }

    @Test
    void simpleProcedure_isLimitedTo200YuanForAPerson() {
        CasePolicy p = CasePolicy.defaults();
        assertThat(p.simpleProcedureAllowed(PARKING_20, PartyType.PERSON)).isTrue();
        assertThat(p.simpleProcedureAllowed(new Decision(Violation.PARKING, "v", Outcome.FINE, 20_100, "x", Optional.empty()),
                PartyType.PERSON)).isFalse();
        assertThat(p.simpleProcedureMaxFen(PartyType.ORGANISATION)).isEqualTo(300_000);
    }

    @Test
    void hearingRequest_belowThresholdOrLate_isRejected() {
        assertThatThrownBy(() -> LC.apply(noticeServed(), cmd("3", CaseAction.REQUEST_HEARING, at(2025, 9, 29))))
                .isInstanceOf(CaseException.class).hasMessageContaining("below the hearing threshold");
    }

    @Test
    void unpaidFine_goesToDemandAndCourtInsideTheWindowOnly() {
        PenaltyCase c = noticeServed();
        c = LC.apply(c, cmd("3", CaseAction.DECIDE, at(2025, 10, 13)).withDecision(PARKING_20));
        c = LC.apply(c, cmd("4", CaseAction.SERVE_DECISION, at(2025, 10, 14)));
        PenaltyCase served = c;
        assertThatThrownBy(() -> LC.apply(served, cmd("5", CaseAction.SERVE_DEMAND, at(2025, 10, 29))))
                .isInstanceOf(CaseException.class).hasMessageContaining("premature");
        c = LC.apply(c, cmd("5", CaseAction.SERVE_DEMAND, at(2025, 11, 3)));
        PenaltyCase demanded = c;
        assertThatThrownBy(() -> LC.apply(demanded, cmd("6", CaseAction.APPLY_TO_COURT, at(2026, 1, 5))))
                .isInstanceOf(CaseException.class).hasMessageContaining("outside the court-enforcement window 2026-04-15..2026-07-14");
        assertThat(LC.nextDeadline(c, LocalDate.of(2026, 1, 5)).orElseThrow().date()).isEqualTo(LocalDate.of(2026, 7, 14));
        c = LC.apply(c, cmd("6", CaseAction.APPLY_TO_COURT, at(2026, 4, 15)));
        c = LC.apply(c, cmd("7", CaseAction.RECORD_ENFORCEMENT, at(2026, 6, 1)));
        c = LC.apply(c, cmd("8", CaseAction.CLOSE, at(2026, 6, 2)));
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void closedCase_acceptsNothing() {
        PenaltyCase c = LC.apply(LC.file("C-1", Violation.PARKING, PartyType.PERSON, at(2025, 9, 1), "r", A, B),
                cmd("1", CaseAction.WITHDRAW, at(2025, 9, 2)));
        assertThat(LC.allowedActions(c)).isEmpty();
        assertThatThrownBy(() -> LC.apply(c, cmd("2", CaseAction.START_INVESTIGATION, at(2025, 9, 3))))
                .hasMessageContaining("none (terminal state)");
    }

    @Test
    void lateDecision_needsAnApprovedExtension() {
        PenaltyCase c = noticeServed();
        PenaltyCase n = c;
        assertThatThrownBy(() -> LC.apply(n, cmd("3", CaseAction.DECIDE, at(2025, 12, 2)).withDecision(PARKING_20)))
                .hasMessageContaining("decision period ended on 2025-12-01");
        c = LC.apply(c, cmd("3", CaseAction.EXTEND_DECISION_PERIOD, at(2025, 11, 28)).withEventDate(LocalDate.of(2026, 1, 30))
                .withAttachments("approval-2025-118"));
        c = LC.apply(c, cmd("4", CaseAction.DECIDE, at(2025, 12, 2)).withDecision(PARKING_20));
        assertThat(c.state()).isEqualTo(CaseState.DECIDED);
    }
}
