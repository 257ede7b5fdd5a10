package io.offsite.cases.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Holiday and festival files are read strictly: every finding of issue 11 has its rule pinned here. */
class CalendarFileStrictnessTest {
    private static final String Y2025 = "{\"holidays\": [\"2025-10-01\", \"2025-10-02\"], \"workdays\": [\"2025-10-11\"]}";

    private static InputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static HolidayCalendar calendar(String json) {
        return HolidayCalendar.fromJson(in(json));
    }

    @Test
    void typoKeyHolydays_isRefusedNamingTheKeyAndThePath() {
        String json = "{\"years\": {\"2025\": {\"holydays\": [\"2025-10-01\"], \"workdays\": []}}}";
        assertThatThrownBy(() -> calendar(json)).isInstanceOf(DeadlineException.class)
                .hasMessageContaining("$.years.2025").hasMessageContaining("unknown key \"holydays\"")
                .hasMessageContaining("holidays");
    }

    @Test
    void unknownRootKey_isRefused() {
        assertThatThrownBy(() -> calendar("{\"years\": {\"2025\": " + Y2025 + "}, \"yaers\": {}}"))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("$: unknown key \"yaers\"");
    }

    @Test
    void duplicateYearKey_isRefusedSoNationalDayStaysAHoliday() {
        String json = "{\"years\": {\"2025\": " + Y2025 + ", \"2025\": {\"holidays\": [], \"workdays\": []}}}";
        assertThatThrownBy(() -> calendar(json)).isInstanceOf(DeadlineException.class)
                .hasMessageContaining("Duplicate field '2025'");
        assertThat(calendar("{\"years\": {\"2025\": " + Y2025 + "}}").isWorkingDay(LocalDate.of(2025, 10, 1))).isFalse();
    }

    @Test
    void yearKeyThatIsNotFourDigits_isRefused() {
        assertThatThrownBy(() -> calendar("{\"years\": {\"+2025\": " + Y2025 + "}}"))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("key \"+2025\" must be a year");
        assertThatThrownBy(() -> calendar("{\"years\": {\"9999\": {\"holidays\": [], \"workdays\": []}}}"))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("$.years.9999: year must be in 1949..2200");
    }

    @Test
    void yearLoadedTwice_isRefusedAndTheBuilderKeepsItsData() {
        HolidayCalendar.Builder b = HolidayCalendar.builder().officialJson(in("{\"years\": {\"2025\": " + Y2025 + "}}"));
        assertThatThrownBy(() -> b.officialJson(in("{\"years\": {\"2025\": {\"holidays\": [], \"workdays\": []}}}")))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("$.years.2025: year 2025 is already loaded");
        assertThat(b.build().isWorkingDay(LocalDate.of(2025, 10, 1))).isFalse();
    }

    @Test
    void trailingContent_isRefused() {
        assertThatThrownBy(() -> calendar("{\"years\": {\"2025\": " + Y2025 + "}} {\"years\": {}}"))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("malformed");
    }

