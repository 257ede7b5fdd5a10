package io.offsite.geofence.spi;

import io.offsite.core.grid.CellId;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.OfficerId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Resolves a street cell to the officer responsible for it at a given time (duty rosters may change by
 * shift). The host adapts its grid model to this, or uses {@link #ofGrid(Grid, BiPredicate)}. Must be
 * deterministic for a given (cell, time) while an episode runs, or replays will differ.
 */
@FunctionalInterface
public interface OfficerDirectory {

    /** The responsible officer of {@code cell} at {@code at}, or empty when the cell has none on duty. */
    Optional<OfficerId> responsibleFor(CellId cell, Instant at);

    /**
     * The officer to dispatch for {@code cell} at {@code at} and the cell whose officer that is: the cell's own
     * officer, else — for directories that know the grid — the nearest cell above it with one on duty; empty when
     * nobody anywhere can be addressed (the engine then emits {@code DispatchUnaddressed}). The default asks
     * {@link #responsibleFor} for {@code cell} only.
     */
    default Optional<Assignment> assign(CellId cell, Instant at) {
        return responsibleFor(cell, at).map(o -> new Assignment(o, cell));
    }

    /**
     * An officer and the cell they are responsible for.
     *
     * @param officer the officer to dispatch
     * @param cell    the cell whose responsible officer they are (the fence's cell or one above it)
     */
    record Assignment(OfficerId officer, CellId cell) {
        public Assignment {
            Objects.requireNonNull(officer, "officer");
            Objects.requireNonNull(cell, "cell");
        }
    }

    /** A fixed cell → officer table (no parent walk: a cell missing from it has nobody). */
    static OfficerDirectory of(Map<CellId, OfficerId> table) {
        Map<CellId, OfficerId> copy = Map.copyOf(Objects.requireNonNull(table, "table"));
        return (cell, at) -> Optional.ofNullable(copy.get(cell));
    }

    /**
     * The grid's responsible officers, walking up the grid (street → area → squadron → built-up area) when a
     * cell's officer is not on duty: {@code onDuty} says whether an officer is on duty at an instant (the host's
     * roster). A cell unknown to the grid has nobody.
     */
    static OfficerDirectory ofGrid(Grid grid, BiPredicate<OfficerId, Instant> onDuty) {
        return new GridOfficers(grid, onDuty);
    }

    /** {@link #ofGrid(Grid, BiPredicate)} with every responsible officer always on duty. */
    static OfficerDirectory ofGrid(Grid grid) {
        return ofGrid(grid, (officer, at) -> true);
    }
}
