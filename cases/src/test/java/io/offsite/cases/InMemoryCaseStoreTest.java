package io.offsite.cases;

import static io.offsite.cases.CaseFixtures.LC;
import static io.offsite.cases.CaseFixtures.steps;
import static io.offsite.cases.CaseFixtures.through;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.cases.spi.CaseStore;
import io.offsite.cases.spi.StoredCase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference CaseStore: versions, conflicts, the append-only timeline, duplicate ids. */
class InMemoryCaseStoreTest {
    private final CaseStore store = CaseStore.inMemory();

    @Test
    void create_thenFind_givesTheCaseAtVersion1() {
        PenaltyCase c = through("C-1", 0);
        StoredCase created = store.create(c);
        assertThat(created.version()).isEqualTo(1);
        assertThat(store.find("C-1")).contains(new StoredCase(c, 1));
        assertThat(store.find("C-404")).isEmpty();
    }

    @Test
    void create_anExistingId_failsAndKeepsTheStoredCase() {
        store.create(through("C-1", 1));
        assertThatThrownBy(() -> store.create(through("C-1", 0)))
                .isInstanceOf(CaseException.class).isNotInstanceOf(CaseConflictException.class)
                .hasMessageContaining("case C-1 already exists (version 1, state INVESTIGATING)");
        assertThat(store.find("C-1").orElseThrow().penaltyCase().state()).isEqualTo(CaseState.INVESTIGATING);
    }

    @Test
    void update_atTheExpectedVersion_storesTheNextVersion() {
        StoredCase s = store.create(through("C-1", 0));
        for (CaseCommand cmd : steps()) {
            s = store.update(LC.apply(s.penaltyCase(), cmd), s.version());
        }
        assertThat(s.version()).isEqualTo(7);
        assertThat(store.find("C-1").orElseThrow()).isEqualTo(s);
        assertThat(s.penaltyCase().state()).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void update_atAStaleVersion_failsNamingBothVersionsAndWhoChangedIt() {
        StoredCase v1 = store.create(through("C-1", 0));
        store.update(through("C-1", 1), 1);
        assertThatThrownBy(() -> store.update(through("C-1", 1), v1.version()))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> {
                    assertThat(e.caseId()).isEqualTo("C-1");
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                    assertThat(e.lastChangedBy()).containsExactly(CaseFixtures.A, CaseFixtures.B);
                    assertThat(e.lastChange().orElseThrow().action()).isEqualTo("START_INVESTIGATION");
                })
                .hasMessageContaining("expected version 1, the store has version 2")
                .hasMessageContaining("START_INVESTIGATION by [ZJ-001, ZJ-002]");
        assertThat(store.find("C-1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void update_thatChangesAStoredTimelineEntry_isRefused() {
        store.create(through("C-1", 0));
        store.update(through("C-1", 1), 1);
        PenaltyCase other = LC.apply(LC.apply(CaseFixtures.filed("C-1"),
                CaseCommand.of("other", CaseAction.START_INVESTIGATION, CaseFixtures.at(2025, 9, 3), "x",
                        CaseFixtures.A, CaseFixtures.B)), steps().get(1));
        assertThatThrownBy(() -> store.update(other, 2))
                .isInstanceOf(CaseException.class)
                .hasMessageContaining("changes timeline entry seq 1").hasMessageContaining("append-only");
    }

    @Test
    void update_thatDropsEntriesOrAppendsNone_isRefused() {
        store.create(through("C-1", 0));
        store.update(through("C-1", 2), 1);
        assertThatThrownBy(() -> store.update(through("C-1", 1), 2))
                .isInstanceOf(CaseException.class).hasMessageContaining("drops timeline entries from seq 2");
        assertThatThrownBy(() -> store.update(through("C-1", 2), 2))
                .isInstanceOf(CaseException.class).hasMessageContaining("appends no timeline entry");
        assertThat(store.find("C-1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void update_ofAnUnknownCase_failsSayingSo() {
        assertThatThrownBy(() -> store.update(through("C-9", 1), 1))
                .isInstanceOf(CaseException.class).hasMessageContaining("case C-9 does not exist");
    }

    @Test
    void findByState_listsMatchingCasesByIdUpToTheLimit() {
        List<String> ids = new ArrayList<>(List.of("C-3", "C-1", "C-2"));
        ids.forEach(id -> store.create(through(id, 1)));
        store.create(through("C-4", 0));
        assertThat(store.findByState(CaseState.INVESTIGATING, 2)).extracting(StoredCase::caseId)
                .containsExactly("C-1", "C-2");
        assertThat(store.findByState(CaseState.FILED, 10)).extracting(StoredCase::caseId).containsExactly("C-4");
        assertThatThrownBy(() -> store.findByState(CaseState.FILED, 0)).isInstanceOf(CaseException.class);
    }
}
