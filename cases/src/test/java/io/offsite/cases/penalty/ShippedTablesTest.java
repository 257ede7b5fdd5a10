package io.offsite.cases.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.violation.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShippedTablesTest {
    private static final PenaltyCatalogue CATALOGUE = PenaltyCatalogue.shipped();
    private static final LocalDate D2025 = LocalDate.of(2025, 6, 2);

    private static Facts.Builder repeat(int n) {
        return Facts.builder().repeatCount(n).harm(HarmLevel.MINOR);
    }

    @Test
    void shippedCatalogue_holdsATableForEveryStandardViolation() {
        assertThat(CATALOGUE.tables().keySet()).containsExactlyInAnyOrderElementsOf(Violation.standard());
    }

    @Test
    void parking_firstViolationPromptlyCorrected_isWaivedUnderArt33() {
        Decision d = CATALOGUE.assess(Violation.PARKING, Facts.builder().harm(HarmLevel.MINOR).promptlyCorrected(true).build(), D2025);
        assertThat(d.outcome()).isEqualTo(Outcome.NO_PENALTY);
        assertThat(d.exemption()).contains(ExemptionKind.FIRST_VIOLATION);
        assertThat(d.tierId()).isEqualTo("minor");
    }

    @Test
    void parking_firstViolationNotCorrected_isFinedTheMinimum() {
        Decision d = CATALOGUE.assess(Violation.PARKING, Facts.builder().harm(HarmLevel.MINOR).build(), D2025);
        assertThat(d.outcome()).isEqualTo(Outcome.FINE);
        assertThat(d.fineFen()).isEqualTo(2_000);
        assertThat(d.exemption()).isEmpty();
    }

    @Test
    void parking_refusedToCorrect_isSeriousAtMidBand() {
        Decision d = CATALOGUE.assess(Violation.PARKING, repeat(1).aggravation(Aggravation.REFUSED_TO_CORRECT).build(), D2025);
        assertThat(d.tierId()).isEqualTo("serious");
        assertThat(d.fineFen()).isEqualTo(16_000); // 120 + (200-120)/2
    }

    @Test
    void parking_dateSelectsTheVersionInForce() {
        Facts f = repeat(2).build();
        Decision old = CATALOGUE.assess(Violation.PARKING, f, LocalDate.of(2025, 3, 31));
        Decision now = CATALOGUE.assess(Violation.PARKING, f, LocalDate.of(2025, 4, 1));
        assertThat(old.versionId()).isEqualTo("zj-2023");
        assertThat(old.fineFen()).isEqualTo(7_000); // 75 yuan rounded to 10, tie goes down
        assertThat(now.versionId()).isEqualTo("zj-2025");
        assertThat(now.fineFen()).isEqualTo(9_000);
    }

    @Test
    void parking_beforeFirstVersion_isRejectedNamingTheVersions() {
        assertThatThrownBy(() -> CATALOGUE.assess(Violation.PARKING, repeat(1).build(), LocalDate.of(2022, 12, 31)))
                .isInstanceOf(PenaltyException.class)
                .hasMessageContaining("no version of PARKING is in force on 2022-12-31")
                .hasMessageContaining("zj-2023[2023-01-01..2025-03-31]");
    }

    @Test
    void parking_mitigationLowersAndAggravationRaisesInsideTheBand() {
        Facts base = repeat(2).build();
        long mid = CATALOGUE.assess(Violation.PARKING, base, D2025).fineFen();
        long lower = CATALOGUE.assess(Violation.PARKING, base.toBuilder().mitigation(Mitigation.CONFESSED).build(), D2025).fineFen();
        long higher = CATALOGUE.assess(Violation.PARKING, base.toBuilder().aggravation(Aggravation.SENSITIVE_AREA).build(), D2025).fineFen();
        long floor = CATALOGUE.assess(Violation.PARKING, base.toBuilder().mitigation(Mitigation.CONFESSED)
                .mitigation(Mitigation.COERCED).mitigation(Mitigation.REDUCED_HARM).build(), D2025).fineFen();
        assertThat(lower).isEqualTo(7_500);
        assertThat(mid).isEqualTo(9_000);
        assertThat(higher).isEqualTo(10_500);
        assertThat(floor).isEqualTo(6_000);
    }

    @Test
    void householdWaste_personAndOrganisationUseTheirStatutoryRanges() {
        Facts person = repeat(1).build();
        Facts org = repeat(1).party(PartyType.ORGANISATION).build();
        assertThat(CATALOGUE.assess(Violation.HOUSEHOLD_WASTE, person, D2025).fineFen()).isEqualTo(10_000);
        assertThat(CATALOGUE.assess(Violation.HOUSEHOLD_WASTE, org, D2025).fineFen()).isEqualTo(5_000_000);
        Decision worst = CATALOGUE.assess(Violation.HOUSEHOLD_WASTE, org.toBuilder().harm(HarmLevel.SEVERE)
                .aggravation(Aggravation.OBSTRUCTED_ENFORCEMENT).aggravation(Aggravation.PUBLIC_SAFETY_RISK).build(), D2025);
        assertThat(worst.tierId()).isEqualTo("org-serious");
        assertThat(worst.fineFen()).isEqualTo(50_000_000);
    }

    @Test
    void temporaryStructure_areaBandsSplitExactlyAtFiveAndTenSquareMetres() {
        assertThat(tierForArea("5")).isEqualTo("small");
        assertThat(tierForArea("5.01")).isEqualTo("medium");
        assertThat(tierForArea("10")).isEqualTo("medium");
        assertThat(tierForArea("10.01")).isEqualTo("large");
    }

    private static String tierForArea(String m2) {
        return CATALOGUE.assess(Violation.TEMPORARY_STRUCTURE, repeat(1).areaM2(new BigDecimal(m2)).build(), D2025).tierId();
    }

    @Test
    void temporaryStructure_withoutArea_isRejectedNamingTheMissingFact() {
        assertThatThrownBy(() -> CATALOGUE.assess(Violation.TEMPORARY_STRUCTURE, repeat(1).build(), D2025))
                .isInstanceOf(PenaltyException.class).hasMessageContaining("needs the area fact");
    }

    @Test
    void illegalBuilding_finesAPercentageOfConstructionCost() {
        Facts f = repeat(2).constructionCostFen(100_000_000L).build(); // 1,000,000 yuan
        Decision d = CATALOGUE.assess(Violation.ILLEGAL_BUILDING, f, D2025);
        assertThat(d.tierId()).isEqualTo("ordinary");
        assertThat(d.fineFen()).isEqualTo(7_000_000L); // 7 % of 1,000,000 yuan
    }

    @Test
    void illegalBuilding_hasNoFirstViolationWaiver() {
        Facts f = Facts.builder().promptlyCorrected(true).constructionCostFen(20_000_000L).build(); // 200,000 yuan
        Decision d = CATALOGUE.assess(Violation.ILLEGAL_BUILDING, f, D2025);
        assertThat(d.outcome()).isEqualTo(Outcome.FINE);
        assertThat(d.fineFen()).isEqualTo(1_000_000L); // 5 %
    }

    @Test
    void temporaryStructure_firstViolationCorrected_isWaived_butOnlyIfHarmIsMinor() {
        Facts f = Facts.builder().promptlyCorrected(true).harm(HarmLevel.MINOR).areaM2(new BigDecimal("12")).build();
        assertThat(CATALOGUE.assess(Violation.TEMPORARY_STRUCTURE, f, D2025).exemption()).contains(ExemptionKind.FIRST_VIOLATION);
        Decision moderate = CATALOGUE.assess(Violation.TEMPORARY_STRUCTURE, f.toBuilder().harm(HarmLevel.MODERATE).build(), D2025);
        assertThat(moderate.tierId()).isEqualTo("large");
        assertThat(moderate.fineFen()).isEqualTo(750_000L);
    }

    @Test
    void roadOccupation_refusedToCorrect_isFinedInTheSeriousBand() {
        Decision d = CATALOGUE.assess(Violation.ROAD_OCCUPATION, repeat(0).aggravation(Aggravation.REFUSED_TO_CORRECT).build(), D2025);
        assertThat(d.tierId()).isEqualTo("serious");
        assertThat(d.fineFen()).isEqualTo(70_000L);
    }

    @Test
    void roadOccupation_minorTier_givesAWarning() {
        Decision d = CATALOGUE.assess(Violation.ROAD_OCCUPATION, repeat(1).build(), D2025);
        assertThat(d.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(d.fineFen()).isZero();
    }

    @Test
    void explain_returnsTheSameDecisionWithCitedSteps() {
        Facts f = repeat(2).mitigation(Mitigation.COERCED).aggravation(Aggravation.SENSITIVE_AREA).build();
        Assessment a = CATALOGUE.explain(Violation.PARKING, f, D2025);
        assertThat(a.decision()).isEqualTo(CATALOGUE.assess(Violation.PARKING, f, D2025));
        assertThat(a.explanation().versionId()).isEqualTo("zj-2025");
        assertThat(a.explanation().steps()).extracting(Explanation.Step::kind).containsExactly(
                Explanation.Kind.VERSION, Explanation.Kind.TIER, Explanation.Kind.BAND, Explanation.Kind.AGGRAVATION,
                Explanation.Kind.MITIGATION, Explanation.Kind.ROUNDING);
        assertThat(a.explanation().steps().get(4).citation()).isEqualTo(Optional.of(Citation.apl("32", "2")));
        assertThat(a.explanation().steps().get(0).citation().orElseThrow().article()).isEqualTo("93");
    }

    @Test
    void explain_exemptionStepCitesArticle33() {
        Assessment a = CATALOGUE.explain(Violation.PARKING, Facts.builder().promptlyCorrected(true).build(), D2025);
        assertThat(a.explanation().steps()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(Explanation.Kind.EXEMPTION);
            assertThat(s.citation()).contains(Citation.apl("33", "1"));
        });
    }

    @Test
    void violationWithoutTable_isRejectedListingKnownOnes() {
        assertThatThrownBy(() -> CATALOGUE.assess(Violation.of("NOISE"), repeat(1).build(), D2025))
                .isInstanceOf(PenaltyException.class).hasMessageContaining("no penalty table for violation 'NOISE'")
                .hasMessageContaining("PARKING");
    }

    @Test
    void contradictoryFacts_areRejected() {
        assertThatThrownBy(() -> Facts.builder().promptlyCorrected(true).aggravation(Aggravation.REFUSED_TO_CORRECT).build())
                .isInstanceOf(PenaltyException.class).hasMessageContaining("contradict");
        assertThatThrownBy(() -> Facts.builder().firstViolation(true).repeatCount(2).build())
                .isInstanceOf(PenaltyException.class).hasMessageContaining("firstViolation=true but repeatCount=2");
        assertThat(Facts.builder().repeatCount(2).build().firstViolation()).isFalse();
    }
}
