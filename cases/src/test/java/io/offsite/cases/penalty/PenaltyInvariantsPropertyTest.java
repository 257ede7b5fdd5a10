package io.offsite.cases.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The legal invariants of discretion, checked over every shipped table and version with generated facts. */
class PenaltyInvariantsPropertyTest {
    private static final PenaltyCatalogue CATALOGUE = PenaltyCatalogue.shipped();

    /** Every (table, day a version is in force) pair. */
    private static Gen<Object[]> tableAndDate() {
        List<Object[]> pairs = new ArrayList<>();
        for (PenaltyTable t : CATALOGUE.tables().values()) {
            for (TableVersion v : t.versions()) {
                pairs.add(new Object[] {t, v.effective()});
                pairs.add(new Object[] {t, v.expiry().orElse(v.effective().plusYears(1))});
            }
        }
        return arbitrary().pick(pairs);
    }

    static Gen<Facts> facts() {
        Gen<int[]> core = arbitrary().enumValues(PartyType.class).zip(arbitrary().enumValues(HarmLevel.class),
                integers().between(0, 8), integers().between(0, 31), integers().between(0, 31),
                (p, h, r, mit, agg) -> new int[] {p.ordinal(), h.ordinal(), r, mit, agg});
        Gen<Object[]> rest = booleans().all().zip(booleans().all(), longs().between(0, 3_000),
                longs().between(10_000, 1_000_000_000_000L), (first, corrected, area, cost) -> new Object[] {first, corrected, area, cost});
        return core.zip(rest, (c, r) -> {
            Facts.Builder b = Facts.builder().party(PartyType.values()[c[0]]).harm(HarmLevel.values()[c[1]])
                    .repeatCount(c[2]).firstViolation(c[2] == 0 && (Boolean) r[0])
                    .areaDm2((Long) r[2]).constructionCostFen((Long) r[3]);
            boolean corrected = (Boolean) r[1];
            for (Mitigation m : Mitigation.values()) {
                if ((c[3] & (1 << m.ordinal())) != 0) {
                    b.mitigation(m);
                }
            }
            for (Aggravation a : Aggravation.values()) {
                if ((c[4] & (1 << a.ordinal())) != 0 && !(corrected && a == Aggravation.REFUSED_TO_CORRECT)) {
                    b.aggravation(a);
                }
            }
            return b.promptlyCorrected(corrected).build();
        });
    }

    private static boolean applies(PenaltyTable t, Facts f, LocalDate d) {
        return t.versionOn(d).map(v -> v.statutoryRanges().containsKey(f.party())).orElse(false);
    }

    @Test
    void everyFineIsInsideTheStatutoryRange() {
        qt().forAll(tableAndDate(), facts()).assuming((td, f) -> applies((PenaltyTable) td[0], f, (LocalDate) td[1]))
                .checkAssert((td, f) -> {
                    PenaltyTable t = (PenaltyTable) td[0];
                    LocalDate day = (LocalDate) td[1];
                    Decision d = t.assess(f, day);
                    StatutoryRange r = t.versionOn(day).orElseThrow().statutoryRanges().get(f.party());
                    long cost = f.constructionCostFen().orElse(0);
                    if (d.outcome() == Outcome.FINE) {
                        assertThat(d.fineFen()).isBetween(r.minFen(cost), r.maxFen(cost));
                    } else {
                        assertThat(d.fineFen()).isZero();
                    }
                });
    }

    @Test
    void moreAggravationNeverLowersTheDecision() {
        qt().forAll(tableAndDate(), facts(), arbitrary().enumValues(Aggravation.class))
                .assuming((td, f, a) -> applies((PenaltyTable) td[0], f, (LocalDate) td[1])
                        && !(a == Aggravation.REFUSED_TO_CORRECT && f.promptlyCorrected()))
                .checkAssert((td, f, a) -> {
                    PenaltyTable t = (PenaltyTable) td[0];
                    LocalDate day = (LocalDate) td[1];
                    Decision before = t.assess(f, day);
                    Decision after = t.assess(f.toBuilder().aggravation(a).build(), day);
                    assertThat(after.compareSeverity(before)).as("%s + %s: %s → %s", f, a, before, after).isGreaterThanOrEqualTo(0);
                });
    }

    @Test
    void moreMitigationNeverRaisesTheDecision() {
        qt().forAll(tableAndDate(), facts(), arbitrary().enumValues(Mitigation.class))
                .assuming((td, f, m) -> applies((PenaltyTable) td[0], f, (LocalDate) td[1]))
                .checkAssert((td, f, m) -> {
                    PenaltyTable t = (PenaltyTable) td[0];
                    LocalDate day = (LocalDate) td[1];
                    Decision before = t.assess(f, day);
                    Decision after = t.assess(f.toBuilder().mitigation(m).build(), day);
                    assertThat(after.compareSeverity(before)).as("%s + %s", f, m).isLessThanOrEqualTo(0);
                });
    }

    @Test
    void firstViolationWaiverOnlyWhenItsLegalConditionsHold() {
        qt().forAll(tableAndDate(), facts()).assuming((td, f) -> applies((PenaltyTable) td[0], f, (LocalDate) td[1]))
                .checkAssert((td, f) -> {
                    Decision d = ((PenaltyTable) td[0]).assess(f, (LocalDate) td[1]);
                    if (d.exemption().filter(k -> k == ExemptionKind.FIRST_VIOLATION).isPresent()) {
                        assertThat(f.firstViolation()).isTrue();
                        assertThat(f.promptlyCorrected()).isTrue();
                        assertThat(f.harm()).isIn(HarmLevel.NONE, HarmLevel.MINOR);
                    }
                });
    }

    @Test
    void sameFactsAndDateGiveTheSameDecisionWithOrWithoutExplanation() {
        qt().forAll(tableAndDate(), facts()).assuming((td, f) -> applies((PenaltyTable) td[0], f, (LocalDate) td[1]))
                .checkAssert((td, f) -> {
                    PenaltyTable t = (PenaltyTable) td[0];
                    LocalDate day = (LocalDate) td[1];
                    Decision d = t.assess(f, day);
                    assertThat(t.assess(f.toBuilder().build(), day)).isEqualTo(d);
                    assertThat(t.explain(f, day).decision()).isEqualTo(d);
                });
    }
}
