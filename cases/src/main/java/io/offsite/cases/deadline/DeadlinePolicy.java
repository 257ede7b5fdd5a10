package io.offsite.cases.deadline;

import io.offsite.cases.penalty.LateSurcharge;
import java.util.Objects;

/**
 * Every period and figure of DOMAIN §4 with its statutory default; all are configurable through
 * {@link #builder()}. Immutable.
 */
public final class DeadlinePolicy {
    final StatutoryPeriod decideAfterFiling;
    final StatutoryPeriod statementDefence;
    final StatutoryPeriod hearingRequest;
    final StatutoryPeriod hearingNotice;
    final StatutoryPeriod serveDecision;
    final StatutoryPeriod payFine;
    final LateSurcharge lateSurcharge;
    final StatutoryPeriod limitation;
    final StatutoryPeriod limitationSevere;
    final StatutoryPeriod demandBeforeCourt;
    final StatutoryPeriod litigationPeriod;
    final StatutoryPeriod courtApplication;
    final StatutoryPeriod publicNotice;

    private DeadlinePolicy(Builder b) {
        decideAfterFiling = b.decideAfterFiling;
        statementDefence = b.statementDefence;
        hearingRequest = b.hearingRequest;
        hearingNotice = b.hearingNotice;
        serveDecision = b.serveDecision;
        payFine = b.payFine;
        lateSurcharge = b.lateSurcharge;
        limitation = b.limitation;
        limitationSevere = b.limitationSevere;
        demandBeforeCourt = b.demandBeforeCourt;
        litigationPeriod = b.litigationPeriod;
        courtApplication = b.courtApplication;
        publicNotice = b.publicNotice;
    }

    /** The statutory defaults. */
    public static DeadlinePolicy defaults() {
        return builder().build();
    }

    /** A builder starting from the statutory defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Decide within this period after filing (default 90 calendar days, APL Art. 60). */
    public StatutoryPeriod decideAfterFiling() {
        return decideAfterFiling;
    }

    /** Statement and defence period after the notice is served (default 5 working days, local forms). */
    public StatutoryPeriod statementDefence() {
        return statementDefence;
    }

    /** Hearing request period after the notice is served (default 5 working days, APL Art. 64). */
    public StatutoryPeriod hearingRequest() {
        return hearingRequest;
    }

    /** Notify the party at least this long before a hearing (default 7 working days, APL Art. 64). */
    public StatutoryPeriod hearingNotice() {
        return hearingNotice;
    }

    /** Serve the decision within this period after deciding (default 7 working days, APL Art. 61). */
    public StatutoryPeriod serveDecision() {
        return serveDecision;
    }

    /** Pay within this period after the decision is served (default 15 calendar days, APL Art. 67). */
    public StatutoryPeriod payFine() {
        return payFine;
    }

    /** Late-payment surcharge: rate, cap and rounding (default 3 % per day, capped at the fine, rounded down). */
    public LateSurcharge lateSurcharge() {
        return lateSurcharge;
    }

    /** Limitation period (default 2 years, APL Art. 36). */
    public StatutoryPeriod limitation() {
        return limitation;
    }

    /** Limitation where life, health or financial safety was harmed (default 5 years, APL Art. 36). */
    public StatutoryPeriod limitationSevere() {
        return limitationSevere;
    }

    /** Minimum wait after the written demand is served before applying to court (default 10 working days, ACL Art. 54). */
    public StatutoryPeriod demandBeforeCourt() {
        return demandBeforeCourt;
    }

    /** Litigation period after the decision is served (default 6 months). */
    public StatutoryPeriod litigationPeriod() {
        return litigationPeriod;
    }

    /** Apply to court within this period after the litigation period ends (default 3 months, ACL Art. 53). */
    public StatutoryPeriod courtApplication() {
        return courtApplication;
    }

    /** Public notice is deemed served after this period (default 30 calendar days, no roll). */
    public StatutoryPeriod publicNotice() {
        return publicNotice;
    }

