package io.offsite.testkit;

import io.offsite.cases.penalty.Aggravation;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.ExemptionKind;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.HarmLevel;
import io.offsite.cases.penalty.Mitigation;
import io.offsite.cases.penalty.Outcome;
import io.offsite.cases.penalty.PenaltyException;
import io.offsite.cases.penalty.PenaltyTable;
import io.offsite.cases.penalty.StatutoryRange;
import io.offsite.cases.penalty.TableVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Checks the invariants of discretion ({@link Law}) on a penalty table over its boundary fact sets and
 * random ones, shrinks each failure and reports counterexamples smallest first. No test framework is
 * needed: call {@link #lawsOf(PenaltyTable)} and inspect or {@link LawReport#assertHolds() assert} the
 * report. Immutable; build variants with {@link #randomFactSets(int)} and {@link #seed(long)}.
 */
public final class Laws {
    private final int randomFactSets;
    private final long seed;

    private Laws(int randomFactSets, long seed) {
        this.randomFactSets = randomFactSets;
        this.seed = seed;
    }

    /** Defaults: boundary fact sets plus 2,000 random ones per version, seed 20_25. */
    public static Laws defaults() {
        return new Laws(2_000, 2025L);
    }

    /** Shortcut for {@code defaults().check(table)}. */
    public static LawReport lawsOf(PenaltyTable table) {
        return defaults().check(table);
    }

    /** A copy drawing {@code n} random fact sets per version (0..10,000,000). */
    public Laws randomFactSets(int n) {
        if (n < 0 || n > 10_000_000) {
            throw new IllegalArgumentException("randomFactSets must be 0..10000000, was " + n);
        }
        return new Laws(n, seed);
    }

    /** A copy with this random seed (runs are reproducible for a given seed). */
    public Laws seed(long s) {
        return new Laws(randomFactSets, s);
    }

    /**
     * Runs every law on one fact set on {@code day}, for a property-testing tool that generates (and shrinks) facts
     * itself — for example a QuickTheories {@code Gen<Facts>} built from its own integers and enums, checked with
     * {@code assertThat(Laws.violations(table, facts, day)).isEmpty()}. Returns the laws the fact set breaks, each with
     * its neighbour and message as {@link #check} reports them (not shrunk: the tool shrinks); empty when it breaks
     * none. A day on which no version is in force is itself a violation of {@link Law#ASSESSABLE}.
     */
    public static List<Counterexample> violations(PenaltyTable table, Facts facts, LocalDate day) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(day, "day");
        Optional<TableVersion> v = table.versionOn(day);
        if (v.isEmpty()) {
            return List.of(new Counterexample(Law.ASSESSABLE, table.violation(), "-", day, facts, Optional.empty(),
                    "no version of the table is in force on " + day));
        }
        return List.copyOf(violations(table, v.get(), day, facts));
    }

    /** Runs every law on every version of {@code table} (each on its first day in force). */
    public LawReport check(PenaltyTable table) {
        Objects.requireNonNull(table, "table");
        RandomGenerator rnd = new SplittableRandom(seed);
        List<Counterexample> found = new ArrayList<>();
        int checked = 0;
        for (TableVersion v : table.versions()) {
            LocalDate day = v.effective();
            Map<Law, Counterexample> first = new EnumMap<>(Law.class);
            List<Facts> candidates = new ArrayList<>(BoundaryEnumerator.boundaryFacts(v));
            FactGenerator gen = FactGenerator.forVersion(v);
            for (int i = 0; i < randomFactSets; i++) {
                candidates.add(gen.next(rnd));
            }
            for (Facts f : candidates) {
                checked++;
                for (Counterexample c : violations(table, v, day, f)) {
                    Counterexample prev = first.get(c.law());
                    if (prev == null || FactSize.ORDER.compare(c.facts(), prev.facts()) < 0) {
                        first.put(c.law(), c);
                    }
                }
            }
            for (Counterexample c : first.values()) {
                found.add(shrink(table, v, day, c));
            }
        }
        found.sort(Comparator.comparing((Counterexample c) -> c.facts(), FactSize.ORDER).thenComparing(Counterexample::law));
        return new LawReport(table.violation(), found, checked);
    }

    private static List<Counterexample> violations(PenaltyTable t, TableVersion v, LocalDate day, Facts f) {
        List<Counterexample> out = new ArrayList<>(1);
        Decision d;
        try {
            d = t.assess(f, day);
        } catch (PenaltyException e) {
            out.add(cx(Law.ASSESSABLE, v, day, f, null, e.getMessage()));
            return out;
        }
        StatutoryRange r = v.statutoryRanges().get(f.party());
        long cost = f.constructionCostFen().orElse(0);
        if (d.outcome() == Outcome.FINE ? d.fineFen() < r.minFen(cost) || d.fineFen() > r.maxFen(cost) : d.fineFen() != 0) {
            out.add(cx(Law.WITHIN_STATUTORY_RANGE, v, day, f, null, d.outcome() + " " + d.fineFen()
                    + " fen is outside " + r.minFen(cost) + ".." + r.maxFen(cost) + " fen (" + r + ")"));
        }
        if (d.exemption().filter(k -> k == ExemptionKind.FIRST_VIOLATION).isPresent()
                && !(f.firstViolation() && f.promptlyCorrected() && f.harm().compareTo(HarmLevel.MINOR) <= 0)) {
            out.add(cx(Law.FIRST_VIOLATION_WAIVER_CONDITIONS, v, day, f, null, "waived although the facts are not a first,"
                    + " promptly corrected violation with at most minor harm"));
        }
        Decision again = t.assess(f.toBuilder().build(), day);
        Decision explained = t.explain(f, day).decision();
        if (!again.equals(d) || !explained.equals(d)) {
            out.add(cx(Law.DETERMINISTIC, v, day, f, null, d + " then " + again + " / explained " + explained));
        }
        for (Aggravation a : Aggravation.values()) {
            if (f.aggravations().contains(a) || (a == Aggravation.REFUSED_TO_CORRECT && f.promptlyCorrected())) {
                continue;
            }
            Facts more = f.toBuilder().aggravation(a).build();
            Decision heavier = assessOrNull(t, more, day);
            if (heavier != null && heavier.compareSeverity(d) < 0) {
                out.add(cx(Law.AGGRAVATION_NEVER_LOWERS, v, day, f, more, "adding " + a + " changed " + brief(d)
                        + " to " + brief(heavier)));
                break;
            }
        }
        for (Facts worse : worseRecords(f)) {
            Decision heavier = assessOrNull(t, worse, day);
            if (heavier != null && heavier.compareSeverity(d) < 0) {
                out.add(cx(Law.WORSE_RECORD_NEVER_LOWERS, v, day, f, worse, (worse.harm() != f.harm()
                        ? "harm " + f.harm() + " -> " + worse.harm() : "repeat count " + f.repeatCount() + " -> "
                        + worse.repeatCount()) + " changed " + brief(d) + " to " + brief(heavier)));
                break;
            }
        }
        for (Mitigation m : Mitigation.values()) {
            if (f.mitigations().contains(m)) {
                continue;
            }
            Facts more = f.toBuilder().mitigation(m).build();
            Decision lighter = assessOrNull(t, more, day);
            if (lighter != null && lighter.compareSeverity(d) > 0) {
                out.add(cx(Law.MITIGATION_NEVER_RAISES, v, day, f, more, "adding " + m + " changed " + brief(d)
                        + " to " + brief(lighter)));
                break;
            }
        }
        return out;
    }

    /** The same facts with one more earlier violation, and with one level more harm (when there is one). */
    private static List<Facts> worseRecords(Facts f) {
        List<Facts> out = new ArrayList<>(2);
        if (f.repeatCount() < 1000) { // Facts' limit
            out.add(f.toBuilder().firstViolation(false).repeatCount(f.repeatCount() + 1).build());
        }
        if (f.harm().ordinal() < HarmLevel.values().length - 1) {
            out.add(f.toBuilder().harm(HarmLevel.values()[f.harm().ordinal() + 1]).build());
        }
        return out;
    }

    /** Greedy shrinking: keep taking a smaller variant that still breaks the same law. */
    private static Counterexample shrink(PenaltyTable t, TableVersion v, LocalDate day, Counterexample c) {
        Counterexample best = c;
        boolean improved = true;
        int rounds = 0;
        while (improved && rounds++ < 200) {
            improved = false;
            for (Facts smaller : smaller(best.facts())) {
                Optional<Counterexample> still = violations(t, v, day, smaller).stream()
                        .filter(x -> x.law() == c.law()).findFirst();
                if (still.isPresent() && FactSize.ORDER.compare(smaller, best.facts()) < 0) {
                    best = still.get();
                    improved = true;
                    break;
                }
            }
        }
        return best;
    }

    private static List<Facts> smaller(Facts f) {
        List<Facts> out = new ArrayList<>();
        for (Mitigation m : f.mitigations()) {
            out.add(f.toBuilder().withoutMitigation(m).build());
        }
        for (Aggravation a : f.aggravations()) {
            out.add(f.toBuilder().withoutAggravation(a).build());
        }
        if (f.repeatCount() > 0) {
            out.add(f.toBuilder().repeatCount(f.repeatCount() - 1).build());
            out.add(f.toBuilder().repeatCount(f.repeatCount() / 2).build());
        }
        if (f.harm().ordinal() > 0) {
            out.add(f.toBuilder().harm(HarmLevel.values()[f.harm().ordinal() - 1]).build());
        }
        if (f.promptlyCorrected()) {
            out.add(f.toBuilder().promptlyCorrected(false).build());
        }
        if (!f.firstViolation() && f.repeatCount() == 0) {
            out.add(f.toBuilder().firstViolation(true).build());
        }
        f.areaDm2().ifPresent(a -> {
            if (a > 0) {
                out.add(f.toBuilder().areaDm2(a / 2).build());
                out.add(f.toBuilder().areaDm2(a - 1).build());
            }
        });
        f.constructionCostFen().ifPresent(x -> {
            if (x > 10_000) {
                out.add(f.toBuilder().constructionCostFen(Math.max(10_000, x / 10)).build());
            }
        });
        return out;
    }

    private static Decision assessOrNull(PenaltyTable t, Facts f, LocalDate day) {
        try {
            return t.assess(f, day);
        } catch (PenaltyException e) {
            return null;
        }
    }

    private static String brief(Decision d) {
        return d.outcome() == Outcome.FINE ? "FINE " + d.fineFen() + " fen (tier " + d.tierId() + ")"
                : d.outcome() + " (tier " + d.tierId() + ")";
    }

    private static Counterexample cx(Law law, TableVersion v, LocalDate day, Facts f, Facts neighbour, String msg) {
        return new Counterexample(law, v.violation(), v.versionId(), day, f, Optional.ofNullable(neighbour), msg);
    }
}
