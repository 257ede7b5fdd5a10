package io.offsite.cases.deadline;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The last day of a counted period and whether any day the count relied on came from provisional calendar
 * data (a year whose official holiday notice is not loaded).
 *
 * @param date              the last day of the period
 * @param provisionalReason why the date is provisional; empty when every consulted day rests on official data
 */
public record PeriodEnd(LocalDate date, Optional<String> provisionalReason) {
    /** Validates the components. */
    public PeriodEnd {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(provisionalReason, "provisionalReason");
    }

    /** Whether the date may still move when the official arrangement for its year is loaded. */
    public boolean provisional() {
        return provisionalReason.isPresent();
    }
}
