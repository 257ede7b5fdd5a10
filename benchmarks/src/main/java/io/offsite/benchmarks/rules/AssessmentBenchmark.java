package io.offsite.benchmarks.rules;

import io.offsite.cases.penalty.Assessment;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.PenaltyCatalogue;
import io.offsite.cases.penalty.PenaltyTable;
import io.offsite.core.violation.Violation;
import io.offsite.testkit.FactGenerator;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Penalty assessment throughput on one thread over 4,096 pre-generated fact sets (boundary-biased random
 * facts from the testkit), with and without explanation. Targets: ≥ 5 M/s plain, ≥ 1 M/s explained.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AssessmentBenchmark {
    private static final int N = 4096;

    /** The violation code of the table measured. */
    @Param({"PARKING", "HOUSEHOLD_WASTE", "ILLEGAL_BUILDING"})
    public String code;

    private PenaltyTable table;
    private Facts[] facts;
    private LocalDate day;
    private int i;

    @Setup
    public void setUp() {
        table = PenaltyCatalogue.shipped().require(Violation.of(code));
        day = LocalDate.of(2025, 6, 2);
        FactGenerator gen = FactGenerator.forVersion(table.versionOn(day).orElseThrow());
        SplittableRandom rnd = new SplittableRandom(42);
        facts = new Facts[N];
        for (int k = 0; k < N; k++) {
            facts[k] = gen.next(rnd);
        }
    }

    @Benchmark
    public Decision assess() {
        return table.assess(facts[i++ & (N - 1)], day);
    }

    @Benchmark
    public Assessment explain() {
        return table.explain(facts[i++ & (N - 1)], day);
    }
}
