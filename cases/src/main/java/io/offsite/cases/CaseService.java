package io.offsite.cases;

import io.offsite.cases.penalty.PartyType;
import io.offsite.cases.spi.CaseStore;
import io.offsite.cases.spi.StoredCase;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lifecycle over a store: files a case and applies commands to the version an officer saw, without retrying.
 * When two officers act on one case at once, the first update wins and the second fails with a
 * {@link CaseConflictException} naming the versions and the step that got in first; nothing of the losing command
 * is written, and the officer decides again on the new state. Immutable and thread-safe.
 *
 * <pre>{@code
 * CaseService cases = CaseService.create(CaseLifecycle.builder().build(), CaseStore.inMemory());
 * StoredCase seen = cases.file("331003-2026-000042", Violation.PARKING, PartyType.PERSON, now, "camera 7", a, b);
 * StoredCase next = cases.apply(seen, CaseCommand.of("cmd-1", CaseAction.START_INVESTIGATION, later, "on site", a, b));
 * }</pre>
 */
public final class CaseService {
    private final CaseLifecycle lifecycle;
    private final CaseStore store;

    private CaseService(CaseLifecycle lifecycle, CaseStore store) {
        this.lifecycle = lifecycle;
        this.store = store;
    }

    /** A service applying {@code lifecycle}'s rules to the cases in {@code store}. */
    public static CaseService create(CaseLifecycle lifecycle, CaseStore store) {
        return new CaseService(Objects.requireNonNull(lifecycle, "lifecycle"), Objects.requireNonNull(store, "store"));
    }

    /**
     * Files a new case and stores it at version 1.
     *
     * @throws CaseException when filing is refused or a case with this id exists
     */
    public StoredCase file(String caseId, Violation violation, PartyType party, Instant at, String reason,
            OfficerId... actors) {
        return store.create(lifecycle.file(caseId, violation, party, at, reason, actors));
    }

    /** The stored case, or empty. */
    public Optional<StoredCase> find(String caseId) {
        return store.find(caseId);
    }

    /**
     * Applies {@code cmd} to the case as the officer saw it and stores the result, expecting {@code seen}'s version.
     * A command already in the timeline changes nothing and returns {@code seen}.
     *
     * @throws CaseConflictException      when the case changed since {@code seen} was read
     * @throws IllegalTransitionException when the action is not allowed in {@code seen}'s state
     * @throws CaseException              when a guard refuses the command
     */
    public StoredCase apply(StoredCase seen, CaseCommand cmd) {
        Objects.requireNonNull(seen, "seen");
        PenaltyCase next = lifecycle.apply(seen.penaltyCase(), cmd);
        if (next == seen.penaltyCase()) {
            return seen;
        }
        return store.update(next, seen.version());
    }

    /**
     * Applies {@code cmd} to the stored case if it is still at {@code expectedVersion} (the version shown to the
     * officer). Re-sending a command that is already in the stored timeline (a retried request) returns the stored
     * case unchanged whatever its version.
     *
     * @throws CaseConflictException when the stored case is at another version
     * @throws CaseException         when there is no such case, or the lifecycle refuses the command
     */
    public StoredCase apply(String caseId, long expectedVersion, CaseCommand cmd) {
        Objects.requireNonNull(cmd, "cmd");
        StoredCase current = store.find(caseId)
                .orElseThrow(() -> new CaseException("case " + caseId + " does not exist; file it first"));
        List<TimelineEntry> t = current.penaltyCase().timeline();
        boolean retried = t.stream().anyMatch(e -> e.commandId().equals(cmd.commandId()));
        if (!retried && current.version() != expectedVersion) {
            throw new CaseConflictException(caseId, expectedVersion, current.version(), t.get(t.size() - 1));
        }
        return apply(current, cmd);
    }
}
