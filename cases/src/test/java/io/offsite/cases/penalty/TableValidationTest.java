package io.offsite.cases.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsite.core.violation.Violation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableValidationTest {
    /** A valid two-tier table; tests replace one fragment to break one rule. */
    private static final String VALID = """
        {"code": "LITTER", "name": "littering",
         "versions": [{"version": "v1", "effective": "2025-01-01",
           "basis": {"law": "Test Law", "article": "9"},
           "statutory": {"PERSON": {"minYuan": 50, "maxYuan": 200}},
           "exemptions": [{"id": "fv", "kind": "FIRST_VIOLATION", "outcome": "NO_PENALTY",
              "when": {"firstViolation": true, "promptlyCorrected": true, "harm": ["NONE", "MINOR"]},
              "basis": {"law": "行政处罚法", "article": "33", "clause": "1"}}],
           "tiers": [
             {"id": "light", "name": "light", "when": {"repeatCount": {"max": 2}}, "outcome": "FINE",
              "fine": {"minYuan": 50, "maxYuan": 100}},
             {"id": "heavy", "name": "heavy", "when": {"repeatCount": {"min": 3}}, "outcome": "FINE",
              "fine": {"minYuan": 100, "maxYuan": 200, "start": "MID"}}]}]}
        """;

    private static List<TableProblem> problems(String json) {
        RuleTableException e = catchThrowableOfType(RuleTableException.class,
                () -> PenaltyCatalogue.loader().add("test.json", json).load());
        assertThat(e).as("table should be rejected").isNotNull();
        return e.problems();
    }

    @Test
    void validTable_loadsAndAssesses() {
        PenaltyCatalogue c = PenaltyCatalogue.loader().add("test.json", VALID).load();
        Decision d = c.assess(Violation.of("LITTER"), Facts.builder().repeatCount(3).build(), LocalDate.of(2025, 2, 1));
        assertThat(d.fineFen()).isEqualTo(15_000);
    }

    @Test
    void bandAboveStatutoryMaximum_isRejectedNamingTierAndRange() {
        List<TableProblem> p = problems(VALID.replace("\"maxYuan\": 200, \"start\"", "\"maxYuan\": 250, \"start\""));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(TableProblem.Kind.OUTSIDE_STATUTORY_RANGE);
            assertThat(x.where()).isEqualTo("LITTER/v1/tiers/heavy");
            assertThat(x.message()).contains("100–250 yuan").contains("50–200 yuan").contains("PERSON");
        });
    }

    @Test
    void missingTierCondition_reportsAConcreteFactSetInTheGap() {
        List<TableProblem> p = problems(VALID.replace("{\"min\": 3}", "{\"min\": 4}"));
        assertThat(p).isNotEmpty().allSatisfy(x -> assertThat(x.kind()).isEqualTo(TableProblem.Kind.GAP));
        Facts example = p.get(0).example().orElseThrow();
        assertThat(example.repeatCount()).isEqualTo(3);
    }

    @Test
    void overlappingTiers_reportAFactSetMatchingBothTiers() {
        List<TableProblem> p = problems(VALID.replace("{\"min\": 3}", "{\"min\": 2}"));
        assertThat(p.get(0).kind()).isEqualTo(TableProblem.Kind.OVERLAP);
        assertThat(p.get(0).tierIds()).containsExactly("light", "heavy");
        assertThat(p.get(0).example().orElseThrow().repeatCount()).isEqualTo(2);
    }

    @Test
    void bandsThatShrinkAsSeverityGrows_areRejected() {
        List<TableProblem> p = problems(VALID.replace("\"minYuan\": 100, \"maxYuan\": 200", "\"minYuan\": 50, \"maxYuan\": 90"));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(TableProblem.Kind.SHRINKING_BAND);
            assertThat(x.tierIds()).containsExactly("light", "heavy");
        });
    }

    @Test
    void overlappingEffectivePeriods_areRejectedWithTheFirstSharedDay() {
        String two = VALID.replace("\"versions\": [{", "\"versions\": [{\"version\": \"v0\", \"effective\": \"2024-01-01\","
                + " \"expiry\": \"2025-01-31\", \"basis\": {\"law\": \"Test Law\", \"article\": \"9\"},"
                + " \"statutory\": {\"PERSON\": {\"minYuan\": 50, \"maxYuan\": 200}}, \"tiers\": [{\"id\": \"all\","
                + " \"name\": \"all\", \"when\": {}, \"outcome\": \"FINE\", \"fine\": {\"minYuan\": 50, \"maxYuan\": 200}}]}, {");
        List<TableProblem> p = problems(two);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(TableProblem.Kind.OVERLAPPING_VERSIONS);
            assertThat(x.message()).contains("2025-01-01");
        });
    }

    @Test
    void firstViolationWaiverWithoutCorrection_isUnlawfulDiscretion() {
        List<TableProblem> p = problems(VALID.replace("\"promptlyCorrected\": true, ", ""));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(TableProblem.Kind.UNLAWFUL_DISCRETION);
            assertThat(x.message()).contains("promptlyCorrected=true");
        });
    }

    @Test
    void adjustmentIgnoringAMandatoryMitigation_isUnlawfulDiscretion() {
        List<TableProblem> p = problems(VALID.replace("\"exemptions\"",
                "\"adjustment\": {\"mitigating\": [\"CONFESSED\"]}, \"exemptions\""));
        assertThat(p).singleElement().satisfies(x -> assertThat(x.message()).contains("Art. 32"));
    }

    @Test
    void warningWhereTheLawAllowsNone_isRejected() {
        List<TableProblem> p = problems(VALID.replaceFirst("\"outcome\": \"FINE\",\\s+\"fine\": \\{\"minYuan\": 50, \"maxYuan\": 100}",
                "\"outcome\": \"WARNING\""));
        assertThat(p).singleElement().satisfies(x -> assertThat(x.message()).contains("allows no warning"));
    }

    @Test
    void misspelledKey_isRejectedWithItsPathAndTheAllowedKeys() {
        List<TableProblem> p = problems(VALID.replace("\"maxYuan\": 100", "\"maxYaun\": 100"));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(TableProblem.Kind.SYNTAX);
            assertThat(x.where()).isEqualTo("LITTER.versions[0].tiers[0].fine.maxYaun");
            assertThat(x.message()).contains("unknown key 'maxYaun'").contains("maxYuan");
        });
    }

    @Test
    void malformedJson_isRejectedWithLineNumber() {
        List<TableProblem> p = problems("{\"code\": \"X\",\n \"name\": }");
        assertThat(p.get(0).where()).isEqualTo("test.json line 2 column 10");
    }

    @Test
    void duplicateKey_isRejectedInsteadOfSilentlyTakingTheLastValue() {
        List<TableProblem> p = problems(VALID.replace("\"maxYuan\": 100}", "\"maxYuan\": 100, \"maxYuan\": 300}"));
        assertThat(p.get(0).kind()).isEqualTo(TableProblem.Kind.SYNTAX);
        assertThat(p.get(0).message()).contains("maxYuan");
    }

    @Test
    void fractionsOfAFen_areRejected() {
        List<TableProblem> p = problems(VALID.replace("\"maxYuan\": 100}", "\"maxYuan\": 99.999}"));
        assertThat(p.get(0).message()).contains("at most 2 decimals");
    }

    @Test
    void everyProblemIsReportedAtOnce_notOnlyTheFirst() {
        String bad = VALID.replace("\"maxYuan\": 200, \"start\"", "\"maxYuan\": 250, \"start\"").replace("{\"min\": 3}", "{\"min\": 4}");
        assertThat(problems(bad)).extracting(TableProblem::kind)
                .contains(TableProblem.Kind.OUTSIDE_STATUTORY_RANGE, TableProblem.Kind.GAP);
    }

    @Test
    void syntaxErrorsInSeveralTiersAndExemptions_areAllReportedAtOnce() {
        String bad = VALID.replace("\"maxYuan\": 100}", "\"maxYaun\": 100}")
                .replace("{\"min\": 3}}, \"outcome\": \"FINE\"", "{\"min\": 3}}, \"outcome\": \"FINED\"")
                .replace("\"kind\": \"FIRST_VIOLATION\"", "\"kind\": \"FIRST_VIOLATON\"");
        assertThat(problems(bad)).extracting(TableProblem::where).containsExactly(
                "LITTER.versions[0].exemptions[0].kind", "LITTER.versions[0].tiers[0].fine.maxYaun",
                "LITTER.versions[0].tiers[1].outcome");
    }

    @Test
    void exceptionMessage_listsEveryProblemForTheRuleAuthor() {
        assertThatThrownBy(() -> PenaltyCatalogue.loader().add("t.json", VALID.replace("{\"min\": 3}", "{\"min\": 2}")).load())
                .isInstanceOf(RuleTableException.class).hasMessageContaining("OVERLAP at LITTER/v1")
                .hasMessageContaining("repeatCount=2");
    }

    @Test
    void assessingAPartyTheTableDoesNotCover_isRejected() {
        PenaltyCatalogue c = PenaltyCatalogue.loader().add("test.json", VALID).load();
        assertThatThrownBy(() -> c.assess(Violation.of("LITTER"), Facts.builder().party(PartyType.ORGANISATION).build(), LocalDate.of(2025, 2, 1)))
                .isInstanceOf(PenaltyException.class).hasMessageContaining("does not apply to party type ORGANISATION");
    }
}
