package io.offsite.core.spi;

import io.offsite.core.grid.CellId;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.OfficerId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The grid's staff directory (网格责任人): which officer is responsible for a street cell at a given time (duty
 * rosters may change by shift) and how to reach an officer. One SPI for every module: the geofence engine asks
 * it whom to dispatch, notify asks it for the officer's phone or push address. The host adapts its staff
 * system to this, or uses {@link #ofGrid(Grid, BiPredicate)} and {@link #withContacts(Function)}. Answers must be
 * deterministic for a given (cell, time) while an episode runs, or replays will differ. Throw when the directory
 * cannot answer; return empty when it answers "nobody".
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
        /** Validates the components. */
        public Assignment {
            Objects.requireNonNull(officer, "officer");
            Objects.requireNonNull(cell, "cell");
        }
    }

    /** The officer's mobile number for SMS, if known; by default unknown. */
    default Optional<String> phone(OfficerId officer) {
        return Optional.empty();
    }

    /** The officer's push address (app token or user id), if known; by default the officer id itself. */
    default Optional<String> pushToken(OfficerId officer) {
        return Optional.of(officer.value());
    }

    /**
     * This directory with the officers' phones answered by {@code phones} (the rest of the answers unchanged);
     * e.g. {@code OfficerDirectory.ofGrid(grid).withContacts(id -> Optional.ofNullable(roster.get(id)))}.
     */
    default OfficerDirectory withContacts(Function<OfficerId, Optional<String>> phones) {
        Objects.requireNonNull(phones, "phones");
        OfficerDirectory base = this;
        return new OfficerDirectory() {
            @Override
            public Optional<OfficerId> responsibleFor(CellId cell, Instant at) {
                return base.responsibleFor(cell, at);
            }

            @Override
            public Optional<Assignment> assign(CellId cell, Instant at) {
                return base.assign(cell, at);
            }

            @Override
            public Optional<String> phone(OfficerId officer) {
                return Objects.requireNonNull(phones.apply(officer), "phones answered null");
            }

            @Override
            public Optional<String> pushToken(OfficerId officer) {
                return base.pushToken(officer);
            }
        };
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
