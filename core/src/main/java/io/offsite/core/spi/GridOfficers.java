package io.offsite.core.spi;

import io.offsite.core.grid.CellId;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridCell;
import io.offsite.core.grid.OfficerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/** {@link OfficerDirectory#ofGrid}: a cell's responsible officer if on duty, else the nearest ancestor's. */
final class GridOfficers implements OfficerDirectory {
    /** Grids have four levels; a longer parent chain means a cycle the grid validation should have refused. */
    private static final int MAX_DEPTH = 16;
    private final Grid grid;
    private final BiPredicate<OfficerId, Instant> onDuty;

    GridOfficers(Grid grid, BiPredicate<OfficerId, Instant> onDuty) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.onDuty = Objects.requireNonNull(onDuty, "onDuty");
    }

    @Override
    public Optional<OfficerId> responsibleFor(CellId cell, Instant at) {
        return grid.cell(cell).map(GridCell::responsibleOfficer).filter(o -> onDuty.test(o, at));
    }

    @Override
    public Optional<Assignment> assign(CellId cell, Instant at) {
        Optional<GridCell> c = grid.cell(cell);
        for (int depth = 0; c.isPresent() && depth < MAX_DEPTH; depth++) {
            OfficerId o = c.get().responsibleOfficer();
            if (onDuty.test(o, at)) {
                return Optional.of(new Assignment(o, c.get().id()));
            }
            c = c.get().parent().flatMap(grid::cell);
        }
        return Optional.empty();
    }
}
