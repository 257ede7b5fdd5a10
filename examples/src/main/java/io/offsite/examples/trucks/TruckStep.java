package io.offsite.examples.trucks;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the construction-waste truck timeline the {@link TruckCaseHost} keeps: what happened, when (event time)
 * and a readable line (plates masked).
 *
 * @param at   event time
 * @param kind what happened
 * @param text one readable line
 */
public record TruckStep(Instant at, Kind kind, String text) {
    /** Validates the components. */
    public TruckStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** The steps of the scenario, in the order they normally happen. */
    public enum Kind {
        /** A site-gate camera (工地出入口) saw a permitted truck leave a site; kept for the truck's next finding. */
        GATE_PASSAGE,
        /** A finding's evidence chain was opened with its hashed GPS track (轨迹). */
        EVIDENCE_OPENED,
        /** The completeness rules found gaps. */
        EVIDENCE_INCOMPLETE,
        /** No gate passage out of a loading site of the truck's permit could be found before the trip. */
        GATE_STILL_MISSING,
        /** The site-gate camera's still of the truck leaving its loading site was added. */
        GATE_STILL_ADDED,
        /** The completeness rules are met; the chain is sealed. */
        EVIDENCE_COMPLETE,
        /** The case was filed in the case service (立案). */
        CASE_FILED,
        /** The penalty table assessed the intended penalty. */
        PENALTY_ASSESSED
    }

    @Override
    public String toString() {
        return at + " " + kind + " " + text;
    }
}
