package io.offsite.cases;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.service.ServiceRecord;
import io.offsite.core.service.AddressConfirmation;
import io.offsite.core.service.Consent;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceProof;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes a snapshot's facts (everything but the timeline) as the JSON {@link SnapshotReader} reads: fixed key
 * order, every key always present, {@code null} for an absent value. Service records are written as the facts
 * they were built from (consents, confirmation, attempts), not their derived effect.
 */
final class SnapshotWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SnapshotWriter() {
    }

    static ObjectNode write(PenaltyCase c) {
        ObjectNode o = F.objectNode();
        o.put("format", CaseCodec.FORMAT);
        o.put("version", CaseCodec.VERSION);
        o.put("caseId", c.caseId);
        o.set("violation", violation(c.violation));
        o.put("party", c.party.name());
        o.put("state", c.state.name());
        o.put("filedOn", date(c.filedOn));
        o.put("decisionDueOn", date(c.decisionDueOn));
        o.put("decisionExtended", c.decisionExtended);
        o.put("noticeServedOn", date(c.noticeServedOn));
        o.set("intended", decision(c.intended));
        o.put("hearingEligible", c.hearingEligible);
        o.put("hearingRequestedOn", date(c.hearingRequestedOn));
        o.put("hearingHeld", c.hearingHeld);
        o.put("reviewPassed", c.reviewPassed);
        o.set("decision", decision(c.decision));
        o.put("decidedOn", date(c.decidedOn));
        o.put("decisionServedOn", date(c.decisionServedOn));
        o.put("paymentDueOn", date(c.paymentDueOn));
        o.put("demandServedOn", date(c.demandServedOn));
        o.put("paidFen", c.paidFen);
        o.set("noticeService", service(c.noticeService));
        o.set("decisionService", service(c.decisionService));
        o.set("demandService", service(c.demandService));
        return o;
    }

    private static ObjectNode violation(Violation v) {
        ObjectNode o = F.objectNode();
        o.put("code", v.code());
        o.put("name", v.name());
        return o;
    }

    private static ObjectNode decision(Decision d) {
        if (d == null) {
            return null;
        }
        ObjectNode o = F.objectNode();
        o.set("violation", violation(d.violation()));
        o.put("versionId", d.versionId());
        o.put("outcome", d.outcome().name());
        o.put("fineFen", d.fineFen());
        o.put("tierId", d.tierId());
        o.put("exemption", d.exemption().map(Enum::name).orElse(null));
        return o;
    }

    private static ObjectNode service(ServiceRecord r) {
        if (r == null) {
            return null;
        }
        ObjectNode o = F.objectNode();
        o.put("documentId", r.documentId());
        o.put("kind", r.kind().name());
        o.put("partyId", r.partyId());
        ArrayNode consents = o.putArray("consents");
        for (Consent c : r.consents()) {
            ObjectNode x = consents.addObject();
            x.put("method", c.method().name());
            x.put("address", c.address());
            x.put("signedAt", instant(c.signedAt()));
            x.put("reference", c.reference());
        }
        AddressConfirmation ac = r.addressConfirmation().orElse(null);
        if (ac == null) {
            o.putNull("addressConfirmation");
        } else {
            ObjectNode x = o.putObject("addressConfirmation");
            x.put("address", ac.address());
            x.put("signedAt", instant(ac.signedAt()));
            x.put("reference", ac.reference());
        }
        o.put("whereaboutsUnknown", r.whereaboutsUnknown().orElse(null));
        ArrayNode attempts = o.putArray("attempts");
        for (ServiceAttempt a : r.attempts()) {
            ObjectNode x = attempts.addObject();
            x.put("method", a.method().name());
            x.put("attemptedAt", instant(a.attemptedAt()));
            x.put("outcome", a.outcome().name());
            x.put("outcomeAt", instant(a.outcomeAt()));
            x.put("address", a.address());
            ArrayNode proofs = x.putArray("proofs");
            for (ServiceProof p : a.proofs()) {
                ObjectNode y = proofs.addObject();
                y.put("kind", p.kind().name());
                y.put("reference", p.reference());
                y.put("signedBy", p.signedBy());
            }
            x.put("note", a.note());
        }
        return o;
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String instant(Instant i) {
        return i.toString();
    }
}
