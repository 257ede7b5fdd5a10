package io.offsite.cases.penalty;

import io.offsite.core.violation.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One effective-dated version of a violation's benchmark table, compiled into a flat evaluator at load
 * time. Immutable and thread-safe.
 */
public final class TableVersion {
    final Violation code;
    final String name;
    final String versionId;
    final LocalDate effective;
    final LocalDate expiry; // inclusive; null = open-ended
    final Citation basis;
    final Citation benchmark;
    final StatutoryRange[] statutory; // by PartyType ordinal; null = table does not apply
    final boolean warningAllowed;
    final Exemption[] exemptions;
    final Tier[] tiers;
    final int mitigationStepPermille;
    final int aggravationStepPermille;
    final int adjustMitigationMask;
    final int adjustAggravationMask;
    final long roundingFen;
    final boolean requiresArea;
    final boolean requiresCost;
    final Optional<Citation> basisOpt;
    final Optional<Citation> benchmarkOpt;
    final String[] versionText;
    final String[] aggText;
    final String[] mitText;

    TableVersion(Violation code, String name, String versionId, LocalDate effective, LocalDate expiry,
            Citation basis, Citation benchmark, StatutoryRange[] statutory, boolean warningAllowed,
            Exemption[] exemptions, Tier[] tiers, int mitigationStepPermille, int aggravationStepPermille,
            int adjustMitigationMask, int adjustAggravationMask, long roundingFen) {
        this.code = code;
        this.name = name;
        this.versionId = versionId;
        this.effective = effective;
        this.expiry = expiry;
        this.basis = basis;
        this.benchmark = benchmark;
        this.statutory = statutory;
        this.warningAllowed = warningAllowed;
        this.exemptions = exemptions;
        this.tiers = tiers;
        this.mitigationStepPermille = mitigationStepPermille;
        this.aggravationStepPermille = aggravationStepPermille;
        this.adjustMitigationMask = adjustMitigationMask;
        this.adjustAggravationMask = adjustAggravationMask;
        this.roundingFen = roundingFen;
        boolean area = false;
        boolean cost = false;
        for (Cond c : allConds()) {
            area |= c.usesArea();
            cost |= c.usesCost();
        }
        for (Tier t : tiers) {
            cost |= t.band != null && t.band.percentOfCost();
        }
        for (StatutoryRange r : statutory) {
            cost |= r != null && r.percentOfCost();
        }
        this.requiresArea = area;
        this.requiresCost = cost;
        // explanation texts are built once here so that explain() only fills in the numbers
        this.basisOpt = Optional.of(basis);
        this.benchmarkOpt = Optional.ofNullable(benchmark);
        this.versionText = new String[statutory.length];
        for (int i = 0; i < statutory.length; i++) {
            if (statutory[i] != null) {
                versionText[i] = code + " " + name + " version " + versionId + " in force from " + effective
                        + (expiry == null ? "" : " to " + expiry) + "; statutory range " + statutory[i];
            }
        }
        for (Tier t : tiers) {
            t.whyText = new String[t.when.length];
            for (int i = 0; i < t.when.length; i++) {
                t.whyText[i] = "tier '" + t.id + "' (" + t.name + ": " + t.test + ") because " + t.when[i].describe();
            }
            t.bandText = t.band == null ? "" : "band " + t.band + " = ";
        }
        for (Exemption e : exemptions) {
            e.whyText = new String[e.when.length];
            for (int i = 0; i < e.when.length; i++) {
                e.whyText[i] = e.kind + " '" + e.id + "' applies (" + e.when[i].describe() + "): " + e.outcome;
            }
        }
        this.aggText = new String[Aggravation.values().length];
        for (Aggravation a : Aggravation.values()) {
            aggText[a.ordinal()] = (adjustAggravationMask & a.bit()) != 0
                    ? a + " raises the position by " + Tier.permille(aggravationStepPermille) + " % of the band ("
                    : a + " is not an in-band adjustment of this table (it may have chosen the tier); no further raise";
        }
        this.mitText = new String[Mitigation.values().length];
        for (Mitigation m : Mitigation.values()) {
            mitText[m.ordinal()] = m + " lowers the position by " + Tier.permille(mitigationStepPermille)
                    + " % of the band (";
        }
    }

    /** The violation this table assesses. */
    public Violation violation() {
        return code;
    }

    /** Version id, e.g. {@code zj-2025}. */
    public String versionId() {
        return versionId;
    }

    /** First day in force. */
    public LocalDate effective() {
        return effective;
    }

    /** Last day in force (inclusive), if the version expires. */
    public Optional<LocalDate> expiry() {
        return Optional.ofNullable(expiry);
    }

    /** Whether the version is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effective) && (expiry == null || !date.isAfter(expiry));
    }

    /** Legal basis of the penalty. */
    public Citation basis() {
        return basis;
    }

    /** The statutory range for each party type the table applies to. */
    public Map<PartyType, StatutoryRange> statutoryRanges() {
        Map<PartyType, StatutoryRange> m = new EnumMap<>(PartyType.class);
        for (PartyType p : PartyType.values()) {
            if (statutory[p.ordinal()] != null) {
                m.put(p, statutory[p.ordinal()]);
            }
        }
        return m;
    }

    /** Tiers, from lightest to heaviest. */
    public List<Tier> tiers() {
        return List.of(tiers);
    }

