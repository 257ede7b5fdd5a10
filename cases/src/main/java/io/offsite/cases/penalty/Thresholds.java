package io.offsite.cases.penalty;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Every point where a version's conditions can change their answer: for each numeric bound {@code t}
 * the values {@code t-1, t, t+1} (never negative), plus 0; and the factors the conditions test.
 * Enumerating these points × the enum and boolean facts visits every region of the fact space.
 *
 * @param parties        party types the version applies to
 * @param repeatCounts   boundary values of {@code repeatCount}
 * @param areasDm2       boundary values of the area (empty when no condition tests it)
 * @param costsFen       boundary values of the construction cost (empty when no condition tests it)
 * @param aggravations   aggravating factors some condition tests
 * @param mitigations    mitigating factors some condition tests
 */
public record Thresholds(Set<PartyType> parties, List<Integer> repeatCounts, List<Long> areasDm2,
        List<Long> costsFen, Set<Aggravation> aggravations, Set<Mitigation> mitigations) {
    public Thresholds {
        Objects.requireNonNull(parties, "parties");
        repeatCounts = List.copyOf(repeatCounts);
        areasDm2 = List.copyOf(areasDm2);
        costsFen = List.copyOf(costsFen);
        // enum sets keep a stable iteration order, so enumeration and reported examples are reproducible
        aggravations = Collections.unmodifiableSet(aggravations.isEmpty() ? EnumSet.noneOf(Aggravation.class)
                : EnumSet.copyOf(aggravations));
        mitigations = Collections.unmodifiableSet(mitigations.isEmpty() ? EnumSet.noneOf(Mitigation.class)
                : EnumSet.copyOf(mitigations));
        parties = Collections.unmodifiableSet(parties.isEmpty() ? EnumSet.noneOf(PartyType.class) : EnumSet.copyOf(parties));
    }

    static Thresholds of(TableVersion v) {
        TreeSet<Long> repeat = new TreeSet<>(List.of(0L, 1L));
        TreeSet<Long> area = new TreeSet<>();
        TreeSet<Long> cost = new TreeSet<>();
        EnumSet<Aggravation> aggr = EnumSet.noneOf(Aggravation.class);
        EnumSet<Mitigation> mitig = EnumSet.noneOf(Mitigation.class);
        for (Cond c : v.allConds()) {
            bound(repeat, c.repeatMin, c.repeatMax == Integer.MAX_VALUE ? Long.MAX_VALUE : c.repeatMax);
            if (c.usesArea()) {
                bound(area, c.areaMin, c.areaMax);
            }
            if (c.usesCost()) {
                bound(cost, c.costMin, c.costMax);
            }
            for (Aggravation a : Aggravation.values()) {
                if (((c.aggrAll | c.aggrNone) & a.bit()) != 0) {
                    aggr.add(a);
                }
            }
            for (Mitigation m : Mitigation.values()) {
                if (((c.mitigAll | c.mitigNone) & m.bit()) != 0) {
                    mitig.add(m);
                }
            }
        }
        if (v.requiresArea && area.isEmpty()) {
            area.add(100L);
        }
        if (v.requiresCost && cost.isEmpty()) {
            cost.add(100_000_000L);
        }
        repeat.removeIf(x -> x > 1000);
        area.removeIf(x -> x > Facts.MAX_AREA_DM2);
        cost.removeIf(x -> x > Facts.MAX_COST_FEN);
        EnumSet<PartyType> parties = EnumSet.noneOf(PartyType.class);
        for (PartyType p : PartyType.values()) {
            if (v.statutory[p.ordinal()] != null) {
                parties.add(p);
            }
        }
        return new Thresholds(parties, repeat.stream().map(Long::intValue).toList(), List.copyOf(area),
                List.copyOf(cost), aggr, mitig);
    }

    /**
     * Calls {@code sink} with every consistent fact set built from these boundary points × party ×
     * first violation × promptly corrected × harm × each subset of the tested factors, in ascending order
     * (smallest facts first). Untested factors are absent; untested numeric facts are unknown.
     */
    public void forEachBoundaryFact(Consumer<Facts> sink) {
        Aggravation[] aggr = aggravations.toArray(new Aggravation[0]);
        Mitigation[] mitig = mitigations.toArray(new Mitigation[0]);
        List<Long> areas = areasDm2.isEmpty() ? List.of(-1L) : areasDm2;
        List<Long> costs = costsFen.isEmpty() ? List.of(-1L) : costsFen;
        for (int r : repeatCounts) {
            for (HarmLevel h : HarmLevel.values()) {
                for (int am = 0; am < 1 << aggr.length; am++) {
                    for (int mm = 0; mm < 1 << mitig.length; mm++) {
                        for (long area : areas) {
                            for (long cost : costs) {
                                for (PartyType p : PartyType.values()) {
                                    if (!parties.contains(p)) {
                                        continue;
                                    }
                                    for (int bits = 0; bits < 4; bits++) {
                                        boolean first = (bits & 2) != 0;
                                        boolean corrected = (bits & 1) != 0;
                                        if (first && r > 0) {
                                            continue;
                                        }
                                        Facts.Builder b = Facts.builder().party(p).harm(h).repeatCount(r)
                                                .firstViolation(first).promptlyCorrected(corrected);
                                        boolean refused = false;
                                        for (int i = 0; i < aggr.length; i++) {
                                            if ((am & (1 << i)) != 0) {
                                                b.aggravation(aggr[i]);
                                                refused |= aggr[i] == Aggravation.REFUSED_TO_CORRECT;
                                            }
                                        }
                                        if (refused && corrected) {
                                            continue;
                                        }
                                        for (int i = 0; i < mitig.length; i++) {
                                            if ((mm & (1 << i)) != 0) {
                                                b.mitigation(mitig[i]);
                                            }
                                        }
                                        if (area >= 0) {
                                            b.areaDm2(area);
                                        }
                                        if (cost >= 0) {
                                            b.constructionCostFen(cost);
                                        }
                                        sink.accept(b.build());
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static void bound(TreeSet<Long> out, long min, long max) {
        out.add(0L);
        for (long t : new long[] {min, max}) {
            if (t == Long.MAX_VALUE) {
                continue;
            }
            for (long d = -1; d <= 1; d++) {
                if (t + d >= 0) {
                    out.add(t + d);
                }
            }
        }
    }
}
