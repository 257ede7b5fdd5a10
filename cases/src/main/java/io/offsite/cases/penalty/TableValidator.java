package io.offsite.cases.penalty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Semantic checks of parsed versions: statutory ranges, the law's exemption conditions, gaps, overlaps. */
final class TableValidator {
    /** Concrete counterexamples reported per version and kind before the rest are summarised. */
    static final int EXAMPLES_PER_KIND = 3;
    private static final int ALL_MITIGATIONS = (1 << Mitigation.values().length) - 1;
    private static final int MINOR_OR_NONE = (1 << HarmLevel.NONE.ordinal()) | (1 << HarmLevel.MINOR.ordinal());

    private TableValidator() {
    }

    static List<TableProblem> validate(List<TableVersion> versions) {
        List<TableProblem> out = new ArrayList<>();
        int budget = CoverageCheck.NODE_BUDGET; // shared by the document's versions, so one load is bounded
        for (TableVersion v : versions) {
            String where = v.code + "/" + v.versionId;
            statutory(v, where, out);
            exemptions(v, where, out);
            shrinking(v, where, out);
            budget -= coverage(v, where, out, budget);
        }
        for (int i = 0; i < versions.size(); i++) {
            for (int j = i + 1; j < versions.size(); j++) {
                TableVersion a = versions.get(i);
                TableVersion b = versions.get(j);
                LocalDate start = a.effective.isAfter(b.effective) ? a.effective : b.effective;
                if (a.inForceOn(start) && b.inForceOn(start)) {
                    out.add(new TableProblem(TableProblem.Kind.OVERLAPPING_VERSIONS, a.code + "/" + b.versionId,
                            "versions '" + a.versionId + "' and '" + b.versionId + "' are both in force on " + start
                                    + "; give the older one an expiry before " + start, Optional.empty(),
                            List.of(a.versionId, b.versionId)));
                }
            }
        }
        return out;
    }

    private static void statutory(TableVersion v, String where, List<TableProblem> out) {
        for (Tier t : v.tiers) {
            String tw = where + "/tiers/" + t.id;
            if (t.outcome == Outcome.WARNING && !v.warningAllowed) {
                out.add(problem(TableProblem.Kind.OUTSIDE_STATUTORY_RANGE, tw, "tier gives WARNING but the law cited ("
                        + v.basis + ") allows no warning; set warningAllowed only if it does", t.id));
            }
            if (t.band == null) {
                continue;
            }
            for (PartyType p : PartyType.values()) {
                StatutoryRange r = v.statutory[p.ordinal()];
                if (r == null || !anyAllows(t.when, p)) {
                    continue;
                }
                if (r.percentOfCost() != t.band.percentOfCost()) {
                    out.add(problem(TableProblem.Kind.OUTSIDE_STATUTORY_RANGE, tw, "band " + t.band
                            + " and statutory range " + r + " for " + p + " use different units", t.id));
                } else if (t.band.min() < r.min() || t.band.max() > r.max()) {
                    out.add(problem(TableProblem.Kind.OUTSIDE_STATUTORY_RANGE, tw, "band " + t.band
                            + " is outside the statutory range " + r + " for " + p + " (" + v.basis + ")", t.id));
                }
            }
        }
        for (Exemption e : v.exemptions) {
            if (e.outcome == Outcome.WARNING && !v.warningAllowed) {
                out.add(problem(TableProblem.Kind.OUTSIDE_STATUTORY_RANGE, where + "/exemptions/" + e.id,
                        "exemption gives WARNING but the law cited allows no warning", e.id));
            }
        }
    }

