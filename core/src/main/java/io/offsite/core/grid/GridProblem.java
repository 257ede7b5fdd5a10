package io.offsite.core.grid;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a grid, found while building it. Carries the cells involved, a location (a
 * WGS-84 point at or inside the problem) and, for overlaps, gaps and overhangs, the area in m².
 *
 * @param kind             what rule was broken
 * @param severity         {@link Severity#ERROR} stops the build; warnings are kept on the grid
 * @param cells            the cells involved, most relevant first
 * @param location         a point on or inside the problem, when it has a place
 * @param areaSquareMeters the size of the problem in m² (0 when not an area)
 * @param message          a sentence naming ids, place and size
 */
public record GridProblem(Kind kind, Severity severity, List<CellId> cells,
        Optional<io.offsite.core.geo.GeoPoint> location, double areaSquareMeters, String message) {
    public GridProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        cells = List.copyOf(cells);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** Kinds of grid problem. */
    public enum Kind {
        /** Two cells share an id. */
        DUPLICATE_ID,
        /** A parent id names no cell. */
        UNKNOWN_PARENT,
        /** Parent links form a loop. */
        CYCLE,
        /** A child is not exactly one level below its parent, or a non-root has no parent. */
        WRONG_LEVEL_ORDER,
        /** The polygon is not valid (self-intersection, bad ring, ...). */
        INVALID_POLYGON,
        /** Part of a child lies outside its parent. */
        NOT_INSIDE_PARENT,
        /** Two siblings overlap by more than the tolerance. */
        SIBLING_OVERLAP,
        /** Children leave part of their parent uncovered. */
        COVERAGE_GAP,
        /** The responsible officer is not an enforcement-officer member of the cell. */
        RESPONSIBLE_NOT_OFFICER,
        /** A built-up area, squadron or area has no children, so no point in it resolves to a street (warning). */
        NO_CHILDREN,
        /**
         * A top-level cell spans more than {@link Grid#MAX_PLAUSIBLE_EXTENT_DEGREES} or reaches a pole; areas in
         * the local projection (gaps, overlaps) are not meaningful at that size (warning).
         */
        IMPLAUSIBLE_EXTENT,
        /** The grid has no cells at all. */
        EMPTY_GRID
    }

    /** How serious a problem is. */
    public enum Severity {
        /** The grid is not built. */
        ERROR,
        /** The grid is built; the problem is reported on {@link Grid#warnings()}. */
        WARNING
    }

    @Override
    public String toString() {
        return severity + " " + kind + ": " + message;
    }
}
