package io.offsite.cases;

import static io.offsite.cases.CaseFixtures.A;
import static io.offsite.cases.CaseFixtures.B;
import static io.offsite.cases.CaseFixtures.C;
import static io.offsite.cases.CaseFixtures.LC;
import static io.offsite.cases.CaseFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.cases.penalty.PartyType;
import io.offsite.cases.spi.CaseStore;
import io.offsite.cases.spi.StoredCase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Lifecycle plus store without retries: of two officers acting at once, one wins and one gets a conflict. */
class CaseServiceTest {
    private final CaseStore store = CaseStore.inMemory();
    private final CaseService cases = CaseService.create(LC, store);

    private StoredCase filed() {
        return cases.file("C-1", CaseFixtures.NOISE, PartyType.PERSON, at(2025, 9, 1), "complaint", A, B);
    }

    @RepeatedTest(20)
    void twoOfficersActingAtOnce_oneWinsAndTheOtherGetsAConflict() throws Exception {
        StoredCase seen = filed();
        CaseCommand investigate = CaseCommand.of("a-1", CaseAction.START_INVESTIGATION, at(2025, 9, 2), "on site", A, B);
        CaseCommand withdraw = CaseCommand.of("c-1", CaseAction.WITHDRAW, at(2025, 9, 2), "duplicate report", C);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<StoredCase>> results = new ArrayList<>();
            for (CaseCommand cmd : List.of(investigate, withdraw)) {
                results.add(pool.submit(() -> {
                    go.await();
                    return cases.apply(seen, cmd);
                }));
            }
            go.countDown();
            List<StoredCase> won = new ArrayList<>();
            List<Throwable> lost = new ArrayList<>();
            for (Future<StoredCase> f : results) {
                try {
                    won.add(f.get(10, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    lost.add(e.getCause());
                }
            }
            assertThat(won).hasSize(1);
            assertThat(lost).singleElement().isInstanceOfSatisfying(CaseConflictException.class, e -> {
                assertThat(e.expectedVersion()).isEqualTo(1);
                assertThat(e.actualVersion()).isEqualTo(2);
            });
            StoredCase now = store.find("C-1").orElseThrow();
            assertThat(now).isEqualTo(won.get(0));
            assertThat(now.penaltyCase().timeline()).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void apply_byIdAtAStaleVersion_failsBeforeApplying() {
        filed();
        cases.apply("C-1", 1, CaseCommand.of("a-1", CaseAction.START_INVESTIGATION, at(2025, 9, 2), "on site", A, B));
        assertThatThrownBy(() -> cases.apply("C-1", 1,
                CaseCommand.of("c-1", CaseAction.WITHDRAW, at(2025, 9, 3), "duplicate", C)))
                .isInstanceOf(CaseConflictException.class).hasMessageContaining("START_INVESTIGATION by [ZJ-001, ZJ-002]");
    }

    @Test
    void apply_aRetriedCommand_returnsTheStoredCaseWithoutWriting() {
        filed();
        CaseCommand cmd = CaseCommand.of("a-1", CaseAction.START_INVESTIGATION, at(2025, 9, 2), "on site", A, B);
        StoredCase first = cases.apply("C-1", 1, cmd);
        assertThat(cases.apply("C-1", 1, cmd)).isEqualTo(first);
        assertThat(cases.apply(first, cmd)).isSameAs(first);
        assertThat(store.find("C-1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void apply_refusedByTheLifecycle_writesNothing() {
        StoredCase seen = filed();
        assertThatThrownBy(() -> cases.apply(seen, CaseCommand.of("x", CaseAction.CLOSE, at(2025, 9, 2), "r", A)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(cases.find("C-1")).contains(seen);
        assertThatThrownBy(() -> cases.apply("C-404", 1, CaseCommand.of("x", CaseAction.CLOSE, at(2025, 9, 2), "r", A)))
                .isInstanceOf(CaseException.class).hasMessageContaining("case C-404 does not exist");
    }
}
