package io.offsite.cases.deadline;

import io.offsite.cases.spi.WorkCalendar;
import java.time.DateTimeException;
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
 *
 * <p>Every count terminates: a search for the next working day gives up after {@link #MAX_REST_RUN} consecutive
 * non-working days (a calendar with no working day in a year and a day is broken), and a count that would leave
 * {@link LocalDate}'s range, or {@link #workingDaysBetween} over more than {@link #MAX_SPAN_DAYS} days, is refused.
 * Each refusal is a {@link DeadlineException} naming the calendar, the start date and the period.
 */
public final class PeriodCounter {
    /** Most consecutive non-working days a count walks through before refusing the calendar (a year and a day). */
    public static final int MAX_REST_RUN = 366;
    /** Longest span {@link #workingDaysBetween} counts, in days (100 years). */
    public static final int MAX_SPAN_DAYS = 36_525;
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
        Consulted c = new Consulted(start, period.toString());
        try {
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
                    throw new DeadlineException("unknown period unit " + period.unit());
            }
            return c.end(end);
        } catch (DateTimeException | ArithmeticException e) {
            throw c.outOfRange(e);
        }
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
        Consulted c = new Consulted(event, period + " before");
        try {
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
                    throw new DeadlineException("unknown period unit " + period.unit());
            }
        } catch (DateTimeException | ArithmeticException e) {
            throw c.outOfRange(e);
        }
    }

    /** The {@code n}-th working day after {@code start}. */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        Consulted c = new Consulted(start, n + " working days");
        try {
            return addWorkingDays(start, n, c);
        } catch (DateTimeException | ArithmeticException e) {
            throw c.outOfRange(e);
        }
    }

    /**
     * Working days strictly after {@code from} up to and including {@code to}; 0 when {@code to <= from}. Refuses
     * spans longer than {@link #MAX_SPAN_DAYS}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        long span = java.time.temporal.ChronoUnit.DAYS.between(from, to);
        if (span > MAX_SPAN_DAYS) {
            throw new DeadlineException("working days between " + from + " and " + to + " over " + calendar
                    + ": the span of " + span + " days exceeds " + MAX_SPAN_DAYS);
        }
        int n = 0;
        for (long k = 1; k <= span; k++) {
            if (calendar.isWorkingDay(from.plusDays(k))) {
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
        private final LocalDate start;
        private final String what;
        private int restRun;
        private Set<String> reasons;

        Consulted(LocalDate start, String what) {
            this.start = start;
            this.what = what;
        }

        /** Asks about {@code d}; refuses the calendar after {@link #MAX_REST_RUN} non-working days in a row. */
        boolean working(LocalDate d) {
            boolean w = calendar.isWorkingDay(d);
            restRun = w ? 0 : restRun + 1;
            if (restRun > MAX_REST_RUN) {
                throw new DeadlineException("work calendar " + calendar + " has no working day in the " + MAX_REST_RUN
                        + " days up to " + d + " (counting " + what + " from " + start
                        + "); a calendar needs at least one working day a year");
            }
            Optional<String> r = calendar.provisionalReason(d);
            if (r.isPresent()) {
                if (reasons == null) {
                    reasons = new LinkedHashSet<>();
                }
                reasons.add(r.get());
            }
            return w;
        }

        DeadlineException outOfRange(RuntimeException e) {
            return new DeadlineException("counting " + what + " from " + start + " over work calendar " + calendar
                    + " leaves the supported date range: " + e.getMessage(), e);
        }

        PeriodEnd end(LocalDate date) {
            return new PeriodEnd(date, reasons == null ? Optional.empty() : Optional.of(String.join("; ", reasons)));
        }
    }
}
