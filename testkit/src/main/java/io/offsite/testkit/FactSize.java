package io.offsite.testkit;

import io.offsite.cases.penalty.Facts;
import java.util.Comparator;

/** A size measure on facts so that counterexamples can be reported smallest first. */
final class FactSize {
    static final Comparator<Facts> ORDER = Comparator.comparingLong(FactSize::size).thenComparing(Facts::toString);

    private FactSize() {
    }

    static long size(Facts f) {
        return f.repeatCount() + f.harm().ordinal() + f.mitigations().size() + f.aggravations().size()
                + f.party().ordinal() + (f.firstViolation() ? 0 : 1) + (f.promptlyCorrected() ? 1 : 0)
                + digits(f.areaDm2().orElse(0)) + digits(f.constructionCostFen().orElse(0));
    }

    private static int digits(long v) {
        return v <= 0 ? 0 : (int) Math.log10(v) + 1;
    }
}
