package io.offsite.testkit;

import io.offsite.cases.penalty.Facts;
import io.offsite.core.violation.Violation;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A fact set (already shrunk) on which a table breaks a law.
 *
 * @param law       the law broken
 * @param violation the violation whose table broke the law
 * @param versionId version that was in force
 * @param date      assessment date
 * @param facts     the (smallest found) facts
 * @param neighbour for monotonicity laws, the facts with the extra factor
 * @param message   what went wrong, with both decisions where relevant
 */
public record Counterexample(Law law, Violation violation, String versionId, LocalDate date, Facts facts,
        Optional<Facts> neighbour, String message) {
    public Counterexample {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(neighbour, "neighbour");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return law + " broken by " + violation + "/" + versionId + " on " + date + " for " + facts + ": " + message;
    }
}
