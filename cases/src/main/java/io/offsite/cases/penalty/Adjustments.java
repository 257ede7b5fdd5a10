package io.offsite.cases.penalty;

import java.util.List;
import java.util.Optional;

/** Builds the explanation steps for in-band mitigation and aggravation (slow path only). */
final class Adjustments {
    private static final Mitigation[] MITIGATIONS = Mitigation.values();
    private static final Aggravation[] AGGRAVATIONS = Aggravation.values();
    private static final List<Optional<Citation>> MITIGATION_CITATIONS = List.of(MITIGATIONS).stream()
            .map(m -> Optional.of(m.citation())).toList();

    private Adjustments() {
    }

    static void explain(TableVersion v, Facts f, long lo, long hi, List<Explanation.Step> trace) {
        for (Aggravation a : AGGRAVATIONS) {
            if ((f.aggravationMask & a.bit()) == 0) {
                continue;
            }
            String text = (v.adjustAggravationMask & a.bit()) != 0
                    ? v.aggText[a.ordinal()] + Money.mulDivFloor(hi - lo, v.aggravationStepPermille, 1000) + " fen)"
                    : v.aggText[a.ordinal()];
            trace.add(new Explanation.Step(Explanation.Kind.AGGRAVATION, text, v.benchmarkOpt, 0));
        }
        for (Mitigation m : MITIGATIONS) {
            if ((f.mitigationMask & m.bit()) != 0 && (v.adjustMitigationMask & m.bit()) != 0) {
                trace.add(new Explanation.Step(Explanation.Kind.MITIGATION, v.mitText[m.ordinal()]
                        + Money.mulDivFloor(hi - lo, v.mitigationStepPermille, 1000) + " fen), never below the band minimum",
                        MITIGATION_CITATIONS.get(m.ordinal()), 0));
            }
        }
    }
}
