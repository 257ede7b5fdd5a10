package io.offsite.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.ExemptionKind;
import io.offsite.cases.penalty.Outcome;
import io.offsite.cases.penalty.PartyType;
import io.offsite.cases.service.ServiceRecord;
import io.offsite.cases.service.ServiceRules;
import io.offsite.core.service.AddressConfirmation;
import io.offsite.core.service.Consent;
import io.offsite.core.service.DocumentKind;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import io.offsite.core.violation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what {@link SnapshotWriter} wrote back into a draft. Service records are rebuilt through their own law
 * ({@link ServiceRecord#open} and {@link ServiceRecord#record}) under the given rules, so a restored record is
 * one the law accepts and its effect is counted as any other record's is.
 */
final class SnapshotReader {
    private SnapshotReader() {
    }

    static PenaltyCase.Draft read(JsonNode root, ServiceRules rules) {
        SnapshotFields o = new SnapshotFields(root, "$");
        String format = o.text("format");
        long version = o.whole("version");
        if (!CaseCodec.FORMAT.equals(format) || version != CaseCodec.VERSION) {
            throw new SnapshotFields.Bad("$: format " + format + " version " + version + " is not "
                    + CaseCodec.FORMAT + " version " + CaseCodec.VERSION + " (written by another OffSite version?)");
        }
        PenaltyCase.Draft d = PenaltyCase.newDraft();
        d.caseId = o.text("caseId");
        d.violation = violation(o.object("violation"));
        d.party = o.constant("party", PartyType.class);
        d.state = o.constant("state", CaseState.class);
        d.filedOn = o.date("filedOn");
        d.decisionDueOn = o.date("decisionDueOn");
        d.decisionExtended = o.bool("decisionExtended");
        d.noticeServedOn = o.optDate("noticeServedOn");
        d.intended = decision(o.optObject("intended"));
        d.hearingEligible = o.bool("hearingEligible");
        d.hearingRequestedOn = o.optDate("hearingRequestedOn");
        d.hearingHeld = o.bool("hearingHeld");
        d.reviewPassed = o.bool("reviewPassed");
        d.decision = decision(o.optObject("decision"));
        d.decidedOn = o.optDate("decidedOn");
        d.decisionServedOn = o.optDate("decisionServedOn");
        d.paymentDueOn = o.optDate("paymentDueOn");
        d.demandServedOn = o.optDate("demandServedOn");
        d.paidFen = o.whole("paidFen");
        if (d.paidFen < 0) {
            throw new SnapshotFields.Bad("$.paidFen: must be >= 0, was " + d.paidFen);
        }
        d.noticeService = service(o.optObject("noticeService"), rules);
        d.decisionService = service(o.optObject("decisionService"), rules);
        d.demandService = service(o.optObject("demandService"), rules);
        o.done();
        return d;
    }

    private static Violation violation(SnapshotFields o) {
        String code = o.text("code");
        String name = o.text("name");
        o.done();
        Violation v = Violation.of(code);
        return v.isStandard() || name.equals(code) ? v : Violation.local(code, name);
    }

    private static Decision decision(SnapshotFields o) {
        if (o == null) {
            return null;
        }
        Violation v = violation(o.object("violation"));
        String versionId = o.text("versionId");
        Outcome outcome = o.constant("outcome", Outcome.class);
        long fineFen = o.whole("fineFen");
        String tierId = o.text("tierId");
        Optional<ExemptionKind> exemption = o.isNull("exemption") ? Optional.empty()
                : Optional.of(o.constant("exemption", ExemptionKind.class));
        o.done();
        return new Decision(v, versionId, outcome, fineFen, tierId, exemption);
    }

    private static ServiceRecord service(SnapshotFields o, ServiceRules rules) {
        if (o == null) {
            return null;
        }
        ServiceRecord r = ServiceRecord.open(o.text("documentId"), o.constant("kind", DocumentKind.class),
                o.text("partyId"), rules);
        for (SnapshotFields c : o.objects("consents")) {
            r = r.withConsent(new Consent(c.constant("method", ServiceMethod.class), c.text("address"),
                    c.instant("signedAt"), c.text("reference")));
            c.done();
        }
        SnapshotFields ac = o.optObject("addressConfirmation");
        if (ac != null) {
            r = r.withAddressConfirmation(new AddressConfirmation(ac.text("address"), ac.instant("signedAt"),
                    ac.text("reference")));
            ac.done();
        }
        String unknown = o.optText("whereaboutsUnknown");
        if (unknown != null) {
            r = r.withWhereaboutsUnknown(unknown);
        }
        for (SnapshotFields a : o.objects("attempts")) {
            List<ServiceProof> proofs = new ArrayList<>();
            for (SnapshotFields p : a.objects("proofs")) {
                proofs.add(new ServiceProof(p.constant("kind", ServiceProof.Kind.class), p.text("reference"),
                        p.text("signedBy")));
                p.done();
            }
            r = r.record(new ServiceAttempt(a.constant("method", ServiceMethod.class), a.instant("attemptedAt"),
                    a.constant("outcome", ServiceAttempt.Outcome.class), a.instant("outcomeAt"), a.text("address"),
                    proofs, a.text("note")));
            a.done();
        }
        o.done();
        return r;
    }
}
