package io.offsite.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.offsite.cases.penalty.Aggravation;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.HarmLevel;
import io.offsite.cases.penalty.PenaltyCatalogue;
import io.offsite.cases.penalty.PenaltyTable;
import io.offsite.core.violation.Violation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * How a rule author drives the laws from QuickTheories (or any tool that generates and shrinks values itself):
 * build the facts from the tool's own generators and check each fact set with {@link Laws#violations}; the tool
 * then shrinks a failing fact set through its generators.
 */
class LawsWithQuickTheoriesTest {
    private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

    /** Facts of a person: 0–10 earlier violations, any harm, corrected or not, with or without refusing. */
    private static Gen<Facts> facts() {
        return integers().between(0, 10).zip(arbitrary().enumValues(HarmLevel.class), booleans().all(),
                booleans().all(), (repeats, harm, corrected, refused) -> {
                    Facts.Builder b = Facts.builder().repeatCount(repeats).harm(harm).promptlyCorrected(corrected);
                    return refused && !corrected ? b.aggravation(Aggravation.REFUSED_TO_CORRECT).build() : b.build();
                });
    }

    @Test
    void shippedParkingTable_keepsEveryLawForEveryGeneratedFactSet() {
        PenaltyTable parking = PenaltyCatalogue.shipped().require(Violation.PARKING);
        qt().withExamples(2_000).forAll(facts())
                .checkAssert(f -> assertThat(Laws.violations(parking, f, DAY)).as(f.toString()).isEmpty());
    }

    @Test
    void aTableWhoseSeriousTierStartsBelowTheOrdinaryTop_isFalsifiedByQuickTheories() {
        PenaltyTable broken = PenaltyCatalogue.loader().add("ebike.json", LawsTest.WORSE_RECORD_CHEAPER).load()
                .require(Violation.of("EBIKE"));
        assertThatThrownBy(() -> qt().withExamples(2_000).forAll(facts())
                .checkAssert(f -> assertThat(Laws.violations(broken, f, DAY)).as(f.toString()).isEmpty()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("WORSE_RECORD_NEVER_LOWERS");
    }

    @Test
    void aDayWithNoVersionInForce_isReportedAsNotAssessable() {
        PenaltyTable parking = PenaltyCatalogue.shipped().require(Violation.PARKING);
        assertThat(Laws.violations(parking, Facts.builder().build(), LocalDate.of(1990, 1, 1)))
                .extracting(Counterexample::law).containsExactly(Law.ASSESSABLE);
    }
}