    /** Exemptions, in the order they are tried. */
    public List<Exemption> exemptions() {
        return List.of(exemptions);
    }

    /** Whether assessments need {@link Facts#areaDm2()}. */
    public boolean requiresArea() {
        return requiresArea;
    }

    /** Whether assessments need {@link Facts#constructionCostFen()}. */
    public boolean requiresConstructionCost() {
        return requiresCost;
    }

    /** Mitigating factors that lower the fine inside a band. */
    public List<Mitigation> adjustingMitigations() {
        List<Mitigation> out = new ArrayList<>();
        for (Mitigation m : Mitigation.values()) {
            if ((adjustMitigationMask & m.bit()) != 0) {
                out.add(m);
            }
        }
        return out;
    }

    /** Aggravating factors that raise the fine inside a band. */
    public List<Aggravation> adjustingAggravations() {
        List<Aggravation> out = new ArrayList<>();
        for (Aggravation a : Aggravation.values()) {
            if ((adjustAggravationMask & a.bit()) != 0) {
                out.add(a);
            }
        }
        return out;
    }

    /** Every threshold the conditions use, for boundary enumeration. */
    public Thresholds thresholds() {
        return Thresholds.of(this);
    }

    List<Cond> allConds() {
        List<Cond> all = new ArrayList<>();
        for (Exemption e : exemptions) {
            all.addAll(List.of(e.when));
        }
        for (Tier t : tiers) {
            all.addAll(List.of(t.when));
        }
        return all;
    }

    /** Core evaluator; {@code trace} is null on the fast path. */
    Decision decide(Facts f, List<Explanation.Step> trace) {
        StatutoryRange range = statutory[f.party.ordinal()];
        if (range == null) {
            throw new PenaltyException(code + " version " + versionId + " does not apply to party type " + f.party
                    + "; it covers " + statutoryRanges().keySet());
        }
        if (requiresArea && f.areaDm2 == Facts.UNKNOWN) {
            throw new PenaltyException(code + " version " + versionId + " needs the area fact (areaDm2) of " + f);
        }
        if (requiresCost && f.constructionCostFen == Facts.UNKNOWN) {
            throw new PenaltyException(code + " version " + versionId + " needs constructionCostFen of " + f);
        }
        Tier tier = null;
        for (Tier t : tiers) {
            if (Tier.matches(t.when, f)) {
                tier = t;
                break;
            }
        }
        if (tier == null) {
            throw new PenaltyException(code + " version " + versionId + ": no tier matches " + f);
        }
        if (trace != null) {
            trace.add(new Explanation.Step(Explanation.Kind.VERSION, versionText[f.party.ordinal()], basisOpt, 0));
            trace.add(new Explanation.Step(Explanation.Kind.TIER, tier.whyText[Tier.firstMatch(tier.when, f)],
                    benchmarkOpt, 0));
        }
        for (Exemption e : exemptions) {
            if (Tier.matches(e.when, f)) {
                if (trace != null) {
                    trace.add(new Explanation.Step(Explanation.Kind.EXEMPTION, e.whyText[Tier.firstMatch(e.when, f)],
                            e.basisOpt, 0));
                }
                return new Decision(code, versionId, e.outcome, 0, tier.id, e.kindOpt);
            }
        }
        if (tier.outcome != Outcome.FINE) {
            if (trace != null) {
                trace.add(new Explanation.Step(Explanation.Kind.OUTCOME, "tier gives " + tier.outcome, benchmarkOpt, 0));
            }
            return new Decision(code, versionId, tier.outcome, 0, tier.id, Optional.empty());
        }
        return new Decision(code, versionId, Outcome.FINE, fine(tier, f, trace), tier.id, Optional.empty());
    }

    private long fine(Tier tier, Facts f, List<Explanation.Step> trace) {
        long cost = f.constructionCostFen;
        long lo = tier.band.minFen(cost);
        long hi = tier.band.maxFen(cost);
        if (lo > hi) {
            throw new PenaltyException(code + " version " + versionId + ": construction cost " + cost
                    + " fen is too small for band " + tier.band + " in whole fen");
        }
        int nMit = Integer.bitCount(f.mitigationMask & adjustMitigationMask);
        int nAgg = Integer.bitCount(f.aggravationMask & adjustAggravationMask);
        long pos = (long) tier.band.startPermille() + (long) nAgg * aggravationStepPermille
                - (long) nMit * mitigationStepPermille;
        pos = Math.max(0, Math.min(1000, pos));
        long raw = lo + Money.mulDivFloor(hi - lo, pos, 1000);
        long rounded = Math.addExact(raw, (roundingFen - 1) / 2) / roundingFen * roundingFen;
        long fine = Math.max(lo, Math.min(hi, rounded));
        if (trace != null) {
            long start = lo + Money.mulDivFloor(hi - lo, tier.band.startPermille(), 1000);
            trace.add(new Explanation.Step(Explanation.Kind.BAND, tier.bandText + lo + ".." + hi
                    + " fen; start at " + Tier.permille(tier.band.startPermille()) + " % of the band", benchmarkOpt, start));
            Adjustments.explain(this, f, lo, hi, trace);
            trace.add(new Explanation.Step(Explanation.Kind.ROUNDING, "position " + Tier.permille(pos) + " % → " + raw
                    + " fen, rounded to a multiple of " + roundingFen + " fen (ties down) and kept inside the band",
                    benchmarkOpt, fine));
        }
        return fine;
    }
}
