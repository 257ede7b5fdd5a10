package io.offsite.examples.patrol;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the illegal-building timeline the {@link BuildingCaseHost} keeps: what happened, when and a readable
 * line.
 *
 * @param at   when it happened (the host's clock; capture times are in the text)
 * @param kind what happened
 * @param text one readable line
 */
public record BuildingStep(Instant at, Kind kind, String text) {
    /** Validates the components. */
    public BuildingStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** The steps of the scenario, in the order they normally happen. */
    public enum Kind {
        /** The finding's evidence chain was opened with the footprint comparison as an inspection record. */
        EVIDENCE_OPENED,
        /** A drone image (无人机影像) of the building was added. */
        DRONE_IMAGE_ADDED,
        /** The planning authority's record that there is no permit for the structure was added. */
        PLANNING_RECORD_ADDED,
        /** The completeness rules found gaps. */
        EVIDENCE_INCOMPLETE,
        /** The completeness rules are met; the chain is sealed. */
        EVIDENCE_COMPLETE,
        /** The case was filed in the case service (立案) against the enterprise. */
        CASE_FILED,
        /** The penalty table assessed the intended penalty. */
        PENALTY_ASSESSED,
        /** The penalty table needs facts the evidence does not give yet (e.g. the construction cost). */
        PENALTY_NEEDS_FACTS
    }

    @Override
    public String toString() {
        return at + " " + kind + " " + text;
    }
}
