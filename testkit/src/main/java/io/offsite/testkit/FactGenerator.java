package io.offsite.testkit;

import io.offsite.cases.penalty.Aggravation;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.HarmLevel;
import io.offsite.cases.penalty.Mitigation;
import io.offsite.cases.penalty.PartyType;
import io.offsite.cases.penalty.TableVersion;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Generates consistent fact sets for a table version from any {@link RandomGenerator}, so a rule author
 * can plug it into JUnit, jqwik, QuickTheories or a plain loop. Numeric facts are drawn only when the
 * table needs them; thresholds the table uses are hit with extra probability. Immutable.
 */
public final class FactGenerator {
    private final List<PartyType> parties;
    private final boolean area;
    private final boolean cost;
    private final List<Long> areaPoints;
    private final List<Long> costPoints;
    private final List<Integer> repeatPoints;
    private final int maxRepeat;

    private FactGenerator(TableVersion v, int maxRepeat) {
        this.parties = List.copyOf(v.statutoryRanges().keySet());
        this.area = v.requiresArea();
        this.cost = v.requiresConstructionCost();
        this.areaPoints = v.thresholds().areasDm2();
        this.costPoints = v.thresholds().costsFen();
        this.repeatPoints = v.thresholds().repeatCounts();
        this.maxRepeat = maxRepeat;
    }

    /** A generator for {@code version} with repeat counts up to 12. */
    public static FactGenerator forVersion(TableVersion version) {
        return new FactGenerator(Objects.requireNonNull(version, "version"), 12);
    }

    /** A copy drawing repeat counts up to {@code max} (0..1000). */
    public FactGenerator withMaxRepeatCount(int max) {
        if (max < 0 || max > 1000) {
            throw new IllegalArgumentException("max repeat count must be 0..1000, was " + max);
        }
        FactGenerator g = new FactGenerator(this, max);
        return g;
    }

    private FactGenerator(FactGenerator o, int maxRepeat) {
        this.parties = o.parties;
        this.area = o.area;
        this.cost = o.cost;
        this.areaPoints = o.areaPoints;
        this.costPoints = o.costPoints;
        this.repeatPoints = o.repeatPoints;
        this.maxRepeat = maxRepeat;
    }

    /** One random, internally consistent fact set. */
    public Facts next(RandomGenerator rnd) {
        Objects.requireNonNull(rnd, "rnd");
        int repeat = rnd.nextInt(4) == 0 && !repeatPoints.isEmpty()
                ? Math.min(maxRepeat, repeatPoints.get(rnd.nextInt(repeatPoints.size())))
                : rnd.nextInt(maxRepeat + 1);
        boolean corrected = rnd.nextBoolean();
        Facts.Builder b = Facts.builder().party(parties.get(rnd.nextInt(parties.size())))
                .harm(HarmLevel.values()[rnd.nextInt(HarmLevel.values().length)])
                .repeatCount(repeat).firstViolation(repeat == 0 && rnd.nextBoolean()).promptlyCorrected(corrected);
        for (Mitigation m : Mitigation.values()) {
            if (rnd.nextInt(4) == 0) {
                b.mitigation(m);
            }
        }
        for (Aggravation a : Aggravation.values()) {
            if (rnd.nextInt(4) == 0 && !(corrected && a == Aggravation.REFUSED_TO_CORRECT)) {
                b.aggravation(a);
            }
        }
        if (area) {
            b.areaDm2(rnd.nextBoolean() && !areaPoints.isEmpty() ? areaPoints.get(rnd.nextInt(areaPoints.size()))
                    : rnd.nextLong(0, 100_000));
        }
        if (cost) {
            b.constructionCostFen(rnd.nextBoolean() && !costPoints.isEmpty() ? Math.max(10_000, costPoints.get(rnd.nextInt(costPoints.size())))
                    : rnd.nextLong(10_000, 10_000_000_000_000L));
        }
        return b.build();
    }
}
