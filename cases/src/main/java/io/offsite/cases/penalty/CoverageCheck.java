package io.offsite.cases.penalty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gap and overlap search over one version's tiers, exact and polynomial in the number of condition
 * alternatives (the "when" entries of all tiers, {@code a}).
 *
 * <p><b>Overlaps</b>: two alternatives of different tiers overlap when their boxes intersect in the
 * consistent fact space (a first violation has repeatCount 0; REFUSED_TO_CORRECT excludes promptly
 * corrected). Cost: {@code O(a² · D)} with {@code D} the fixed number of fact dimensions.
 *
 * <p><b>Gaps</b>: a depth-first split of the fact space, one dimension at a time (party, harm, corrected,
 * first violation, repeatCount, area, cost, then each factor some condition tests). Numeric dimensions
 * are split only at the bounds the conditions use, so each has at most {@code 2a + 1} classes; the other
 * dimensions have at most 4. A branch stops as soon as no alternative matches (a gap: one region) or one
 * matching alternative is unconstrained in every remaining dimension (covered), and equal sub-problems
 * (same depth, same matching alternatives) are answered from a memo. The number of search nodes is at most
 * {@code (2a+1)³ · 2^f · 32} for {@code f ≤ 10} tested factors — polynomial (degree 3) in the number of
 * thresholds with a table-independent constant — and each node costs {@code O(a / 64)}. Because that
 * constant is large, the search also stops after {@link #NODE_BUDGET} nodes (shared by all versions of one
 * document) and the version is refused as too complex to verify; with at most
 * {@link TableParser#MAX_ALTERNATIVES} alternatives per version and {@link TableParser#MAX_VERSIONS} versions,
 * loading any document is bounded in time as well.
 */
final class CoverageCheck {
    /** Search nodes after which a version is refused as too complex to verify (well under a second of CPU). */
    static final int NODE_BUDGET = 1_000_000;
    /** Memo entries kept at most, so the search needs a few tens of MB at worst. */
    private static final int MEMO_LIMIT = 200_000;
    /** Largest repeat count a fact set can carry (see {@link Facts.Builder#repeatCount(int)}). */
    static final int MAX_REPEAT = 1000;
    private static final int PARTY = 0;
    private static final int HARM = 1;
    private static final int CORRECTED = 2;
    private static final int FIRST = 3;
    private static final int REPEAT = 4;

    /** One dimension of the fact space, split into classes that every alternative treats alike. */
    private record Dim(int kind, int factor, long[] values, long[][] members) {
    }

    private static final int K_AREA = 5;
    private static final int K_COST = 6;
    private static final int K_AGGR = 7;
    private static final int K_MITIG = 8;

    private final TableVersion v;
    private final Cond[] conds;
    private final int[] tierOf;
    private final int words;
    private final List<Dim> dims = new ArrayList<>();
    private final long[][] fullFrom;
    private final Map<Key, Integer> memo = new HashMap<>();
    private final int[] chosen;
    private int refusedDim = -1;
    private final int budget;
    private int nodes;
    private int gapRegions;
    private final List<Facts> gapExamples = new ArrayList<>();

    /** A sub-problem: depth, the corrected/first choices that restrict later domains, and the matching alternatives. */
    private record Key(int depth, int flags, long[] active) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.depth == depth && k.flags == flags && Arrays.equals(k.active, active);
        }

        @Override
        public int hashCode() {
            return (depth * 31 + flags) * 31 + Arrays.hashCode(active);
        }
    }

    /** Found problems: gap examples, overlap pairs and their counts. */
    record Result(List<Facts> gapExamples, int gapRegions, Map<List<String>, Facts> overlaps, int overlapPairs,
            boolean tooComplex, int nodes) {
    }

    private CoverageCheck(TableVersion v, int budget) {
        this.v = v;
        this.budget = budget;
        List<Cond> cs = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int t = 0; t < v.tiers.length; t++) {
            for (Cond c : v.tiers[t].when) {
                cs.add(c);
                owner.add(t);
            }
        }
        this.conds = cs.toArray(new Cond[0]);
        this.tierOf = owner.stream().mapToInt(Integer::intValue).toArray();
        this.words = Math.max(1, (conds.length + 63) / 64);
        buildDims();
        this.chosen = new int[dims.size()];
        this.fullFrom = new long[dims.size() + 1][];
        fullFrom[dims.size()] = CondBits.all(words, conds.length);
        for (int d = dims.size() - 1; d >= 0; d--) {
            long[] f = fullFrom[d + 1].clone();
            for (long[] m : dims.get(d).members()) {
                CondBits.and(f, m);
            }
            fullFrom[d] = f;
        }
    }

    /** Checks {@code v}, giving up after {@code budget} search nodes. */
    static Result run(TableVersion v, int budget) {
        CoverageCheck c = new CoverageCheck(v, budget);
        boolean complete = c.search(0, CondBits.all(c.words, c.conds.length));
        Map<List<String>, Facts> overlaps = new LinkedHashMap<>();
        int pairs = c.overlaps(overlaps);
        return new Result(List.copyOf(c.gapExamples), c.gapRegions, overlaps, pairs, !complete, Math.min(c.nodes, budget));
    }

    private void buildDims() {
        long parties = 0;
        for (PartyType p : PartyType.values()) {
            if (v.statutory[p.ordinal()] != null) {
                parties |= 1L << p.ordinal();
            }
        }
        List<Long> pv = new ArrayList<>();
        for (PartyType p : PartyType.values()) {
            if ((parties & (1L << p.ordinal())) != 0) {
                pv.add((long) p.ordinal());
            }
        }
        dims.add(enumDim(PARTY, pv, (c, x) -> (c.partyMask & (1 << x)) != 0));
        List<Long> hv = new ArrayList<>();
        for (HarmLevel h : HarmLevel.values()) {
            hv.add((long) h.ordinal());
        }
        dims.add(enumDim(HARM, hv, (c, x) -> (c.harmMask & (1 << x)) != 0));
        dims.add(enumDim(CORRECTED, List.of(0L, 1L), (c, x) -> c.corrected < 0 || c.corrected == x));
        dims.add(enumDim(FIRST, List.of(0L, 1L), (c, x) -> c.first < 0 || c.first == x));
        dims.add(rangeDim(REPEAT, MAX_REPEAT, c -> c.repeatMin, c -> c.repeatMax));
        boolean area = false;
        boolean cost = false;
        int aggr = 0;
        int mitig = 0;
        for (Cond c : conds) {
            area |= c.usesArea();
            cost |= c.usesCost();
            aggr |= c.aggrAll | c.aggrNone;
            mitig |= c.mitigAll | c.mitigNone;
        }
        if (area) {
            dims.add(rangeDim(K_AREA, Facts.MAX_AREA_DM2, c -> c.areaMin, c -> c.areaMax));
        }
        if (cost) {
            dims.add(rangeDim(K_COST, Facts.MAX_COST_FEN, c -> c.costMin, c -> c.costMax));
        }
        for (Aggravation a : Aggravation.values()) {
            if ((aggr & a.bit()) != 0) {
                if (a == Aggravation.REFUSED_TO_CORRECT) {
                    refusedDim = dims.size();
                }
                int bit = a.bit();
                dims.add(factorDim(K_AGGR, a.ordinal(), (c, x) -> x == 1 ? (c.aggrNone & bit) == 0 : (c.aggrAll & bit) == 0));
            }
        }
        for (Mitigation m : Mitigation.values()) {
            if ((mitig & m.bit()) != 0) {
                int bit = m.bit();
                dims.add(factorDim(K_MITIG, m.ordinal(), (c, x) -> x == 1 ? (c.mitigNone & bit) == 0 : (c.mitigAll & bit) == 0));
            }
        }
    }

    private interface Test {
        boolean contains(Cond c, long value);
    }

    private Dim enumDim(int kind, List<Long> values, Test test) {
        return dim(kind, -1, values.stream().mapToLong(Long::longValue).toArray(), test);
    }

    private Dim factorDim(int kind, int factor, Test test) {
        return dim(kind, factor, new long[] {0, 1}, test);
    }

    private Dim dim(int kind, int factor, long[] values, Test test) {
        long[][] members = new long[values.length][];
        for (int i = 0; i < values.length; i++) {
            members[i] = new long[words];
            for (int c = 0; c < conds.length; c++) {
                if (test.contains(conds[c], values[i])) {
                    members[i][c >>> 6] |= 1L << c;
                }
            }
        }
        return new Dim(kind, factor, values, members);
    }

    /** Classes of {@code 0..max} cut at every lower bound and every upper bound + 1 the conditions use. */
    private Dim rangeDim(int kind, long max, java.util.function.ToLongFunction<Cond> lo,
            java.util.function.ToLongFunction<Cond> hi) {
        java.util.TreeSet<Long> cuts = new java.util.TreeSet<>();
        cuts.add(0L);
        for (Cond c : conds) {
            long l = lo.applyAsLong(c);
            long h = hi.applyAsLong(c);
            if (l > 0 && l <= max) {
                cuts.add(l);
            }
            if (h >= 0 && h < max) {
                cuts.add(h + 1);
            }
        }
        long[] starts = cuts.stream().mapToLong(Long::longValue).toArray();
        return dim(kind, -1, starts, (c, x) -> x >= lo.applyAsLong(c) && x <= hi.applyAsLong(c));
    }

    /** Depth-first search from {@code depth}; returns false when the node budget ran out. */
    private boolean search(int depth, long[] active) {
        if (++nodes > budget) {
            return false;
        }
        if (CondBits.isEmpty(active)) {
            gapRegions++;
            if (gapExamples.size() < TableValidator.EXAMPLES_PER_KIND) {
                gapExamples.add(example(depth));
            }
            return true;
        }
        if (CondBits.intersects(active, fullFrom[depth])) {
            return true;
        }
        int flags = (depth > CORRECTED ? chosen[CORRECTED] << 1 : 0) | (depth > FIRST ? chosen[FIRST] : 0);
        Key key = new Key(depth, flags, active);
        Integer known = memo.get(key);
        if (known != null) {
            gapRegions += known;
            return true;
        }
        int before = gapRegions;
        Dim dim = dims.get(depth);
        int classes = dim.values().length;
        if (depth == REPEAT && chosen[FIRST] == 1 || depth == refusedDim && chosen[CORRECTED] == 1) {
            classes = 1; // a first violation has repeatCount 0; promptly corrected excludes REFUSED_TO_CORRECT
        }
        for (int i = 0; i < classes; i++) {
            chosen[depth] = i;
            long[] next = active.clone();
            CondBits.and(next, dim.members()[i]);
            if (!search(depth + 1, next)) {
                return false;
            }
        }
        if (memo.size() < MEMO_LIMIT) {
            memo.put(key, gapRegions - before);
        }
        return true;
    }

    /** The smallest fact set of the region fixed by {@code chosen[0..depth)}; later dimensions at their first class. */
    private Facts example(int depth) {
        Facts.Builder b = Facts.builder();
        boolean areaSet = false;
        boolean costSet = false;
        for (int d = 0; d < dims.size(); d++) {
            Dim dim = dims.get(d);
            long x = dim.values()[d < depth ? chosen[d] : 0];
            switch (dim.kind()) {
                case PARTY -> b.party(PartyType.values()[(int) x]);
                case HARM -> b.harm(HarmLevel.values()[(int) x]);
                case CORRECTED -> b.promptlyCorrected(x == 1);
                case FIRST -> b.firstViolation(x == 1);
                case REPEAT -> b.repeatCount((int) x);
                case K_AREA -> {
                    b.areaDm2(x);
                    areaSet = true;
                }
                case K_COST -> {
                    b.constructionCostFen(x);
                    costSet = true;
                }
                case K_AGGR -> {
                    if (x == 1) {
                        b.aggravation(Aggravation.values()[dim.factor()]);
                    }
                }
                default -> {
                    if (x == 1) {
                        b.mitigation(Mitigation.values()[dim.factor()]);
                    }
                }
            }
        }
        if (v.requiresArea && !areaSet) {
            b.areaDm2(0);
        }
        if (v.requiresCost && !costSet) {
            b.constructionCostFen(100_000_000L);
        }
        return b.build();
    }

    /** Every pair of alternatives of different tiers that share a consistent fact set; first example per tier pair. */
    private int overlaps(Map<List<String>, Facts> out) {
        Map<List<String>, Facts> all = new LinkedHashMap<>();
        for (int i = 0; i < conds.length; i++) {
            for (int j = i + 1; j < conds.length; j++) {
                if (tierOf[i] == tierOf[j]) {
                    continue;
                }
                List<String> ids = tierOf[i] < tierOf[j]
                        ? List.of(v.tiers[tierOf[i]].id, v.tiers[tierOf[j]].id)
                        : List.of(v.tiers[tierOf[j]].id, v.tiers[tierOf[i]].id);
                if (all.containsKey(ids)) {
                    continue;
                }
                intersection(conds[i], conds[j]).ifPresent(f -> all.put(ids, f));
            }
        }
        all.entrySet().stream().limit(TableValidator.EXAMPLES_PER_KIND).forEach(e -> out.put(e.getKey(), e.getValue()));
        return all.size();
    }

    /** The smallest consistent fact set both conditions match, if any. */
    private Optional<Facts> intersection(Cond a, Cond b) {
        int parties = a.partyMask & b.partyMask;
        int harms = a.harmMask & b.harmMask;
        int first = merge(a.first, b.first);
        int corrected = merge(a.corrected, b.corrected);
        int aggrAll = a.aggrAll | b.aggrAll;
        int mitigAll = a.mitigAll | b.mitigAll;
        long rLo = Math.max(a.repeatMin, b.repeatMin);
        long rHi = Math.min(Math.min(a.repeatMax, b.repeatMax), first == 1 ? 0 : MAX_REPEAT);
        long areaLo = Math.max(0, Math.max(a.areaMin, b.areaMin));
        long areaHi = Math.min(Facts.MAX_AREA_DM2, Math.min(a.areaMax, b.areaMax));
        long costLo = Math.max(0, Math.max(a.costMin, b.costMin));
        long costHi = Math.min(Facts.MAX_COST_FEN, Math.min(a.costMax, b.costMax));
        int party = -1;
        for (PartyType p : PartyType.values()) {
            if ((parties & (1 << p.ordinal())) != 0 && v.statutory[p.ordinal()] != null) {
                party = p.ordinal();
                break;
            }
        }
        boolean refused = (aggrAll & Aggravation.REFUSED_TO_CORRECT.bit()) != 0;
        if (party < 0 || harms == 0 || first == -2 || corrected == -2 || rLo > rHi || areaLo > areaHi
                || costLo > costHi || (aggrAll & (a.aggrNone | b.aggrNone)) != 0
                || (mitigAll & (a.mitigNone | b.mitigNone)) != 0 || refused && corrected == 1) {
            return Optional.empty();
        }
        Facts.Builder f = Facts.builder().party(PartyType.values()[party])
                .harm(HarmLevel.values()[Integer.numberOfTrailingZeros(harms)])
                .firstViolation(first == 1).promptlyCorrected(corrected == 1).repeatCount((int) rLo);
        for (Aggravation x : Aggravation.values()) {
            if ((aggrAll & x.bit()) != 0) {
                f.aggravation(x);
            }
        }
        for (Mitigation x : Mitigation.values()) {
            if ((mitigAll & x.bit()) != 0) {
                f.mitigation(x);
            }
        }
        if (v.requiresArea) {
            f.areaDm2(areaLo);
        }
        if (v.requiresCost) {
            f.constructionCostFen(a.usesCost() || b.usesCost() ? costLo : Math.max(costLo, Math.min(costHi, 100_000_000L)));
        }
        return Optional.of(f.build());
    }

    /** -1 any, 0/1 fixed, -2 contradictory. */
    private static int merge(int x, int y) {
        return x < 0 ? y : y < 0 || x == y ? x : -2;
    }
}
