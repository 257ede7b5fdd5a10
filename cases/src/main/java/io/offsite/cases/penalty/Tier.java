package io.offsite.cases.penalty;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** One circumstance tier of a benchmark table (e.g. minor / ordinary / serious) with its test and band. */
public final class Tier {
    final String id;
    final String name;
    final String test;
    final Cond[] when;
    final Outcome outcome;
    final FineBand band;
    /** Explanation texts, precomputed once the conditions are final (see {@link TableVersion}). */
    String[] whyText;
    String bandText;

    Tier(String id, String name, String test, Cond[] when, Outcome outcome, FineBand band) {
        this.id = id;
        this.name = name;
        this.test = test;
        this.when = when;
        this.outcome = outcome;
        this.band = band;
    }

    /** Tier id, unique within its version. */
    public String id() {
        return id;
    }

    /** Display name, e.g. {@code 一般}. */
    public String name() {
        return name;
    }

    /** The published test in words, e.g. "second offence within a year". */
    public String test() {
        return test;
    }

    /** The outcome this tier gives. */
    public Outcome outcome() {
        return outcome;
    }

    /** The fine band; present only for {@link Outcome#FINE}. */
    public Optional<FineBand> band() {
        return Optional.ofNullable(band);
    }

    /** The compiled condition in words (alternatives joined by "or"). */
    public String condition() {
        return describe(when);
    }

    static boolean matches(Cond[] alternatives, Facts f) {
        for (Cond c : alternatives) {
            if (c.matches(f)) {
                return true;
            }
        }
        return false;
    }

    static String describe(Cond[] alternatives) {
        return Arrays.stream(alternatives).map(Cond::describe).collect(Collectors.joining(" or "));
    }

    static int firstMatch(Cond[] alternatives, Facts f) {
        for (int i = 0; i < alternatives.length; i++) {
            if (alternatives[i].matches(f)) {
                return i;
            }
        }
        return -1;
    }

    static String permille(long p) {
        return p / 10 + "." + p % 10;
    }
}
