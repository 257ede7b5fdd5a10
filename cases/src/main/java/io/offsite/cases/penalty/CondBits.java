package io.offsite.cases.penalty;

/**
 * Sets of a table's conditions as bit words (bit {@code c} = condition {@code c}), the representation
 * {@link CoverageCheck} searches with: one word per 64 conditions, no allocation per test.
 */
final class CondBits {
    private CondBits() {
    }

    /** The set of all {@code n} conditions in {@code words} words. */
    static long[] all(int words, int n) {
        long[] a = new long[words];
        for (int c = 0; c < n; c++) {
            a[c >>> 6] |= 1L << c;
        }
        return a;
    }

    /** {@code into &= other}. */
    static void and(long[] into, long[] other) {
        for (int i = 0; i < into.length; i++) {
            into[i] &= other[i];
        }
    }

    /** Whether the two sets share a condition. */
    static boolean intersects(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & b[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the set is empty. */
    static boolean isEmpty(long[] a) {
        for (long w : a) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }
}
