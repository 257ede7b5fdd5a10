package io.offsite.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.offsite.core.OffsiteException;
import io.offsite.core.grid.OfficerId;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.Outcome;
import io.offsite.cases.penalty.PartyType;
import io.offsite.core.violation.Violation;
import io.offsite.core.service.DocumentKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** No sequence of commands, accepted or rejected, brings a case into an inconsistent state. */
class LifecyclePropertyTest {
    private static final CaseLifecycle LC = CaseLifecycle.builder().build();
    private static final OfficerId A = OfficerId.of("A-1");
    private static final OfficerId B = OfficerId.of("B-2");
    private static final List<Decision> DECISIONS = List.of(
            new Decision(Violation.PARKING, "zj-2025", Outcome.FINE, 2_000, "minor", Optional.empty()),
            new Decision(Violation.PARKING, "zj-2025", Outcome.FINE, 20_000_000, "serious", Optional.empty()),
            new Decision(Violation.PARKING, "zj-2025", Outcome.WARNING, 0, "minor", Optional.empty()),
            new Decision(Violation.PARKING, "zj-2025", Outcome.NO_PENALTY, 0, "minor", Optional.of(
                    io.offsite.cases.penalty.ExemptionKind.FIRST_VIOLATION)));
    private static final Set<CaseState> AFTER_DECISION = EnumSet.of(CaseState.DECIDED, CaseState.DECISION_SERVED,
            CaseState.DEMAND_SERVED, CaseState.COURT_APPLIED, CaseState.ENFORCED, CaseState.PAID);
    private static final Set<CaseState> AFTER_NOTICE = EnumSet.of(CaseState.NOTICE_SERVED, CaseState.HEARING_REQUESTED,
            CaseState.HEARING_HELD, CaseState.LEGAL_REVIEW, CaseState.REVIEW_PASSED);

    /** One step: action choice, days to wait, officers (1 or 2), decision index, pay the right amount or not. */
    private static Gen<List<int[]>> steps() {
        Gen<int[]> step = integers().between(0, 9_999).zip(integers().between(0, 12),
                integers().between(1, 2), integers().between(0, DECISIONS.size() - 1), integers().between(0, 3),
                (a, days, n, dec, pay) -> new int[] {a, days, n, dec, pay});
        return lists().of(step).ofSizeBetween(1, 30);
    }

    @Test
    void noCommandSequenceReachesAnInconsistentState() {
        Set<CaseState> reached = EnumSet.noneOf(CaseState.class);
        qt().withExamples(400).forAll(steps()).checkAssert(steps -> {
            Instant t = Instant.parse("2025-01-06T02:00:00Z");
            PenaltyCase c = LC.file("P-1", Violation.PARKING, PartyType.PERSON, t, "filed", A, B);
            int n = 0;
            for (int[] s : steps) {
                t = t.plus(s[1], ChronoUnit.DAYS).plusSeconds(60);
                // mostly a forward action the table allows now (guards may still refuse), sometimes an ending,
                // sometimes any action at all
                int mode = s[0] / 1000;
                int pick = s[0] % 1000;
                List<CaseAction> allowed = new java.util.ArrayList<>(LC.allowedActions(c));
                if (mode >= 2) {
                    allowed.removeAll(List.of(CaseAction.WITHDRAW, CaseAction.DECIDE_NO_PENALTY,
                            CaseAction.EXTEND_DECISION_PERIOD));
                }
                CaseAction action = mode > 0 && !allowed.isEmpty() ? allowed.get(pick % allowed.size())
                        : CaseAction.values()[pick % CaseAction.values().length];
                CaseCommand cmd = CaseCommand.of("cmd-" + n++, action, t, "step", s[2] == 2 ? new OfficerId[] {A, B}
                        : new OfficerId[] {A}).withDecision(DECISIONS.get(s[3])).withAttachments("doc");
                if (ServiceSteps.expectedKind(LC, c, cmd) != null && s[4] > 0) {
                    // mostly the right document signed for now, sometimes the wrong kind, sometimes none (s[4] == 0)
                    cmd = cmd.withService(s[4] == 3 && s[1] % 2 == 0 ? Served.signed(DocumentKind.OTHER, t)
                            : Served.signed(ServiceSteps.expectedKind(LC, c, cmd), t));
                }
                if (action == CaseAction.EXTEND_DECISION_PERIOD) {
                    cmd = cmd.withEventDate(c.decisionDueOn().plusDays(30));
                }
                if (action == CaseAction.RECORD_PAYMENT && c.paymentDueOn().isPresent() && s[4] > 0) {
                    LocalDate day = LocalDate.ofInstant(t, java.time.ZoneId.of("Asia/Shanghai"));
                    long fine = c.decision().orElseThrow().fineFen();
                    cmd = cmd.withAmountFen(fine + LC.deadlines().lateSurchargeFen(fine, c.paymentDueOn().get(), day));
                }
                PenaltyCase before = c;
                try {
                    c = LC.apply(c, cmd);
                    assertThat(c.timeline()).hasSize(before.timeline().size() + 1);
                    TimelineEntry e = c.timeline().get(c.timeline().size() - 1);
                    assertThat(e.from()).isEqualTo(before.state());
                    assertThat(e.to()).isEqualTo(c.state());
                    assertThat(LC.allowedActions(before)).contains(action);
                } catch (OffsiteException rejected) {
                    assertThat(c).isSameAs(before);
                    assertThat(c.timeline()).hasSize(before.timeline().size());
                }
                consistent(c);
                reached.add(c.state());
            }
        });
        // the property is only meaningful if random walks get deep into the lifecycle
        assertThat(reached).as("states reached").contains(CaseState.NOTICE_SERVED, CaseState.DECIDED,
                CaseState.DECISION_SERVED, CaseState.WITHDRAWN);
    }

