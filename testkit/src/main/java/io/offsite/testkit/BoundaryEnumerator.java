package io.offsite.testkit;

import io.offsite.cases.penalty.Aggravation;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.Mitigation;
import io.offsite.cases.penalty.TableVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Yields fact sets at and around every threshold a table version uses ({@code t-1, t, t+1} for each
 * numeric bound) × every party, harm level, first-violation and correction flag × every subset of the
 * factors its conditions test, plus each point with one extra adjusting factor. Smallest facts first.
 */
public final class BoundaryEnumerator {
    private BoundaryEnumerator() {
    }

    /** The boundary fact sets of {@code version}, without duplicates, in ascending order of size. */
    public static List<Facts> boundaryFacts(TableVersion version) {
        Objects.requireNonNull(version, "version");
        Set<Facts> out = new LinkedHashSet<>();
        List<Facts> base = new ArrayList<>();
        version.thresholds().forEachBoundaryFact(base::add);
        out.addAll(base);
        for (Facts f : base) {
            for (Mitigation m : version.adjustingMitigations()) {
                out.add(f.toBuilder().mitigation(m).build());
            }
            for (Aggravation a : version.adjustingAggravations()) {
                if (!(a == Aggravation.REFUSED_TO_CORRECT && f.promptlyCorrected())) {
                    out.add(f.toBuilder().aggravation(a).build());
                }
            }
        }
        List<Facts> sorted = new ArrayList<>(out);
        sorted.sort(FactSize.ORDER);
        return sorted;
    }
}