    private static void exemptions(TableVersion v, String where, List<TableProblem> out) {
        for (Exemption e : v.exemptions) {
            for (Cond c : e.when) {
                String ew = where + "/exemptions/" + e.id;
                if (e.kind == ExemptionKind.FIRST_VIOLATION
                        && (c.first != 1 || c.corrected != 1 || (c.harmMask & ~MINOR_OR_NONE) != 0)) {
                    out.add(problem(TableProblem.Kind.UNLAWFUL_DISCRETION, ew, "a first-violation waiver (APL Art. 33(1))"
                            + " needs firstViolation=true, promptlyCorrected=true and harm within [NONE, MINOR]; "
                            + "this alternative tests only: " + c.describe(), e.id));
                }
                if (e.kind == ExemptionKind.MINOR_HARMLESS
                        && (c.corrected != 1 || c.harmMask != (1 << HarmLevel.NONE.ordinal()))) {
                    out.add(problem(TableProblem.Kind.UNLAWFUL_DISCRETION, ew, "a minor-and-harmless exemption (APL Art."
                            + " 33(1)) needs promptlyCorrected=true and harm=[NONE]; this alternative tests only: "
                            + c.describe(), e.id));
                }
            }
        }
        if ((v.adjustMitigationMask & ALL_MITIGATIONS) != ALL_MITIGATIONS || v.mitigationStepPermille <= 0) {
            out.add(problem(TableProblem.Kind.UNLAWFUL_DISCRETION, where + "/adjustment", "APL Art. 32 obliges a lighter"
                    + " penalty for every mitigating factor; adjustment.mitigating must list all of "
                    + List.of(Mitigation.values()) + " with mitigationStepPercent > 0"));
        }
    }

    private static void shrinking(TableVersion v, String where, List<TableProblem> out) {
        for (PartyType p : PartyType.values()) {
            if (v.statutory[p.ordinal()] == null) {
                continue;
            }
            Tier prev = null;
            for (Tier t : v.tiers) {
                if (!anyAllows(t.when, p)) {
                    continue;
                }
                if (prev != null) {
                    boolean lighter = t.outcome.compareTo(prev.outcome) < 0;
                    boolean smaller = t.band != null && prev.band != null
                            && t.band.percentOfCost() == prev.band.percentOfCost()
                            && (t.band.min() < prev.band.min() || t.band.max() < prev.band.max());
                    if (lighter || smaller) {
                        out.add(new TableProblem(TableProblem.Kind.SHRINKING_BAND, where + "/tiers/" + t.id,
                                "tier '" + t.id + "' (" + (t.band == null ? t.outcome : t.band) + ") is listed as more severe"
                                        + " than '" + prev.id + "' (" + (prev.band == null ? prev.outcome : prev.band)
                                        + ") for " + p + " but is lighter; list tiers lightest first with non-decreasing bands",
                                Optional.empty(), List.of(prev.id, t.id)));
                    }
                }
                prev = t;
            }
        }
    }

    /**
     * Gaps and overlaps between tiers; polynomial in the number of alternatives, see {@link CoverageCheck}.
     * Returns the search nodes used.
     */
    private static int coverage(TableVersion v, String where, List<TableProblem> out, int budget) {
        CoverageCheck.Result r = CoverageCheck.run(v, Math.max(0, budget));
        if (r.tooComplex()) {
            out.add(new TableProblem(TableProblem.Kind.TOO_COMPLEX, where, "checking the tiers for gaps needs more than"
                    + " the " + CoverageCheck.NODE_BUDGET + " search nodes one document may use; use fewer distinct"
                    + " bounds or alternatives", Optional.empty(), List.of()));
        }
        for (Facts f : r.gapExamples()) {
            out.add(new TableProblem(TableProblem.Kind.GAP, where, "these facts match no tier; widen a tier's"
                    + " condition or add a tier", Optional.of(f), List.of()));
        }
        r.overlaps().forEach((ids, f) -> out.add(new TableProblem(TableProblem.Kind.OVERLAP, where,
                "these facts match tiers " + ids + "; make the conditions mutually exclusive", Optional.of(f), ids)));
        if (r.gapRegions() > EXAMPLES_PER_KIND || r.overlapPairs() > EXAMPLES_PER_KIND) {
            out.add(new TableProblem(r.gapRegions() > EXAMPLES_PER_KIND ? TableProblem.Kind.GAP : TableProblem.Kind.OVERLAP,
                    where, "in all, " + r.gapRegions() + " region(s) of the fact space match no tier and "
                            + r.overlapPairs() + " pair(s) of tiers overlap; only the first " + EXAMPLES_PER_KIND
                            + " of each are listed", Optional.empty(), List.of()));
        }
        return r.nodes();
    }

    private static boolean anyAllows(Cond[] when, PartyType p) {
        for (Cond c : when) {
            if (c.allowsParty(p)) {
                return true;
            }
        }
        return false;
    }

    private static TableProblem problem(TableProblem.Kind kind, String where, String message, String... ids) {
        return new TableProblem(kind, where, message, Optional.empty(), List.of(ids));
    }
}