    private static void consistent(PenaltyCase c) {
        for (int i = 1; i < c.timeline().size(); i++) {
            TimelineEntry prev = c.timeline().get(i - 1);
            TimelineEntry e = c.timeline().get(i);
            assertThat(e.seq()).isEqualTo(i);
            assertThat(e.from()).isEqualTo(prev.to());
            assertThat(e.at()).isAfterOrEqualTo(prev.at());
        }
        assertThat(c.timeline().get(c.timeline().size() - 1).to()).isEqualTo(c.state());
        if (AFTER_NOTICE.contains(c.state())) {
            assertThat(c.intendedDecision()).isPresent();
            assertThat(c.noticeServedOn()).isPresent();
            assertThat(c.noticeService().orElseThrow().effect().orElseThrow().effectiveOn())
                    .isEqualTo(c.noticeServedOn().orElseThrow());
        }
        if (c.state() == CaseState.DECISION_SERVED) {
            assertThat(c.decisionService().orElseThrow().effect().orElseThrow().effectiveOn())
                    .isEqualTo(c.decisionServedOn().orElseThrow());
        }
        if (c.state() == CaseState.HEARING_REQUESTED || c.hearingHeld()) {
            assertThat(c.hearingEligible()).isTrue();
        }
        if (AFTER_DECISION.contains(c.state())) {
            Decision d = c.decision().orElseThrow();
            assertThat(d.outcome()).isNotEqualTo(Outcome.NO_PENALTY);
            assertThat(d.compareSeverity(c.intendedDecision().orElseThrow())).isLessThanOrEqualTo(0);
            assertThat(c.decidedOn().orElseThrow()).isBeforeOrEqualTo(c.decisionDueOn());
            if (c.hearingHeld()) {
                assertThat(c.reviewPassed()).isTrue();
            }
        }
        if (EnumSet.of(CaseState.DEMAND_SERVED, CaseState.COURT_APPLIED, CaseState.ENFORCED).contains(c.state())) {
            assertThat(c.demandServedOn().orElseThrow()).isAfter(c.paymentDueOn().orElseThrow());
        }
        if (c.state() == CaseState.PAID) {
            assertThat(c.paidFen()).isGreaterThanOrEqualTo(c.decision().orElseThrow().fineFen()).isPositive();
        }
        if (c.state().isTerminal()) {
            assertThat(LC.allowedActions(c)).isEmpty();
        }
    }
}
