package io.offsite.cases.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The polynomial gap/overlap search (issue 11.4): same answers as exhaustive enumeration, bounded work. */
class CoverageCheckTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = CoverageCheckTest.class.getResourceAsStream("/penalty/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void tableWithManyAlternativesThatTookSecondsToValidate_loads() throws IOException {
        // 35 alternatives over repeatCount, area, cost and all ten factors: the boundary enumeration took
        // tens of seconds for this table; the split search visits a few thousand nodes.
        String json = resource("valid-35-alternatives-once-slow.json");
        assertThat(PenaltyCatalogue.loader().add("slow.json", json).load().require(io.offsite.core.violation.Violation.of("SLOW")).versions()).hasSize(1);
        // the search still finds a hole: the lightest alternative for repeatCount 7 no longer reaches area 8 m²
        String holed = json.replace("{\"repeatCount\": {\"min\": 7, \"max\": 7}, \"areaM2\": {\"above\": 8}}",
                "{\"repeatCount\": {\"min\": 7, \"max\": 7}, \"areaM2\": {\"above\": 9}}");
        assertThat(holed).isNotEqualTo(json);
        RuleTableException e = catchThrowableOfType(RuleTableException.class,
                () -> PenaltyCatalogue.loader().add("slow.json", holed).load());
        assertThat(e).isNotNull();
        Facts gap = e.problems().get(0).example().orElseThrow();
        assertThat(e.problems().get(0).kind()).isEqualTo(TableProblem.Kind.GAP);
        assertThat(gap.repeatCount()).isEqualTo(7);
        assertThat(gap.areaDm2().orElseThrow()).isBetween(801L, 900L);
    }

    @Test
    void searchOverItsNodeBudget_reportsTooComplex() throws IOException {
        TableVersion v = parse(resource("valid-35-alternatives-once-slow.json")).get(0);
        assertThat(CoverageCheck.run(v, 50).tooComplex()).isTrue();
        assertThat(CoverageCheck.run(v, CoverageCheck.NODE_BUDGET).tooComplex()).isFalse();
    }

    @Test
    void splitSearch_findsExactlyTheGapsAndOverlapsThatBoundaryEnumerationFinds() {
        Random rnd = new Random(11);
        int withGap = 0;
        int withOverlap = 0;
        for (int n = 0; n < 600; n++) {
            String json = randomTable(rnd);
            TableVersion v = parse(json).get(0);
            boolean[] brute = new boolean[2];
            v.thresholds().forEachBoundaryFact(f -> {
                int matched = 0;
                for (Tier t : v.tiers) {
                    matched += Tier.matches(t.when, f) ? 1 : 0;
                }
                brute[0] |= matched == 0;
                brute[1] |= matched > 1;
            });
            CoverageCheck.Result r = CoverageCheck.run(v, CoverageCheck.NODE_BUDGET);
            assertThat(r.gapRegions() > 0).as("gap in %s", json).isEqualTo(brute[0]);
            assertThat(r.overlapPairs() > 0).as("overlap in %s", json).isEqualTo(brute[1]);
            for (Facts f : r.gapExamples()) {
                assertThat(v.tiers).as("gap example %s of %s", f, json).noneMatch(t -> Tier.matches(t.when, f));
            }
            r.overlaps().forEach((ids, f) -> assertThat(ids).allMatch(id -> {
                for (Tier t : v.tiers) {
                    if (t.id.equals(id)) {
                        return Tier.matches(t.when, f);
                    }
                }
                return false;
            }));
            withGap += brute[0] ? 1 : 0;
            withOverlap += brute[1] ? 1 : 0;
        }
        // the generator reaches both outcomes often enough for the comparison to mean something
        assertThat(withGap).as("with gap").isBetween(15, 585);
        assertThat(withOverlap).as("with overlap").isBetween(15, 585);
    }

    private static List<TableVersion> parse(String json) {
        try {
            List<Json.Bad> errors = new java.util.ArrayList<>();
            List<TableVersion> versions = TableParser.parse(new ObjectMapper().readTree(json), "t", errors);
            if (versions == null) {
                throw errors.get(0);
            }
            return versions;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static final String[] AGGR = {"REFUSED_TO_CORRECT", "SENSITIVE_AREA"};
    private static final String[] MITIG = {"REDUCED_HARM", "CONFESSED"};
    private static final String[] HARM = {"NONE", "MINOR", "MODERATE", "SEVERE"};

    /** 2–3 tiers of 1–3 random alternatives, each testing a few random facts around small thresholds. */
    private static String randomTable(Random rnd) {
        int tiers = 2 + rnd.nextInt(2);
        List<String> ts = new ArrayList<>();
        for (int t = 0; t < tiers; t++) {
            List<String> alts = new ArrayList<>();
            int n = 1 + rnd.nextInt(3);
            for (int a = 0; a < n; a++) {
                List<String> parts = new ArrayList<>();
                if (rnd.nextInt(2) == 0) {
                    int lo = rnd.nextInt(3);
                    parts.add("\"repeatCount\": {\"min\": " + lo + (rnd.nextBoolean() ? "" : ", \"max\": " + (lo + rnd.nextInt(3))) + "}");
                }
                if (rnd.nextInt(3) == 0) {
                    parts.add("\"harm\": [\"" + HARM[rnd.nextInt(4)] + "\", \"" + HARM[rnd.nextInt(4)] + "\"]");
                }
                if (rnd.nextInt(4) == 0) {
                    parts.add("\"firstViolation\": " + rnd.nextBoolean());
                }
                if (rnd.nextInt(4) == 0) {
                    parts.add("\"promptlyCorrected\": " + rnd.nextBoolean());
                }
                int ag = rnd.nextInt(2);
                if (rnd.nextInt(4) == 0) {
                    parts.add("\"aggravating\": [\"" + AGGR[ag] + "\"]");
                } else if (rnd.nextInt(4) == 0) {
                    parts.add("\"notAggravating\": [\"" + AGGR[ag] + "\"]");
                }
                if (rnd.nextInt(5) == 0) {
                    parts.add("\"" + (rnd.nextBoolean() ? "mitigating" : "notMitigating") + "\": [\"" + MITIG[rnd.nextInt(2)] + "\"]");
                }
                if (rnd.nextInt(4) == 0) {
                    parts.add("\"areaM2\": {\"" + (rnd.nextBoolean() ? "max" : "above") + "\": " + (1 + rnd.nextInt(3)) + "}");
                }
                if (rnd.nextInt(5) == 0) {
                    parts.add("\"party\": [\"" + (rnd.nextBoolean() ? "PERSON" : "ORGANISATION") + "\"]");
                }
                if (t == tiers - 1 && a == n - 1 && rnd.nextInt(3) == 0) {
                    parts.clear(); // a catch-all: no gap, but overlaps wherever an earlier tier matches
                }
                alts.add("{" + String.join(", ", parts) + "}");
            }
            ts.add("{\"id\": \"t" + t + "\", \"name\": \"t\", \"outcome\": \"FINE\", \"fine\": {\"minYuan\": 50, \"maxYuan\": 100},"
                    + " \"when\": [" + String.join(", ", alts) + "]}");
        }
        return "{\"code\": \"RND\", \"name\": \"random\", \"versions\": [{\"version\": \"v1\", \"effective\": \"2025-01-01\","
                + " \"basis\": {\"law\": \"L\"}, \"statutory\": {\"PERSON\": {\"maxYuan\": 100}, \"ORGANISATION\": {\"maxYuan\": 100}},"
                + " \"tiers\": [" + String.join(", ", ts) + "]}]}";
    }
}
