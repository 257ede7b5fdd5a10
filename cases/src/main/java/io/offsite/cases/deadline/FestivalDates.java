package io.offsite.cases.deadline;

import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;

/**
 * The Gregorian dates of one year's lunar and solar-term festivals, the data the provisional holiday rule
 * needs (除夕 is the day before {@code springFestival}).
 *
 * @param year           the Gregorian year
 * @param springFestival 春节, 正月初一 (20 January .. 21 February)
 * @param qingming       清明, the day the sun reaches 15° ecliptic longitude in Asia/Shanghai (4–6 April)
 * @param dragonBoat     端午, 五月初五 (25 May .. 26 June)
 * @param midAutumn      中秋, 八月十五 (6 September .. 8 October)
 */
public record FestivalDates(int year, LocalDate springFestival, LocalDate qingming, LocalDate dragonBoat,
        LocalDate midAutumn) {
    /** Checks every date lies in {@code year} and in the season the festival can fall in. */
    public FestivalDates {
        if (year < java.time.Year.MIN_VALUE || year > java.time.Year.MAX_VALUE) {
            throw new DeadlineException("festival dates year " + year + " is outside the supported date range");
        }
        check(year, "springFestival", springFestival, LocalDate.of(year, 1, 20), LocalDate.of(year, 2, 21));
        check(year, "qingming", qingming, LocalDate.of(year, Month.APRIL, 4), LocalDate.of(year, Month.APRIL, 6));
        check(year, "dragonBoat", dragonBoat, LocalDate.of(year, 5, 25), LocalDate.of(year, 6, 26));
        check(year, "midAutumn", midAutumn, LocalDate.of(year, 9, 6), LocalDate.of(year, 10, 8));
    }

    /** 除夕: the last day of the twelfth lunar month, the day before 正月初一. */
    public LocalDate springFestivalEve() {
        return springFestival.minusDays(1);
    }

    private static void check(int year, String what, LocalDate d, LocalDate from, LocalDate to) {
        Objects.requireNonNull(d, what);
        if (d.isBefore(from) || d.isAfter(to)) {
            throw new DeadlineException("festival dates " + year + "." + what + " = " + d + " is outside " + from
                    + ".." + to + "; check the lunar/solar-term table");
        }
    }
}
