package io.offsite.geofence;

import io.offsite.core.geo.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.locationtech.jts.geom.Geometry;

/**
 * An immutable snapshot of a fence set: which fences contain a position. Answers exactly what JTS
 * {@code area().contains(point)} answers (boundary excluded, holes honoured) for every geographic fence, and
 * matches camera-pixel fences by camera and preset. Thread-safe; to change the fence set build a new index
 * (see {@link FenceRegistry}, which swaps snapshots without blocking readers). For polygons without fence
 * semantics (no kind, cell or ladder) use {@link GeometryIndex}, which runs on the same grid engine.
 */
public final class FenceIndex {
    private final Fence[] fences;
    private final PolygonGrid grid;
    /** Per ordinal: the pixel polygon of a pixel fence, else null. */
    private final double[][] pixelShapes;
    /** Per fence ordinal: bit {@code ObjectClass.ordinal()} set when the fence's ladder applies to that class. */
    private final int[] classMasks;
    private final Map<String, Integer> byId;
    private final Map<String, int[]> pixelFences;

    private FenceIndex(Fence[] fences, double cellMeters) {
        this.fences = fences;
        this.pixelShapes = new double[fences.length][];
        this.classMasks = new int[fences.length];
        Geometry[] areas = new Geometry[fences.length];
        Map<String, Integer> ids = new HashMap<>();
        Map<String, List<Integer>> pixels = new HashMap<>();
        for (int i = 0; i < fences.length; i++) {
            Fence f = fences[i];
            for (ObjectClass c : f.policy().appliesTo()) {
                classMasks[i] |= 1 << c.ordinal();
            }
            if (ids.put(f.id(), i) != null) {
                throw new GeofenceException("duplicate fence id \"" + f.id() + "\" in the fence set");
            }
            if (f.shape() instanceof FenceShape.Pixels px) {
                pixelShapes[i] = FlatPolygon.of(px.polygon());
                pixels.computeIfAbsent(pixelKey(px.cameraId(), px.preset()), k -> new ArrayList<>()).add(i);
            } else {
                areas[i] = f.area();
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        Map<String, int[]> px = new HashMap<>();
        pixels.forEach((k, v) -> px.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.pixelFences = Collections.unmodifiableMap(px);
        this.grid = new PolygonGrid(areas, cellMeters);
    }

    /** An index of {@code fences} with 32 m grid cells. */
    public static FenceIndex of(Collection<Fence> fences) {
        return of(fences, 32);
    }

    /**
     * An index of {@code fences} with grid cells of about {@code cellMeters} (5–1000 m; smaller cells answer
     * faster near boundaries and take more memory).
     */
    public static FenceIndex of(Collection<Fence> fences, double cellMeters) {
        Objects.requireNonNull(fences, "fences");
        checkCellMeters(cellMeters);
        return new FenceIndex(fences.toArray(new Fence[0]), cellMeters);
    }

    static void checkCellMeters(double cellMeters) {
        if (!(cellMeters >= 5 && cellMeters <= 1000)) {
            throw new GeofenceException("cellMeters must be within [5, 1000], was " + cellMeters);
        }
    }

    static String pixelKey(String cameraId, int preset) {
        return cameraId + '#' + preset;
    }

    /** Number of fences (geographic and pixel). */
    public int size() {
        return fences.length;
    }

    /** The fence with this id. */
    public Optional<Fence> fence(String id) {
        Integer i = byId.get(id);
        return i == null ? Optional.empty() : Optional.of(fences[i]);
    }

    /** All fences, in the order they were given. */
    public List<Fence> fences() {
        return List.of(fences);
    }

    /** The geographic fences whose interior contains {@code p}, regardless of schedule. */
    public List<Fence> containing(GeoPoint p) {
        List<Fence> out = new ArrayList<>(2);
        grid.forEachContaining(p.lon(), p.lat(), ord -> out.add(fences[ord]));
        return out;
    }

    /** The geographic fences whose interior contains {@code p} and whose schedule is active at {@code at}. */
    public List<Fence> activeContaining(GeoPoint p, Instant at) {
        long t = EventTimes.saturatedMillis(at);
        List<Fence> out = new ArrayList<>(2);
        grid.forEachContaining(p.lon(), p.lat(), ord -> {
            if (fences[ord].schedule().isActive(t)) {
                out.add(fences[ord]);
            }
        });
        return out;
    }

    // ---- engine internals (package-private): ordinals are positions in fences() ----

    /** The fence with this ordinal. */
    Fence fence(int ordinal) {
        return fences[ordinal];
    }

    /** Whether the ladder of fence {@code ordinal} applies to objects of class {@code c} (a cached bit test). */
    boolean appliesTo(int ordinal, ObjectClass c) {
        return (classMasks[ordinal] & (1 << c.ordinal())) != 0;
    }

    /** The ordinal of a fence id, or −1. */
    int ordinalOf(String id) {
        Integer i = byId.get(id);
        return i == null ? -1 : i;
    }

    /** Metres per degree of longitude at the middle of the indexed extent (for jitter distances). */
    double metersPerDegreeLon() {
        return grid.metersPerDegreeLon();
    }

    /** Visits the ordinal of every geographic fence containing (lon, lat), ascending; returns the count. No allocation. */
    int forEachContaining(double lon, double lat, IntConsumer visitor) {
        return grid.forEachContaining(lon, lat, visitor);
    }

    /** Writes the ordinals of the fences containing (lon, lat) into {@code out} (up to its length); returns the count. */
    int containing(double lon, double lat, int[] out) {
        return grid.containing(lon, lat, out);
    }

    /**
     * A radius (degrees, Euclidean in lon/lat) around (lon, lat) within which {@link #containing(double, double,
     * int[])} gives the same answer; 0 outside the index's extent or on a boundary. Lets the engine reuse the
     * answer for a parked car whose reported position jitters by a few decimetres.
     */
    double clearance(double lon, double lat) {
        return grid.clearance(lon, lat);
    }

    /** Writes the ordinals of the pixel fences of camera/preset containing image point (x, y); returns the count. */
    int containingPixel(String cameraId, int preset, double x, double y, int[] out) {
        int[] cands = pixelFences.get(pixelKey(cameraId, preset));
        if (cands == null) {
            return 0;
        }
        int n = 0;
        for (int ord : cands) {
            if (FlatPolygon.containsProperly(pixelShapes[ord], x, y)) {
                if (n < out.length) {
                    out[n] = ord;
                }
                n++;
            }
        }
        return n;
    }

    /** Approximate retained size of the index arrays in bytes, for capacity planning. */
    long approximateBytes() {
        long b = grid.approximateBytes();
        for (double[] s : pixelShapes) {
            b += s == null ? 0 : 16L + s.length * 8L;
        }
        return b;
    }

    /** Number of grid cells (for diagnostics). */
    int gridCells() {
        return grid.gridCells();
    }
}
