package io.offsite.core.penalty;

import java.util.List;
import java.util.Optional;

/** Builds the explanation steps for in-band mitigation and aggravation (slow path only). */
final class Adjustments {
    private Adjustments() {
    }

    static void explain(TableVersion v, Facts f, long lo, long hi, List<Explanation.Step> trace) {
        for (Aggravation a : Aggravation.values()) {
            if ((f.aggravationMask & a.bit()) == 0) {
                continue;
            }
            if ((v.adjustAggravationMask & a.bit()) != 0) {
                trace.add(new Explanation.Step(Explanation.Kind.AGGRAVATION, a + " raises the position by "
                        + v.aggravationStepPermille / 10.0 + " % of the band (" + (hi - lo) * v.aggravationStepPermille
                        / 1000 + " fen)", Optional.ofNullable(v.benchmark), 0));
            } else {
                trace.add(new Explanation.Step(Explanation.Kind.AGGRAVATION, a
                        + " already counted by the tier test; no further raise", Optional.ofNullable(v.benchmark), 0));
            }
        }
        for (Mitigation m : Mitigation.values()) {
            if ((f.mitigationMask & m.bit()) != 0 && (v.adjustMitigationMask & m.bit()) != 0) {
                trace.add(new Explanation.Step(Explanation.Kind.MITIGATION, m + " lowers the position by "
                        + v.mitigationStepPermille / 10.0 + " % of the band (" + (hi - lo) * v.mitigationStepPermille
                        / 1000 + " fen), never below the band minimum", Optional.of(m.citation()), 0));
            }
        }
    }
}
