package io.offsite.cases.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped festival table (generated once with an independent lunar library) re-derived here: every
 * lunar date with ICU4J's {@link ChineseCalendar} (test scope only; the runtime reads the table), and every
 * 清明 with an astronomical solar-longitude computation (sun at 15°, date in Asia/Shanghai).
 */
class FestivalTableCrossCheckTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static List<FestivalDates> table() throws Exception {
        List<FestivalDates> out = new ArrayList<>();
        try (InputStream in = StatutoryHolidays.class.getResourceAsStream("cn-festival-dates.json")) {
            com.fasterxml.jackson.databind.JsonNode ys = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(in).get("years");
            ys.properties().forEach(e -> out.add(new FestivalDates(Integer.parseInt(e.getKey()),
                    LocalDate.parse(e.getValue().get("springFestival").asText()),
                    LocalDate.parse(e.getValue().get("qingming").asText()),
                    LocalDate.parse(e.getValue().get("dragonBoat").asText()),
                    LocalDate.parse(e.getValue().get("midAutumn").asText()))));
        }
        return out;
    }

    /** ICU's Chinese date of a civil day: {month (1-based), leap?1:0, day}. */
    private static int[] lunar(LocalDate d) {
        ChineseCalendar cc = new ChineseCalendar(TimeZone.getTimeZone("UTC"));
        cc.setTimeInMillis(d.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
        return new int[] {cc.get(ChineseCalendar.MONTH) + 1, cc.get(ChineseCalendar.IS_LEAP_MONTH),
            cc.get(ChineseCalendar.DAY_OF_MONTH)};
    }

    @Test
    void table_covers2024To2035AtLeast() throws Exception {
        assertThat(table()).extracting(FestivalDates::year).contains(2024, 2030, 2035).doesNotHaveDuplicates();
    }

    @Test
    void lunarDays_countFromTheShanghaiDateOfTheNewMoon() throws Exception {
        for (FestivalDates f : table()) {
            assertThat(newMoonDay(f.springFestival())).as("%d 正月初一 is a new-moon day", f.year())
                    .isEqualTo(f.springFestival());
            assertThat(newMoonDay(f.dragonBoat().minusDays(4))).as("%d 端午 is day 5", f.year())
                    .isEqualTo(f.dragonBoat().minusDays(4));
            assertThat(newMoonDay(f.midAutumn().minusDays(14))).as("%d 中秋 is day 15", f.year())
                    .isEqualTo(f.midAutumn().minusDays(14));
        }
    }

    /**
     * ICU4J names the months. Its new moons are less precise than the table's source, so where the new moon
     * falls within half an hour of midnight in Shanghai ICU may put the month start one day off; there the
     * precise new moon above decides, and ICU must be off by exactly that one day.
     */
    @Test
    void lunarMonths_agreeWithIcu4jChineseCalendar() throws Exception {
        List<String> nearMidnight = new ArrayList<>();
        for (FestivalDates f : table()) {
            check(f.springFestival(), 1, 1, f.year() + " 正月初一", nearMidnight);
            int[] eve = lunar(f.springFestivalEve().minusDays(1));
            assertThat(eve[0]).as("%d the day before 除夕 is in the 12th month", f.year()).isEqualTo(12);
            check(f.dragonBoat(), 5, 5, f.year() + " 端午", nearMidnight);
            check(f.midAutumn(), 8, 15, f.year() + " 中秋", nearMidnight);
        }
        assertThat(nearMidnight).as("years where ICU differs because the new moon is at midnight")
                .containsExactly("2027 正月初一", "2030 正月初一");
    }

    @Test
    void springFestivalEve_isTheLastDayOfTheTwelfthMonth() throws Exception {
        for (FestivalDates f : table()) {
            LocalDate monthStart = newMoonDay(f.springFestivalEve().minusDays(28));
            long length = java.time.temporal.ChronoUnit.DAYS.between(monthStart, f.springFestival());
            assertThat(length).as("%d: the 12th month has 29 or 30 days, so 除夕 is its 29th or 30th", f.year())
                    .isIn(29L, 30L);
        }
    }

    private static void check(LocalDate day, int month, int dayOfMonth, String what, List<String> nearMidnight) {
        int[] icu = lunar(day);
        if (icu[0] == month && icu[1] == 0 && icu[2] == dayOfMonth) {
            return;
        }
        LocalDate monthStart = day.minusDays(dayOfMonth - 1L);
        Instant moon = NewMoon.nearest(monthStart);
        long fromMidnight = Math.abs(java.time.Duration.between(monthStart.atStartOfDay(SHANGHAI).toInstant(), moon)
                .getSeconds());
        long toNextMidnight = Math.abs(java.time.Duration.between(monthStart.plusDays(1).atStartOfDay(SHANGHAI)
                .toInstant(), moon).getSeconds());
        assertThat(Math.min(fromMidnight, toNextMidnight)).as("%s: ICU says %d/%d; new moon %s", what, icu[0], icu[2],
                moon).isLessThan(30 * 60).isGreaterThan(2 * 60);
        int[] before = lunar(day.minusDays(1));
        int[] after = lunar(day.plusDays(1));
        assertThat(before[2] == dayOfMonth && before[0] == month || after[2] == dayOfMonth && after[0] == month)
                .as("%s: ICU is off by exactly one day", what).isTrue();
        nearMidnight.add(what);
    }

    private static LocalDate newMoonDay(LocalDate near) {
        return LocalDate.ofInstant(NewMoon.nearest(near), SHANGHAI);
    }

    @Test
    void qingming_isTheShanghaiDateWhenTheSunReaches15Degrees() throws Exception {
        for (FestivalDates f : table()) {
            Instant term = solarTermInstant(f.year(), 15.0);
            LocalDate local = LocalDate.ofInstant(term, SHANGHAI);
            long secondsFromMidnight = term.atZone(SHANGHAI).toLocalTime().toSecondOfDay();
            assertThat(Math.min(secondsFromMidnight, 86_400 - secondsFromMidnight))
                    .as("%d: the term at %s is too close to midnight for this low-precision check", f.year(), term)
                    .isGreaterThan(20 * 60); // the low-precision longitude is good to 0.01°, about 15 minutes
            assertThat(f.qingming()).as("%d 清明 (term at %s)", f.year(), term).isEqualTo(local);
        }
    }

    /** Instant (UT) when the sun's apparent longitude reaches {@code degrees} in spring of {@code year}. */
    static Instant solarTermInstant(int year, double degrees) {
        double jde = julianDay(LocalDate.of(year, 4, 4)) ; // 0h TT, near the term
        for (int i = 0; i < 20; i++) {
            double diff = normalize(degrees - apparentLongitude(jde));
            jde += diff / 0.9856; // the sun moves about 0.9856° a day
            if (Math.abs(diff) < 1e-7) {
                break;
            }
        }
        double deltaTSeconds = 69.2 + 0.6 * (year - 2024); // TT − UT, a rough extrapolation (±1 min is ample)
        double ut = jde - deltaTSeconds / 86_400.0;
        long epochMillis = Math.round((ut - 2440587.5) * 86_400_000.0);
        return Instant.ofEpochMilli(epochMillis);
    }

    /** Apparent geocentric longitude of the sun, degrees (Meeus, Astronomical Algorithms ch. 25, ~0.01°). */
    static double apparentLongitude(double jde) {
        double t = (jde - 2451545.0) / 36525.0;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        double m = Math.toRadians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.000289 * Math.sin(3 * m);
        double omega = Math.toRadians(125.04 - 1934.136 * t);
        return normalize360(l0 + c - 0.00569 - 0.00478 * Math.sin(omega));
    }

    private static double julianDay(LocalDate d) {
        return d.toEpochDay() + 2440587.5;
    }

    private static double normalize360(double a) {
        double r = a % 360.0;
        return r < 0 ? r + 360.0 : r;
    }

    private static double normalize(double a) {
        double r = normalize360(a);
        return r > 180 ? r - 360 : r;
    }

    @Test
    void astronomy_matchesTheOfficialQingmingOf2024To2026() {
        assertThat(LocalDate.ofInstant(solarTermInstant(2024, 15), SHANGHAI)).isEqualTo(LocalDate.of(2024, 4, 4));
        assertThat(LocalDate.ofInstant(solarTermInstant(2025, 15), SHANGHAI)).isEqualTo(LocalDate.of(2025, 4, 4));
        assertThat(LocalDate.ofInstant(solarTermInstant(2026, 15), SHANGHAI)).isEqualTo(LocalDate.of(2026, 4, 5));
    }
}
