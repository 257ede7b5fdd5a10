package io.offsite.evidence;

/** Where the verifier's checks report what they find. */
@FunctionalInterface
interface ProblemSink {
    void add(VerificationProblem.Kind kind, String where, String message);
}
