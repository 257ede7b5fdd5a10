package io.offsite.core.deadline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A computed deadline: what must happen by when, under which period, and what follows if it passes.
 *
 * @param what        the act due, e.g. "serve the decision"
 * @param date        last day on which the act is in time (inclusive)
 * @param period      the period counted
 * @param consequence what happens when the date passes without the act
 */
public record Deadline(String what, LocalDate date, StatutoryPeriod period, String consequence) {
    public Deadline {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(consequence, "consequence");
    }

    /** Whether the deadline has passed on {@code today} (the deadline day itself is still in time). */
    public boolean passedOn(LocalDate today) {
        return today.isAfter(date);
    }

    @Override
    public String toString() {
        return what + " by " + date + " [" + period + "]; if missed: " + consequence;
    }
}
