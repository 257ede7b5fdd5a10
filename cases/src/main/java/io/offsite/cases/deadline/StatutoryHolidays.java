package io.offsite.cases.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The provisional holiday rule for a year whose State Council arrangement is not yet loaded: the statutory
 * holidays of 全国年节及纪念日放假办法 (2024 revision, in force from 2025) — 元旦 1 day; 春节 4 days (除夕 and
 * 正月初一–初三); 清明 1 day; 劳动节 2 days (1–2 May); 端午 1 day; 中秋 1 day; 国庆 3 days (1–3 October) — with
 * no make-up working days (调休) and no substitute days. Lunar and solar-term dates come from a table of
 * {@link FestivalDates}; a year outside the table is refused with the year named. Every span is configurable
 * (default: the law's). Immutable and thread-safe.
 */
public final class StatutoryHolidays {
    private final Map<Integer, Set<LocalDate>> byYear;
    private final String basis;

    private StatutoryHolidays(Builder b) {
        Map<Integer, Set<LocalDate>> m = new TreeMap<>();
        for (FestivalDates f : b.festivals.values()) {
            Set<LocalDate> days = new TreeSet<>();
            span(days, LocalDate.of(f.year(), 1, 1), b.newYearDays);
            span(days, f.springFestival().minusDays(b.springFestivalDaysBefore), b.springFestivalDaysBefore
                    + b.springFestivalDaysFrom);
            days.add(f.qingming());
            span(days, LocalDate.of(f.year(), 5, 1), b.labourDays);
            days.add(f.dragonBoat());
            days.add(f.midAutumn());
            span(days, LocalDate.of(f.year(), 10, 1), b.nationalDays);
            m.put(f.year(), Collections.unmodifiableSet(days));
        }
        this.byYear = Collections.unmodifiableMap(m);
        this.basis = b.basis;
    }

    /** The 2024 revision of 全国年节及纪念日放假办法 over the shipped festival table (2024–2060). */
    public static StatutoryHolidays china() {
        try (InputStream in = StatutoryHolidays.class.getResourceAsStream("cn-festival-dates.json")) {
            if (in == null) {
                throw new DeadlineException("shipped table cn-festival-dates.json is missing from the core jar");
            }
            return builder().festivalTable(in).build();
        } catch (IOException e) {
            throw new DeadlineException("reading shipped table cn-festival-dates.json failed", e);
        }
    }

    /** A builder with the law's spans and an empty festival table. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the festival table has {@code year}. */
    public boolean covers(int year) {
        return byYear.containsKey(year);
    }

    /** Years the rule can count, ascending. */
    public Set<Integer> years() {
        return byYear.keySet();
    }

    /** The statutory holidays of {@code year}; refuses a year outside the festival table. */
    public Set<LocalDate> holidaysOf(int year) {
        Set<LocalDate> s = byYear.get(year);
        if (s == null) {
            throw new DeadlineException("no festival dates for " + year + ": the provisional holiday table covers "
                    + range() + "; load the State Council's notice for " + year + " or extend the table");
        }
        return s;
    }

    /** The legal basis, in words, shown in every provisional result. */
    public String basis() {
        return basis;
    }

    /** The table's years as {@code first–last}, for messages. */
    String range() {
        if (byYear.isEmpty()) {
            return "no years";
        }
        TreeSet<Integer> ys = new TreeSet<>(byYear.keySet());
        return ys.first() + "–" + ys.last();
    }

    private static void span(Set<LocalDate> days, LocalDate first, int n) {
        for (int i = 0; i < n; i++) {
            days.add(first.plusDays(i));
        }
    }

    /** Validating builder; spans default to the 2024 revision. */
    public static final class Builder {
        private static final Set<String> FESTIVALS = Set.of("springFestival", "qingming", "dragonBoat", "midAutumn");
        private final Map<Integer, FestivalDates> festivals = new TreeMap<>();
        private int newYearDays = 1;
        private int springFestivalDaysBefore = 1;
        private int springFestivalDaysFrom = 3;
        private int labourDays = 2;
        private int nationalDays = 3;
        private String basis = "全国年节及纪念日放假办法 (2024 revision): 元旦, 春节 除夕–初三, 清明, 劳动节 1–2 May,"
                + " 端午, 中秋, 国庆 1–3 Oct; no make-up working days";

        private Builder() {
        }

        /** Adds (or replaces) one year's festival dates. */
        public Builder festivalDates(FestivalDates f) {
            festivals.put(Objects.requireNonNull(f, "festivalDates").year(), f);
            return this;
        }

        /**
         * Reads {@code {"years": {"2027": {"springFestival": "2027-02-06", "qingming": ..., "dragonBoat": ...,
         * "midAutumn": ...}}}}, the format of the shipped {@code cn-festival-dates.json} (root keys {@code years} and
         * the descriptive {@code source}, {@code meaning}). Strict: all four dates required per year, unknown or
         * duplicate keys, trailing content and wrong JSON types refused with a {@link DeadlineException} naming the
         * JSON path; nothing is added when it is thrown.
         */
        public Builder festivalTable(InputStream in) {
            Objects.requireNonNull(in, "in");
            CalendarJson json = new CalendarJson("festival table");
            JsonNode ys = json.years(in, Set.of("years", "source", "meaning"));
            Map<Integer, FestivalDates> staged = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = ys.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                int year = json.year(e.getKey());
                String path = "$.years." + year;
                JsonNode y = json.yearObject(e.getValue(), year);
                json.onlyKeys(y, path, FESTIVALS);
                try {
                    staged.put(year, new FestivalDates(year, json.date(y.get("springFestival"), year, path + ".springFestival"),
                            json.date(y.get("qingming"), year, path + ".qingming"),
                            json.date(y.get("dragonBoat"), year, path + ".dragonBoat"),
                            json.date(y.get("midAutumn"), year, path + ".midAutumn")));
                } catch (DeadlineException ex) {
                    throw ex.getMessage().startsWith("festival table JSON") ? ex
                            : new DeadlineException("festival table JSON " + path + ": " + ex.getMessage(), ex);
                }
            }
            festivals.putAll(staged);
            return this;
        }

        /** Days off from 1 January (default 1). */
        public Builder newYearDays(int n) {
            newYearDays = days(n, "newYearDays", 1, 7);
            return this;
        }

        /** Days off before 正月初一 (default 1: 除夕). */
        public Builder springFestivalDaysBefore(int n) {
            springFestivalDaysBefore = days(n, "springFestivalDaysBefore", 0, 7);
            return this;
        }

        /** Days off from 正月初一 on (default 3: 初一–初三). */
        public Builder springFestivalDaysFrom(int n) {
            springFestivalDaysFrom = days(n, "springFestivalDaysFrom", 1, 7);
            return this;
        }

        /** Days off from 1 May (default 2). */
        public Builder labourDays(int n) {
            labourDays = days(n, "labourDays", 1, 7);
            return this;
        }

        /** Days off from 1 October (default 3). */
        public Builder nationalDays(int n) {
            nationalDays = days(n, "nationalDays", 1, 7);
            return this;
        }

        /** The legal basis shown in provisional results. */
        public Builder basis(String text) {
            if (text == null || text.isBlank()) {
                throw new DeadlineException("basis must be non-blank");
            }
            basis = text;
            return this;
        }

        /** Builds the rule. */
        public StatutoryHolidays build() {
            return new StatutoryHolidays(this);
        }

        private static int days(int n, String what, int min, int max) {
            if (n < min || n > max) {
                throw new DeadlineException(what + " must be " + min + ".." + max + ", was " + n);
            }
            return n;
        }
    }
}
