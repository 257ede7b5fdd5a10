package io.offsite.cases;

import io.offsite.cases.penalty.PartyType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Case rules that vary by province: the fine from which a hearing may be requested and legal review is
 * required (较大数额罚款, set by each province — the defaults are placeholders to configure), and which
 * actions need two officers (APL Art. 42). Immutable; build with {@link #builder()}.
 */
public final class CasePolicy {
    private final long[] hearingThresholdFen;
    private final long[] reviewThresholdFen;
    private final Set<CaseAction> twoOfficerActions;
    private final boolean reviewAfterHearing;
    private final long[] simpleMaxFen;

    private CasePolicy(Builder b) {
        this.simpleMaxFen = b.simple.clone();
        this.hearingThresholdFen = b.hearing.clone();
        this.reviewThresholdFen = b.review.clone();
        this.twoOfficerActions = Collections.unmodifiableSet(EnumSet.copyOf(b.twoOfficers));
        this.reviewAfterHearing = b.reviewAfterHearing;
    }

    /** Defaults: hearing and review from 10,000 yuan (person) / 100,000 yuan (organisation) [configure per province]. */
    public static CasePolicy defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Smallest fine (fen) for which the party may request a hearing. */
    public long hearingThresholdFen(PartyType party) {
        return hearingThresholdFen[party.ordinal()];
    }

    /** Smallest fine (fen) that needs legal review before the decision. */
    public long reviewThresholdFen(PartyType party) {
        return reviewThresholdFen[party.ordinal()];
    }

    /** Actions that need at least two distinct officers. */
    public Set<CaseAction> twoOfficerActions() {
        return twoOfficerActions;
    }

    /** Largest fine (fen) the simple on-the-spot procedure allows (APL Art. 51: 200 yuan person, 3,000 yuan organisation). */
    public long simpleProcedureMaxFen(PartyType party) {
        return simpleMaxFen[party.ordinal()];
    }

    /** Whether {@code d} may be decided on the spot under the simple procedure (a warning always may). */
    public boolean simpleProcedureAllowed(io.offsite.cases.penalty.Decision d, PartyType party) {
        return d.outcome() != io.offsite.cases.penalty.Outcome.FINE || d.fineFen() <= simpleMaxFen[party.ordinal()];
    }

    /** Whether a held hearing always requires legal review. */
    public boolean reviewAfterHearing() {
        return reviewAfterHearing;
    }

    /** Validating builder. */
    public static final class Builder {
        private final long[] hearing = {1_000_000L, 10_000_000L};
        private final long[] review = {1_000_000L, 10_000_000L};
        private final EnumSet<CaseAction> twoOfficers = EnumSet.of(CaseAction.START_INVESTIGATION,
                CaseAction.SERVE_NOTICE, CaseAction.HOLD_HEARING, CaseAction.SERVE_DECISION, CaseAction.SERVE_DEMAND);
        private boolean reviewAfterHearing = true;
        private final long[] simple = {20_000L, 300_000L};

        private Builder() {
        }

        /** Hearing threshold in fen for a party type. */
        public Builder hearingThresholdFen(PartyType party, long fen) {
            hearing[Objects.requireNonNull(party, "party").ordinal()] = positive(fen, "hearingThresholdFen");
            return this;
        }

        /** Legal-review threshold in fen for a party type. */
        public Builder reviewThresholdFen(PartyType party, long fen) {
            review[Objects.requireNonNull(party, "party").ordinal()] = positive(fen, "reviewThresholdFen");
            return this;
        }

        /** Simple-procedure limit in fen for a party type. */
        public Builder simpleProcedureMaxFen(PartyType party, long fen) {
            simple[Objects.requireNonNull(party, "party").ordinal()] = positive(fen, "simpleProcedureMaxFen");
            return this;
        }

        /** Replaces the set of actions that need two officers. */
        public Builder twoOfficerActions(Set<CaseAction> actions) {
            twoOfficers.clear();
            twoOfficers.addAll(Objects.requireNonNull(actions, "actions"));
            return this;
        }

        /** Whether a held hearing always requires legal review (default true). */
        public Builder reviewAfterHearing(boolean required) {
            reviewAfterHearing = required;
            return this;
        }

        /** Builds the policy. */
        public CasePolicy build() {
            return new CasePolicy(this);
        }

        private static long positive(long v, String name) {
            if (v < 1) {
                throw new CaseException(name + " must be >= 1 fen, was " + v);
            }
            return v;
        }
    }
}
