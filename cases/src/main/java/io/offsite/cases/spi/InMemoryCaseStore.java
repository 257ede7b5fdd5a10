package io.offsite.cases.spi;

import io.offsite.cases.CaseConflictException;
import io.offsite.cases.CaseException;
import io.offsite.cases.CaseState;
import io.offsite.cases.PenaltyCase;
import io.offsite.cases.TimelineEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link CaseStore#inMemory()}: snapshots are immutable, so the map holds them as they are. Thread-safe. */
final class InMemoryCaseStore implements CaseStore {
    private final ConcurrentMap<String, StoredCase> cases = new ConcurrentHashMap<>();

    @Override
    public StoredCase create(PenaltyCase newCase) {
        Objects.requireNonNull(newCase, "newCase");
        StoredCase created = new StoredCase(newCase, 1);
        StoredCase existing = cases.putIfAbsent(newCase.caseId(), created);
        if (existing != null) {
            throw new CaseException("case " + newCase.caseId() + " already exists (version " + existing.version()
                    + ", state " + existing.penaltyCase().state() + "); a new case needs a new id");
        }
        return created;
    }

    @Override
    public Optional<StoredCase> find(String caseId) {
        return Optional.ofNullable(cases.get(Objects.requireNonNull(caseId, "caseId")));
    }

    @Override
    public StoredCase update(PenaltyCase next, long expectedVersion) {
        Objects.requireNonNull(next, "next");
        // compute runs atomically per key; an exception leaves the mapping as it was
        return cases.compute(next.caseId(), (id, current) -> {
            if (current == null) {
                throw new CaseException("case " + id + " does not exist; create it before updating it");
            }
            if (current.version() != expectedVersion) {
                List<TimelineEntry> t = current.penaltyCase().timeline();
                throw new CaseConflictException(id, expectedVersion, current.version(), t.get(t.size() - 1));
            }
            CaseStore.requireAppended(current.penaltyCase().timeline(), next);
            return new StoredCase(next, expectedVersion + 1);
        });
    }

    @Override
    public List<StoredCase> findByState(CaseState state, int limit) {
        Objects.requireNonNull(state, "state");
        if (limit < 1) {
            throw new CaseException("limit must be >= 1, was " + limit);
        }
        return cases.values().stream().filter(c -> c.penaltyCase().state() == state)
                .sorted(Comparator.comparing(StoredCase::caseId)).limit(limit).toList();
    }
}
