package io.offsite.cases;

import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.PartyType;
import io.offsite.core.violation.Violation;
import io.offsite.cases.service.ServiceRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of one penalty case: its state, the facts the lifecycle needs (dates, intended and
 * final decision) and the append-only timeline of every accepted transition. New snapshots come from
 * {@link CaseLifecycle#apply}; the caller persists them.
 */
public final class PenaltyCase {
    final String caseId;
    final Violation violation;
    final PartyType party;
    final CaseState state;
    final List<TimelineEntry> timeline;
    final LocalDate filedOn;
    final LocalDate decisionDueOn;
    final boolean decisionExtended;
    final LocalDate noticeServedOn;
    final Decision intended;
    final boolean hearingEligible;
    final LocalDate hearingRequestedOn;
    final boolean hearingHeld;
    final boolean reviewPassed;
    final Decision decision;
    final LocalDate decidedOn;
    final LocalDate decisionServedOn;
    final LocalDate paymentDueOn;
    final LocalDate demandServedOn;
    final long paidFen;
    final ServiceRecord noticeService;
    final ServiceRecord decisionService;
    final ServiceRecord demandService;

    private PenaltyCase(Draft d) {
        caseId = d.caseId;
        violation = d.violation;
        party = d.party;
        state = d.state;
        timeline = List.copyOf(d.timeline);
        filedOn = d.filedOn;
        decisionDueOn = d.decisionDueOn;
        decisionExtended = d.decisionExtended;
        noticeServedOn = d.noticeServedOn;
        intended = d.intended;
        hearingEligible = d.hearingEligible;
        hearingRequestedOn = d.hearingRequestedOn;
        hearingHeld = d.hearingHeld;
        reviewPassed = d.reviewPassed;
        decision = d.decision;
        decidedOn = d.decidedOn;
        decisionServedOn = d.decisionServedOn;
        paymentDueOn = d.paymentDueOn;
        demandServedOn = d.demandServedOn;
        paidFen = d.paidFen;
        noticeService = d.noticeService;
        decisionService = d.decisionService;
        demandService = d.demandService;
    }

    /** Case id. */
    public String caseId() {
        return caseId;
    }

    /** The violation the case is about. */
    public Violation violation() {
        return violation;
    }

    /** Party type. */
    public PartyType party() {
        return party;
    }

    /** Current state. */
    public CaseState state() {
        return state;
    }

    /** Every accepted transition, oldest first; entry 0 is the filing. */
    public List<TimelineEntry> timeline() {
        return timeline;
    }

    /** Day of filing. */
    public LocalDate filedOn() {
        return filedOn;
    }

    /**
     * Last day to decide (90 days after filing unless extended), as counted when this snapshot was made; the
     * lifecycle's {@code openDeadlines} recounts it and says whether it is provisional.
     */
    public LocalDate decisionDueOn() {
        return decisionDueOn;
    }

    /** Whether an approved extension set the decision date. */
    public boolean decisionPeriodExtended() {
        return decisionExtended;
    }

    /** Day the notice of intended penalty was served. */
    public Optional<LocalDate> noticeServedOn() {
        return Optional.ofNullable(noticeServedOn);
    }

    /** The intended decision stated in the notice. */
    public Optional<Decision> intendedDecision() {
        return Optional.ofNullable(intended);
    }

    /** Whether the intended fine entitles the party to a hearing. */
    public boolean hearingEligible() {
        return hearingEligible;
    }

    /** Day the party requested a hearing. */
    public Optional<LocalDate> hearingRequestedOn() {
        return Optional.ofNullable(hearingRequestedOn);
    }

    /** Whether a hearing was held. */
    public boolean hearingHeld() {
        return hearingHeld;
    }

    /** Whether legal review passed. */
    public boolean reviewPassed() {
        return reviewPassed;
    }

    /** The final decision. */
    public Optional<Decision> decision() {
        return Optional.ofNullable(decision);
    }

    /** Day of the decision. */
    public Optional<LocalDate> decidedOn() {
        return Optional.ofNullable(decidedOn);
    }

    /** Day the decision was served. */
    public Optional<LocalDate> decisionServedOn() {
        return Optional.ofNullable(decisionServedOn);
    }

    /** Last day to pay without surcharge. */
    public Optional<LocalDate> paymentDueOn() {
        return Optional.ofNullable(paymentDueOn);
    }

    /** Day the written demand was served. */
    public Optional<LocalDate> demandServedOn() {
        return Optional.ofNullable(demandServedOn);
    }

    /** Amount paid, fine plus surcharge, in fen. */
    public long paidFen() {
        return paidFen;
    }

    /** The service record of the notice of intended penalty (its proof and effective date). */
    public Optional<ServiceRecord> noticeService() {
        return Optional.ofNullable(noticeService);
    }

    /** The service record of the decision. */
    public Optional<ServiceRecord> decisionService() {
        return Optional.ofNullable(decisionService);
    }

    /** The service record of the written demand. */
    public Optional<ServiceRecord> demandService() {
        return Optional.ofNullable(demandService);
    }

    @Override
    public String toString() {
        return "PenaltyCase[" + caseId + ", " + violation + ", " + state + ", " + timeline.size() + " entries]";
    }

    Draft draft() {
        return new Draft(this);
    }

    static Draft newDraft() {
        return new Draft(null);
    }

    /** Mutable working copy used by the lifecycle while applying one command. */
    static final class Draft {
        String caseId;
        Violation violation;
        PartyType party;
        CaseState state;
        List<TimelineEntry> timeline = new ArrayList<>();
        LocalDate filedOn;
        LocalDate decisionDueOn;
        boolean decisionExtended;
        LocalDate noticeServedOn;
        Decision intended;
        boolean hearingEligible;
        LocalDate hearingRequestedOn;
        boolean hearingHeld;
        boolean reviewPassed;
        Decision decision;
        LocalDate decidedOn;
        LocalDate decisionServedOn;
        LocalDate paymentDueOn;
        LocalDate demandServedOn;
        long paidFen;
        ServiceRecord noticeService;
        ServiceRecord decisionService;
        ServiceRecord demandService;

        private Draft(PenaltyCase c) {
            if (c == null) {
                return;
            }
            caseId = c.caseId;
            violation = c.violation;
            party = c.party;
            state = c.state;
            timeline = new ArrayList<>(c.timeline);
            filedOn = c.filedOn;
            decisionDueOn = c.decisionDueOn;
            decisionExtended = c.decisionExtended;
            noticeServedOn = c.noticeServedOn;
            intended = c.intended;
            hearingEligible = c.hearingEligible;
            hearingRequestedOn = c.hearingRequestedOn;
            hearingHeld = c.hearingHeld;
            reviewPassed = c.reviewPassed;
            decision = c.decision;
            decidedOn = c.decidedOn;
            decisionServedOn = c.decisionServedOn;
            paymentDueOn = c.paymentDueOn;
            demandServedOn = c.demandServedOn;
            paidFen = c.paidFen;
            noticeService = c.noticeService;
            decisionService = c.decisionService;
            demandService = c.demandService;
        }

        PenaltyCase build() {
            Objects.requireNonNull(state, "state");
            return new PenaltyCase(this);
        }
    }
}
