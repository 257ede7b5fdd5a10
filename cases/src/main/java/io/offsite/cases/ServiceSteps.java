package io.offsite.cases;

import io.offsite.core.service.DocumentKind;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.cases.service.ServiceEffect;
import io.offsite.core.service.ServiceProof;
import io.offsite.cases.service.ServiceRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The case's service steps ({@code SERVE_NOTICE}, {@code SERVE_DECISION}, {@code SERVE_DEMAND}): each needs the
 * served document's {@link ServiceRecord}; its effective date is the step's legal date, so the periods that
 * follow (statement and defence, payment, the wait before court) run from effective service.
 */
final class ServiceSteps {
    private ServiceSteps() {
    }

    /** The document kind the step serves in the case's current facts. */
    static DocumentKind expectedKind(CaseLifecycle lc, PenaltyCase c, CaseCommand cmd) {
        switch (cmd.action()) {
            case SERVE_NOTICE: {
                boolean hearing = cmd.decision().map(x -> CaseLifecycle.fine(x)
                        && x.fineFen() >= lc.policy().hearingThresholdFen(c.party)).orElse(false);
                return hearing ? DocumentKind.HEARING_RIGHTS_NOTICE : DocumentKind.PENALTY_NOTICE;
            }
            case SERVE_DECISION:
                return DocumentKind.DECISION;
            case SERVE_DEMAND:
                return DocumentKind.DEMAND;
            default:
                return null;
        }
    }

    /** The effective date of a service step (empty for other steps); throws when the proof does not fit. */
    static Optional<LocalDate> eventDate(CaseLifecycle lc, PenaltyCase c, CaseCommand cmd, LocalDate recordedOn) {
        DocumentKind kind = expectedKind(lc, c, cmd);
        String id = "case " + c.caseId + ": " + cmd.action();
        if (kind == null) {
            if (cmd.service().isPresent()) {
                throw new CaseException(id + " takes no service record");
            }
            return Optional.empty();
        }
        ServiceRecord r = cmd.service().orElseThrow(() -> new CaseException(id + " needs the service record of the "
                + kind + " (withService): service takes effect as the law says, not when it is recorded"));
        if (r.kind() != kind) {
            throw new CaseException(id + ": the service record is for a " + r.kind() + " but this step serves a " + kind
                    + (kind == DocumentKind.HEARING_RIGHTS_NOTICE ? " (the intended fine entitles the party to a hearing,"
                    + " APL Art. 63–64)" : ""));
        }
        ServiceEffect e = r.effect().orElseThrow(() -> new CaseException(id + ": document " + r.documentId()
                + " is not served yet (" + r.attempts().size() + " attempt(s))"));
        if (e.effectiveOn().isAfter(recordedOn)) {
            throw new CaseException(id + ": document " + r.documentId() + " takes effect only on " + e.effectiveOn()
                    + " (" + e.basis() + "); record the step on or after that day");
        }
        if (cmd.eventDate().isPresent() && !cmd.eventDate().get().equals(e.effectiveOn())) {
            throw new CaseException(id + ": event date " + cmd.eventDate().get() + " differs from the effective service"
                    + " date " + e.effectiveOn() + "; leave the event date out");
        }
        return Optional.of(e.effectiveOn());
    }

    /** The command's attachments plus, for a service step, the service effect and the proofs it rests on. */
    static List<String> attachments(CaseCommand cmd) {
        if (cmd.service().isEmpty() || cmd.service().get().effect().isEmpty()) {
            return cmd.attachments();
        }
        ServiceRecord r = cmd.service().get();
        ServiceEffect e = r.effect().get();
        List<String> out = new ArrayList<>(cmd.attachments());
        out.add("service " + r.documentId() + ": " + e.method() + " effective " + e.effectiveOn() + " — " + e.basis());
        ServiceAttempt a = r.attempts().get(e.attemptIndex());
        for (ServiceProof p : a.proofs()) {
            out.add("proof " + p.kind() + " " + p.reference());
        }
        return out;
    }
}
