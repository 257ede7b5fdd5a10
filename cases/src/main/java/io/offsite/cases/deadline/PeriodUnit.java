package io.offsite.cases.deadline;

/** How a statutory period is counted (Civil Code Arts. 201–203). */
public enum PeriodUnit {
    /** Working days: Mon–Fri that are not holidays, plus make-up working days. */
    WORKING_DAYS,
    /** Calendar days. */
    CALENDAR_DAYS,
    /** Months: same day-of-month, or the month's last day when that day does not exist. */
    MONTHS
}
