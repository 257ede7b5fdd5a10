package io.offsite.cases.penalty;

/**
 * The fine range the law allows for one party type: either fixed amounts in fen or a percentage of the
 * construction cost in basis points (1 % = 100 bp). Amounts are at most 10^14 fen, percentages at most
 * 10,000 %; with a construction cost of at most {@link Facts#MAX_COST_FEN} every bound is exact.
 *
 * @param percentOfCost true when {@code min}/{@code max} are basis points of the construction cost
 * @param min           lowest fine (fen) or lowest percentage (bp); 0 when the law gives no minimum
 * @param max           highest fine (fen) or highest percentage (bp)
 */
public record StatutoryRange(boolean percentOfCost, long min, long max) {
    public StatutoryRange {
        if (min < 0 || max < min) {
            throw new PenaltyException("statutory range must satisfy 0 <= min <= max, was " + min + ".." + max);
        }
        if (percentOfCost && max > Money.MAX_PERCENT_BP) {
            throw new PenaltyException("statutory percentage above 10000 % (" + max + " bp) is not plausible");
        }
        if (!percentOfCost && max > Money.MAX_AMOUNT_FEN) {
            throw new PenaltyException("statutory maximum " + max + " fen exceeds " + Money.MAX_AMOUNT_FEN
                    + " fen (one trillion yuan)");
        }
    }

    /** Lowest lawful fine for these facts, in fen (percentages rounded up to the next fen). */
    public long minFen(long constructionCostFen) {
        return percentOfCost ? Money.mulDivCeil(constructionCostFen, min, 10_000) : min;
    }

    /** Highest lawful fine for these facts, in fen (percentages rounded down). */
    public long maxFen(long constructionCostFen) {
        return percentOfCost ? Money.mulDivFloor(constructionCostFen, max, 10_000) : max;
    }

    @Override
    public String toString() {
        return percentOfCost ? (min / 100.0) + "–" + (max / 100.0) + " % of construction cost"
                : (min / 100) + "–" + (max / 100) + " yuan";
    }
}
