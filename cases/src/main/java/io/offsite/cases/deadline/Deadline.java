package io.offsite.cases.deadline;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A computed deadline: what must happen by when, under which period, what follows if it passes, and whether
 * the date is provisional (counted over a year whose official holiday arrangement is not loaded).
 *
 * @param what              the act due, e.g. "serve the decision"
 * @param date              last day on which the act is in time (inclusive)
 * @param period            the period counted
 * @param consequence       what happens when the date passes without the act
 * @param provisionalReason why the date is provisional; empty when it rests on official calendar data
 */
public record Deadline(String what, LocalDate date, StatutoryPeriod period, String consequence,
        Optional<String> provisionalReason) {
    /** Validates the components. */
    public Deadline {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(consequence, "consequence");
        Objects.requireNonNull(provisionalReason, "provisionalReason");
    }

    /** A deadline resting on official calendar data (or on no calendar at all). */
    public Deadline(String what, LocalDate date, StatutoryPeriod period, String consequence) {
        this(what, date, period, consequence, Optional.empty());
    }

    /** A deadline at a counted period end, provisional when the count was. */
    public Deadline(String what, PeriodEnd end, StatutoryPeriod period, String consequence) {
        this(what, end.date(), period, consequence, end.provisionalReason());
    }

    /** Whether the date may still move when the official arrangement for its year is loaded. */
    public boolean provisional() {
        return provisionalReason.isPresent();
    }

    /** Whether the deadline has passed on {@code today} (the deadline day itself is still in time). */
    public boolean passedOn(LocalDate today) {
        return today.isAfter(date);
    }

    @Override
    public String toString() {
        return what + " by " + date + " [" + period + "]; if missed: " + consequence
                + provisionalReason.map(r -> " — PROVISIONAL: " + r).orElse("");
    }
}
