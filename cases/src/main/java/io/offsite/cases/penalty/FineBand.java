package io.offsite.cases.penalty;

/**
 * A tier's fine band, fixed in fen or a percentage of the construction cost in basis points, and the
 * point inside the band where assessment starts before adjustments. Amounts are at most 10^14 fen and
 * percentages at most 10,000 %, so every fine is computed exactly in a {@code long}.
 *
 * @param percentOfCost true when {@code min}/{@code max} are basis points of the construction cost
 * @param min           band minimum (fen or bp)
 * @param max           band maximum (fen or bp)
 * @param startPermille starting position inside the band, 0 = minimum, 500 = middle, 1000 = maximum
 */
public record FineBand(boolean percentOfCost, long min, long max, int startPermille) {
    public FineBand {
        if (min < 0 || max < min) {
            throw new PenaltyException("fine band must satisfy 0 <= min <= max, was " + min + ".." + max);
        }
        if (max > (percentOfCost ? Money.MAX_PERCENT_BP : Money.MAX_AMOUNT_FEN)) {
            throw new PenaltyException("fine band maximum " + max + (percentOfCost ? " bp exceeds " + Money.MAX_PERCENT_BP
                    + " bp (10000 %)" : " fen exceeds " + Money.MAX_AMOUNT_FEN + " fen (one trillion yuan)"));
        }
        if (startPermille < 0 || startPermille > 1000) {
            throw new PenaltyException("band start must be 0..1000 permille, was " + startPermille);
        }
    }

    long minFen(long costFen) {
        return percentOfCost ? Money.mulDivCeil(costFen, min, 10_000) : min;
    }

    long maxFen(long costFen) {
        return percentOfCost ? Money.mulDivFloor(costFen, max, 10_000) : max;
    }

    @Override
    public String toString() {
        return percentOfCost ? (min / 100.0) + "–" + (max / 100.0) + " % of construction cost"
                : (min / 100) + "–" + (max / 100) + " yuan";
    }
}
