package io.offsite.cases.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.offsite.core.internal.json.StrictJson;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Strict, bounded reading of the calendar data files ({@code cn-holidays.json}, {@code cn-festival-dates.json}):
 * no duplicate keys, nothing after the document, nesting at most {@link #MAX_NESTING_DEPTH}, numbers at most
 * {@link #MAX_NUMBER_CHARS} and strings at most {@link #MAX_STRING_CHARS} characters, documents at most
 * {@link #MAX_DOCUMENT_CHARS}; unknown keys, wrong JSON types, year keys other than four digits in
 * {@link #MIN_YEAR}..{@link #MAX_YEAR} and dates other than {@code yyyy-MM-dd} in their year are refused. Every
 * error is a {@link DeadlineException} starting with the file kind and the JSON path.
 */
final class CalendarJson {
    static final int MAX_DOCUMENT_CHARS = 1 << 22;
    static final int MAX_NESTING_DEPTH = 16;
    static final int MAX_NUMBER_CHARS = 32;
    static final int MAX_STRING_CHARS = 1 << 16;
    /** Years a calendar file may describe (the same as {@link HolidayCalendar.Builder#coverYear}). */
    static final int MIN_YEAR = 1949;
    static final int MAX_YEAR = 2200;
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private final StrictJson reader = StrictJson.builder().maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberChars(MAX_NUMBER_CHARS).maxStringChars(MAX_STRING_CHARS).maxDocumentChars(MAX_DOCUMENT_CHARS)
            .build();

    private final String kind;

    /** @param kind the file kind for messages, e.g. {@code "calendar"} or {@code "festival table"} */
    CalendarJson(String kind) {
        this.kind = kind;
    }

    /** The root object, with its non-empty {@code years} object checked; refuses root keys outside {@code allowed}. */
    JsonNode years(InputStream in, Set<String> allowed) {
        JsonNode root;
        try {
            root = reader.read(in);
        } catch (StrictJson.Malformed e) {
            throw new DeadlineException(kind + " JSON is malformed" + (e.line() < 0 ? "" : " at line " + e.line()
                    + ", column " + e.column()) + ": " + e.reason(), e);
        } catch (UncheckedIOException e) {
            throw new DeadlineException(kind + " JSON could not be read: " + e.getCause().getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DeadlineException(kind + " JSON $: expected an object with 'years', was " + show(root));
        }
        onlyKeys(root, "$", allowed);
        for (String key : allowed) {
            if (!key.equals("years")) {
                text(root, key, "$");
            }
        }
        JsonNode ys = root.get("years");
        if (ys == null || !ys.isObject() || ys.isEmpty()) {
            throw new DeadlineException(kind + " JSON $.years: needs a non-empty object of years, was " + show(ys));
        }
        return ys;
    }

    /** Refuses any key of {@code o} not in {@code allowed}, naming it and the allowed keys. */
    void onlyKeys(JsonNode o, String path, Set<String> allowed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!allowed.contains(e.getKey())) {
                throw new DeadlineException(kind + " JSON " + path + ": unknown key \"" + cut(e.getKey())
                        + "\"; allowed: " + new TreeSet<>(allowed));
            }
        }
    }

    /** A year key: four digits in {@link #MIN_YEAR}..{@link #MAX_YEAR}. */
    int year(String key) {
        if (!YEAR.matcher(key).matches()) {
            throw new DeadlineException(kind + " JSON $.years: key \"" + cut(key) + "\" must be a year like 2025");
        }
        int y = Integer.parseInt(key);
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw new DeadlineException(kind + " JSON $.years." + key + ": year must be in " + MIN_YEAR + ".." + MAX_YEAR);
        }
        return y;
    }

    /** The object at {@code $.years.<year>}. */
    JsonNode yearObject(JsonNode v, int year) {
        if (!v.isObject()) {
            throw new DeadlineException(kind + " JSON $.years." + year + ": expected an object, was " + show(v));
        }
        return v;
    }

    /** A required array member. */
    JsonNode array(JsonNode o, String key, String path) {
        JsonNode a = o.get(key);
        if (a == null || !a.isArray()) {
            throw new DeadlineException(kind + " JSON " + path + "." + key + ": expected an array of dates, was " + show(a));
        }
        return a;
    }

    /** An optional descriptive member: text, or an array of text. */
    void text(JsonNode o, String key, String path) {
        JsonNode v = o.get(key);
        if (v == null || v.isTextual()) {
            return;
        }
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) {
                    throw new DeadlineException(kind + " JSON " + path + "." + key + "[" + i + "]: expected text, was "
                            + show(v.get(i)));
                }
            }
            return;
        }
        throw new DeadlineException(kind + " JSON " + path + "." + key + ": expected text, was " + show(v));
    }

    /** A date {@code yyyy-MM-dd} that lies in {@code year}. */
    LocalDate date(JsonNode v, int year, String path) {
        if (v == null || !v.isTextual()) {
            throw new DeadlineException(kind + " JSON " + path + ": expected a date \"yyyy-MM-dd\", was " + show(v));
        }
        String s = v.asText();
        LocalDate d;
        try {
            if (!DATE.matcher(s).matches()) {
                throw new DateTimeException("not yyyy-MM-dd");
            }
            d = LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw new DeadlineException(kind + " JSON " + path + ": '" + cut(s) + "' is not an ISO date yyyy-MM-dd");
        }
        if (d.getYear() != year) {
            throw new DeadlineException(kind + " JSON " + path + ": " + d + " does not lie in year " + year);
        }
        return d;
    }

    static String show(JsonNode n) {
        return n == null || n.isMissingNode() ? "absent" : cut(n.toString());
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
