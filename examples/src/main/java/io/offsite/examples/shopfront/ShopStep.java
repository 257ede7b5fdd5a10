package io.offsite.examples.shopfront;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a shop timeline kept by the {@link ShopFrontHost}: what happened, when (event time), to which managed
 * object (empty when the event could not be traced to one) and a readable line with phones masked.
 *
 * @param at       event time
 * @param kind     what happened
 * @param objectId the managed object it concerns, or {@code ""} when unattributed
 * @param text     one readable line
 */
public record ShopStep(Instant at, Kind kind, String objectId, String text) {
    /** Validates the components. */
    public ShopStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(text, "text");
    }

    /** What can happen to a shop. */
    public enum Kind {
        /** A loudspeaker warning was queued for the camera (高空喊话). */
        WARNING_PLAYED,
        /** The event went into the object's file (一企一档) as a finding. */
        FINDING_FILED,
        /** A text to the object's registered operator was queued. */
        OPERATOR_SMS_QUEUED,
        /** The operator's text was delivered (gateway receipt). */
        OPERATOR_SMS_DELIVERED,
        /** The object has no registered operator: nobody could be texted, an officer must identify the party. */
        NO_OPERATOR,
        /** The event could not be traced to any managed object: recorded, nobody texted, no case. */
        UNATTRIBUTED,
        /** The engine asked for evidence (clip and stills) of the episode. */
        EVIDENCE_REQUESTED,
        /** The engine decided to file, but the evidence is not yet complete: the case is held; the text names the gaps. */
        EVIDENCE_INCOMPLETE,
        /** Someone identified who did it (property side evidence or a witness statement). */
        IDENTIFICATION_ADDED,
        /** The completeness rules passed and the chain was sealed; the case is filed next. */
        EVIDENCE_COMPLETE,
        /** A case was filed against the operator and its reference put in the object's file. */
        CASE_FILED,
        /** The penalty table assessed the intended penalty. */
        PENALTY_ASSESSED,
        /** The engine closed an episode (goods taken in, person left, case filed). */
        EPISODE_ENDED
    }

    @Override
    public String toString() {
        return at + " " + kind + (objectId.isEmpty() ? "" : " [" + objectId + "]") + " " + text;
    }
}
