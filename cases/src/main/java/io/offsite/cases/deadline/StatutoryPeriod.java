package io.offsite.cases.deadline;

import java.util.Objects;

/**
 * A period the law sets, e.g. 5 working days to request a hearing.
 *
 * @param length            number of units, at least 1
 * @param unit              how to count
 * @param rollsToWorkingDay whether a calendar/month period ending on a rest day ends on the next working
 *                          day instead (the general rule; false e.g. for deemed service after public notice)
 * @param basis             legal basis in words, e.g. {@code 行政处罚法 Art. 64}
 */
public record StatutoryPeriod(int length, PeriodUnit unit, boolean rollsToWorkingDay, String basis) {
    public StatutoryPeriod {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(basis, "basis");
        if (length < 1 || length > 3660) {
            throw new DeadlineException("period length must be 1..3660 " + unit + ", was " + length + " (" + basis + ")");
        }
    }

    /** Working-day period. */
    public static StatutoryPeriod workingDays(int n, String basis) {
        return new StatutoryPeriod(n, PeriodUnit.WORKING_DAYS, false, basis);
    }

    /** Calendar-day period that rolls to the next working day when it ends on a rest day. */
    public static StatutoryPeriod calendarDays(int n, String basis) {
        return new StatutoryPeriod(n, PeriodUnit.CALENDAR_DAYS, true, basis);
    }

    /** Month period that rolls to the next working day when it ends on a rest day. */
    public static StatutoryPeriod months(int n, String basis) {
        return new StatutoryPeriod(n, PeriodUnit.MONTHS, true, basis);
    }

    @Override
    public String toString() {
        return length + " " + unit.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (" + basis + ")";
    }
}