    /** Builder with validating setters; starts at the statutory defaults. */
    public static final class Builder {
        private StatutoryPeriod decideAfterFiling = StatutoryPeriod.calendarDays(90, "行政处罚法 Art. 60");
        private StatutoryPeriod statementDefence = StatutoryPeriod.workingDays(5, "local form, 陈述申辩");
        private StatutoryPeriod hearingRequest = StatutoryPeriod.workingDays(5, "行政处罚法 Art. 64(1)");
        private StatutoryPeriod hearingNotice = StatutoryPeriod.workingDays(7, "行政处罚法 Art. 64(2)");
        private StatutoryPeriod serveDecision = StatutoryPeriod.workingDays(7, "行政处罚法 Art. 61");
        private StatutoryPeriod payFine = StatutoryPeriod.calendarDays(15, "行政处罚法 Art. 67");
        private LateSurcharge lateSurcharge = LateSurcharge.defaults();
        private StatutoryPeriod limitation = StatutoryPeriod.months(24, "行政处罚法 Art. 36");
        private StatutoryPeriod limitationSevere = StatutoryPeriod.months(60, "行政处罚法 Art. 36");
        private StatutoryPeriod demandBeforeCourt = StatutoryPeriod.workingDays(10, "行政强制法 Art. 54");
        private StatutoryPeriod litigationPeriod = StatutoryPeriod.months(6, "行政诉讼法 Art. 46");
        private StatutoryPeriod courtApplication = StatutoryPeriod.months(3, "行政强制法 Art. 53");
        private StatutoryPeriod publicNotice = new StatutoryPeriod(30, PeriodUnit.CALENDAR_DAYS, false, "民事诉讼法 Art. 95");

        private Builder() {
        }

        /** Sets the decision period after filing (e.g. after an approved extension). */
        public Builder decideAfterFiling(StatutoryPeriod p) {
            decideAfterFiling = Objects.requireNonNull(p, "decideAfterFiling");
            return this;
        }

        /** Sets the statement/defence period; forms use 3, 5 or 7 working days. */
        public Builder statementDefence(StatutoryPeriod p) {
            statementDefence = Objects.requireNonNull(p, "statementDefence");
            return this;
        }

        /** Sets the hearing request period. */
        public Builder hearingRequest(StatutoryPeriod p) {
            hearingRequest = Objects.requireNonNull(p, "hearingRequest");
            return this;
        }

        /** Sets the hearing notice period. */
        public Builder hearingNotice(StatutoryPeriod p) {
            hearingNotice = Objects.requireNonNull(p, "hearingNotice");
            return this;
        }

        /** Sets the decision service period. */
        public Builder serveDecision(StatutoryPeriod p) {
            serveDecision = Objects.requireNonNull(p, "serveDecision");
            return this;
        }

        /** Sets the payment period. */
        public Builder payFine(StatutoryPeriod p) {
            payFine = Objects.requireNonNull(p, "payFine");
            return this;
        }

        /** Sets the late-payment surcharge (rate and rounding, see {@link LateSurcharge}). */
        public Builder lateSurcharge(LateSurcharge s) {
            lateSurcharge = Objects.requireNonNull(s, "lateSurcharge");
            return this;
        }

        /** Sets the ordinary limitation period. */
        public Builder limitation(StatutoryPeriod p) {
            limitation = Objects.requireNonNull(p, "limitation");
            return this;
        }

        /** Sets the limitation period for harm to life, health or financial safety. */
        public Builder limitationSevere(StatutoryPeriod p) {
            limitationSevere = Objects.requireNonNull(p, "limitationSevere");
            return this;
        }

        /** Sets the wait after a served demand before a court application. */
        public Builder demandBeforeCourt(StatutoryPeriod p) {
            demandBeforeCourt = Objects.requireNonNull(p, "demandBeforeCourt");
            return this;
        }

        /** Sets the litigation period. */
        public Builder litigationPeriod(StatutoryPeriod p) {
            litigationPeriod = Objects.requireNonNull(p, "litigationPeriod");
            return this;
        }

        /** Sets the court application window after the litigation period. */
        public Builder courtApplication(StatutoryPeriod p) {
            courtApplication = Objects.requireNonNull(p, "courtApplication");
            return this;
        }

        /** Sets the public-notice period. */
        public Builder publicNotice(StatutoryPeriod p) {
            publicNotice = Objects.requireNonNull(p, "publicNotice");
            return this;
        }

        /** Builds the policy. */
        public DeadlinePolicy build() {
            return new DeadlinePolicy(this);
        }
    }
}
