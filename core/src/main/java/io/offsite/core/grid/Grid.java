package io.offsite.core.grid;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A validated four-level enforcement grid (网格化管理): built-up area → squadron jurisdictions → areas →
 * streets. Build one with {@link #builder()}; building checks every rule and throws a
 * {@link GridValidationException} listing <em>all</em> problems. {@link #locate(GeoPoint)} resolves a
 * WGS-84 point to its street and responsible officer in tens of nanoseconds.
 *
 * <p>Boundary rule: a point on an edge shared by two cells belongs to the cell east of it (north of it for
 * an east-west edge); a point on the grid's outer boundary is inside on the west and south sides and
 * outside on the east and north sides. Each point therefore resolves to exactly one street.
 *
 * <p>Immutable and thread-safe.
 */
public final class Grid {
    /**
     * Widest plausible top-level cell, in degrees of longitude or latitude (about 1,100 km): larger roots
     * are reported as {@link GridProblem.Kind#IMPLAUSIBLE_EXTENT} warnings.
     */
    public static final double MAX_PLAUSIBLE_EXTENT_DEGREES = 10;
    private final List<GridCell> cells;
    private final Map<CellId, GridCell> byId;
    private final Map<CellId, List<GridCell>> children;
    private final List<GridProblem> warnings;
    private final LocalProjection projection;
    private final CellLocator locator;
    private final Optional<GridLocation>[] regionLocations;

    @SuppressWarnings("unchecked")
    private Grid(List<GridCell> cells, Map<CellId, GridCell> byId, List<GridProblem> warnings,
            LocalProjection projection, Map<CellId, Geometry> acceptedGaps, int bucketsPerRegion) {
        this.cells = List.copyOf(cells);
        this.byId = Collections.unmodifiableMap(byId);
        this.warnings = List.copyOf(warnings);
        this.projection = projection;
        Map<CellId, List<GridCell>> kids = new LinkedHashMap<>();
        for (GridCell c : cells) {
            c.parent().ifPresent(p -> kids.computeIfAbsent(p, k -> new ArrayList<>()).add(c));
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = Collections.unmodifiableMap(kids);
        List<Geometry> shapes = new ArrayList<>();
        List<Optional<GridLocation>> locs = new ArrayList<>();
        for (GridCell c : cells) {
            if (c.level() == GridLevel.STREET) {
                shapes.add(c.polygon());
                locs.add(Optional.of(chainOf(c)));
            }
        }
        acceptedGaps.forEach((parentId, gap) -> {
            shapes.add(gap);
            locs.add(Optional.of(chainOf(byId.get(parentId))));
        });
        this.locator = new CellLocator(shapes, bucketsPerRegion);
        this.regionLocations = locs.toArray(new Optional[0]);
    }

    private GridLocation chainOf(GridCell c) {
        List<GridCell> chain = new ArrayList<>();
        for (GridCell x = c; x != null; x = x.parent().map(byId::get).orElse(null)) {
            chain.add(x);
        }
        return new GridLocation(chain, c.responsibleOfficer());
    }

    /** Starts a grid. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Resolves a WGS-84 point to its cell chain (street → area → squadron → built-up area) and responsible
     * officer, or empty when the point is outside the grid. Allocation-free.
     */
    public Optional<GridLocation> locate(GeoPoint point) {
        return locate(point.lon(), point.lat());
    }

    /** As {@link #locate(GeoPoint)} with raw degrees (no {@link GeoPoint} allocation). */
    public Optional<GridLocation> locate(double lon, double lat) {
        int r = locator.locate(lon, lat);
        return r < 0 ? Optional.empty() : regionLocations[r];
    }

    /** As {@link #locate(GeoPoint)} but fails with an {@link OutsideGridException} naming the point. */
    public GridLocation locateOrThrow(GeoPoint point) {
        return locate(point).orElseThrow(() -> new OutsideGridException(point));
    }

    /** Every cell, in the order given to the builder. */
    public List<GridCell> cells() {
        return cells;
    }

    /** The cell with this id. */
    public Optional<GridCell> cell(CellId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Direct children of a cell (empty for streets and unknown ids). */
    public List<GridCell> children(CellId id) {
        return children.getOrDefault(id, List.of());
    }

    /** The officer responsible for a cell. */
    public Optional<OfficerId> responsibleOfficer(CellId id) {
        return cell(id).map(GridCell::responsibleOfficer);
    }

    /**
     * Problems accepted as warnings: coverage gaps when {@link Builder#acceptGaps(boolean)} is set, cells with
     * no children ({@link GridProblem.Kind#NO_CHILDREN}) and top-level cells of implausible size
     * ({@link GridProblem.Kind#IMPLAUSIBLE_EXTENT}).
     */
    public List<GridProblem> warnings() {
        return warnings;
    }

    /** The metric projection (transverse Mercator around the grid's centre) used for areas and distances. */
    public LocalProjection projection() {
        return projection;
    }

    /** Options a grid is validated with. */
    record Options(boolean acceptGaps, double overlapToleranceSquareMeters, double gapToleranceSquareMeters,
            double outsideToleranceSquareMeters) {
    }

    /**
     * Collects cells and validation options. Tolerances are in m², measured in a transverse Mercator
     * projection centred on the grid; the defaults (1 m²) absorb digitising slivers.
     */
    public static final class Builder {
        private final List<GridCell> cells = new ArrayList<>();
        private boolean acceptGaps;
        private double overlapTolerance = 1.0;
        private double gapTolerance = 1.0;
        private double outsideTolerance = 1.0;
        private int bucketsPerRegion = 256;

        private Builder() {
        }

        /** Adds a cell. */
        public Builder cell(GridCell cell) {
            cells.add(Objects.requireNonNull(cell, "cell"));
            return this;
        }

        /** Adds cells. */
        public Builder cells(Collection<GridCell> cells) {
            cells.forEach(this::cell);
            return this;
        }

        /**
         * When true, gaps in a parent's coverage are reported as warnings ({@link Grid#warnings()}) instead of
         * errors, and a point in a gap locates to the parent. Default false.
         */
        public Builder acceptGaps(boolean acceptGaps) {
            this.acceptGaps = acceptGaps;
            return this;
        }

        /** Sibling overlaps up to this area are ignored. */
        public Builder overlapToleranceSquareMeters(double m2) {
            this.overlapTolerance = nonNegative(m2, "overlapToleranceSquareMeters");
            return this;
        }

        /** Coverage gaps up to this area are ignored. */
        public Builder gapToleranceSquareMeters(double m2) {
            this.gapTolerance = nonNegative(m2, "gapToleranceSquareMeters");
            return this;
        }

        /** A child may overhang its parent by up to this area. */
        public Builder outsideToleranceSquareMeters(double m2) {
            this.outsideTolerance = nonNegative(m2, "outsideToleranceSquareMeters");
            return this;
        }

        /** Index resolution: lookup buckets per street (default 256; more = faster lookups, more memory). */
        public Builder bucketsPerStreet(int buckets) {
            if (buckets < 1 || buckets > 65_536) {
                throw new InvalidValueException("bucketsPerStreet must be within 1..65536, was " + buckets);
            }
            this.bucketsPerRegion = buckets;
            return this;
        }

        private static double nonNegative(double v, String name) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new InvalidValueException(name + " must be a finite number >= 0, was " + v);
            }
            return v;
        }

        /**
         * Validates and builds the grid; throws {@link GridValidationException} with every problem found (also
         * when no cell was added).
         */
        public Grid build() {
            if (cells.isEmpty()) {
                throw new GridValidationException(List.of(new GridProblem(GridProblem.Kind.EMPTY_GRID,
                        GridProblem.Severity.ERROR, List.of(), Optional.empty(), 0, "a grid needs at least one cell")));
            }
            Envelope env = new Envelope();
            cells.forEach(c -> env.expandToInclude(c.polygon().getEnvelopeInternal()));
            LocalProjection projection = LocalProjection.centredOn(GeoPoint.of(
                    Math.max(-180, Math.min(180, env.centre().x)), Math.max(-90, Math.min(90, env.centre().y))));
            Options options = new Options(acceptGaps, overlapTolerance, gapTolerance, outsideTolerance);
            GridValidator validator = new GridValidator(cells, options, projection);
            Map<CellId, GridCell> byId = validator.validate();
            List<GridProblem> errors = new ArrayList<>();
            List<GridProblem> warnings = new ArrayList<>();
            for (GridProblem p : validator.problems()) {
                (p.severity() == GridProblem.Severity.ERROR ? errors : warnings).add(p);
            }
            if (!errors.isEmpty()) {
                List<GridProblem> all = new ArrayList<>(errors);
                all.addAll(warnings);
                throw new GridValidationException(all);
            }
            return new Grid(cells, new LinkedHashMap<>(byId), warnings, projection, validator.acceptedGaps(),
                    bucketsPerRegion);
        }
    }
}
