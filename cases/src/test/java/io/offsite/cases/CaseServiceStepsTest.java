package io.offsite.cases;

import io.offsite.core.violation.Violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.grid.OfficerId;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.Outcome;
import io.offsite.cases.penalty.PartyType;
import io.offsite.core.service.DocumentKind;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import io.offsite.cases.service.ServiceRecord;
import io.offsite.cases.service.ServiceRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The case's service steps record the proof, and the periods that follow run from effective service. */
class CaseServiceStepsTest {
    private static final OfficerId A = OfficerId.of("ZJ-001");
    private static final OfficerId B = OfficerId.of("ZJ-002");
    private static final CaseLifecycle LC = CaseLifecycle.builder().build();
    private static final Decision PARKING_20 = new Decision(Violation.PARKING, "zj-2025", Outcome.FINE, 2_000, "minor",
            Optional.empty());

    private static Instant at(int y, int m, int d) {
        return LocalDate.of(y, m, d).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static PenaltyCase investigating() {
        PenaltyCase c = LC.file("C-1", Violation.PARKING, PartyType.PERSON, at(2025, 9, 1), "r", A, B);
        return LC.apply(c, CaseCommand.of("1", CaseAction.START_INVESTIGATION, at(2025, 9, 2), "r", A, B));
    }

    private static CaseCommand serveNotice(Instant recorded) {
        return CaseCommand.of("2", CaseAction.SERVE_NOTICE, recorded, "notice served", A, B).withDecision(PARKING_20);
    }

    private static ServiceRecord mailedNotice(int receivedDay) {
        return ServiceRecord.open("notice-1", DocumentKind.PENALTY_NOTICE, "p", ServiceRules.defaults())
                .record(new ServiceAttempt(ServiceMethod.MAIL, at(2025, 9, 22), ServiceAttempt.Outcome.SERVED,
                        at(2025, 9, receivedDay), "home", List.of(new ServiceProof(ServiceProof.Kind.POSTAL_RECEIPT,
                        "EMS-1180", "post office")), ""));
    }

    @Test
    void serviceStepWithoutItsServiceRecord_isRejected() {
        assertThatThrownBy(() -> LC.apply(investigating(), serveNotice(at(2025, 9, 26))))
                .isInstanceOf(CaseException.class).hasMessageContaining("needs the service record of the PENALTY_NOTICE");
    }

    @Test
    void statementPeriod_runsFromEffectiveService_notFromWhenTheStepIsRecorded() {
        // Received by post Fri 26 Sep 2025, recorded Mon 29 Sep: 5 working days from the 26th end on 10 Oct.
        PenaltyCase c = LC.apply(investigating(), serveNotice(at(2025, 9, 29)).withService(mailedNotice(26)));
        assertThat(c.noticeServedOn()).contains(LocalDate.of(2025, 9, 26));
        assertThat(LC.nextDeadline(c, LocalDate.of(2025, 9, 29)).orElseThrow().date()).isEqualTo(LocalDate.of(2025, 10, 10));
        assertThat(c.noticeService()).isPresent();
    }

    @Test
    void serviceStep_recordsTheEffectAndItsProofInTheTimeline() {
        PenaltyCase c = LC.apply(investigating(), serveNotice(at(2025, 9, 29)).withService(mailedNotice(26)));
        assertThat(c.timeline().get(2).eventDate()).isEqualTo(LocalDate.of(2025, 9, 26));
        assertThat(c.timeline().get(2).attachments()).anySatisfy(a -> assertThat(a)
                .startsWith("service notice-1: MAIL effective 2025-09-26")).contains("proof POSTAL_RECEIPT EMS-1180");
    }

    @Test
    void documentNotYetServed_cannotBeRecordedAsServed() {
        ServiceRecord returned = ServiceRecord.open("notice-1", DocumentKind.PENALTY_NOTICE, "p", ServiceRules.defaults())
                .record(new ServiceAttempt(ServiceMethod.MAIL, at(2025, 9, 22), ServiceAttempt.Outcome.RETURNED,
                        at(2025, 9, 26), "home", List.of(new ServiceProof(ServiceProof.Kind.POSTAL_RETURN, "EMS-1", "")), ""));
        assertThatThrownBy(() -> LC.apply(investigating(), serveNotice(at(2025, 9, 29)).withService(returned)))
                .hasMessageContaining("is not served yet");
    }

    @Test
    void publicNoticeNotYetDeemedServed_cannotBeRecorded_andThePaymentPeriodRunsFromTheDeemedDay() {
        PenaltyCase c = LC.apply(investigating(), serveNotice(at(2025, 9, 26)).withService(Served.signed(
                DocumentKind.PENALTY_NOTICE, at(2025, 9, 26))));
        c = LC.apply(c, CaseCommand.of("3", CaseAction.DECIDE, at(2025, 10, 13), "r", A, B).withDecision(PARKING_20));
        ServiceRecord notice = ServiceRecord.open("decision-1", DocumentKind.DECISION, "p", ServiceRules.defaults())
                .withWhereaboutsUnknown("户籍地查无此人").record(ServiceAttempt.of(ServiceMethod.PUBLIC_NOTICE,
                        at(2025, 10, 14), ServiceAttempt.Outcome.PUBLISHED, "公告栏",
                        new ServiceProof(ServiceProof.Kind.PUBLICATION, "photo-77", "officer")));
        PenaltyCase decided = c;
        assertThatThrownBy(() -> LC.apply(decided, CaseCommand.of("4", CaseAction.SERVE_DECISION, at(2025, 10, 20),
                "r", A, B).withService(notice))).hasMessageContaining("takes effect only on 2025-11-13");
        c = LC.apply(c, CaseCommand.of("4", CaseAction.SERVE_DECISION, at(2025, 11, 14), "r", A, B).withService(notice));
        assertThat(c.decisionServedOn()).contains(LocalDate.of(2025, 11, 13));
        assertThat(c.paymentDueOn()).contains(LocalDate.of(2025, 11, 28));
    }

    @Test
    void noticeOfAHearingEligibleFine_mustBeTheHearingRightsNotice() {
        Decision big = new Decision(Violation.PARKING, "zj-2025", Outcome.FINE, 1_000_000, "serious", Optional.empty());
        assertThatThrownBy(() -> LC.apply(investigating(), CaseCommand.of("2", CaseAction.SERVE_NOTICE, at(2025, 9, 26),
                "r", A, B).withDecision(big).withService(Served.signed(DocumentKind.PENALTY_NOTICE, at(2025, 9, 26)))))
                .hasMessageContaining("this step serves a HEARING_RIGHTS_NOTICE");
        PenaltyCase c = LC.apply(investigating(), CaseCommand.of("2", CaseAction.SERVE_NOTICE, at(2025, 9, 26), "r", A, B)
                .withDecision(big).withService(Served.signed(DocumentKind.HEARING_RIGHTS_NOTICE, at(2025, 9, 26))));
        assertThat(LC.openDeadlines(c)).extracting(dl -> dl.what()).contains("receive a hearing request");
    }

    @Test
    void eventDateContradictingEffectiveService_isRejected() {
        assertThatThrownBy(() -> LC.apply(investigating(), serveNotice(at(2025, 9, 29)).withService(mailedNotice(26))
                .withEventDate(LocalDate.of(2025, 9, 29)))).hasMessageContaining("differs from the effective service date");
    }
}
