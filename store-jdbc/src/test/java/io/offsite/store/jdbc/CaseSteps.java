package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.cases.CaseAction;
import io.offsite.cases.CaseCodec;
import io.offsite.cases.CaseCommand;
import io.offsite.cases.CaseLifecycle;
import io.offsite.cases.PenaltyCase;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.ExemptionKind;
import io.offsite.cases.penalty.Outcome;
import io.offsite.cases.penalty.PartyType;
import io.offsite.cases.service.ServiceRecord;
import io.offsite.cases.service.ServiceRules;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.service.AddressConfirmation;
import io.offsite.core.service.Consent;
import io.offsite.core.service.DocumentKind;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Test helper (a copy of cases' CaseFixtures): a local-violation case taken from filing to closed, with service
 * records that use every stored part (consent, address confirmation, declared whereabouts, failed and successful attempts, notes).
 */
final class CaseSteps {
    static final OfficerId A = OfficerId.of("ZJ-001");
    static final OfficerId B = OfficerId.of("ZJ-002");
    static final OfficerId C = OfficerId.of("ZJ-003");
    static final CaseLifecycle LC = CaseLifecycle.builder().build();
    static final Violation NOISE = Violation.local("SHOP_NOISE", "商铺噪声扰民");
    static final Decision INTENDED = new Decision(NOISE, "local-2025", Outcome.FINE, 2_000, "minor", Optional.empty());
    static final Decision FINAL = new Decision(NOISE, "local-2025", Outcome.FINE, 2_000, "minor",
            Optional.of(ExemptionKind.FIRST_VIOLATION));
    private static final ServiceRules RULES = ServiceRules.defaults();
    private static final String PHONE = "13812345678";
    private static final String HOME = "台州市黄岩区劳动北路1号";

    private CaseSteps() {
    }

    /** {@code hour}:00 in Shanghai on the given day. */
    static Instant at(int y, int m, int d, int hour) {
        return LocalDate.of(y, m, d).atTime(hour, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    static Instant at(int y, int m, int d) {
        return at(y, m, d, 10);
    }

    static PenaltyCase filed(String caseId) {
        return LC.file(caseId, NOISE, PartyType.PERSON, at(2025, 9, 1), "complaint 12345 confirmed", A, B);
    }

    /** The steps after filing, in order: investigation, notice, decision, service, payment, closing. */
    static List<CaseCommand> steps() {
        return List.of(
                CaseCommand.of("s1", CaseAction.START_INVESTIGATION, at(2025, 9, 2), "on site", A, B),
                CaseCommand.of("s2", CaseAction.SERVE_NOTICE, at(2025, 9, 26), "notice sent by SMS", A, B)
                        .withDecision(INTENDED).withService(noticeByPhone()).withAttachments("ev-1 sha256:ab12"),
                CaseCommand.of("s3", CaseAction.DECIDE, at(2025, 10, 13), "no statement received", A)
                        .withDecision(FINAL),
                CaseCommand.of("s4", CaseAction.SERVE_DECISION, at(2025, 10, 14, 18), "posted", A, B)
                        .withService(decisionByMail()),
                CaseCommand.of("s5", CaseAction.RECORD_PAYMENT, at(2025, 10, 31), "paid online", C)
                        .withAmountFen(2_120).withAttachments("receipt-77", "bank ref 2025-10-31/88"),
                CaseCommand.of("s6", CaseAction.CLOSE, at(2025, 11, 3), "archived", A));
    }

    /** The case after filing and the first {@code n} steps. */
    static PenaltyCase through(String caseId, int n) {
        PenaltyCase c = filed(caseId);
        for (CaseCommand cmd : steps().subList(0, n)) {
            c = LC.apply(c, cmd);
        }
        return c;
    }

    private static ServiceProof proof(ServiceProof.Kind kind, String ref) {
        return new ServiceProof(kind, ref, "");
    }

    static ServiceRecord noticeByPhone() {
        return ServiceRecord.open("notice-2025-001", DocumentKind.PENALTY_NOTICE, "party-1", RULES)
                .withConsent(new Consent(ServiceMethod.ELECTRONIC, PHONE, at(2025, 9, 20), "consent form 7"))
                .record(new ServiceAttempt(ServiceMethod.ELECTRONIC, at(2025, 9, 25, 9), ServiceAttempt.Outcome.FAILED,
                        at(2025, 9, 25, 9), PHONE, List.of(), "gateway timeout"))
                .record(new ServiceAttempt(ServiceMethod.ELECTRONIC, at(2025, 9, 26, 9), ServiceAttempt.Outcome.SERVED,
                        at(2025, 9, 26, 9), PHONE, List.of(proof(ServiceProof.Kind.ARRIVAL_RECORD, "sms-receipt-1")), ""));
    }

    static ServiceRecord decisionByMail() {
        return ServiceRecord.open("decision-2025-001", DocumentKind.DECISION, "party-1", RULES)
                .withAddressConfirmation(new AddressConfirmation(HOME, at(2025, 9, 2), "confirmation 3"))
                .withWhereaboutsUnknown("moved out, neighbours say")
                .record(new ServiceAttempt(ServiceMethod.MAIL, at(2025, 10, 14, 8), ServiceAttempt.Outcome.RETURNED,
                        at(2025, 10, 14, 17), HOME, List.of(proof(ServiceProof.Kind.POSTAL_RETURN, "EMS 1234")),
                        "returned: addressee unknown"));
    }

    /** Asserts {@code b} is {@code a} restored: same facts (encoded alike), timeline and service records. */
    static void assertSameCase(PenaltyCase b, PenaltyCase a) {
        CaseCodec codec = CaseCodec.defaults();
        assertThat(codec.encode(b)).isEqualTo(codec.encode(a));
        assertThat(b.timeline()).isEqualTo(a.timeline());
        assertThat(b.violation().name()).isEqualTo(a.violation().name());
        for (var pair : List.of(List.of(b.noticeService(), a.noticeService()),
                List.of(b.decisionService(), a.decisionService()))) {
            assertThat(pair.get(0).map(ServiceRecord::effect))
                    .isEqualTo(pair.get(1).map(ServiceRecord::effect));
            assertThat(pair.get(0).map(ServiceRecord::attempts))
                    .isEqualTo(pair.get(1).map(ServiceRecord::attempts));
        }
    }
}
