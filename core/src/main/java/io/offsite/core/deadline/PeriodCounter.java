package io.offsite.core.deadline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Counts statutory periods over a {@link WorkCalendar}: the start day is not counted; working-day periods
 * count working days (make-up days included); calendar and month periods that end on a rest day end on
 * the next working day instead (when the period rolls). Stateless apart from the calendar.
 */
public final class PeriodCounter {
    private final WorkCalendar calendar;

    /** A counter over {@code calendar}. */
    public PeriodCounter(WorkCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The calendar used. */
    public WorkCalendar calendar() {
        return calendar;
    }

    /** The last day of {@code period} starting on {@code start} (the start day itself is not counted). */
    public LocalDate end(LocalDate start, StatutoryPeriod period) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(period, "period");
        switch (period.unit()) {
            case WORKING_DAYS:
                return addWorkingDays(start, period.length());
            case CALENDAR_DAYS:
                return roll(start.plusDays(period.length()), period);
            case MONTHS:
                return roll(start.plusMonths(period.length()), period);
            default:
                throw new IllegalStateException("unknown unit " + period.unit());
        }
    }

    /**
     * The latest day to act so that a full {@code period} lies between that day and {@code event}
     * (neither counted), e.g. the last day to send the hearing notice 7 working days before the hearing.
     */
    public LocalDate latestBefore(LocalDate event, StatutoryPeriod period) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(period, "period");
        switch (period.unit()) {
            case WORKING_DAYS: {
                LocalDate d = event;
                int counted = 0;
                while (counted < period.length()) {
                    d = d.minusDays(1);
                    if (calendar.isWorkingDay(d)) {
                        counted++;
                    }
                }
                return d.minusDays(1);
            }
            case CALENDAR_DAYS:
                return event.minusDays(period.length() + 1L);
            case MONTHS:
                return event.minusMonths(period.length()).minusDays(1);
            default:
                throw new IllegalStateException("unknown unit " + period.unit());
        }
    }

    /** The {@code n}-th working day after {@code start}. */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new DeadlineException("working days to add must be >= 0, was " + n);
        }
        LocalDate d = start;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** Working days strictly after {@code from} up to and including {@code to}; 0 when {@code to <= from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    private LocalDate roll(LocalDate end, StatutoryPeriod period) {
        if (!period.rollsToWorkingDay()) {
            return end;
        }
        LocalDate d = end;
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
