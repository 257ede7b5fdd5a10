package io.offsite.cases.penalty;

/** Mitigating circumstances of APL Art. 32, each of which obliges the bureau to go lighter. */
public enum Mitigation {
    /** Actively eliminated or reduced the harmful consequences (主动消除或者减轻违法行为危害后果). */
    REDUCED_HARM("1"),
    /** Was coerced or tricked into the violation (受他人胁迫或者诱骗实施违法行为). */
    COERCED("2"),
    /** Confessed a violation the bureau did not yet know of (主动供述行政机关尚未掌握的违法行为). */
    CONFESSED("3"),
    /** Cooperated with the investigation with meritorious conduct (配合行政机关查处违法行为有立功表现). */
    COOPERATED("4"),
    /** Another ground named by law, regulation or rule (法律、法规、规章规定其他应当从轻或者减轻行政处罚的). */
    OTHER_STATUTORY("5");

    private final String clause;

    Mitigation(String clause) {
        this.clause = clause;
    }

    /** The APL Art. 32 clause that names this factor. */
    public Citation citation() {
        return Citation.apl("32", clause);
    }

    int bit() {
        return 1 << ordinal();
    }
}
