package io.offsite.cases.penalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The late-payment surcharge (加处罚款, APL Art. 72; ACL Art. 45): a daily rate of the fine for every day
 * after the due date, never more than the fine. Money is integer fen, so the exact amount
 * {@code fine × rate × days} is rounded once to whole fen; the default rounds <em>down</em>, because the
 * statute sets a ceiling (3 % per day) that a rounded-up fen would exceed, and the surplus would be an unlawful
 * charge on the party. Immutable; build with {@link #builder()}.
 */
public final class LateSurcharge {
    private final int basisPointsPerDay;
    private final RoundingMode rounding;

    private LateSurcharge(Builder b) {
        this.basisPointsPerDay = b.basisPointsPerDay;
        this.rounding = b.rounding;
    }

    /** The statutory default: 3 % (300 basis points) per day, capped at the fine, rounded down to the fen. */
    public static LateSurcharge defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Daily rate in basis points of the fine (default 300 = 3 %). */
    public int basisPointsPerDay() {
        return basisPointsPerDay;
    }

    /** How the exact amount is rounded to whole fen (default {@link RoundingMode#DOWN}). */
    public RoundingMode rounding() {
        return rounding;
    }

    /** The surcharge in fen for a fine {@code daysLate} days overdue (0 when not late), capped at the fine. */
    public long fen(long fineFen, long daysLate) {
        if (fineFen < 0) {
            throw new PenaltyException("fineFen must be >= 0, was " + fineFen);
        }
        if (daysLate <= 0) {
            return 0;
        }
        if (daysLate >= 10_000L / basisPointsPerDay + 1) {
            return fineFen;
        }
        BigDecimal exact = BigDecimal.valueOf(fineFen).multiply(BigDecimal.valueOf(daysLate * basisPointsPerDay))
                .divide(BigDecimal.valueOf(10_000));
        return Math.min(fineFen, exact.setScale(0, rounding).longValueExact());
    }

    @Override
    public String toString() {
        return "LateSurcharge[" + basisPointsPerDay + " bp/day, capped at the fine, rounded " + rounding + "]";
    }

    /** Validating builder. */
    public static final class Builder {
        private int basisPointsPerDay = 300;
        private RoundingMode rounding = RoundingMode.DOWN;

        private Builder() {
        }

        /** Daily rate in basis points of the fine, 1..10000 (default 300 = 3 %, APL Art. 72). */
        public Builder basisPointsPerDay(int bp) {
            if (bp < 1 || bp > 10_000) {
                throw new PenaltyException("surcharge basisPointsPerDay must be 1..10000, was " + bp);
            }
            basisPointsPerDay = bp;
            return this;
        }

        /** Rounding to whole fen (default DOWN); {@code UNNECESSARY} is refused since amounts are rarely exact. */
        public Builder rounding(RoundingMode mode) {
            Objects.requireNonNull(mode, "rounding");
            if (mode == RoundingMode.UNNECESSARY) {
                throw new PenaltyException("surcharge rounding UNNECESSARY would fail on the first inexact amount;"
                        + " choose DOWN (default), HALF_UP, HALF_EVEN, UP, FLOOR or CEILING");
            }
            rounding = mode;
            return this;
        }

        /** Builds the setting. */
        public LateSurcharge build() {
            return new LateSurcharge(this);
        }
    }
}
