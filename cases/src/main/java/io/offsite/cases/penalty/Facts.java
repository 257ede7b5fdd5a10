package io.offsite.cases.penalty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The facts of one violation that a penalty table tests. Immutable; build with {@link #builder()}.
 *
 * <p>Numeric facts are integers in the unit their name says: area in square decimetres (1 m² = 100 dm²,
 * so thresholds such as "over 5 m²" are exact) and construction cost in fen. Contradictory fact sets are
 * rejected: a first violation has no earlier violations in the window, and a party who promptly corrected
 * did not refuse to correct.
 */
public final class Facts {
    /** Largest accepted construction cost: 10^14 fen (one trillion yuan), so percentages never overflow. */
    public static final long MAX_COST_FEN = 100_000_000_000_000L;
    /** Largest accepted area: 10^9 dm² (10 km²). */
    public static final long MAX_AREA_DM2 = 1_000_000_000L;
    static final long UNKNOWN = -1;

    final PartyType party;
    final boolean firstViolation;
    final int repeatCount;
    final HarmLevel harm;
    final boolean promptlyCorrected;
    final int mitigationMask;
    final int aggravationMask;
    final long areaDm2;
    final long constructionCostFen;

    private Facts(Builder b) {
        this.party = b.party;
        this.firstViolation = b.firstViolation;
        this.repeatCount = b.repeatCount;
        this.harm = b.harm;
        this.promptlyCorrected = b.promptlyCorrected;
        this.mitigationMask = b.mitigationMask;
        this.aggravationMask = b.aggravationMask;
        this.areaDm2 = b.areaDm2;
        this.constructionCostFen = b.constructionCostFen;
        if (firstViolation && repeatCount > 0) {
            throw new PenaltyException("facts contradict: firstViolation=true but repeatCount=" + repeatCount
                    + " (a first violation has no earlier violations in the window)");
        }
        if (promptlyCorrected && (aggravationMask & Aggravation.REFUSED_TO_CORRECT.bit()) != 0) {
            throw new PenaltyException("facts contradict: promptlyCorrected=true and aggravation REFUSED_TO_CORRECT");
        }
    }

    /** A builder for a person's first-time facts with no harm, no factors and no numeric facts. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with these facts. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.party = party;
        b.firstViolation = firstViolation;
        b.repeatCount = repeatCount;
        b.harm = harm;
        b.promptlyCorrected = promptlyCorrected;
        b.mitigationMask = mitigationMask;
        b.aggravationMask = aggravationMask;
        b.areaDm2 = areaDm2;
        b.constructionCostFen = constructionCostFen;
        return b;
    }

    /** Person or organisation. */
    public PartyType party() {
        return party;
    }

    /** Whether this is the party's first violation of this kind (首次违法). */
    public boolean firstViolation() {
        return firstViolation;
    }

    /** Earlier violations of this kind inside the table's look-back window. */
    public int repeatCount() {
        return repeatCount;
    }

    /** Harm caused. */
    public HarmLevel harm() {
        return harm;
    }

    /** Whether the party corrected promptly when told (及时改正). */
    public boolean promptlyCorrected() {
        return promptlyCorrected;
    }

    /** APL Art. 32 mitigating factors present. */
    public Set<Mitigation> mitigations() {
        EnumSet<Mitigation> s = EnumSet.noneOf(Mitigation.class);
        for (Mitigation m : Mitigation.values()) {
            if ((mitigationMask & m.bit()) != 0) {
                s.add(m);
            }
        }
        return Collections.unmodifiableSet(s);
    }

    /** Aggravating factors present. */
    public Set<Aggravation> aggravations() {
        EnumSet<Aggravation> s = EnumSet.noneOf(Aggravation.class);
        for (Aggravation a : Aggravation.values()) {
            if ((aggravationMask & a.bit()) != 0) {
                s.add(a);
            }
        }
        return Collections.unmodifiableSet(s);
    }

    /** Area in square decimetres, if known. */
    public OptionalLong areaDm2() {
        return areaDm2 == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(areaDm2);
    }

    /** Construction cost in fen, if known. */
    public OptionalLong constructionCostFen() {
        return constructionCostFen == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(constructionCostFen);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Facts && equalTo((Facts) o);
    }

    private boolean equalTo(Facts f) {
        return party == f.party && firstViolation == f.firstViolation && repeatCount == f.repeatCount
                && harm == f.harm && promptlyCorrected == f.promptlyCorrected
                && mitigationMask == f.mitigationMask && aggravationMask == f.aggravationMask
                && areaDm2 == f.areaDm2 && constructionCostFen == f.constructionCostFen;
    }

    @Override
    public int hashCode() {
        return Objects.hash(party, firstViolation, repeatCount, harm, promptlyCorrected, mitigationMask,
                aggravationMask, areaDm2, constructionCostFen);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("party=" + party);
        parts.add("firstViolation=" + firstViolation);
        parts.add("repeatCount=" + repeatCount);
        parts.add("harm=" + harm);
        parts.add("promptlyCorrected=" + promptlyCorrected);
        if (mitigationMask != 0) {
            parts.add("mitigations=" + mitigations());
        }
        if (aggravationMask != 0) {
            parts.add("aggravations=" + aggravations());
        }
        if (areaDm2 != UNKNOWN) {
            parts.add("areaM2=" + BigDecimal.valueOf(areaDm2, 2).stripTrailingZeros().toPlainString());
        }
        if (constructionCostFen != UNKNOWN) {
            parts.add("constructionCostYuan=" + BigDecimal.valueOf(constructionCostFen, 2).toPlainString());
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** Validating builder for {@link Facts}; every setter rejects bad input at once. */
    public static final class Builder {
        private PartyType party = PartyType.PERSON;
        private boolean firstViolation = true;
        private boolean firstExplicit;
        private int repeatCount;
        private HarmLevel harm = HarmLevel.NONE;
        private boolean promptlyCorrected;
        private int mitigationMask;
        private int aggravationMask;
        private long areaDm2 = UNKNOWN;
        private long constructionCostFen = UNKNOWN;

        private Builder() {
        }

        /** Party type. */
        public Builder party(PartyType party) {
            this.party = Objects.requireNonNull(party, "party");
            return this;
        }

        /** First violation; {@link #build()} rejects {@code true} together with a positive repeat count. */
        public Builder firstViolation(boolean first) {
            this.firstViolation = first;
            this.firstExplicit = true;
            return this;
        }

        /**
         * Earlier violations in the window. A positive count clears the default {@code firstViolation=true}
         * unless it was set explicitly (then {@link #build()} reports the contradiction).
         */
        public Builder repeatCount(int count) {
            if (count < 0 || count > 1000) {
                throw new PenaltyException("repeatCount must be in 0..1000, was " + count);
            }
            this.repeatCount = count;
            if (count > 0 && !firstExplicit) {
                firstViolation = false;
            }
            return this;
        }

        /** Harm level. */
        public Builder harm(HarmLevel harm) {
            this.harm = Objects.requireNonNull(harm, "harm");
            return this;
        }

        /** Corrected promptly when told. */
        public Builder promptlyCorrected(boolean corrected) {
            this.promptlyCorrected = corrected;
            return this;
        }

        /** Adds a mitigating factor. */
        public Builder mitigation(Mitigation m) {
            mitigationMask |= Objects.requireNonNull(m, "mitigation").bit();
            return this;
        }

        /** Removes a mitigating factor. */
        public Builder withoutMitigation(Mitigation m) {
            mitigationMask &= ~Objects.requireNonNull(m, "mitigation").bit();
            return this;
        }

        /** Adds an aggravating factor. */
        public Builder aggravation(Aggravation a) {
            aggravationMask |= Objects.requireNonNull(a, "aggravation").bit();
            return this;
        }

        /** Removes an aggravating factor. */
        public Builder withoutAggravation(Aggravation a) {
            aggravationMask &= ~Objects.requireNonNull(a, "aggravation").bit();
            return this;
        }

        /** Area in square decimetres (500 dm² = 5 m²). */
        public Builder areaDm2(long dm2) {
            if (dm2 < 0 || dm2 > MAX_AREA_DM2) {
                throw new PenaltyException("areaDm2 must be in 0.." + MAX_AREA_DM2 + ", was " + dm2);
            }
            this.areaDm2 = dm2;
            return this;
        }

        /** Area in m² with at most two decimals, e.g. {@code new BigDecimal("5.5")}. */
        public Builder areaM2(BigDecimal m2) {
            Objects.requireNonNull(m2, "areaM2");
            try {
                return areaDm2(m2.movePointRight(2).longValueExact());
            } catch (ArithmeticException e) {
                throw new PenaltyException("areaM2 must have at most 2 decimals and fit a long, was " + m2);
            }
        }

        /** Construction cost in fen. */
        public Builder constructionCostFen(long fen) {
            if (fen < 0 || fen > MAX_COST_FEN) {
                throw new PenaltyException("constructionCostFen must be in 0.." + MAX_COST_FEN + ", was " + fen);
            }
            this.constructionCostFen = fen;
            return this;
        }

        /** Builds the facts; throws {@link PenaltyException} when they contradict each other. */
        public Facts build() {
            return new Facts(this);
        }
    }
}
