package io.offsite.cases.spi;

import io.offsite.cases.deadline.DeadlineException;
import io.offsite.cases.deadline.PeriodCounter;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Plug-in (SPI) that says which days are working days; {@code HolidayCalendar} is the shipped implementation. Implementations must refuse (throw
 * {@link DeadlineException}) dates they have no data for rather than guess; a date they answer from
 * provisional data (no official arrangement for its year) is flagged by {@link #provisionalReason}. A calendar
 * must have a working day at least once a year: {@link PeriodCounter} refuses one that answers "not a working day"
 * for more than {@link PeriodCounter#MAX_REST_RUN} consecutive days, naming it by its {@code toString}.
 */
public interface WorkCalendar {
    /**
     * Whether {@code date} is a working day: Monday–Friday that is not a public holiday, or a make-up
     * working day (调休上班) on a weekend.
     *
     * @throws DeadlineException when the calendar has no data for that date's year
     */
    boolean isWorkingDay(LocalDate date);

    /** Whether the calendar can answer for {@code date} (officially or provisionally). */
    boolean covers(LocalDate date);

    /**
     * Why the answer for {@code date} is provisional (no official holiday notice for its year); empty when it
     * rests on official data. The default is empty: a calendar that never guesses.
     */
    default Optional<String> provisionalReason(LocalDate date) {
        return Optional.empty();
    }
}
