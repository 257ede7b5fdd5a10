package io.offsite.cases;

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
 * Test helper (also used by store-jdbc's case-store tests through the cases test jar): a local-violation case taken from filing to closed, with service records that use every stored
 * part (consent, address confirmation, declared whereabouts, failed and successful attempts, notes).
 */
public final class CaseFixtures {
    public static final OfficerId A = OfficerId.of("ZJ-001");
    public static final OfficerId B = OfficerId.of("ZJ-002");
    public static final OfficerId C = OfficerId.of("ZJ-003");
    public static final CaseLifecycle LC = CaseLifecycle.builder().build();
    public static final Violation NOISE = Violation.local("SHOP_NOISE", "商铺噪声扰民");
    public static final Decision INTENDED = new Decision(NOISE, "local-2025", Outcome.FINE, 2_000, "minor", Optional.empty());
    public static final Decision FINAL = new Decision(NOISE, "local-2025", Outcome.FINE, 2_000, "minor",
            Optional.of(ExemptionKind.FIRST_VIOLATION));
    private static final ServiceRules RULES = ServiceRules.defaults();
    private static final String PHONE = "13812345678";
    private static final String HOME = "台州市黄岩区劳动北路1号";

    private CaseFixtures() {
    }

    /** {@code hour}:00 in Shanghai on the given day. */
    public static Instant at(int y, int m, int d, int hour) {
        return LocalDate.of(y, m, d).atTime(hour, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    public static Instant at(int y, int m, int d) {
        return at(y, m, d, 10);
    }

    public static PenaltyCase filed(String caseId) {
        return LC.file(caseId, NOISE, PartyType.PERSON, at(2025, 9, 1), "complaint 12345 confirmed", A, B);
    }

    /** The steps after filing, in order: investigation, notice, decision, service, payment, closing. */
    public static List<CaseCommand> steps() {
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
    public static PenaltyCase through(String caseId, int n) {
        PenaltyCase c = filed(caseId);
        for (CaseCommand cmd : steps().subList(0, n)) {
            c = LC.apply(c, cmd);
        }
        return c;
    }

    private static ServiceProof proof(ServiceProof.Kind kind, String ref) {
        return new ServiceProof(kind, ref, "");
    }

    public static ServiceRecord noticeByPhone() {
        return ServiceRecord.open("notice-2025-001", DocumentKind.PENALTY_NOTICE, "party-1", RULES)
                .withConsent(new Consent(ServiceMethod.ELECTRONIC, PHONE, at(2025, 9, 20), "consent form 7"))
                .record(new ServiceAttempt(ServiceMethod.ELECTRONIC, at(2025, 9, 25, 9), ServiceAttempt.Outcome.FAILED,
                        at(2025, 9, 25, 9), PHONE, List.of(), "gateway timeout"))
                .record(new ServiceAttempt(ServiceMethod.ELECTRONIC, at(2025, 9, 26, 9), ServiceAttempt.Outcome.SERVED,
                        at(2025, 9, 26, 9), PHONE, List.of(proof(ServiceProof.Kind.ARRIVAL_RECORD, "sms-receipt-1")), ""));
    }

    public static ServiceRecord decisionByMail() {
        return ServiceRecord.open("decision-2025-001", DocumentKind.DECISION, "party-1", RULES)
                .withAddressConfirmation(new AddressConfirmation(HOME, at(2025, 9, 2), "confirmation 3"))
                .withWhereaboutsUnknown("moved out, neighbours say")
                .record(new ServiceAttempt(ServiceMethod.MAIL, at(2025, 10, 14, 8), ServiceAttempt.Outcome.RETURNED,
                        at(2025, 10, 14, 17), HOME, List.of(proof(ServiceProof.Kind.POSTAL_RETURN, "EMS 1234")),
                        "returned: addressee unknown"));
    }
}
