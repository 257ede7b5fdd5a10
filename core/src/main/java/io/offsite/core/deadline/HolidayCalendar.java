package io.offsite.core.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link WorkCalendar} whose public holidays and make-up working days are data, per covered year.
 * Dates in years without data are refused. Immutable and thread-safe.
 */
public final class HolidayCalendar implements WorkCalendar {
    private final Set<Integer> years;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;

    private HolidayCalendar(Builder b) {
        this.years = Collections.unmodifiableSet(new TreeSet<>(b.years));
        this.holidays = Set.copyOf(b.holidays);
        this.makeUpWorkdays = Set.copyOf(b.workdays);
    }

    /** A builder; add covered years first, then their holidays and make-up working days. */
    public static Builder builder() {
        return new Builder();
    }

    /** The shipped sample: China's official 2024–2026 holidays and make-up days (State Council notices). */
    public static HolidayCalendar chinaSample() {
        try (InputStream in = HolidayCalendar.class.getResourceAsStream("cn-holidays.json")) {
            if (in == null) {
                throw new DeadlineException("shipped calendar cn-holidays.json is missing from the core jar");
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new DeadlineException("reading shipped calendar cn-holidays.json failed", e);
        }
    }

    /**
     * Reads {@code {"years": {"2025": {"holidays": [...], "workdays": [...]}, ...}}}, the format of the
     * shipped {@code cn-holidays.json}; other keys are ignored.
     */
    public static HolidayCalendar fromJson(InputStream in) {
        Objects.requireNonNull(in, "in");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new DeadlineException("calendar JSON is malformed: " + e.getMessage(), e);
        }
        JsonNode ys = root == null ? null : root.get("years");
        if (ys == null || !ys.isObject() || ys.isEmpty()) {
            throw new DeadlineException("calendar JSON needs a non-empty object 'years'");
        }
        Builder b = builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = ys.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int year;
            try {
                year = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                throw new DeadlineException("calendar years." + e.getKey() + ": key must be a year like 2025");
            }
            b.coverYear(year);
            for (String key : new String[] {"holidays", "workdays"}) {
                JsonNode arr = e.getValue().get(key);
                if (arr == null || !arr.isArray()) {
                    throw new DeadlineException("calendar years." + year + "." + key + " must be an array of dates");
                }
                for (int i = 0; i < arr.size(); i++) {
                    LocalDate d;
                    try {
                        d = LocalDate.parse(arr.get(i).asText());
                    } catch (DateTimeParseException ex) {
                        throw new DeadlineException("calendar years." + year + "." + key + "[" + i + "]: '"
                                + arr.get(i).asText() + "' is not an ISO date");
                    }
                    if (key.equals("holidays")) {
                        b.holiday(d);
                    } else {
                        b.makeUpWorkday(d);
                    }
                }
            }
        }
        return b.build();
    }

    @Override
    public boolean covers(LocalDate date) {
        return years.contains(date.getYear());
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (!covers(date)) {
            throw new DeadlineException("the work calendar has no holiday data for " + date.getYear() + " (date "
                    + date + "); it covers " + years + ". Add that year's official notice before counting.");
        }
        if (makeUpWorkdays.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Covered years. */
    public Set<Integer> years() {
        return years;
    }

    /** Validating builder; {@link #build()} checks every date lies in a covered year. */
    public static final class Builder {
        private final Set<Integer> years = new TreeSet<>();
        private final Set<LocalDate> holidays = new TreeSet<>();
        private final Set<LocalDate> workdays = new TreeSet<>();

        private Builder() {
        }

        /** Declares that the data for {@code year} is complete. */
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

        /** Builds the calendar. */
        public HolidayCalendar build() {
            if (years.isEmpty()) {
                throw new DeadlineException("a holiday calendar must cover at least one year");
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
