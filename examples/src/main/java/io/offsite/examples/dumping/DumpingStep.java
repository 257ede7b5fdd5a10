package io.offsite.examples.dumping;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the garbage-dumping timeline the {@link DumpingHost} keeps: what happened, when (event time) and a
 * readable line (no personal data: parties and witnesses appear by their pseudonymous ids).
 *
 * @param at   event time
 * @param kind what happened
 * @param text one readable line
 */
public record DumpingStep(Instant at, Kind kind, String text) {
    /** Validates the components. */
    public DumpingStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** The steps of the scenario, in the order they normally happen. */
    public enum Kind {
        /** A subject was first seen in the fence. */
        DETECTED,
        /** The engine decided: dumping seen past the dwell, evidence and a case at once (no warning rung). */
        ENGINE_FILES_CASE,
        /** The evidence chain was opened with the camera's clip and stills. */
        EVIDENCE_OPENED,
        /** The completeness rules found gaps (the party is not identified yet). */
        EVIDENCE_INCOMPLETE,
        /** A property manager's or a registered witness's identification of the party was added. */
        IDENTIFICATION_ADDED,
        /** The completeness rules are met; the chain is sealed. */
        EVIDENCE_COMPLETE,
        /** The case was filed in the case service (立案). */
        CASE_FILED,
        /** The penalty table assessed the intended penalty. */
        PENALTY_ASSESSED,
        /** The notice of intended penalty was served (告知). */
        NOTICE_SERVED,
        /** The penalty decision was made (决定). */
        DECIDED
    }

    @Override
    public String toString() {
        return at + " " + kind + " " + text;
    }
}
