package io.offsite.geofence;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Objects;

/**
 * A plate pattern of {@link Exemptions} (e.g. {@code "^.*警$"} for police plates, {@code "^.*(使|领)$"} for
 * embassy and consulate plates), matched against the whole normalised plate in time linear in the plate's length:
 * RE2 syntax (RE2/J), with no backtracking, so no pattern can make a detection slow ({@code 浙(.*A){12}B}
 * against a 41-character plate takes microseconds, not minutes). RE2 has no back-references and no look-around;
 * everything else a plate rule needs (classes, alternation, repetition, anchors) works as in
 * {@link java.util.regex}.
 *
 * <p>Bounded: at most {@link #MAX_LENGTH} characters, and at most {@link #MAX_EXPANDED} atoms once counted
 * repetitions are expanded ({@code (a{100}){100}} would be 10,000), so compiling is bounded too. Immutable; equal
 * when the regular expressions are equal.
 */
public final class PlatePattern {
    /** Longest accepted pattern, in characters. */
    public static final int MAX_LENGTH = 200;
    /** Most atoms a pattern may expand to through counted repetitions ({@code {n}}, {@code {n,m}}). */
    public static final int MAX_EXPANDED = 1_000;

    private final String regex;
    private final Pattern compiled;

    private PlatePattern(String regex, Pattern compiled) {
        this.regex = regex;
        this.compiled = compiled;
    }

    /**
     * Compiles {@code regex} (RE2 syntax).
     *
     * @throws GeofenceException naming the pattern, the position and the reason when it is not valid RE2, longer
     *                           than {@link #MAX_LENGTH} or expands beyond {@link #MAX_EXPANDED} atoms
     */
    public static PlatePattern compile(String regex) {
        Objects.requireNonNull(regex, "regex");
        if (regex.length() > MAX_LENGTH) {
            throw new GeofenceException("plate pattern \"" + regex.substring(0, 40) + "…\" is " + regex.length()
                    + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        long expanded = RepeatBound.expandedSize(regex, MAX_EXPANDED);
        if (expanded > MAX_EXPANDED) {
            throw new GeofenceException("plate pattern \"" + regex + "\" expands to more than " + MAX_EXPANDED
                    + " atoms through its counted repetitions ({n}, {n,m}); nest fewer or smaller repetitions");
        }
        try {
            return new PlatePattern(regex, Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            String part = e.getPattern();
            int at = part == null || part.isEmpty() ? -1 : regex.indexOf(part);
            throw new GeofenceException("plate pattern \"" + regex + "\" is not a valid RE2 regular expression: "
                    + e.getDescription() + (at >= 0 ? " at index " + at + " (\"" + part + "\")"
                    : part == null ? "" : " (\"" + part + "\")"), e);
        }
    }

    /** The regular expression, as given. */
    public String regex() {
        return regex;
    }

    /** Whether the whole of {@code plate} matches; linear in its length. */
    public boolean matches(String plate) {
        return compiled.matches(plate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlatePattern p && p.regex.equals(regex);
    }

    @Override
    public int hashCode() {
        return regex.hashCode();
    }

    @Override
    public String toString() {
        return regex;
    }
}
