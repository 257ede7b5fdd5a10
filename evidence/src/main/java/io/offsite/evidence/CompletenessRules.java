package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.offsite.core.violation.Violation;
import io.offsite.core.violation.ViolationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Data-driven completeness and corroboration rules, one rule set per {@link Violation} and looked up by it,
 * loaded from JSON (the defaults, one set for each of {@link Violation#standard()}, are in
 * {@code io/offsite/evidence/completeness-rules.json}; a city can load its own, local violations included,
 * keyed by the violation's code). Each check carries a
 * reason a legal reviewer understands; {@link #check} returns a finding for every check. Immutable and
 * thread-safe.
 */
public final class CompletenessRules {
    /** Largest rules document {@link #load} reads, in bytes (4 MiB). */
    public static final int MAX_BYTES = 4 << 20;
    private final Map<Violation, List<RuleCheck>> byViolation;
    private final List<RuleCheck> common;

    private CompletenessRules(Map<Violation, List<RuleCheck>> byViolation, List<RuleCheck> common) {
        this.byViolation = byViolation;
        this.common = common;
    }

    /** The built-in rules: one rule set for each standard violation. */
    public static CompletenessRules defaults() {
        try (InputStream in = CompletenessRules.class.getResourceAsStream("completeness-rules.json")) {
            if (in == null) {
                throw new EvidenceException("built-in completeness-rules.json is missing from the jar");
            }
            return load(in);
        } catch (IOException e) {
            throw new EvidenceException("cannot read built-in completeness rules: " + e.getMessage(), e);
        }
    }

    /** Loads rules from a JSON document (see the built-in file for the format). */
    public static CompletenessRules load(InputStream json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            byte[] raw = json.readNBytes(MAX_BYTES + 1);
            if (raw.length > MAX_BYTES) {
                throw new EvidenceException("completeness rules: the document is over " + MAX_BYTES + " bytes");
            }
            root = CanonicalJson.parse(raw, "completeness rules");
        } catch (IOException e) {
            throw new EvidenceException("cannot read completeness rules: " + e.getMessage(), e);
        }
        Json.allowOnly(root, "completeness rules", "version", "common", "violations");
        if (Json.requireLong(root, "version", "completeness rules", 1, 1) != 1) {
            throw new EvidenceException("completeness rules: only version 1 is understood");
        }
        List<RuleCheck> common = checks(Json.require(root, "common", "completeness rules"), "common");
        Map<Violation, List<RuleCheck>> byViolation = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = Json.require(root, "violations", "completeness rules").properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> v = it.next();
            String w = "violations." + v.getKey();
            Json.allowOnly(v.getValue(), w, "title", "checks");
            Json.requireText(v.getValue(), "title", w);
            List<RuleCheck> checks = checks(Json.require(v.getValue(), "checks", w), w);
            byViolation.put(violation(v.getKey(), w), checks);
        }
        return new CompletenessRules(Map.copyOf(byViolation), List.copyOf(common));
    }

    private static List<RuleCheck> checks(JsonNode arr, String where) {
        if (!arr.isArray()) {
            throw new EvidenceException(where + " must be an array of checks");
        }
        List<RuleCheck> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            RuleCheck c = RuleCheck.parse(arr.get(i), where + "[" + i + "]");
            if (!ids.add(c.id)) {
                throw new EvidenceException(where + ": rule id " + c.id + " appears twice");
            }
            out.add(c);
        }
        return out;
    }

    private static Violation violation(String code, String where) {
        try {
            return Violation.of(code);
        } catch (ViolationException e) {
            throw new EvidenceException(where + ": " + e.getMessage());
        }
    }

    /** The violations these rules cover, ordered by code. */
    public Set<Violation> violations() {
        return new java.util.TreeSet<>(byViolation.keySet());
    }

    /** Runs the violation's checks and the common checks over {@code items}. */
    public CompletenessReport check(List<EvidenceItem> items, CaseContext context) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(context, "context");
        List<RuleCheck> checks = byViolation.get(context.violation());
        if (checks == null) {
            throw new EvidenceException("no completeness rules for violation \"" + context.violation()
                    + "\"; rule sets exist for " + violations());
        }
        List<Finding> findings = new ArrayList<>();
        for (RuleCheck c : checks) {
            findings.add(c.apply(items, context));
        }
        for (RuleCheck c : common) {
            findings.add(c.apply(items, context));
        }
        return new CompletenessReport(context.violation(), findings);
    }

    /** Runs the checks over a chain's current items (derived copies never count towards a requirement). */
    public CompletenessReport check(EvidenceChain chain, CaseContext context) {
        Objects.requireNonNull(chain, "chain");
        if (!chain.violation().equals(context.violation())) {
            throw new EvidenceException("case " + chain.caseId() + " is " + chain.violation()
                    + " but the context is for " + context.violation());
        }
        return check(chain.items(), context);
    }
}
