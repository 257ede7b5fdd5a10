package io.offsite.cases.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {
    private static final HolidayCalendar CN = HolidayCalendar.china();

    @Test
    void shippedCalendar_hasOfficialYears2024To2026_andCountsTheRestOf2024To2060Provisionally() {
        assertThat(CN.years()).containsExactly(2024, 2025, 2026);
        assertThat(CN.provisionalYears()).hasSize(34).contains(2027, 2035, 2060).doesNotContain(2026);
    }

    @Test
    void publicHolidayOnAWeekday_isNotAWorkingDay() {
        assertThat(CN.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse(); // Wednesday, National Day block
    }

    @Test
    void makeUpWorkingDayOnASaturday_isAWorkingDay() {
        assertThat(CN.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
        assertThat(CN.isWorkingDay(LocalDate.of(2025, 10, 12))).isFalse(); // plain Sunday
    }

    @Test
    void newYearsEve2024_isAnOrdinaryWorkingFriday() {
        assertThat(CN.isWorkingDay(LocalDate.of(2024, 2, 9))).isTrue();
    }

    @Test
    void officialOnlyCalendar_refusesAYearWithoutData() {
        HolidayCalendar official = HolidayCalendar.fromJson(HolidayCalendar.class.getResourceAsStream("cn-holidays.json"));
        assertThatThrownBy(() -> official.isWorkingDay(LocalDate.of(2027, 1, 4)))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("no holiday data for 2027")
                .hasMessageContaining("[2024, 2025, 2026]").hasMessageContaining("no provisional rule");
    }

    @Test
    void yearBeyondTheProvisionalTable_isRefusedNamingTheYear() {
        assertThatThrownBy(() -> CN.isWorkingDay(LocalDate.of(2061, 3, 1)))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("no holiday data for 2061")
                .hasMessageContaining("provisional table 2024–2060");
    }

    @Test
    void makeUpWorkingDayOnAWeekday_isRejected() {
        assertThatThrownBy(() -> HolidayCalendar.builder().coverYear(2025).makeUpWorkday(LocalDate.of(2025, 10, 10)))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("FRIDAY");
    }

    @Test
    void holidayOutsideCoveredYears_isRejectedAtBuild() {
        assertThatThrownBy(() -> HolidayCalendar.builder().coverYear(2025).holiday(LocalDate.of(2026, 1, 1)).build())
                .isInstanceOf(DeadlineException.class).hasMessageContaining("coverYear(2026)");
    }

    @Test
    void sameDayAsHolidayAndMakeUpDay_isRejected() {
        assertThatThrownBy(() -> HolidayCalendar.builder().coverYear(2025).holiday(LocalDate.of(2025, 10, 11))
                .makeUpWorkday(LocalDate.of(2025, 10, 11))).isInstanceOf(DeadlineException.class);
    }

    @Test
    void malformedCalendarJson_isRejectedWithThePath() {
        String json = "{\"years\": {\"2025\": {\"holidays\": [\"2025-13-01\"], \"workdays\": []}}}";
        assertThatThrownBy(() -> HolidayCalendar.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("years.2025.holidays[0]");
    }
}
