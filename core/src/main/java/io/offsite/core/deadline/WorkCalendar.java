package io.offsite.core.deadline;

import java.time.LocalDate;

/**
 * Plug-in that says which days are working days. Implementations must refuse (throw
 * {@link DeadlineException}) dates they have no data for rather than guess.
 */
public interface WorkCalendar {
    /**
     * Whether {@code date} is a working day: Monday–Friday that is not a public holiday, or a make-up
     * working day (调休上班) on a weekend.
     *
     * @throws DeadlineException when the calendar has no data for that date's year
     */
    boolean isWorkingDay(LocalDate date);

    /** Whether the calendar has data for {@code date}. */
    boolean covers(LocalDate date);
}