    @Test
    void deepNesting_isADeadlineExceptionNotAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> calendar("{\"years\": " + deep + "}")).isInstanceOf(DeadlineException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void dateOutsideItsYear_isRefusedWithThePath() {
        String json = "{\"years\": {\"2025\": {\"holidays\": [\"2026-10-01\"], \"workdays\": []}, "
                + "\"2026\": {\"holidays\": [], \"workdays\": []}}}";
        assertThatThrownBy(() -> calendar(json)).isInstanceOf(DeadlineException.class)
                .hasMessageContaining("$.years.2025.holidays[0]: 2026-10-01 does not lie in year 2025");
    }

    @Test
    void dateNotInIsoFormat_isRefusedWithThePath() {
        for (String bad : new String[] {"2025-10-1", "+2025-10-01", "2025-02-30", "20251001"}) {
            String json = "{\"years\": {\"2025\": {\"holidays\": [\"" + bad + "\"], \"workdays\": []}}}";
            assertThatThrownBy(() -> calendar(json)).as(bad).isInstanceOf(DeadlineException.class)
                    .hasMessageContaining("$.years.2025.holidays[0]").hasMessageContaining("not an ISO date");
        }
    }

    @Test
    void dateOfTheWrongJsonType_isRefusedNamingTheExpectedType() {
        String json = "{\"years\": {\"2025\": {\"holidays\": [20251001], \"workdays\": []}}}";
        assertThatThrownBy(() -> calendar(json)).isInstanceOf(DeadlineException.class)
                .hasMessageContaining("$.years.2025.holidays[0]: expected a date \"yyyy-MM-dd\", was 20251001");
        assertThatThrownBy(() -> calendar("{\"years\": {\"2025\": {\"holidays\": \"2025-10-01\", \"workdays\": []}}}"))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("$.years.2025.holidays: expected an array");
        assertThatThrownBy(() -> calendar("{\"years\": {\"2025\": " + Y2025 + "}, \"source\": 7}"))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("$.source: expected text");
    }

    @Test
    void dateListedTwice_isRefused() {
        String json = "{\"years\": {\"2025\": {\"holidays\": [\"2025-10-01\", \"2025-10-01\"], \"workdays\": []}}}";
        assertThatThrownBy(() -> calendar(json)).isInstanceOf(DeadlineException.class)
                .hasMessageContaining("$.years.2025.holidays[1]: 2025-10-01 is listed twice");
    }

    @Test
    void makeUpDayOnAWeekday_isRefusedWithThePath() {
        String json = "{\"years\": {\"2025\": {\"holidays\": [], \"workdays\": [\"2025-10-08\"]}}}";
        assertThatThrownBy(() -> calendar(json)).isInstanceOf(DeadlineException.class)
                .hasMessageContaining("$.years.2025.workdays[0]").hasMessageContaining("WEDNESDAY");
    }

    @Test
    void festivalTableTypoOrMissingFestival_isRefusedWithThePath() {
        String ok = "\"springFestival\": \"2027-02-06\", \"qingming\": \"2027-04-05\", \"dragonBoat\": \"2027-06-09\"";
        assertThatThrownBy(() -> StatutoryHolidays.builder().festivalTable(in("{\"years\": {\"2027\": {" + ok
                + ", \"midAutum\": \"2027-09-15\"}}}"))).isInstanceOf(DeadlineException.class)
                .hasMessageContaining("$.years.2027: unknown key \"midAutum\"");
        assertThatThrownBy(() -> StatutoryHolidays.builder().festivalTable(in("{\"years\": {\"2027\": {" + ok + "}}}")))
                .isInstanceOf(DeadlineException.class)
                .hasMessageContaining("$.years.2027.midAutumn: expected a date \"yyyy-MM-dd\", was absent");
    }

    @Test
    void festivalTableDuplicateYear_isRefused() {
        String y = "{\"springFestival\": \"2027-02-06\", \"qingming\": \"2027-04-05\", \"dragonBoat\": \"2027-06-09\","
                + " \"midAutumn\": \"2027-09-15\"}";
        assertThatThrownBy(() -> StatutoryHolidays.builder().festivalTable(in("{\"years\": {\"2027\": " + y
                + ", \"2027\": " + y + "}}"))).isInstanceOf(DeadlineException.class).hasMessageContaining("Duplicate");
    }

    @Test
    void festivalOutOfSeason_isRefusedWithThePath() {
        String y = "{\"springFestival\": \"2027-03-06\", \"qingming\": \"2027-04-05\", \"dragonBoat\": \"2027-06-09\","
                + " \"midAutumn\": \"2027-09-15\"}";
        assertThatThrownBy(() -> StatutoryHolidays.builder().festivalTable(in("{\"years\": {\"2027\": " + y + "}}")))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("$.years.2027: festival dates 2027.springFestival");
    }

    @Test
    void shippedFiles_stillLoadStrictly() {
        assertThat(HolidayCalendar.china().years()).containsExactly(2024, 2025, 2026);
        assertThat(StatutoryHolidays.china().years()).contains(2024, 2060);
    }
}
