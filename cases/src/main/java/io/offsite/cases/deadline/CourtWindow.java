package io.offsite.cases.deadline;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * When the bureau may apply to court for enforcement (ACL Arts. 53–54): not before the written demand has
 * been served for the required period and the litigation period has ended, and not after the application
 * period that follows it.
 *
 * @param earliest          first day an application is allowed
 * @param latest            last day an application is allowed
 * @param litigationEndsOn  last day of the party's litigation period
 * @param demandMaturesOn   last day of the wait after the demand was served
 * @param provisionalReason why the window is provisional (a count ran over a year without its official
 *                          holiday arrangement); empty when it rests on official data
 */
public record CourtWindow(LocalDate earliest, LocalDate latest, LocalDate litigationEndsOn, LocalDate demandMaturesOn,
        Optional<String> provisionalReason) {
    /** Validates the components. */
    public CourtWindow {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(litigationEndsOn, "litigationEndsOn");
        Objects.requireNonNull(demandMaturesOn, "demandMaturesOn");
        Objects.requireNonNull(provisionalReason, "provisionalReason");
    }

    /** A window resting on official calendar data. */
    public CourtWindow(LocalDate earliest, LocalDate latest, LocalDate litigationEndsOn, LocalDate demandMaturesOn) {
        this(earliest, latest, litigationEndsOn, demandMaturesOn, Optional.empty());
    }

    /** Whether any of the dates may still move when an official holiday arrangement is loaded. */
    public boolean provisional() {
        return provisionalReason.isPresent();
    }

    /** Whether any day is left in the window (false when the demand was served too late). */
    public boolean isOpen() {
        return !earliest.isAfter(latest);
    }

    /** Whether an application on {@code date} is in time. */
    public boolean allows(LocalDate date) {
        return !date.isBefore(earliest) && !date.isAfter(latest);
    }

    @Override
    public String toString() {
        return "apply to court " + earliest + ".." + latest + " (litigation period ends " + litigationEndsOn
                + ", demand matures " + demandMaturesOn + ")" + provisionalReason.map(r -> " — PROVISIONAL: " + r)
                .orElse("");
    }
}
