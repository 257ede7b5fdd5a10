package io.offsite.cases;

import io.offsite.core.service.DocumentKind;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import io.offsite.cases.service.ServiceRecord;
import io.offsite.cases.service.ServiceRules;
import java.time.Instant;

/** Test helper: documents signed for by the party. */
final class Served {
    private static final ServiceRules RULES = ServiceRules.defaults();

    private Served() {
    }

    /** A {@code kind} document the party signed for at {@code at}. */
    static ServiceRecord signed(DocumentKind kind, Instant at) {
        return ServiceRecord.open(kind + "@" + at, kind, "party-1", RULES).record(ServiceAttempt.of(ServiceMethod.DIRECT,
                at, ServiceAttempt.Outcome.SERVED, "home", new ServiceProof(ServiceProof.Kind.RECIPIENT_SIGNATURE,
                        "receipt-" + at.getEpochSecond(), "party")));
    }

    /** The kind a service action serves by default in these tests (notices below the hearing threshold). */
    static DocumentKind kindOf(CaseAction a) {
        switch (a) {
            case SERVE_NOTICE:
                return DocumentKind.PENALTY_NOTICE;
            case SERVE_DECISION:
                return DocumentKind.DECISION;
            case SERVE_DEMAND:
                return DocumentKind.DEMAND;
            default:
                return null;
        }
    }
}
