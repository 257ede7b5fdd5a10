package io.offsite.cases;

import io.offsite.cases.deadline.CourtWindow;
import io.offsite.cases.deadline.Deadline;
import io.offsite.cases.deadline.DeadlineCalculator;
import io.offsite.core.grid.OfficerId;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.Outcome;
import io.offsite.cases.penalty.PartyType;
import io.offsite.core.violation.Violation;
import io.offsite.core.service.DocumentKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The case state machine: filing → investigation → notice (statement/defence, hearing) → legal review →
 * decision → service → payment or demand and court enforcement → closed, plus withdrawal and no-penalty
 * endings. A pure step function: {@link #apply} returns a new {@link PenaltyCase} or throws, leaving the
 * input untouched. Immutable and thread-safe.
 */
public final class CaseLifecycle {
    private final DeadlineCalculator deadlines;
    private final CasePolicy policy;
    private final ZoneId zone;

    private CaseLifecycle(Builder b) {
        this.deadlines = b.deadlines == null ? DeadlineCalculator.chinaDefaults() : b.deadlines;
        this.policy = b.policy;
        this.zone = b.zone;
    }

    /**
     * A builder; defaults: statutory deadlines over {@code HolidayCalendar.china()} (official 2024–2026, other
     * years provisional and flagged), default policy, Asia/Shanghai.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The deadline calculator used. */
    public DeadlineCalculator deadlines() {
        return deadlines;
    }

    /** Files a new case (立案); filing needs two officers (APL Art. 42). */
    public PenaltyCase file(String caseId, Violation violation, PartyType party, Instant at, String reason,
            OfficerId... actors) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        if (caseId.isBlank()) {
            throw new CaseException("caseId must not be blank");
        }
        List<OfficerId> who = List.of(actors);
        if (new HashSet<>(who).size() < 2) {
            throw new CaseException("case " + caseId + ": filing needs two distinct officers (APL Art. 42), got " + who);
        }
        PenaltyCase.Draft d = PenaltyCase.newDraft();
        d.caseId = caseId;
        d.violation = violation;
        d.party = party;
        d.state = CaseState.FILED;
        d.filedOn = LocalDate.ofInstant(at, zone);
        d.decisionDueOn = deadlines.decisionDue(d.filedOn).date(); // provisional dates are flagged by decisionDue(c)
        d.timeline.add(new TimelineEntry(0, "file:" + caseId, "FILE", CaseState.FILED, CaseState.FILED, at,
                d.filedOn, who, reason, List.of()));
        return d.build();
    }

    /** Actions the transition table allows now (guards such as periods and amounts may still refuse). */
    public Set<CaseAction> allowedActions(PenaltyCase c) {
        return CaseAction.allowedFrom(c.state);
    }

    /**
     * Applies {@code cmd}. Re-applying a command already in the timeline returns {@code c} unchanged.
     *
     * @throws IllegalTransitionException when the action is not allowed in the current state
     * @throws CaseException              when a guard fails (period, amount, officers, order in time)
     */
    public PenaltyCase apply(PenaltyCase c, CaseCommand cmd) {
        Objects.requireNonNull(c, "case");
        Objects.requireNonNull(cmd, "command");
        for (TimelineEntry e : c.timeline) {
            if (e.commandId().equals(cmd.commandId())) {
                if (e.action().equals(cmd.action().name()) && e.at().equals(cmd.at())) {
                    return c;
                }
                throw new CaseException("case " + c.caseId + ": command id " + cmd.commandId() + " was already used for "
                        + e.action() + " at " + e.at() + "; a different command needs a new id");
            }
        }
        if (!cmd.action().from().contains(c.state)) {
            throw new IllegalTransitionException(c.caseId, c.state, cmd.action(), CaseAction.allowedFrom(c.state));
        }
        TimelineEntry last = c.timeline.get(c.timeline.size() - 1);
        if (cmd.at().isBefore(last.at())) {
            throw new CaseException("case " + c.caseId + ": " + cmd.action() + " at " + cmd.at()
                    + " is earlier than the last recorded step (" + last.action() + " at " + last.at() + ")");
        }
        if (policy.twoOfficerActions().contains(cmd.action()) && new HashSet<>(cmd.actors()).size() < 2) {
            throw new CaseException("case " + c.caseId + ": " + cmd.action() + " needs two distinct officers (APL Art. 42),"
                    + " got " + cmd.actors());
        }
        LocalDate atDate = LocalDate.ofInstant(cmd.at(), zone);
        LocalDate date = ServiceSteps.eventDate(this, c, cmd, atDate).orElse(cmd.eventDate().orElse(atDate));
        if (cmd.action() != CaseAction.EXTEND_DECISION_PERIOD && (date.isAfter(atDate) || date.isBefore(last.eventDate()))) {
            throw new CaseException("case " + c.caseId + ": event date " + date + " of " + cmd.action()
                    + " must lie between the last step's date " + last.eventDate() + " and the recording date " + atDate);
        }
        PenaltyCase.Draft d = c.draft();
        Guards.check(this, d, cmd, date);
        d.decisionDueOn = decisionDue(d).date();
        CaseState to = cmd.action().target().orElse(c.state);
        boolean extension = cmd.action() == CaseAction.EXTEND_DECISION_PERIOD;
        d.timeline.add(new TimelineEntry(c.timeline.size(), cmd.commandId(), cmd.action().name(), c.state, to, cmd.at(),
                extension ? atDate : date, cmd.actors(),
                extension ? cmd.reason() + " (decision now due " + date + ")" : cmd.reason(),
                ServiceSteps.attachments(cmd)));
        d.state = to;
        return d.build();
    }

    /** Every deadline running in the case's current state, earliest first. */
    public List<Deadline> openDeadlines(PenaltyCase c) {
        List<Deadline> out = new ArrayList<>();
        switch (c.state) {
            case FILED: case INVESTIGATING: case HEARING_REQUESTED: case HEARING_HELD: case LEGAL_REVIEW:
            case REVIEW_PASSED:
                out.add(decisionDue(c));
                break;
            case NOTICE_SERVED:
                out.add(decisionDue(c));
                out.addAll(deadlines.startedBy(c.noticeService.kind(), c.noticeServedOn));
                break;
            case DECIDED:
                out.add(deadlines.decisionServiceDue(c.decidedOn));
                break;
            case DECISION_SERVED:
                if (fine(c.decision)) {
                    out.addAll(deadlines.startedBy(DocumentKind.DECISION, c.decisionServedOn));
                }
                break;
            case DEMAND_SERVED: {
                CourtWindow w = deadlines.courtEnforcementWindow(c.decisionServedOn, c.demandServedOn);
                out.add(new Deadline("apply to court for enforcement (from " + w.earliest() + ")", w.latest(),
                        deadlines.policy().courtApplication(), "the bureau can no longer apply for court enforcement",
                        w.provisionalReason()));
                break;
            }
            default:
                break;
        }
        out.sort(Comparator.comparing(Deadline::date));
        return out;
    }

    /** The next deadline not yet passed on {@code today}, or the most overdue one when all have passed. */
    public Optional<Deadline> nextDeadline(PenaltyCase c, LocalDate today) {
        List<Deadline> open = openDeadlines(c);
        for (Deadline dl : open) {
            if (!dl.passedOn(today)) {
                return Optional.of(dl);
            }
        }
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(0));
    }

    /**
     * The decision deadline: the approved extension's date, or the decision period counted from filing over
     * this lifecycle's calendar (so an official year loaded after filing replaces a provisional count).
     */
    Deadline decisionDue(PenaltyCase.Draft c) {
        if (c.decisionExtended) {
            return new Deadline("decide the case (approved extension)", c.decisionDueOn,
                    deadlines.policy().decideAfterFiling(), "the decision is late; obtain a further approved extension");
        }
        Deadline d = deadlines.decisionDue(c.filedOn);
        return new Deadline("decide the case", d.date(), d.period(),
                "the decision is late; obtain an approved extension (EXTEND_DECISION_PERIOD)", d.provisionalReason());
    }

    private Deadline decisionDue(PenaltyCase c) {
        return decisionDue(c.draft());
    }

    CasePolicy policy() {
        return policy;
    }

    static boolean fine(Decision d) {
        return d != null && d.outcome() == Outcome.FINE;
    }

    /** Builder with validating setters. */
    public static final class Builder {
        private DeadlineCalculator deadlines;
        private CasePolicy policy = CasePolicy.defaults();
        private ZoneId zone = ZoneId.of("Asia/Shanghai");

        private Builder() {
        }

        /** Deadline calculator (calendar and periods). */
        public Builder deadlines(DeadlineCalculator calc) {
            this.deadlines = Objects.requireNonNull(calc, "deadlines");
            return this;
        }

        /** Case policy (hearing/review thresholds, two-officer actions). */
        public Builder policy(CasePolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /** Zone used to turn command instants into legal dates. */
        public Builder zone(ZoneId z) {
            this.zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        /** Builds the lifecycle. */
        public CaseLifecycle build() {
            return new CaseLifecycle(this);
        }
    }
}
