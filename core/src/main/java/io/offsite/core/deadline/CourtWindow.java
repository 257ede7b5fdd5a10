package io.offsite.core.deadline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When the bureau may apply to court for enforcement (ACL Arts. 53–54): not before the written demand has
 * been served for the required period and the litigation period has ended, and not after the application
 * period that follows it.
 *
 * @param earliest          first day an application is allowed
 * @param latest            last day an application is allowed
 * @param litigationEndsOn  last day of the party's litigation period
 * @param demandMaturesOn   last day of the wait after the demand was served
 */
public record CourtWindow(LocalDate earliest, LocalDate latest, LocalDate litigationEndsOn, LocalDate demandMaturesOn) {
    public CourtWindow {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(litigationEndsOn, "litigationEndsOn");
        Objects.requireNonNull(demandMaturesOn, "demandMaturesOn");
    }

    /** Whether any day is left in the window (false when the demand was served too late). */
    public boolean isOpen() {
        return !earliest.isAfter(latest);
    }

    /** Whether an application on {@code date} is in time. */
    public boolean allows(LocalDate date) {
        return !date.isBefore(earliest) && !date.isAfter(latest);
    }
}
