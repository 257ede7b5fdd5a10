package io.offsite.cases.deadline;

import io.offsite.cases.spi.WorkCalendar;
import io.offsite.core.service.DocumentKind;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Computes every case deadline of DOMAIN §4 from a {@link DeadlinePolicy} and a {@link WorkCalendar}.
 * Immutable and thread-safe when the calendar is.
 */
public final class DeadlineCalculator {
    private final DeadlinePolicy policy;
    private final PeriodCounter counter;

    private DeadlineCalculator(DeadlinePolicy policy, WorkCalendar calendar) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.counter = new PeriodCounter(Objects.requireNonNull(calendar, "calendar"));
    }

    /** A calculator with {@code policy} over {@code calendar}. */
    public static DeadlineCalculator of(DeadlinePolicy policy, WorkCalendar calendar) {
        return new DeadlineCalculator(policy, calendar);
    }

    /**
     * Statutory defaults over {@link HolidayCalendar#china()}: official 2024–2026, other years of 2024–2060
     * counted provisionally (and flagged on every result).
     */
    public static DeadlineCalculator chinaDefaults() {
        return new DeadlineCalculator(DeadlinePolicy.defaults(), HolidayCalendar.china());
    }

    /** The policy. */
    public DeadlinePolicy policy() {
        return policy;
    }

    /** The period counter (for custom periods). */
    public PeriodCounter counter() {
        return counter;
    }

    /** Decide the case (APL Art. 60). */
    public Deadline decisionDue(LocalDate filedOn) {
        return due("decide the case", filedOn, policy.decideAfterFiling,
                "the decision is late; obtain an approved extension or the case is unlawful for delay");
    }

    /** End of the party's statement and defence period. */
    public Deadline statementDefenceEnds(LocalDate noticeServedOn) {
        return due("receive the party's statement and defence", noticeServedOn, policy.statementDefence,
                "the party is taken to have waived statement and defence; the bureau may decide");
    }

    /** Last day the party may request a hearing. */
    public Deadline hearingRequestEnds(LocalDate noticeServedOn) {
        return due("receive a hearing request", noticeServedOn, policy.hearingRequest,
                "the party is taken to have waived the hearing");
    }

    /** Last day to notify the party of a hearing held on {@code hearingOn}. */
    public Deadline hearingNoticeLatest(LocalDate hearingOn) {
        return new Deadline("notify the party of the hearing on " + hearingOn,
                counter.countBefore(Objects.requireNonNull(hearingOn, "hearingOn"), policy.hearingNotice), policy.hearingNotice,
                "the hearing must be postponed: the party was not notified in time");
    }

    /** Serve the decision (APL Art. 61). */
    public Deadline decisionServiceDue(LocalDate decidedOn) {
        return due("serve the decision", decidedOn, policy.serveDecision,
                "service is late; record the reason and serve at once");
    }

    /** Pay the fine (APL Art. 67). */
    public Deadline paymentDue(LocalDate decisionServedOn) {
        return due("pay the fine", decisionServedOn, policy.payFine,
                "a late-payment surcharge accrues daily and the bureau may serve a written demand");
    }

    /**
     * Late-payment surcharge on {@code paidOn} for a fine due on {@code dueOn}: the daily rate times the
     * days after the due date, capped at the fine (APL Art. 72; ACL Art. 45), rounded to the fen as
     * {@link DeadlinePolicy#lateSurcharge()} says (default: down).
     */
    public long lateSurchargeFen(long fineFen, LocalDate dueOn, LocalDate paidOn) {
        if (fineFen < 0) {
            throw new DeadlineException("fineFen must be >= 0, was " + fineFen);
        }
        long days = ChronoUnit.DAYS.between(Objects.requireNonNull(dueOn, "dueOn"), Objects.requireNonNull(paidOn, "paidOn"));
        return policy.lateSurcharge.fen(fineFen, days);
    }

    /** End of the limitation period counted from the day the violation ended (APL Art. 36). */
    public Deadline limitationEnds(LocalDate violationEndedOn, boolean harmedLifeHealthOrFinance) {
        StatutoryPeriod p = harmedLifeHealthOrFinance ? policy.limitationSevere : policy.limitation;
        return due("discover the violation", violationEndedOn, p, "the violation can no longer be penalised");
    }

    /** The court-enforcement window after the decision and the written demand were served. */
    public CourtWindow courtEnforcementWindow(LocalDate decisionServedOn, LocalDate demandServedOn) {
        Objects.requireNonNull(decisionServedOn, "decisionServedOn");
        Objects.requireNonNull(demandServedOn, "demandServedOn");
        if (demandServedOn.isBefore(decisionServedOn)) {
            throw new DeadlineException("demand served " + demandServedOn + " before the decision was served "
                    + decisionServedOn);
        }
        PeriodEnd litigationEnd = counter.count(decisionServedOn, policy.litigationPeriod);
        PeriodEnd demandMatures = counter.count(demandServedOn, policy.demandBeforeCourt);
        LocalDate last = max(litigationEnd.date(), demandMatures.date());
        if (last.equals(LocalDate.MAX)) {
            throw new DeadlineException("court-enforcement window after decision served " + decisionServedOn
                    + " and demand served " + demandServedOn + " leaves the supported date range");
        }
        LocalDate earliest = last.plusDays(1);
        PeriodEnd latest = counter.count(litigationEnd.date(), policy.courtApplication);
        Set<String> reasons = new LinkedHashSet<>();
        for (PeriodEnd e : List.of(litigationEnd, demandMatures, latest)) {
            e.provisionalReason().ifPresent(reasons::add);
        }
        return new CourtWindow(earliest, latest.date(), litigationEnd.date(), demandMatures.date(),
                reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons)));
    }

    /** The day a public notice published on {@code publishedOn} counts as served (民事诉讼法 Art. 95). */
    public PeriodEnd publicNoticeServed(LocalDate publishedOn) {
        return counter.count(Objects.requireNonNull(publishedOn, "publishedOn"), policy.publicNotice);
    }

    /** Wait after a served written demand before the bureau may apply to court (ACL Art. 54). */
    public Deadline demandMatures(LocalDate demandServedOn) {
        return due("pay after the written demand", demandServedOn, policy.demandBeforeCourt,
                "the bureau may apply to court for enforcement");
    }

    private Deadline due(String what, LocalDate start, StatutoryPeriod p, String consequence) {
        return new Deadline(what, counter.count(Objects.requireNonNull(start, "start"), p), p, consequence);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The periods that run from service of a document of {@code kind} effective on {@code effectiveOn}. */
    public List<Deadline> startedBy(DocumentKind kind, LocalDate effectiveOn) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        switch (kind) {
            case PENALTY_NOTICE:
                return List.of(statementDefenceEnds(effectiveOn));
            case HEARING_RIGHTS_NOTICE:
                return List.of(statementDefenceEnds(effectiveOn), hearingRequestEnds(effectiveOn));
            case DECISION:
                return List.of(paymentDue(effectiveOn));
            case DEMAND:
                return List.of(demandMatures(effectiveOn));
            default:
                return List.of();
        }
    }
}
