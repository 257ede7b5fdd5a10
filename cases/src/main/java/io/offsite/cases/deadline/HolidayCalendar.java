package io.offsite.cases.deadline;

import io.offsite.cases.spi.WorkCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link WorkCalendar} whose public holidays and make-up working days are data per official year (the State
 * Council's annual arrangement). A year without its arrangement is counted <em>provisionally</em> by a
 * {@link StatutoryHolidays} rule when one is set (weekends plus the statutory holidays, no make-up days), and
 * every such answer is flagged by {@link #provisionalReason}; loading the official year replaces the
 * provisional one. A year neither official nor in the rule's table is refused with the year named.
 * Immutable and thread-safe.
 */
public final class HolidayCalendar implements WorkCalendar {
    private final Set<Integer> years;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;
    private final Optional<StatutoryHolidays> provisional;

    private HolidayCalendar(Builder b) {
        this.years = Collections.unmodifiableSet(new TreeSet<>(b.years));
        this.holidays = Set.copyOf(b.holidays);
        this.makeUpWorkdays = Set.copyOf(b.workdays);
        this.provisional = b.provisional;
    }

    /** A builder; add official years and their days, and optionally a provisional rule for other years. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * China: the official 2024–2026 arrangements (State Council notices, shipped {@code cn-holidays.json}) and
     * the provisional statutory-holiday rule ({@link StatutoryHolidays#china()}) for the other years of
     * 2024–2060.
     */
    public static HolidayCalendar china() {
        return chinaBuilder().build();
    }

    /**
     * {@link #china()} as a builder, to load a newly published arrangement over it, e.g.
     * {@code HolidayCalendar.chinaBuilder().officialJson(notice2027).build()}.
     */
    public static Builder chinaBuilder() {
        try (InputStream in = HolidayCalendar.class.getResourceAsStream("cn-holidays.json")) {
            if (in == null) {
                throw new DeadlineException("shipped calendar cn-holidays.json is missing from the core jar");
            }
            return builder().officialJson(in).provisional(StatutoryHolidays.china());
        } catch (IOException e) {
            throw new DeadlineException("reading shipped calendar cn-holidays.json failed", e);
        }
    }

    /**
     * Official years only, from {@code {"years": {"2025": {"holidays": [...], "workdays": [...]}, ...}}} (the
     * format of the shipped {@code cn-holidays.json}); other years are refused.
     */
    public static HolidayCalendar fromJson(InputStream in) {
        return builder().officialJson(in).build();
    }

    @Override
    public boolean covers(LocalDate date) {
        return years.contains(date.getYear()) || provisional.map(p -> p.covers(date.getYear())).orElse(false);
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        int y = date.getYear();
        DayOfWeek dow = date.getDayOfWeek();
        boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        if (years.contains(y)) {
            if (makeUpWorkdays.contains(date)) {
                return true;
            }
            return !weekend && !holidays.contains(date);
        }
        if (provisional.isPresent() && provisional.get().covers(y)) {
            return !weekend && !provisional.get().holidaysOf(y).contains(date);
        }
        throw new DeadlineException("the work calendar has no holiday data for " + y + " (date " + date
                + "): official years " + years + (provisional.isPresent() ? ", provisional table "
                + provisional.get().range() : ", no provisional rule") + ". Load " + y
                + "'s official notice before counting.");
    }

    @Override
    public Optional<String> provisionalReason(LocalDate date) {
        int y = date.getYear();
        if (years.contains(y) || provisional.isEmpty() || !provisional.get().covers(y)) {
            return Optional.empty();
        }
        return Optional.of(y + " counted provisionally (no State Council holiday notice loaded): weekends + "
                + provisional.get().basis());
    }

    /** Years with an official arrangement loaded. */
    public Set<Integer> years() {
        return years;
    }

    /** Years counted provisionally: in the provisional rule's table but without an official arrangement. */
    public Set<Integer> provisionalYears() {
        Set<Integer> s = new TreeSet<>();
        provisional.ifPresent(p -> s.addAll(p.years()));
        s.removeAll(years);
        return Collections.unmodifiableSet(s);
    }

    /** Names the calendar in messages: its official years and provisional range. */
    @Override
    public String toString() {
        return "HolidayCalendar[official " + years + provisional.map(p -> ", provisional " + p.range()).orElse("") + "]";
    }

    /** A builder holding this calendar's data, to load further official years. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.years.addAll(years);
        b.holidays.addAll(holidays);
        b.workdays.addAll(makeUpWorkdays);
        b.provisional = provisional;
        return b;
    }

    /** Validating builder; {@link #build()} checks every date lies in an official year. */
    public static final class Builder {
        private static final Set<String> ROOT_KEYS = Set.of("years", "source", "coverage", "holidays_meaning",
                "workdays_meaning");
        private static final Set<String> YEAR_KEYS = Set.of("holidays", "workdays", "notice", "source", "read_from",
                "note");
        private final Set<Integer> years = new TreeSet<>();
        private final Set<LocalDate> holidays = new TreeSet<>();
        private final Set<LocalDate> workdays = new TreeSet<>();
        private Optional<StatutoryHolidays> provisional = Optional.empty();

        private Builder() {
        }

        /** Declares that the official data for {@code year} is complete; it replaces any provisional count. */
        public Builder coverYear(int year) {
            if (year < 1949 || year > 2200) {
                throw new DeadlineException("calendar year must be in 1949..2200, was " + year);
            }
            years.add(year);
            return this;
        }

        /** A public holiday (weekend days inside a holiday block may be listed too). */
        public Builder holiday(LocalDate date) {
            Objects.requireNonNull(date, "date");
            if (workdays.contains(date)) {
                throw new DeadlineException(date + " is already a make-up working day; it cannot also be a holiday");
            }
            holidays.add(date);
            return this;
        }

        /** A make-up working day (调休上班); must be a Saturday or Sunday. */
        public Builder makeUpWorkday(LocalDate date) {
            Objects.requireNonNull(date, "date");
            DayOfWeek dow = date.getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                throw new DeadlineException("make-up working day " + date + " is a " + dow
                        + "; only a Saturday or Sunday can be a make-up working day");
            }
            if (holidays.contains(date)) {
                throw new DeadlineException(date + " is already a holiday; it cannot also be a make-up working day");
            }
            workdays.add(date);
            return this;
        }

        /** Counts years without official data by {@code rule} (flagged provisional) instead of refusing them. */
        public Builder provisional(StatutoryHolidays rule) {
            this.provisional = Optional.of(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Loads official years from JSON in the format of {@code cn-holidays.json}: root keys {@code years} and the
         * descriptive {@code source}, {@code coverage}, {@code holidays_meaning}, {@code workdays_meaning}; per year
         * {@code holidays} and {@code workdays} (arrays of {@code yyyy-MM-dd} dates in that year) and the
         * descriptive {@code notice}, {@code source}, {@code read_from}, {@code note}. Parsing is strict: an unknown
         * key (e.g. the typo {@code "holydays"}), a duplicate key (two {@code "2025"} years), a date listed twice, a
         * year already loaded, trailing content or a wrong JSON type is refused with a {@link DeadlineException}
         * naming the JSON path; nothing is added when it is thrown.
         */
        public Builder officialJson(InputStream in) {
            Objects.requireNonNull(in, "in");
            CalendarJson json = new CalendarJson("calendar");
            JsonNode ys = json.years(in, ROOT_KEYS);
            Builder staged = new Builder();
            staged.holidays.addAll(holidays);
            staged.workdays.addAll(workdays);
            for (Iterator<Map.Entry<String, JsonNode>> it = ys.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                int year = json.year(e.getKey());
                String path = "$.years." + year;
                if (years.contains(year)) {
                    throw new DeadlineException("calendar JSON " + path + ": year " + year
                            + " is already loaded; an official arrangement is loaded once");
                }
                JsonNode y = json.yearObject(e.getValue(), year);
                json.onlyKeys(y, path, YEAR_KEYS);
                for (String text : new String[] {"notice", "source", "read_from", "note"}) {
                    json.text(y, text, path);
                }
                staged.years.add(year);
                for (String key : new String[] {"holidays", "workdays"}) {
                    JsonNode arr = json.array(y, key, path);
                    Set<LocalDate> seen = new TreeSet<>();
                    for (int i = 0; i < arr.size(); i++) {
                        String at = path + "." + key + "[" + i + "]";
                        LocalDate d = json.date(arr.get(i), year, at);
                        if (!seen.add(d)) {
                            throw new DeadlineException("calendar JSON " + at + ": " + d + " is listed twice");
                        }
                        try {
                            if (key.equals("holidays")) {
                                staged.holiday(d);
                            } else {
                                staged.makeUpWorkday(d);
                            }
                        } catch (DeadlineException ex) {
                            throw new DeadlineException("calendar JSON " + at + ": " + ex.getMessage(), ex);
                        }
                    }
                }
            }
            years.addAll(staged.years);
            holidays.addAll(staged.holidays);
            workdays.addAll(staged.workdays);
            return this;
        }

        /** Builds the calendar. */
        public HolidayCalendar build() {
            if (years.isEmpty() && provisional.isEmpty()) {
                throw new DeadlineException("a holiday calendar must cover at least one year or have a provisional rule");
            }
            for (LocalDate d : holidays) {
                requireCovered(d, "holiday");
            }
            for (LocalDate d : workdays) {
                requireCovered(d, "make-up working day");
            }
            return new HolidayCalendar(this);
        }

        private void requireCovered(LocalDate d, String what) {
            if (!years.contains(d.getYear())) {
                throw new DeadlineException(what + " " + d + " lies in " + d.getYear()
                        + ", which is not a covered year " + years + "; call coverYear(" + d.getYear() + ")");
            }
        }
    }
}
