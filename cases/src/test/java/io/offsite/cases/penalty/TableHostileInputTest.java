package io.offsite.cases.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Hostile and careless table documents (issue 11.4, 11.6, 11.7): each is refused with what, where and why. */
class TableHostileInputTest {
    private static final String VALID = """
        {"code": "LITTER", "name": "littering",
         "versions": [{"version": "v1", "effective": "2025-01-01",
           "basis": {"law": "Test Law", "article": "9"},
           "statutory": {"PERSON": {"minYuan": 50, "maxYuan": 200}},
           "tiers": [
             {"id": "light", "name": "light", "when": {"repeatCount": {"max": 2}}, "outcome": "FINE",
              "fine": {"minYuan": 50, "maxYuan": 100}},
             {"id": "heavy", "name": "heavy", "when": {"repeatCount": {"min": 3}}, "outcome": "FINE",
              "fine": {"minYuan": 100, "maxYuan": 200, "start": "MID"}}]}]}
        """;

    private static TableProblem onlyProblem(String json) {
        RuleTableException e = catchThrowableOfType(RuleTableException.class,
                () -> PenaltyCatalogue.loader().add("t.json", json).load());
        assertThat(e).as("table should be rejected").isNotNull();
        assertThat(e.problems()).as(e.getMessage()).hasSize(1);
        return e.problems().get(0);
    }

