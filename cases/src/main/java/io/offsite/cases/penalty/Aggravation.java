package io.offsite.cases.penalty;

/** Aggravating circumstances that discretion benchmarks commonly name; the table cites its own basis. */
public enum Aggravation {
    /** Refused to correct when ordered (拒不改正); contradicts {@code promptlyCorrected}. */
    REFUSED_TO_CORRECT,
    /** Obstructed or resisted enforcement (阻碍执法). */
    OBSTRUCTED_ENFORCEMENT,
    /** Destroyed or falsified evidence (伪造、隐匿、毁灭证据). */
    FALSIFIED_EVIDENCE,
    /** Endangered public safety (危及公共安全). */
    PUBLIC_SAFETY_RISK,
    /** Committed near a school, hospital or other sensitive place, or during a major event. */
    SENSITIVE_AREA;

    int bit() {
        return 1 << ordinal();
    }
}
