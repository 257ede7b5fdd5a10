package io.offsite.cases.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Years without the State Council's arrangement: weekends plus the 2024-revision statutory holidays. */
class ProvisionalCalendarTest {
    private static final HolidayCalendar CN = HolidayCalendar.china();

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void provisional2027_hasExactlyTheStatutoryHolidays() {
        // 春节 2027: 除夕 Fri 5 Feb, 初一–初三 6–8 Feb; 清明 5 Apr; 端午 9 Jun; 中秋 15 Sep.
        assertThat(StatutoryHolidays.china().holidaysOf(2027)).containsExactly(d(2027, 1, 1), d(2027, 2, 5),
                d(2027, 2, 6), d(2027, 2, 7), d(2027, 2, 8), d(2027, 4, 5), d(2027, 5, 1), d(2027, 5, 2),
                d(2027, 6, 9), d(2027, 9, 15), d(2027, 10, 1), d(2027, 10, 2), d(2027, 10, 3));
    }

    @Test
    void provisionalWeekdayHoliday_isNotAWorkingDay_andTheDayAfterIs() {
        assertThat(CN.isWorkingDay(d(2027, 2, 5))).as("除夕, a Friday").isFalse();
        assertThat(CN.isWorkingDay(d(2027, 2, 8))).as("初三, a Monday").isFalse();
        assertThat(CN.isWorkingDay(d(2027, 2, 9))).as("初四: no extended block provisionally").isTrue();
        assertThat(CN.isWorkingDay(d(2027, 10, 4))).as("4 Oct: only 1–3 Oct are statutory").isTrue();
    }

    @Test
    void provisionalYear_hasNoMakeUpWorkingDays() {
        for (LocalDate day = d(2027, 1, 1); day.getYear() == 2027; day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() >= 6) {
                assertThat(CN.isWorkingDay(day)).as("%s", day).isFalse();
            }
        }
    }

    @Test
    void provisionalDay_isFlaggedWithTheYearAndTheRule_officialDayIsNot() {
        assertThat(CN.provisionalReason(d(2027, 3, 1))).hasValueSatisfying(r -> assertThat(r)
                .startsWith("2027 counted provisionally").contains("全国年节及纪念日放假办法", "no make-up working days"));
        assertThat(CN.provisionalReason(d(2026, 3, 2))).isEmpty();
    }

    @Test
    void loadingTheOfficialYear_replacesTheProvisionalCount() {
        String notice2027 = "{\"years\": {\"2027\": {\"holidays\": [\"2027-10-01\", \"2027-10-02\", \"2027-10-03\","
                + " \"2027-10-04\", \"2027-10-05\", \"2027-10-06\", \"2027-10-07\"], \"workdays\": [\"2027-10-09\"]}}}";
        HolidayCalendar loaded = HolidayCalendar.chinaBuilder()
                .officialJson(new ByteArrayInputStream(notice2027.getBytes(StandardCharsets.UTF_8))).build();
        assertThat(CN.isWorkingDay(d(2027, 10, 4))).isTrue();
        assertThat(loaded.isWorkingDay(d(2027, 10, 4))).isFalse();
        assertThat(loaded.isWorkingDay(d(2027, 10, 9))).as("official make-up Saturday").isTrue();
        assertThat(loaded.provisionalReason(d(2027, 10, 4))).isEmpty();
        assertThat(loaded.years()).contains(2027);
        assertThat(loaded.provisionalYears()).doesNotContain(2027).contains(2028);
        HolidayCalendar viaToBuilder = CN.toBuilder().coverYear(2027).holiday(d(2027, 10, 4)).build();
        assertThat(viaToBuilder.isWorkingDay(d(2027, 10, 4))).isFalse();
        DeadlineCalculator before = DeadlineCalculator.chinaDefaults();
        DeadlineCalculator after = DeadlineCalculator.of(DeadlinePolicy.defaults(), loaded);
        // 5 working days from Thu 30 Sep 2027: provisionally 4, 5, 6, 7, 8 Oct; officially 8, 9 (make-up), 11, 12, 13.
        assertThat(before.statementDefenceEnds(d(2027, 9, 30)).date()).isEqualTo(d(2027, 10, 8));
        assertThat(before.statementDefenceEnds(d(2027, 9, 30)).provisional()).isTrue();
        assertThat(after.statementDefenceEnds(d(2027, 9, 30)).date()).isEqualTo(d(2027, 10, 13));
        assertThat(after.statementDefenceEnds(d(2027, 9, 30)).provisional()).isFalse();
    }

    @Test
    void provisionalHolidays_lieInsideTheOfficialArrangementsOf2025And2026() {
        HolidayCalendar official = HolidayCalendar.fromJson(HolidayCalendar.class.getResourceAsStream("cn-holidays.json"));
        for (int year : List.of(2025, 2026)) {
            for (LocalDate h : StatutoryHolidays.china().holidaysOf(year)) {
                assertThat(official.isWorkingDay(h)).as("statutory holiday %s in the official %d notice", h, year).isFalse();
            }
        }
    }

    @Test
    void spans_areConfigurable_withTheLawAsDefault() {
        FestivalDates f2027 = new FestivalDates(2027, d(2027, 2, 6), d(2027, 4, 5), d(2027, 6, 9), d(2027, 9, 15));
        Set<LocalDate> old = StatutoryHolidays.builder().festivalDates(f2027).springFestivalDaysBefore(0)
                .labourDays(1).build().holidaysOf(2027);
        assertThat(old).doesNotContain(d(2027, 2, 5), d(2027, 5, 2)).contains(d(2027, 2, 6), d(2027, 5, 1));
        assertThat(new TreeSet<>(StatutoryHolidays.builder().festivalDates(f2027).build().holidaysOf(2027)))
                .isEqualTo(new TreeSet<>(StatutoryHolidays.china().holidaysOf(2027)));
        assertThatThrownBy(() -> StatutoryHolidays.builder().nationalDays(0))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("nationalDays must be 1..7, was 0");
    }

    @Test
    void festivalDateOutOfSeason_isRejectedNamingYearAndFestival() {
        assertThatThrownBy(() -> new FestivalDates(2030, d(2030, 3, 3), d(2030, 4, 5), d(2030, 6, 5), d(2030, 9, 12)))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("2030.springFestival = 2030-03-03");
    }
}
