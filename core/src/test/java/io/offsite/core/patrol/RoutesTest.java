package io.offsite.core.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RoutesTest {
    private static final Routes.Budget UNLIMITED = new Routes.Budget(Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, 10, 0);

    /** Clouds of 1–60 points within 6 km of the base, some clustered on a grid so ties and collinear legs occur. */
    private static Gen<List<Double>> coordinates() {
        Gen<Double> free = doubles().between(-6_000, 6_000);
        Gen<Double> snapped = integers().between(-6, 6).map(i -> i * 1_000.0);
        return lists().of(free.mix(snapped, 30)).ofSizeBetween(2, 120);
    }

    private static double[][] split(List<Double> c) {
        int n = c.size() / 2;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = c.get(2 * i);
            ys[i] = c.get(2 * i + 1);
        }
        return new double[][] {xs, ys};
    }

    @Test
    void twoOpt_neverLengthensTheNearestNeighbourRoute() {
        AtomicInteger shortened = new AtomicInteger();
        qt().withExamples(500).forAll(coordinates()).checkAssert(c -> {
            double[][] p = split(c);
            List<Integer> pool = IntStream.range(0, p[0].length).boxed().toList();
            List<int[]> sorties = Routes.nearestNeighbourSorties(p[0], p[1], 0, 0, pool, UNLIMITED);
            assertThat(sorties).hasSize(1);
            int[] nn = sorties.get(0);
            int[] improved = Routes.twoOpt(p[0], p[1], 0, 0, nn);
            assertThat(IntStream.of(improved).sorted().toArray()).isEqualTo(IntStream.of(nn).sorted().toArray());
            double before = Routes.length(p[0], p[1], 0, 0, nn);
            double after = Routes.length(p[0], p[1], 0, 0, improved);
            assertThat(after).isLessThanOrEqualTo(before + 1e-6);
            if (after < before - 1e-6) {
                shortened.incrementAndGet();
            }
        });
        // the generator reaches routes 2-opt can shorten, not only trivial ones
        assertThat(shortened.get()).as("examples 2-opt shortened").isGreaterThan(100);
    }

    @Test
    void budgetedSorties_partitionThePool_andEachFitsTheBudget() {
        Routes.Budget budget = new Routes.Budget(20_000, 1_500, 12, 30);
        qt().withExamples(300).forAll(coordinates()).checkAssert(c -> {
            double[][] p = split(c);
            List<Integer> pool = IntStream.range(0, p[0].length).boxed().toList(); // all within 8.5 km: round trip fits
            List<int[]> sorties = Routes.nearestNeighbourSorties(p[0], p[1], 0, 0, pool, budget);
            int[] all = sorties.stream().flatMapToInt(IntStream::of).sorted().toArray();
            assertThat(all).isEqualTo(IntStream.range(0, p[0].length).toArray());
            for (int[] s : sorties) {
                assertThat(budget.fits(Routes.length(p[0], p[1], 0, 0, s), s.length)).isTrue();
                assertThat(budget.fits(Routes.length(p[0], p[1], 0, 0, Routes.twoOpt(p[0], p[1], 0, 0, s)), s.length))
                        .isTrue();
            }
        });
    }

    @Test
    void twoOpt_untanglesACrossedSquare() {
        // base at the origin, stops at the corners of a square visited in a crossing order
        double[] xs = {1_000, 1_000, 0, 2_000};
        double[] ys = {0, 1_000, 1_000, 0};
        int[] crossed = {0, 2, 1, 3};
        int[] fixed = Routes.twoOpt(xs, ys, 0, 0, crossed);
        assertThat(Routes.length(xs, ys, 0, 0, fixed)).isLessThan(Routes.length(xs, ys, 0, 0, crossed));
    }
}
