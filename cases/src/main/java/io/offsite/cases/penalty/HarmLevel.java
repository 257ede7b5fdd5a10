package io.offsite.cases.penalty;

/** How much harm the violation caused, in increasing order of severity. */
public enum HarmLevel {
    /** No harmful consequence (没有造成危害后果). */
    NONE,
    /** Minor harm (危害后果轻微). */
    MINOR,
    /** Ordinary harm. */
    MODERATE,
    /** Serious harm (危害后果严重). */
    SEVERE
}
