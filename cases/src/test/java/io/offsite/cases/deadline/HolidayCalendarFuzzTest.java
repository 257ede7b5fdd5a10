package io.offsite.cases.deadline;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;

/**
 * Coverage-guided fuzzing of calendar loading (issue 11.8): any bytes, read as a holiday arrangement
 * ({@code cn-holidays.json} format) and as a festival table ({@code cn-festival-dates.json} format), either load or
 * fail with a {@link DeadlineException}; a loaded calendar then counts a period from 1 January of each year, which
 * must end or fail the same way. Nothing else, never past the bounded heap.
 */
class HolidayCalendarFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void anyCalendarFile_loadsOrThrowsDeadlineException(byte[] input) {
        try {
            HolidayCalendar c = HolidayCalendar.fromJson(new ByteArrayInputStream(input));
            PeriodCounter counter = new PeriodCounter(c);
            for (int year : c.years()) {
                counter.count(LocalDate.of(year, 1, 1), StatutoryPeriod.workingDays(5, "fuzz"));
            }
        } catch (DeadlineException expected) {
            // the module's own exception is the only allowed failure
        }
        try {
            StatutoryHolidays rule = StatutoryHolidays.builder().festivalTable(new ByteArrayInputStream(input)).build();
            for (int year : rule.years()) {
                rule.holidaysOf(year);
            }
        } catch (DeadlineException expected) {
            // the module's own exception is the only allowed failure
        }
    }
}
