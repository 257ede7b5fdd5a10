package io.offsite.cases.penalty;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a decision came out as it did: the version used and every step with its legal citation.
 *
 * @param versionId     table version
 * @param effective     first day the version is in force
 * @param steps         the steps in order (version, tier, exemption, band, adjustments, rounding)
 */
public record Explanation(String versionId, LocalDate effective, List<Step> steps) {
    public Explanation {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(effective, "effective");
        steps = List.copyOf(steps);
    }

    /**
     * One step of an explanation.
     *
     * @param kind     what the step did
     * @param text     human-readable reason
     * @param citation legal basis, if the step has one
     * @param fineFen  the fine after this step (0 before a band is chosen)
     */
    public record Step(Kind kind, String text, Optional<Citation> citation, long fineFen) {
        public Step {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(citation, "citation");
        }

        @Override
        public String toString() {
            return kind + ": " + text + citation.map(c -> " [" + c + "]").orElse("")
                    + (fineFen > 0 ? " → " + fineFen + " fen" : "");
        }
    }

    /** Kinds of explanation steps. */
    public enum Kind { VERSION, TIER, EXEMPTION, BAND, MITIGATION, AGGRAVATION, ROUNDING, OUTCOME }
}
