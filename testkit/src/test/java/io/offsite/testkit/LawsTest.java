package io.offsite.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.cases.penalty.Aggravation;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.PenaltyCatalogue;
import io.offsite.cases.penalty.PenaltyTable;
import io.offsite.cases.penalty.TableVersion;
import io.offsite.core.violation.Violation;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LawsTest {
    /** Valid table (no gap, no overlap, bands grow) whose heavy tier starts below the light tier's maximum. */
    private static final String NON_MONOTONE = """
        {"code": "LITTER", "name": "littering",
         "versions": [{"version": "v1", "effective": "2025-01-01",
           "basis": {"law": "Test Law", "article": "9"},
           "statutory": {"PERSON": {"minYuan": 50, "maxYuan": 200}},
           "adjustment": {"aggravating": ["SENSITIVE_AREA"]},
           "tiers": [
             {"id": "light", "name": "light", "when": {"notAggravating": ["REFUSED_TO_CORRECT"]}, "outcome": "FINE",
              "fine": {"minYuan": 50, "maxYuan": 100, "start": "MAX"}},
             {"id": "heavy", "name": "heavy", "when": {"aggravating": ["REFUSED_TO_CORRECT"]}, "outcome": "FINE",
              "fine": {"minYuan": 80, "maxYuan": 200, "start": "MIN"}}]}]}
        """;

    @Test
    void everyShippedTable_keepsEveryLaw() {
        for (PenaltyTable t : PenaltyCatalogue.shipped().tables().values()) {
            LawReport r = Laws.defaults().randomFactSets(500).check(t);
            assertThat(r.counterexamples()).as(t.violation().code()).isEmpty();
            assertThat(r.factSetsChecked()).isGreaterThan(500);
        }
    }

    @Test
    void nonMonotoneTable_yieldsAShrunkAggravationCounterexample() {
        PenaltyTable t = PenaltyCatalogue.loader().add("t.json", NON_MONOTONE).load().require(Violation.of("LITTER"));
        LawReport r = Laws.lawsOf(t);
        assertThat(r.holds()).isFalse();
        Counterexample c = r.counterexamples().get(0);
        assertThat(c.law()).isEqualTo(Law.AGGRAVATION_NEVER_LOWERS);
        assertThat(c.message()).contains("REFUSED_TO_CORRECT").contains("10000 fen").contains("8000 fen");
        // shrunk: nothing but the party remains
        assertThat(c.facts().mitigations()).isEmpty();
        assertThat(c.facts().aggravations()).isEmpty();
        assertThat(c.facts().repeatCount()).isZero();
        assertThat(c.neighbour().orElseThrow().aggravations()).containsExactly(Aggravation.REFUSED_TO_CORRECT);
        assertThatThrownBy(r::assertHolds).isInstanceOf(AssertionError.class).hasMessageContaining("AGGRAVATION_NEVER_LOWERS");
    }

    /** Valid table whose "serious" tier (5+ earlier violations, or severe harm) starts below the ordinary one's top. */
    static final String WORSE_RECORD_CHEAPER = """
        {"code": "EBIKE", "name": "e-bike parking",
         "versions": [{"version": "v1", "effective": "2025-01-01",
           "basis": {"law": "Test Law", "article": "9"},
           "statutory": {"PERSON": {"minYuan": 20, "maxYuan": 200}},
           "tiers": [
             {"id": "ordinary", "name": "ordinary", "when": {"repeatCount": {"max": 4}, "harm": ["NONE", "MINOR", "MODERATE"]},
              "outcome": "FINE", "fine": {"minYuan": 20, "maxYuan": 120, "start": "MAX"}},
             {"id": "serious", "name": "serious", "when": {"repeatCount": {"min": 5}},
              "outcome": "FINE", "fine": {"minYuan": 80, "maxYuan": 200, "start": "MIN"}},
             {"id": "severe", "name": "severe", "when": {"repeatCount": {"max": 4}, "harm": ["SEVERE"]},
              "outcome": "FINE", "fine": {"minYuan": 80, "maxYuan": 200, "start": "MIN"}}]}]}
        """;

    @Test
    void aFineThatDropsForMoreRepeatsOrMoreHarm_breaksWorseRecordNeverLowers() {
        PenaltyTable t = PenaltyCatalogue.loader().add("t.json", WORSE_RECORD_CHEAPER).load().require(Violation.of("EBIKE"));
        LawReport r = Laws.lawsOf(t);
        assertThat(r.counterexamples()).extracting(Counterexample::law).contains(Law.WORSE_RECORD_NEVER_LOWERS);
        Counterexample c = r.counterexamples().stream().filter(x -> x.law() == Law.WORSE_RECORD_NEVER_LOWERS)
                .findFirst().orElseThrow();
        assertThat(c.message()).contains("12000 fen").contains("8000 fen");
        Facts worse = c.neighbour().orElseThrow();
        assertThat(worse.repeatCount() > c.facts().repeatCount() || worse.harm().compareTo(c.facts().harm()) > 0)
                .as("the neighbour is the worse record").isTrue();
    }

    @Test
    void boundaryEnumerator_hitsBothSidesOfEveryAreaThreshold() {
        TableVersion v = PenaltyCatalogue.shipped().require(Violation.TEMPORARY_STRUCTURE).versions().get(0);
        List<Facts> facts = BoundaryEnumerator.boundaryFacts(v);
        assertThat(facts).extracting(f -> f.areaDm2().orElseThrow()).contains(499L, 500L, 501L, 999L, 1000L, 1001L);
        assertThat(facts).doesNotHaveDuplicates();
    }

    @Test
    void factGenerator_isReproducibleForASeedAndGivesRequiredFacts() {
        TableVersion v = PenaltyCatalogue.shipped().require(Violation.ILLEGAL_BUILDING).versions().get(0);
        FactGenerator g = FactGenerator.forVersion(v);
        List<Facts> a = List.of(g.next(new SplittableRandom(7)), g.next(new SplittableRandom(7)));
        assertThat(a.get(0)).isEqualTo(a.get(1));
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            Facts f = g.next(rnd);
            assertThat(f.constructionCostFen()).isPresent();
            assertThat(!f.firstViolation() || f.repeatCount() == 0).isTrue();
        }
    }
}
