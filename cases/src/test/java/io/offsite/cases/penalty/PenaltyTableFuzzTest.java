package io.offsite.cases.penalty;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of penalty-table loading and validation (issue 11.8): any document either loads or
 * fails with a {@link PenaltyException} (a {@link RuleTableException} listing the problems); nothing else,
 * never past the bounded heap, and validation stays within its node budget.
 */
class PenaltyTableFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void anyTable_loadsOrThrowsPenaltyException(byte[] input) {
        try {
            PenaltyCatalogue.loader().add("fuzz.json", new String(input, StandardCharsets.UTF_8)).load();
        } catch (PenaltyException expected) {
            // the module's own exception is the only allowed failure
        }
    }
}
