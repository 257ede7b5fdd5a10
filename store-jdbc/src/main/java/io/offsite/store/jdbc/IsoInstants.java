package io.offsite.store.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Instants as the exact ISO-8601 text the stores keep ({@link Instant#toString}), written and read without
 * {@link java.time.format.DateTimeFormatter} for years 0000 to 9999 (the outbox writes six per message and row
 * write); any other instant or text goes through {@link Instant} itself, so results and failures are the same.
 */
final class IsoInstants {
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long MIN_SECOND = -62_167_219_200L;
    private static final long END_SECOND = 253_402_300_800L;

    private IsoInstants() {
    }

    /**
     * {@link Instant#toString} of {@code t}: {@code 2026-03-02T02:00:00Z}, with 3, 6 or 9 fraction digits when the
     * nanoseconds need them.
     */
    static String text(Instant t) {
        long second = t.getEpochSecond();
        if (second < MIN_SECOND || second >= END_SECOND) {
            return t.toString();
        }
        long day = Math.floorDiv(second, 86_400L);
        int ofDay = (int) Math.floorMod(second, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        int nano = t.getNano();
        int fraction = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        char[] c = new char[20 + (fraction == 0 ? 0 : fraction + 1)];
        put(c, 0, date.getYear(), 4);
        c[4] = '-';
        put(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, date.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, ofDay / 3_600, 2);
        c[13] = ':';
        put(c, 14, ofDay / 60 % 60, 2);
        c[16] = ':';
        put(c, 17, ofDay % 60, 2);
        if (fraction != 0) {
            c[19] = '.';
            put(c, 20, fraction == 3 ? nano / 1_000_000 : fraction == 6 ? nano / 1_000 : nano, fraction);
        }
        c[c.length - 1] = 'Z';
        return new String(c);
    }

    /** Writes {@code v} as {@code width} decimal digits, zero-padded, at {@code c[at]}. */
    private static void put(char[] c, int at, int v, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    /**
     * {@link Instant#parse} of {@code s}: the text {@link Instant#toString} writes for years 0000 to 9999
     * ({@code 2026-03-02T02:00:00Z}, with 0, 3, 6 or 9 fraction digits) is read directly, anything else (and
     * anything invalid) by {@link Instant#parse} itself, so the result and the failures are the same.
     */
    static Instant parse(String s) {
        int n = s == null ? 0 : s.length();
        if ((n == 20 || n == 24 || n == 27 || n == 30) && s.charAt(4) == '-' && s.charAt(7) == '-'
                && s.charAt(10) == 'T' && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(n - 1) == 'Z'
                && (n == 20 || s.charAt(19) == '.')) {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int fraction = n == 20 ? 0 : digits(s, 20, n - 1);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23 && minute >= 0
                    && minute <= 59 && second >= 0 && second <= 59 && fraction >= 0
                    && day <= YearMonth.of(year, month).lengthOfMonth()) {
                long days = LocalDate.of(year, month, day).toEpochDay();
                int nanos = n == 20 ? 0 : n == 24 ? fraction * 1_000_000 : n == 27 ? fraction * 1_000 : fraction;
                return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
            }
        }
        return Instant.parse(s);
    }

    /** The ASCII digits {@code s[from, to)} as a number; -1 when one is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

}
