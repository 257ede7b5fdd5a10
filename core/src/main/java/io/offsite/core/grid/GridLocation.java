package io.offsite.core.grid;

import io.offsite.core.InvalidValueException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a point lies in the grid: the chain of cells from the most specific (normally a street) up to
 * the built-up area, and the officer responsible for the most specific cell.
 *
 * @param chain              cells, most specific first, ending at the built-up area
 * @param responsibleOfficer the responsible officer of {@code chain.get(0)}
 */
public record GridLocation(List<GridCell> chain, OfficerId responsibleOfficer) {
    public GridLocation {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new InvalidValueException("chain must not be empty");
        }
        Objects.requireNonNull(responsibleOfficer, "responsibleOfficer");
    }

    /** The most specific cell containing the point (a street unless the point is in an accepted gap). */
    public GridCell cell() {
        return chain.get(0);
    }

    /** The cell of the given level on the chain, if the point resolves that deep. */
    public Optional<GridCell> at(GridLevel level) {
        for (GridCell c : chain) {
            if (c.level() == level) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The street cell, empty when the point lies in an accepted coverage gap above street level. */
    public Optional<GridCell> street() {
        return at(GridLevel.STREET);
    }

    /** The squadron jurisdiction containing the point. */
    public Optional<GridCell> squadron() {
        return at(GridLevel.SQUADRON);
    }
}
