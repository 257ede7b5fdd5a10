package io.offsite.cases.deadline;

import io.offsite.cases.spi.WorkCalendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every count over a {@link WorkCalendar} ends, with a {@link DeadlineException} naming the calendar and the start. */
@Timeout(10)
class WorkCalendarTerminationTest {
    /** A custom calendar with no working day at all. */
    private static final WorkCalendar NEVER = new WorkCalendar() {
        @Override
        public boolean isWorkingDay(LocalDate date) {
            return false;
        }

        @Override
        public boolean covers(LocalDate date) {
            return true;
        }

        @Override
        public String toString() {
            return "never-works";
        }
    };
    private static final WorkCalendar WEEKDAYS = new WorkCalendar() {
        @Override
        public boolean isWorkingDay(LocalDate date) {
            return date.getDayOfWeek().getValue() <= 5;
        }

        @Override
        public boolean covers(LocalDate date) {
            return true;
        }
    };
    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    @Test
    void calendarWithNoWorkingDay_addWorkingDaysGivesUpNamingTheCalendarAndTheStart() {
        assertThatThrownBy(() -> new PeriodCounter(NEVER).addWorkingDays(START, 5)).isInstanceOf(DeadlineException.class)
                .hasMessageContaining("never-works").hasMessageContaining("from 2026-03-02")
                .hasMessageContaining("no working day in the 366 days");
    }

    @Test
    void calendarWithNoWorkingDay_everyPeriodKindGivesUp() {
        PeriodCounter c = new PeriodCounter(NEVER);
        for (StatutoryPeriod p : new StatutoryPeriod[] {StatutoryPeriod.workingDays(5, "t"),
                StatutoryPeriod.calendarDays(15, "t"), StatutoryPeriod.months(6, "t")}) {
            assertThatThrownBy(() -> c.count(START, p)).as(p.toString()).isInstanceOf(DeadlineException.class)
                    .hasMessageContaining("never-works").hasMessageContaining("from 2026-03-02");
        }
        assertThatThrownBy(() -> c.countBefore(START, StatutoryPeriod.workingDays(7, "t")))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("never-works");
        assertThatThrownBy(() -> DeadlineCalculator.of(DeadlinePolicy.defaults(), NEVER).decisionDue(START))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("never-works");
    }

    @Test
    void restRunOfAYear_isStillCounted() {
        // one working day a year (2 January) is a poor calendar but a terminating one
        WorkCalendar yearly = new WorkCalendar() {
            @Override
            public boolean isWorkingDay(LocalDate date) {
                return date.getMonthValue() == 1 && date.getDayOfMonth() == 2;
            }

            @Override
            public boolean covers(LocalDate date) {
                return true;
            }
        };
        assertThat(new PeriodCounter(yearly).addWorkingDays(LocalDate.of(2026, 1, 2), 2)).isEqualTo(LocalDate.of(2028, 1, 2));
    }

    @Test
    void dateExtremes_areDeadlineExceptionsNeverDateTimeOrArithmetic() {
        PeriodCounter c = new PeriodCounter(WEEKDAYS);
        assertThatThrownBy(() -> c.addWorkingDays(LocalDate.MAX, 1)).isInstanceOf(DeadlineException.class)
                .hasMessageContaining("from +999999999-12-31").hasMessageContaining("leaves the supported date range");
        assertThatThrownBy(() -> c.count(LocalDate.MAX.minusDays(3), StatutoryPeriod.months(3, "t")))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("leaves the supported date range");
        assertThatThrownBy(() -> c.count(LocalDate.MAX, StatutoryPeriod.calendarDays(3660, "t")))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("leaves the supported date range");
        assertThatThrownBy(() -> c.countBefore(LocalDate.MIN, StatutoryPeriod.workingDays(1, "t")))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("leaves the supported date range");
        assertThatThrownBy(() -> c.countBefore(LocalDate.MIN, StatutoryPeriod.months(1, "t")))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("leaves the supported date range");
        DeadlineCalculator calc = DeadlineCalculator.of(DeadlinePolicy.defaults(), WEEKDAYS);
        assertThatThrownBy(() -> calc.paymentDue(LocalDate.MAX)).isInstanceOf(DeadlineException.class);
        assertThatThrownBy(() -> calc.hearingNoticeLatest(LocalDate.MIN)).isInstanceOf(DeadlineException.class);
        assertThatThrownBy(() -> calc.courtEnforcementWindow(LocalDate.MAX, LocalDate.MAX))
                .isInstanceOf(DeadlineException.class);
        assertThat(calc.lateSurchargeFen(10_000, LocalDate.MIN, LocalDate.MAX)).isEqualTo(10_000);
    }

    @Test
    void workingDaysBetween_refusesASpanOverACentury() {
        PeriodCounter c = new PeriodCounter(WEEKDAYS);
        assertThatThrownBy(() -> c.workingDaysBetween(LocalDate.MIN, LocalDate.MAX)).isInstanceOf(DeadlineException.class)
                .hasMessageContaining("exceeds " + PeriodCounter.MAX_SPAN_DAYS);
        LocalDate from = LocalDate.of(2000, 1, 1);
        assertThat(c.workingDaysBetween(from, from.plus(100, ChronoUnit.YEARS).minusDays(1))).isPositive();
        assertThat(c.workingDaysBetween(LocalDate.MAX.minusDays(7), LocalDate.MAX)).isEqualTo(5);
    }

    @Test
    void holidayCalendar_isNamedInMessages() {
        assertThat(HolidayCalendar.china().toString()).isEqualTo("HolidayCalendar[official [2024, 2025, 2026], provisional 2024–2060]");
    }
}
