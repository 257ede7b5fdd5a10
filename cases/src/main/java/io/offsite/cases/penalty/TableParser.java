package io.offsite.cases.penalty;

import com.fasterxml.jackson.databind.JsonNode;
import io.offsite.core.violation.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one table document (JSON tree) into compiled {@link TableVersion}s. An error in the document's own keys throws
 * {@link Json.Bad}; errors inside a version, an exemption or a tier are collected and reading goes on with the next
 * one, so one load names every such error ({@link #parse(JsonNode, String, List)}).
 */
final class TableParser {
    private static final Set<String> TOP = Set.of("code", "name", "note", "versions");
    private static final Set<String> VERSION = Set.of("version", "effective", "expiry", "basis", "benchmark",
            "statutory", "warningAllowed", "adjustment", "exemptions", "tiers", "note");
    private static final Set<String> CITATION = Set.of("law", "article", "clause");
    private static final Set<String> RANGE = Set.of("minYuan", "maxYuan", "minPercent", "maxPercent");
    private static final Set<String> ADJUST = Set.of("mitigationStepPercent", "aggravationStepPercent",
            "roundingYuan", "mitigating", "aggravating");
    private static final Set<String> EXEMPTION = Set.of("id", "kind", "when", "outcome", "basis");
    private static final Set<String> TIER = Set.of("id", "name", "test", "when", "outcome", "fine");
    private static final Set<String> FINE = Set.of("minYuan", "maxYuan", "minPercent", "maxPercent", "start");
    private static final Set<String> WHEN = Set.of("party", "harm", "firstViolation", "promptlyCorrected",
            "repeatCount", "aggravating", "notAggravating", "mitigating", "notMitigating", "areaM2",
            "constructionCostYuan");
    private static final Set<String> BOUNDS = Set.of("min", "max", "above", "below");

    /** Most versions one table document may hold. */
    static final int MAX_VERSIONS = 100;
    /** Most "when" alternatives (tiers and exemptions together) one version may hold. */
    static final int MAX_ALTERNATIVES = 256;

    private TableParser() {
    }

    /**
     * The document's versions, or null when {@code errors} received any: an error in the document's own keys (code,
     * name, versions) stops the reading; each version, exemption and tier is read even after an error in another.
     */
    static List<TableVersion> parse(JsonNode root, String source, List<Json.Bad> errors) {
        try {
            return versions(root, source, errors);
        } catch (Json.Bad e) {
            errors.add(e);
            return null;
        }
    }

    private static List<TableVersion> versions(JsonNode root, String source, List<Json.Bad> errors) {
        Json.onlyKeys(root, source, TOP);
        String code = Json.text(root, "code", source);
        if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new Json.Bad(source + ".code", "code must be 2–40 chars of A–Z, 0–9, _ starting with a letter, was '" + code + "'");
        }
        Violation violation = Violation.of(code);
        String name = Json.text(root, "name", source);
        List<JsonNode> versions = Json.array(root, "versions", source, true);
        if (versions.isEmpty()) {
            throw new Json.Bad(source + ".versions", "at least one version is required");
        }
        if (versions.size() > MAX_VERSIONS) {
            throw new Json.Bad(source + ".versions", versions.size() + " versions; at most " + MAX_VERSIONS
                    + " per table are accepted");
        }
        List<TableVersion> out = new ArrayList<>();
        int before = errors.size();
        for (int i = 0; i < versions.size(); i++) {
            try {
                TableVersion v = version(violation, name, versions.get(i), code + ".versions[" + i + "]", errors);
                if (v != null) {
                    out.add(v);
                }
            } catch (Json.Bad e) {
                errors.add(e);
            }
        }
        return errors.size() > before ? null : out;
    }

    /** One version, or null when an exemption or tier of it added to {@code errors}. */
    private static TableVersion version(Violation code, String name, JsonNode v, String where, List<Json.Bad> errors) {
        int before = errors.size();
        Json.onlyKeys(v, where, VERSION);
        String id = Json.text(v, "version", where);
        LocalDate effective = Json.date(v, "effective", where);
        LocalDate expiry = v.hasNonNull("expiry") ? Json.date(v, "expiry", where) : null;
        if (expiry != null && expiry.isBefore(effective)) {
            throw new Json.Bad(where + ".expiry", "expiry " + expiry + " is before effective " + effective);
        }
        Citation basis = citation(Json.required(v, "basis", where), where + ".basis");
        Citation benchmark = v.hasNonNull("benchmark") ? citation(v.get("benchmark"), where + ".benchmark") : null;
        StatutoryRange[] statutory = new StatutoryRange[PartyType.values().length];
        JsonNode st = Json.required(v, "statutory", where);
        Json.onlyKeys(st, where + ".statutory", Set.of("PERSON", "ORGANISATION"));
        if (st.isEmpty()) {
            throw new Json.Bad(where + ".statutory", "name at least one party type (PERSON, ORGANISATION)");
        }
        for (PartyType p : PartyType.values()) {
            if (st.has(p.name())) {
                long[] r = range(st.get(p.name()), where + ".statutory." + p, RANGE);
                statutory[p.ordinal()] = new StatutoryRange(r[2] == 1, r[0], r[1]);
            }
        }
        boolean warningAllowed = Json.bool(v, "warningAllowed", where, false);
        JsonNode adj = v.get("adjustment");
        int mitStep = 250;
        int aggStep = 250;
        long rounding = 100;
        int adjMit = (1 << Mitigation.values().length) - 1;
        int adjAgg = (1 << Aggravation.values().length) - 1;
        if (adj != null && !adj.isNull()) {
            String aw = where + ".adjustment";
            Json.onlyKeys(adj, aw, ADJUST);
            if (adj.has("mitigationStepPercent")) {
                mitStep = (int) Json.scaled(adj.get("mitigationStepPercent"), aw + ".mitigationStepPercent", 1, 1000);
            }
            if (adj.has("aggravationStepPercent")) {
                aggStep = (int) Json.scaled(adj.get("aggravationStepPercent"), aw + ".aggravationStepPercent", 1, 1000);
            }
            if (adj.has("roundingYuan")) {
                rounding = Json.scaled(adj.get("roundingYuan"), aw + ".roundingYuan", 2, Money.MAX_AMOUNT_FEN);
                if (rounding < 1) {
                    throw new Json.Bad(aw + ".roundingYuan", "must be at least 0.01 yuan");
                }
            }
            if (adj.has("mitigating")) {
                adjMit = adj.get("mitigating").isArray() && adj.get("mitigating").isEmpty() ? 0
                        : Json.enumMask(Mitigation.class, adj.get("mitigating"), aw + ".mitigating");
            }
            if (adj.has("aggravating")) {
                adjAgg = adj.get("aggravating").isArray() && adj.get("aggravating").isEmpty() ? 0
                        : Json.enumMask(Aggravation.class, adj.get("aggravating"), aw + ".aggravating");
            }
        }
        Set<String> ids = new HashSet<>();
        List<JsonNode> exNodes = Json.array(v, "exemptions", where, false);
        Exemption[] exemptions = new Exemption[exNodes.size()];
        for (int i = 0; i < exemptions.length; i++) {
            String ew = where + ".exemptions[" + i + "]";
            try {
                exemptions[i] = exemption(exNodes.get(i), ew, ids);
            } catch (Json.Bad e) {
                errors.add(e);
            }
        }
        List<JsonNode> tierNodes = Json.array(v, "tiers", where, true);
        if (tierNodes.isEmpty()) {
            throw new Json.Bad(where + ".tiers", "at least one tier is required");
        }
        Tier[] tiers = new Tier[tierNodes.size()];
        int alternatives = 0;
        for (int i = 0; i < tiers.length; i++) {
            try {
                tiers[i] = tier(tierNodes.get(i), where + ".tiers[" + i + "]", ids);
                alternatives += tiers[i].when.length;
            } catch (Json.Bad e) {
                errors.add(e);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        for (Exemption e : exemptions) {
            alternatives += e.when.length;
        }
        if (alternatives > MAX_ALTERNATIVES) {
            throw new Json.Bad(where, alternatives + " condition alternatives in tiers and exemptions; at most "
                    + MAX_ALTERNATIVES + " per version are accepted (validation cost grows with their number)");
        }
        return new TableVersion(code, name, id, effective, expiry, basis, benchmark, statutory, warningAllowed,
                exemptions, tiers, mitStep, aggStep, adjMit, adjAgg, rounding);
    }

    private static Exemption exemption(JsonNode e, String ew, Set<String> ids) {
        Json.onlyKeys(e, ew, EXEMPTION);
        String eid = uniqueId(e, ew, ids);
        Outcome o = Json.enumValue(Outcome.class, Json.required(e, "outcome", ew), ew + ".outcome");
        if (o == Outcome.FINE) {
            throw new Json.Bad(ew + ".outcome", "an exemption gives NO_PENALTY or WARNING, not FINE");
        }
        return new Exemption(eid, Json.enumValue(ExemptionKind.class, Json.required(e, "kind", ew), ew + ".kind"),
                when(Json.required(e, "when", ew), ew + ".when"), o, citation(Json.required(e, "basis", ew), ew + ".basis"));
    }

    private static Tier tier(JsonNode t, String tw, Set<String> ids) {
        Json.onlyKeys(t, tw, TIER);
        String tid = uniqueId(t, tw, ids);
        Outcome o = Json.enumValue(Outcome.class, Json.required(t, "outcome", tw), tw + ".outcome");
        FineBand band = null;
        if (o == Outcome.FINE) {
            JsonNode f = Json.required(t, "fine", tw);
            long[] r = range(f, tw + ".fine", FINE);
            band = new FineBand(r[2] == 1, r[0], r[1], start(f, tw + ".fine"));
        } else if (t.has("fine")) {
            throw new Json.Bad(tw + ".fine", "a " + o + " tier has no fine band; remove 'fine' or use outcome FINE");
        }
        return new Tier(tid, Json.text(t, "name", tw), Json.optText(t, "test", tw, ""),
                when(Json.required(t, "when", tw), tw + ".when"), o, band);
    }

    private static String uniqueId(JsonNode n, String where, Set<String> ids) {
        String id = Json.text(n, "id", where);
        if (!ids.add(id)) {
            throw new Json.Bad(where + ".id", "duplicate id '" + id + "' in this version");
        }
        return id;
    }

    private static Citation citation(JsonNode c, String where) {
        Json.onlyKeys(c, where, CITATION);
        return new Citation(Json.text(c, "law", where), Json.optText(c, "article", where, ""),
                Json.optText(c, "clause", where, ""));
    }

    /** Returns {min, max, percent?1:0} in fen or basis points. */
    private static long[] range(JsonNode r, String where, Set<String> allowed) {
        Json.onlyKeys(r, where, allowed);
        boolean yuan = r.has("minYuan") || r.has("maxYuan");
        boolean pct = r.has("minPercent") || r.has("maxPercent");
        if (yuan == pct) {
            throw new Json.Bad(where, "give either minYuan/maxYuan or minPercent/maxPercent (of construction cost)");
        }
        String lo = yuan ? "minYuan" : "minPercent";
        String hi = yuan ? "maxYuan" : "maxPercent";
        long cap = yuan ? Money.MAX_AMOUNT_FEN : Money.MAX_PERCENT_BP;
        long min = r.has(lo) ? Json.scaled(r.get(lo), where + "." + lo, 2, cap) : 0;
        long max = Json.scaled(Json.required(r, hi, where), where + "." + hi, 2, cap);
        if (max < min) {
            throw new Json.Bad(where, lo + " " + java.math.BigDecimal.valueOf(min, 2).toPlainString() + " exceeds " + hi
                    + " " + java.math.BigDecimal.valueOf(max, 2).toPlainString());
        }
        return new long[] {min, max, pct ? 1 : 0};
    }

    private static int start(JsonNode f, String where) {
        JsonNode s = f.get("start");
        if (s == null || s.isNull()) {
            return 0;
        }
        if (s.isTextual()) {
            switch (s.asText()) {
                case "MIN": return 0;
                case "MID": return 500;
                case "MAX": return 1000;
                default: throw new Json.Bad(where + ".start", "expected MIN, MID, MAX or a percentage 0..100, found " + Json.show(s));
            }
        }
        return (int) Json.scaled(s, where + ".start", 1, 1000);
    }

    private static Cond[] when(JsonNode w, String where) {
        if (w.isArray()) {
            if (w.isEmpty()) {
                throw new Json.Bad(where, "an array of alternatives must not be empty");
            }
            Cond[] out = new Cond[w.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = cond(w.get(i), where + "[" + i + "]");
            }
            return out;
        }
        return new Cond[] {cond(w, where)};
    }

    private static Cond cond(JsonNode w, String where) {
        Json.onlyKeys(w, where, WHEN);
        Cond c = new Cond();
        if (w.has("party")) {
            c.partyMask = Json.enumMask(PartyType.class, w.get("party"), where + ".party");
        }
        if (w.has("harm")) {
            c.harmMask = Json.enumMask(HarmLevel.class, w.get("harm"), where + ".harm");
        }
        if (w.has("firstViolation")) {
            c.first = Json.bool(w, "firstViolation", where, false) ? 1 : 0;
        }
        if (w.has("promptlyCorrected")) {
            c.corrected = Json.bool(w, "promptlyCorrected", where, false) ? 1 : 0;
        }
        if (w.has("repeatCount")) {
            long[] b = bounds(w.get("repeatCount"), where + ".repeatCount", 0, CoverageCheck.MAX_REPEAT);
            c.repeatMin = Math.toIntExact(b[0]);
            c.repeatMax = b[1] == Long.MAX_VALUE ? Integer.MAX_VALUE : Math.toIntExact(b[1]);
        }
        if (w.has("aggravating")) {
            c.aggrAll = Json.enumMask(Aggravation.class, w.get("aggravating"), where + ".aggravating");
        }
        if (w.has("notAggravating")) {
            c.aggrNone = Json.enumMask(Aggravation.class, w.get("notAggravating"), where + ".notAggravating");
        }
        if (w.has("mitigating")) {
            c.mitigAll = Json.enumMask(Mitigation.class, w.get("mitigating"), where + ".mitigating");
        }
        if (w.has("notMitigating")) {
            c.mitigNone = Json.enumMask(Mitigation.class, w.get("notMitigating"), where + ".notMitigating");
        }
        if (w.has("areaM2")) {
            long[] b = bounds(w.get("areaM2"), where + ".areaM2", 2, Facts.MAX_AREA_DM2);
            c.areaMin = b[0];
            c.areaMax = b[1];
        }
        if (w.has("constructionCostYuan")) {
            long[] b = bounds(w.get("constructionCostYuan"), where + ".constructionCostYuan", 2, Facts.MAX_COST_FEN);
            c.costMin = b[0];
            c.costMax = b[1];
        }
        if ((c.aggrAll & c.aggrNone) != 0 || (c.mitigAll & c.mitigNone) != 0) {
            throw new Json.Bad(where, "a factor is both required and excluded; this condition can never match");
        }
        return c;
    }

    /**
     * Inclusive integer bounds in the scaled unit from {min|above, max|below}; every bound must lie in the
     * fact's own range {@code 0..max} (so {@code above 9223372036854775807} is refused, not wrapped). An
     * absent upper bound is {@link Long#MAX_VALUE}.
     */
    private static long[] bounds(JsonNode b, String where, int scale, long max) {
        Json.onlyKeys(b, where, BOUNDS);
        if (b.has("min") && b.has("above") || b.has("max") && b.has("below")) {
            throw new Json.Bad(where, "use either min or above, and either max or below");
        }
        long lo = b.has("min") ? Json.scaled(b.get("min"), where + ".min", scale, max)
                : b.has("above") ? Json.scaled(b.get("above"), where + ".above", scale, max) + 1 : 0;
        long hi = b.has("max") ? Json.scaled(b.get("max"), where + ".max", scale, max)
                : b.has("below") ? Json.scaled(b.get("below"), where + ".below", scale, max) - 1 : Long.MAX_VALUE;
        if (hi < lo || lo > max) {
            throw new Json.Bad(where, "empty range " + Json.show(b) + ": no value in 0.."
                    + java.math.BigDecimal.valueOf(max, scale).toPlainString() + " satisfies it");
        }
        return new long[] {lo, hi};
    }
}
