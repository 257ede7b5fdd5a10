package io.offsite.cases.spi;

import io.offsite.cases.CaseConflictException;
import io.offsite.cases.CaseException;
import io.offsite.cases.CaseState;
import io.offsite.cases.PenaltyCase;
import io.offsite.cases.TimelineEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where penalty cases live between commands: each case with its version and its append-only timeline. Updates
 * are optimistic: the caller names the version it read, and when someone else wrote in between the update fails
 * with a {@link CaseConflictException} and writes nothing, so of two officers acting on one case at once exactly
 * one wins. The timeline only grows: an update that would change or drop a stored entry is refused.
 *
 * <p>{@link #inMemory()} is the reference implementation (tests, demos, a single process without restarts);
 * {@code io.offsite.store.jdbc.JdbcCaseStore} keeps cases in H2 or PostgreSQL. Implementations are thread-safe.
 * Store failures (database down, corrupt row) are the implementation's own exceptions.
 */
public interface CaseStore {
    /**
     * Stores a new case at version 1.
     *
     * @throws CaseException when a case with this id already exists (nothing is overwritten)
     */
    StoredCase create(PenaltyCase newCase);

    /** The case with this id and its version, or empty when there is none. */
    Optional<StoredCase> find(String caseId);

    /**
     * Replaces the case with {@code next} if the store still holds {@code expectedVersion}, appending the new
     * timeline entries.
     *
     * @return the stored case at its new version ({@code expectedVersion + 1})
     * @throws CaseConflictException when the stored version is not {@code expectedVersion}
     * @throws CaseException         when there is no such case, or {@code next}'s timeline does not extend the
     *                               stored one by at least one entry (see {@link #requireAppended})
     */
    StoredCase update(PenaltyCase next, long expectedVersion);

    /** Up to {@code limit} cases in {@code state}, ordered by case id. */
    List<StoredCase> findByState(CaseState state, int limit);

    /** A new, empty, thread-safe store in memory. */
    static CaseStore inMemory() {
        return new InMemoryCaseStore();
    }

    /**
     * The append-only rule every store applies before an update: {@code next}'s timeline starts with exactly the
     * {@code stored} entries and adds at least one.
     *
     * @throws CaseException naming the case and the first entry that was changed or removed
     */
    static void requireAppended(List<TimelineEntry> stored, PenaltyCase next) {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(next, "next");
        List<TimelineEntry> now = next.timeline();
        for (int i = 0; i < stored.size(); i++) {
            if (i >= now.size()) {
                throw new CaseException("case " + next.caseId() + ": the update drops timeline entries from seq " + i
                        + " (stored " + stored.size() + " entries, update has " + now.size() + "); the timeline is"
                        + " append-only");
            }
            if (!stored.get(i).equals(now.get(i))) {
                throw new CaseException("case " + next.caseId() + ": the update changes timeline entry seq " + i
                        + " (stored " + stored.get(i).action() + " at " + stored.get(i).at() + ", update has "
                        + now.get(i).action() + " at " + now.get(i).at() + "); the timeline is append-only");
            }
        }
        if (now.size() == stored.size()) {
            throw new CaseException("case " + next.caseId() + ": the update appends no timeline entry; every change"
                    + " to a case is recorded as a step (apply a CaseCommand), and an unchanged case needs no update");
        }
    }
}
