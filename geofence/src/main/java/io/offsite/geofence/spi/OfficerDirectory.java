package io.offsite.geofence.spi;

import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves a street cell to the officer responsible for it at a given time (duty rosters may change by
 * shift). The host adapts its grid model to this. Must be deterministic for a given (cell, time) while an
 * episode runs, or replays will differ.
 */
@FunctionalInterface
public interface OfficerDirectory {

    /** The responsible officer of {@code cell} at {@code at}, or empty when the cell has none on duty. */
    Optional<OfficerId> responsibleFor(CellId cell, Instant at);

    /** A fixed cell → officer table. */
    static OfficerDirectory of(Map<CellId, OfficerId> table) {
        Map<CellId, OfficerId> copy = Map.copyOf(Objects.requireNonNull(table, "table"));
        return (cell, at) -> Optional.ofNullable(copy.get(cell));
    }
}
