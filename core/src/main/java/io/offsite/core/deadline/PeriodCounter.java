package io.offsite.core.deadline;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Counts statutory periods over a {@link WorkCalendar}: the start day is not counted; working-day periods
 * count working days (make-up days included); calendar and month periods that end on a rest day end on
 * the next working day instead (when the period rolls). {@link #count} also says whether any day the count
 * consulted was answered from provisional calendar data. Stateless apart from the calendar.
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
        return count(start, period).date();
    }

    /** {@link #end} with the provisional flag of every day consulted. */
    public PeriodEnd count(LocalDate start, StatutoryPeriod period) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(period, "period");
        Consulted c = new Consulted();
        LocalDate end;
        switch (period.unit()) {
            case WORKING_DAYS:
                end = addWorkingDays(start, period.length(), c);
                break;
            case CALENDAR_DAYS:
                end = roll(start.plusDays(period.length()), period, c);
                break;
            case MONTHS:
                end = roll(start.plusMonths(period.length()), period, c);
                break;
            default:
                throw new IllegalStateException("unknown unit " + period.unit());
        }
        return c.end(end);
    }

    /**
     * The latest day to act so that a full {@code period} lies between that day and {@code event}
     * (neither counted), e.g. the last day to send the hearing notice 7 working days before the hearing.
     */
    public LocalDate latestBefore(LocalDate event, StatutoryPeriod period) {
        return countBefore(event, period).date();
    }

    /** {@link #latestBefore} with the provisional flag of every day consulted. */
    public PeriodEnd countBefore(LocalDate event, StatutoryPeriod period) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(period, "period");
        Consulted c = new Consulted();
        switch (period.unit()) {
            case WORKING_DAYS: {
                LocalDate d = event;
                int counted = 0;
                while (counted < period.length()) {
                    d = d.minusDays(1);
                    if (c.working(d)) {
                        counted++;
                    }
                }
                return c.end(d.minusDays(1));
            }
            case CALENDAR_DAYS:
                return c.end(event.minusDays(period.length() + 1L));
            case MONTHS:
                return c.end(event.minusMonths(period.length()).minusDays(1));
            default:
                throw new IllegalStateException("unknown unit " + period.unit());
        }
    }

    /** The {@code n}-th working day after {@code start}. */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        return addWorkingDays(start, n, new Consulted());
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

    private LocalDate addWorkingDays(LocalDate start, int n, Consulted c) {
        if (n < 0) {
            throw new DeadlineException("working days to add must be >= 0, was " + n);
        }
        LocalDate d = start;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (c.working(d)) {
                counted++;
            }
        }
        return d;
    }

    private LocalDate roll(LocalDate end, StatutoryPeriod period, Consulted c) {
        if (!period.rollsToWorkingDay()) {
            return end;
        }
        LocalDate d = end;
        while (!c.working(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Asks the calendar and collects the provisional reasons of the days asked about. */
    private final class Consulted {
        private Set<String> reasons;

        boolean working(LocalDate d) {
            boolean w = calendar.isWorkingDay(d);
            Optional<String> r = calendar.provisionalReason(d);
            if (r.isPresent()) {
                if (reasons == null) {
                    reasons = new LinkedHashSet<>();
                }
                reasons.add(r.get());
            }
            return w;
        }

        PeriodEnd end(LocalDate date) {
            return new PeriodEnd(date, reasons == null ? Optional.empty() : Optional.of(String.join("; ", reasons)));
        }
    }
}