    private static String edit(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    @Test
    void duplicateKey_isRefusedWithLineAndColumn() {
        TableProblem p = onlyProblem(edit("\"id\": \"light\", \"name\": \"light\"",
                "\"id\": \"light\", \"name\": \"light\", \"name\": \"heavy\""));
        assertThat(p.kind()).isEqualTo(TableProblem.Kind.SYNTAX);
        assertThat(p.where()).startsWith("t.json line 6 column");
        assertThat(p.message()).contains("Duplicate field 'name'");
    }

    @Test
    void secondDocumentAfterTheTable_isRefused() {
        TableProblem p = onlyProblem(VALID + "\n{\"code\": \"OTHER\"}");
        assertThat(p.kind()).isEqualTo(TableProblem.Kind.SYNTAX);
        assertThat(p.message()).containsIgnoringCase("trailing token");
    }

    @Test
    void hugeExponent_isRefusedWithoutExpandingTheNumber() {
        TableProblem p = onlyProblem(edit("\"maxYuan\": 200}}", "\"maxYuan\": 1e999999999}}"));
        assertThat(p.where()).isEqualTo("LITTER.versions[0].statutory.PERSON.maxYuan");
        assertThat(p.message()).contains("must be at most 1000000000000.00").contains("1E+999999999");
        TableProblem tiny = onlyProblem(edit("\"maxYuan\": 200}}", "\"maxYuan\": 1e-999999999}}"));
        assertThat(tiny.message()).contains("at most 2 decimals").contains("1E-999999999");
    }

    @Test
    void exponentTooLargeForBigDecimal_isASyntaxProblemNotNumberFormatException() {
        TableProblem p = onlyProblem(edit("\"maxYuan\": 200}}", "\"maxYuan\": 1e999999999200}}"));
        assertThat(p.kind()).isEqualTo(TableProblem.Kind.SYNTAX);
        assertThat(p.message()).contains("not a usable number");
    }

    @Test
    void numberLiteralLongerThanTheLimit_isRefusedBeforeConversion() {
        TableProblem p = onlyProblem(edit("\"maxYuan\": 200}}", "\"maxYuan\": 1" + "0".repeat(100) + "}}"));
        assertThat(p.kind()).isEqualTo(TableProblem.Kind.SYNTAX);
        assertThat(p.message()).contains("Number value length").contains("exceeds the maximum allowed");
    }

    @Test
    void bandOfAQuadrillionYuan_isRefusedInsteadOfOverflowingToZero() {
        TableProblem p = onlyProblem(edit("\"minYuan\": 50, \"maxYuan\": 200}}", "\"minYuan\": 0, \"maxYuan\": 1e15}}"));
        assertThat(p.where()).endsWith("statutory.PERSON.maxYuan");
        assertThat(p.message()).contains("at most 1000000000000.00");
    }

    @Test
    void percentageOfTheLargestConstructionCost_isComputedExactly() {
        String json = """
            {"code": "BUILD", "name": "building", "versions": [{"version": "v1", "effective": "2025-01-01",
              "basis": {"law": "L"}, "statutory": {"ORGANISATION": {"minPercent": 0, "maxPercent": 10000}},
              "tiers": [{"id": "all", "name": "all", "when": {}, "outcome": "FINE",
                         "fine": {"minPercent": 0, "maxPercent": 10000, "start": "MAX"}}]}]}
            """;
        Decision d = PenaltyCatalogue.loader().add("b.json", json).load().assess(io.offsite.core.violation.Violation.of("BUILD"), Facts.builder()
                .party(PartyType.ORGANISATION).constructionCostFen(Facts.MAX_COST_FEN).build(), LocalDate.of(2025, 5, 1));
        // 10000 % of 10^14 fen; the old cost × basis points product (10^20) wrapped around
        assertThat(d.fineFen()).isEqualTo(10_000_000_000_000_000L);
    }

    @Test
    void repeatCountAboveLongMax_isRefusedNotWrapped() {
        TableProblem p = onlyProblem(edit("{\"min\": 3}", "{\"above\": 9223372036854775807}"));
        assertThat(p.where()).isEqualTo("LITTER.versions[0].tiers[1].when.repeatCount.above");
        assertThat(p.message()).contains("must be at most 1000");
    }

    @Test
    void fractionalRepeatCount_isRefusedNotTruncated() {
        TableProblem p = onlyProblem(edit("{\"min\": 3}", "{\"min\": 2.9}"));
        assertThat(p.where()).endsWith("repeatCount.min");
        assertThat(p.message()).contains("whole number").contains("2.9");
    }

    @Test
    void stepAboveHundredPercent_isRefusedNotClamped() {
        TableProblem p = onlyProblem(edit("\"statutory\"", "\"adjustment\": {\"mitigationStepPercent\": 250}, \"statutory\""));
        assertThat(p.where()).endsWith("adjustment.mitigationStepPercent");
        assertThat(p.message()).contains("at most 100.0");
    }

    @Test
    void deeplyNestedDocument_isRefusedAsSyntaxNotStackOverflow() {
        TableProblem p = onlyProblem(edit("\"name\": \"littering\"", "\"note\": " + "[".repeat(100_000) + "]".repeat(100_000)));
        assertThat(p.kind()).isEqualTo(TableProblem.Kind.SYNTAX);
        assertThat(p.message()).contains("nesting depth");
    }

    @Test
    void wrongJsonTypes_areRefusedWithTheirPath() {
        assertThat(onlyProblem(edit("\"when\": {\"repeatCount\": {\"max\": 2}}", "\"when\": 5")).message())
                .contains("expected a JSON object");
        assertThat(onlyProblem(edit("{\"max\": 2}", "[2]")).where()).endsWith("tiers[0].when.repeatCount");
        assertThat(onlyProblem(edit("\"version\": \"v1\"", "\"version\": [\"v1\"]")).message())
                .contains("expected a non-blank string, found ARRAY");
        assertThat(onlyProblem(VALID.replace("\"tiers\": [", "\"tiers\": {\"x\": [").replace("}]}]}", "}]}}]}"))
                .message()).contains("expected an array");
    }

    @Test
    void unknownEnumValue_listsTheAllowedValues() {
        TableProblem p = onlyProblem(edit("{\"repeatCount\": {\"max\": 2}}", "{\"repeatCount\": {\"max\": 2}, \"harm\": [\"HUGE\"]}"));
        assertThat(p.where()).isEqualTo("LITTER.versions[0].tiers[0].when.harm[0]");
        assertThat(p.message()).contains("\"HUGE\"").contains("[NONE, MINOR, MODERATE, SEVERE]");
    }

    @Test
    void unknownKey_isRefusedListingTheAllowedKeys() {
        TableProblem p = onlyProblem(edit("\"start\": \"MID\"", "\"start\": \"MID\", \"startt\": 1"));
        assertThat(p.where()).endsWith("tiers[1].fine.startt");
        assertThat(p.message()).contains("[maxPercent, maxYuan, minPercent, minYuan, start]");
    }

    @Test
    void documentLargerThanTheLimit_isRefusedUnread() {
        String big = edit("\"name\": \"littering\"", "\"name\": \"littering\", \"note\": \""
                + "x".repeat(PenaltyCatalogue.Loader.MAX_DOCUMENT_CHARS) + "\"");
        assertThat(onlyProblem(big).message()).contains("at most " + PenaltyCatalogue.Loader.MAX_DOCUMENT_CHARS);
    }

    @Test
    void moreAlternativesThanTheLimit_isRefusedBeforeValidation() {
        String many = String.join(", ", java.util.Collections.nCopies(TableParser.MAX_ALTERNATIVES + 1, "{}"));
        TableProblem p = onlyProblem(edit("\"when\": {\"repeatCount\": {\"max\": 2}}", "\"when\": [" + many + "]"));
        assertThat(p.where()).isEqualTo("LITTER.versions[0]");
        assertThat(p.message()).contains("at most " + TableParser.MAX_ALTERNATIVES);
    }

    @Test
    void moreVersionsThanTheLimit_isRefusedBeforeValidation() {
        String version = VALID.substring(VALID.indexOf("{\"version\""), VALID.lastIndexOf("]}"));
        String many = String.join(", ", java.util.Collections.nCopies(TableParser.MAX_VERSIONS + 1, version));
        TableProblem p = onlyProblem(VALID.replace(version, many));
        assertThat(p.where()).isEqualTo("t.json.versions");
        assertThat(p.message()).contains("at most " + TableParser.MAX_VERSIONS);
    }
}
