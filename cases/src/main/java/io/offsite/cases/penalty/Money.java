package io.offsite.cases.penalty;

/**
 * Exact, allocation-free integer arithmetic for fines: {@code a · b / d} without the intermediate product
 * overflowing, and the limits that keep every fine inside a {@code long}.
 */
final class Money {
    /** Largest amount a table may name: 10^14 fen (one trillion yuan). */
    static final long MAX_AMOUNT_FEN = 100_000_000_000_000L;
    /** Largest percentage a table may name: 10,000 % (1,000,000 basis points). */
    static final long MAX_PERCENT_BP = 1_000_000L;

    private Money() {
    }

    /**
     * {@code floor(a · b / d)} for {@code a, b >= 0} and {@code d > 0}, exact as long as the result and
     * {@code d · b} fit a long; otherwise {@link ArithmeticException} (never a wrapped value).
     */
    static long mulDivFloor(long a, long b, long d) {
        return Math.addExact(Math.multiplyExact(a / d, b), Math.multiplyExact(a % d, b) / d);
    }

    /** {@code ceil(a · b / d)} under the same conditions as {@link #mulDivFloor}. */
    static long mulDivCeil(long a, long b, long d) {
        long r = Math.multiplyExact(a % d, b);
        return Math.addExact(Math.multiplyExact(a / d, b), r / d + (r % d == 0 ? 0 : 1));
    }
}
