package io.offsite.geofence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;

/**
 * A plain point-in-polygon index: which of your items' lon/lat polygons contain a position. No fence kind,
 * cell, schedule or ladder — attach any value {@code T} (an id, a record of your own) to each polygon. Runs on
 * the same grid engine as {@link FenceIndex}.
 *
 * <pre>{@code
 * GeometryIndex<String> zones = GeometryIndex.<String>builder()
 *         .addLonLat("market", 121.260, 28.640, 121.262, 28.640, 121.262, 28.642, 121.260, 28.640)
 *         .addWkt("school", "POLYGON ((121.25 28.63, 121.251 28.63, 121.251 28.631, 121.25 28.631, 121.25 28.63))")
 *         .build();
 * List<String> here = zones.containing(121.2612, 28.6405); // [market]
 * }</pre>
 *
 * <p>Semantics: exactly JTS {@code Geometry.contains(point)} — interior only, a point on an edge or vertex is
 * not contained, a point in a hole is not contained. Coordinates are WGS-84 degrees, longitude first. Every
 * polygon is validated when added ({@link GeofenceException} naming the item and the reason). Immutable and
 * thread-safe; {@link #forEachContaining} and {@link #containing(double, double, int[])} do not allocate.
 *
 * @param <T> the value attached to each polygon
 */
public final class GeometryIndex<T> {
    private static final int[] EMPTY = new int[0];
    private final Object[] items;
    private final PolygonGrid grid;

    private GeometryIndex(Builder<T> b) {
        this.items = b.items.toArray();
        this.grid = new PolygonGrid(b.geometries.toArray(new Geometry[0]), b.cellMeters);
    }

    /** Starts an empty index builder (32 m grid cells). */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Number of polygons; positions run from 0 to size − 1 in the order they were added. */
    public int size() {
        return items.length;
    }

    /** The item added at {@code position}. */
    @SuppressWarnings("unchecked")
    public T item(int position) {
        Objects.checkIndex(position, items.length);
        return (T) items[position];
    }

    /**
     * Calls {@code visitor} with the item of every polygon whose interior contains (lon, lat), in the order they
     * were added; returns how many. Does not allocate.
     */
    public int forEachContaining(double lon, double lat, Consumer<? super T> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        return grid.<T>forEachItem(lon, lat, items, visitor);
    }

    /**
     * Writes the positions (see {@link #item(int)}) of the polygons containing (lon, lat) into {@code positions},
     * ascending, and returns how many contain it; when more than {@code positions.length}, only the first
     * {@code positions.length} are written. Does not allocate.
     */
    public int containing(double lon, double lat, int[] positions) {
        Objects.requireNonNull(positions, "positions");
        return grid.containing(lon, lat, positions);
    }

    /** The items whose polygon contains (lon, lat), in the order they were added (a new list). */
    public List<T> containing(double lon, double lat) {
        List<T> out = new ArrayList<>(2);
        grid.<T>forEachItem(lon, lat, items, out::add);
        return out;
    }

    /** Whether any polygon contains (lon, lat). */
    public boolean containsAny(double lon, double lat) {
        return grid.containing(lon, lat, EMPTY) > 0;
    }

    /** Collects items and their polygons; not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder<T> {
        private final List<Object> items = new ArrayList<>();
        private final List<Geometry> geometries = new ArrayList<>();
        private double cellMeters = 32;

        private Builder() {
        }

        /**
         * Grid cell size in metres, 5–1000 (default 32): smaller cells answer faster near boundaries and take
         * more memory and build time.
         */
        public Builder<T> cellMeters(double meters) {
            FenceIndex.checkCellMeters(meters);
            this.cellMeters = meters;
            return this;
        }

        /** Adds a lon/lat Polygon or MultiPolygon (holes allowed) for {@code item}. */
        public Builder<T> add(T item, Geometry lonLatPolygonal) {
            Objects.requireNonNull(item, "item");
            LonLatShapes.validate(label(item), lonLatPolygonal);
            return put(item, lonLatPolygonal);
        }

        /**
         * Adds a polygon without holes given as lon, lat pairs: {@code lon0, lat0, lon1, lat1, …}; the ring must be
         * closed (the last pair repeats the first) and have at least 4 points.
         */
        public Builder<T> addLonLat(T item, double... lonLat) {
            Objects.requireNonNull(item, "item");
            return put(item, LonLatShapes.polygon(label(item), lonLat));
        }

        /**
         * Adds a polygon given as closed lon/lat rings, each {@code {lon0, lat0, lon1, lat1, …}}: {@code rings[0]}
         * is the shell, the others are holes.
         */
        public Builder<T> addLonLatRings(T item, double[][] rings) {
            Objects.requireNonNull(item, "item");
            return put(item, LonLatShapes.polygon(label(item), rings));
        }

        /** Adds a POLYGON or MULTIPOLYGON in WKT, longitude first. */
        public Builder<T> addWkt(T item, String wkt) {
            Objects.requireNonNull(item, "item");
            return put(item, LonLatShapes.wkt(label(item), wkt));
        }

        private Builder<T> put(T item, Geometry g) {
            items.add(item);
            geometries.add(g);
            return this;
        }

        private static String label(Object item) {
            return "item \"" + item + "\"";
        }

        /** Builds the immutable index. */
        public GeometryIndex<T> build() {
            return new GeometryIndex<>(this);
        }
    }

    @Override
    public String toString() {
        return "GeometryIndex[" + items.length + " polygons, " + grid.gridCells() + " cells]";
    }

    /** The items, in the order they were added. */
    @SuppressWarnings("unchecked")
    public List<T> items() {
        return (List<T>) List.of(items);
    }
}
