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
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * An immutable point → fences index. Answers exactly what JTS {@code area().contains(point)} answers
 * (boundary excluded, holes honoured) for every geographic fence, and matches camera-pixel fences by
 * camera and preset.
 *
 * <p>How: a uniform grid (default 32 m cells) over the fences' extent. For each cell the build records the
 * fences that contain the whole cell ("inside": no geometry test needed at lookup) and the fences whose
 * boundary crosses it ("boundary": an exact, allocation-free point-in-polygon test on a flat edge array).
 * Cells are stored as one {@code int[]} (a cell's single entry inline, else an offset into one {@code int[]} of
 * entries) behind a one-bit-per-cell occupancy bitset. Lookups never allocate
 * with {@link #forEachContaining} or {@link #containing(double, double, int[])}. Thread-safe; to change the
 * fence set build a new index (see {@link FenceRegistry}, which swaps snapshots without blocking readers).
 */
public final class FenceIndex {
    private static final double METERS_PER_DEGREE = 111_320.0;
    private static final double EPS = 1e-9;
    private static final int MAX_CELLS = 8_000_000;

    private final Fence[] fences;
    private final double[][] shapes;
    /** Per fence ordinal: bit {@code ObjectClass.ordinal()} set when the fence's ladder applies to that class. */
    private final int[] classMasks;
    private final Map<String, Integer> byId;
    private final Map<String, int[]> pixelFences;
    private final double minX;
    private final double minY;
    private final double invW;
    private final double invH;
    private final int nx;
    private final int ny;
    /**
     * Per cell: 0 = empty; negative = the cell's single entry, stored inline as {@code -(entry + 1)}; positive =
     * offset into {@link #entries} where {@code entries[offset]} is the count, followed by the entries.
     */
    private final int[] cellInfo;
    private final int[] entries;
    /** One bit per cell: set when the cell has any entry (a cache-resident first check for empty cells). */
    private final long[] occupied;
    private final double metersPerDegreeLon;

    private FenceIndex(Fence[] fences, double cellMeters) {
        this.fences = fences;
        this.shapes = new double[fences.length][];
        this.classMasks = new int[fences.length];
        Map<String, Integer> ids = new HashMap<>();
        Map<String, List<Integer>> pixels = new HashMap<>();
        Envelope ext = new Envelope();
        for (int i = 0; i < fences.length; i++) {
            Fence f = fences[i];
            for (ObjectClass c : f.policy().appliesTo()) {
                classMasks[i] |= 1 << c.ordinal();
            }
            if (ids.put(f.id(), i) != null) {
                throw new GeofenceException("duplicate fence id \"" + f.id() + "\" in the fence set");
            }
            if (f.shape() instanceof FenceShape.Pixels px) {
                shapes[i] = FlatPolygon.of(px.polygon());
                pixels.computeIfAbsent(pixelKey(px.cameraId(), px.preset()), k -> new ArrayList<>()).add(i);
            } else {
                shapes[i] = FlatPolygon.of(f.area());
                ext.expandToInclude(f.area().getEnvelopeInternal());
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        Map<String, int[]> px = new HashMap<>();
        pixels.forEach((k, v) -> px.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.pixelFences = Collections.unmodifiableMap(px);
        if (ext.isNull()) {
            minX = 0;
            minY = 0;
            invW = 0;
            invH = 0;
            nx = 0;
            ny = 0;
            cellInfo = new int[0];
            entries = new int[0];
            occupied = new long[0];
            metersPerDegreeLon = METERS_PER_DEGREE;
            return;
        }
        double midLat = (ext.getMinY() + ext.getMaxY()) / 2;
        metersPerDegreeLon = METERS_PER_DEGREE * Math.cos(Math.toRadians(midLat));
        double cw = cellMeters / metersPerDegreeLon;
        double ch = cellMeters / METERS_PER_DEGREE;
        while ((ext.getWidth() / cw + 1) * (ext.getHeight() / ch + 1) > MAX_CELLS) {
            cw *= 2;
            ch *= 2;
        }
        minX = ext.getMinX();
        minY = ext.getMinY();
        invW = 1 / cw;
        invH = 1 / ch;
        nx = (int) Math.floor(ext.getWidth() * invW) + 1;
        ny = (int) Math.floor(ext.getHeight() * invH) + 1;
        int[][] built = buildCells(cw, ch);
        int[] start = built[0];
        int[] flat = built[1];
        cellInfo = new int[nx * ny];
        occupied = new long[(nx * ny + 63) >>> 6];
        IntList multi = new IntList();
        multi.add(0);
        for (int c = 0; c < nx * ny; c++) {
            int count = start[c + 1] - start[c];
            if (count == 0) {
                continue;
            }
            occupied[c >>> 6] |= 1L << c;
            if (count == 1) {
                cellInfo[c] = -(flat[start[c]] + 1);
            } else {
                cellInfo[c] = multi.size;
                multi.add(count);
                for (int k = start[c]; k < start[c + 1]; k++) {
                    multi.add(flat[k]);
                }
            }
        }
        entries = java.util.Arrays.copyOf(multi.data, multi.size);
    }

    /** An index of {@code fences} with 32 m grid cells. */
    public static FenceIndex of(Collection<Fence> fences) {
        return of(fences, 32);
    }

    /** An index of {@code fences} with grid cells of about {@code cellMeters} (5–1000 m). */
    public static FenceIndex of(Collection<Fence> fences, double cellMeters) {
        Objects.requireNonNull(fences, "fences");
        if (!(cellMeters >= 5 && cellMeters <= 1000)) {
            throw new GeofenceException("cellMeters must be within [5, 1000], was " + cellMeters);
        }
        return new FenceIndex(fences.toArray(new Fence[0]), cellMeters);
    }

    private int[][] buildCells(double cw, double ch) {
        GeometryFactory gf = new GeometryFactory();
        int[] counts = new int[nx * ny + 1];
        IntList cellOf = new IntList();
        IntList entryOf = new IntList();
        for (int i = 0; i < fences.length; i++) {
            if (fences[i].isPixelFence()) {
                continue;
            }
            Geometry area = fences[i].area();
            PreparedGeometry prep = PreparedGeometryFactory.prepare(area);
            Envelope e = area.getEnvelopeInternal();
            int x0 = clamp((int) Math.floor((e.getMinX() - minX) * invW), nx);
            int x1 = clamp((int) Math.floor((e.getMaxX() - minX) * invW), nx);
            int y0 = clamp((int) Math.floor((e.getMinY() - minY) * invH), ny);
            int y1 = clamp((int) Math.floor((e.getMaxY() - minY) * invH), ny);
            for (int iy = y0; iy <= y1; iy++) {
                for (int ix = x0; ix <= x1; ix++) {
                    Envelope cell = new Envelope(minX + ix * cw - EPS, minX + (ix + 1) * cw + EPS,
                            minY + iy * ch - EPS, minY + (iy + 1) * ch + EPS);
                    Geometry rect = gf.toGeometry(cell);
                    int entry;
                    if (prep.containsProperly(rect)) {
                        entry = i << 1;
                    } else if (prep.intersects(rect)) {
                        entry = (i << 1) | 1;
                    } else {
                        continue;
                    }
                    int c = iy * nx + ix;
                    counts[c]++;
                    cellOf.add(c);
                    entryOf.add(entry);
                }
            }
        }
        int[] start = new int[nx * ny + 1];
        for (int c = 0; c < nx * ny; c++) {
            start[c + 1] = start[c] + counts[c];
        }
        int[] fill = java.util.Arrays.copyOf(start, start.length);
        int[] out = new int[cellOf.size];
        for (int k = 0; k < cellOf.size; k++) {
            out[fill[cellOf.data[k]]++] = entryOf.data[k];
        }
        return new int[][] {start, out};
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : (v >= n ? n - 1 : v);
    }

    static String pixelKey(String cameraId, int preset) {
        return cameraId + '#' + preset;
    }

    /** Number of fences (geographic and pixel); ordinals run from 0 to size − 1. */
    public int size() {
        return fences.length;
    }

    /** The fence with this ordinal. */
    public Fence fence(int ordinal) {
        return fences[ordinal];
    }

    /** Whether the ladder of fence {@code ordinal} applies to objects of class {@code c} (a cached bit test). */
    public boolean appliesTo(int ordinal, ObjectClass c) {
        return (classMasks[ordinal] & (1 << c.ordinal())) != 0;
    }

    /** The fence with this id. */
    public Optional<Fence> fence(String id) {
        Integer i = byId.get(id);
        return i == null ? Optional.empty() : Optional.of(fences[i]);
    }

    /** The ordinal of a fence id, or −1. */
    public int ordinalOf(String id) {
        Integer i = byId.get(id);
        return i == null ? -1 : i;
    }

    /** All fences, in ordinal order. */
    public List<Fence> fences() {
        return List.of(fences);
    }

    /** Metres per degree of longitude at the middle of the indexed extent (for jitter distances). */
    public double metersPerDegreeLon() {
        return metersPerDegreeLon;
    }

    /**
     * Calls {@code visitor} with the ordinal of every geographic fence whose interior contains (lon, lat), in
     * ordinal order, regardless of schedule. Returns the number of fences visited. Does not allocate.
     */
    public int forEachContaining(double lon, double lat, IntConsumer visitor) {
        int c = occupiedCell(lon, lat);
        if (c < 0) {
            return 0;
        }
        int info = cellInfo[c];
        if (info < 0) {
            int e = -info - 1;
            if (hit(e, lon, lat)) {
                visitor.accept(e >>> 1);
                return 1;
            }
            return 0;
        }
        int n = 0;
        for (int k = info + 1, end = info + 1 + entries[info]; k < end; k++) {
            if (hit(entries[k], lon, lat)) {
                visitor.accept(entries[k] >>> 1);
                n++;
            }
        }
        return n;
    }

    /**
     * Writes the ordinals of the fences containing (lon, lat) into {@code out} and returns how many there are;
     * if more than {@code out.length}, only the first {@code out.length} are written. Does not allocate.
     */
    public int containing(double lon, double lat, int[] out) {
        int c = occupiedCell(lon, lat);
        if (c < 0) {
            return 0;
        }
        int info = cellInfo[c];
        if (info < 0) {
            int e = -info - 1;
            if (hit(e, lon, lat)) {
                if (out.length > 0) {
                    out[0] = e >>> 1;
                }
                return 1;
            }
            return 0;
        }
        int n = 0;
        for (int k = info + 1, end = info + 1 + entries[info]; k < end; k++) {
            if (hit(entries[k], lon, lat)) {
                if (n < out.length) {
                    out[n] = entries[k] >>> 1;
                }
                n++;
            }
        }
        return n;
    }

    /** The grid cell containing (lon, lat) when it has entries, else -1 (empty, or outside the extent). */
    private int occupiedCell(double lon, double lat) {
        double fx = (lon - minX) * invW;
        double fy = (lat - minY) * invH;
        if (!(fx >= 0 && fy >= 0 && fx < nx && fy < ny)) {
            return -1;
        }
        int c = (int) fy * nx + (int) fx;
        return (occupied[c >>> 6] & (1L << c)) == 0 ? -1 : c;
    }

    /** Whether cell entry {@code e} (ordinal << 1 | boundary bit) contains (lon, lat). */
    private boolean hit(int e, double lon, double lat) {
        return (e & 1) == 0 || FlatPolygon.containsProperly(shapes[e >>> 1], lon, lat);
    }

    /**
     * A radius (in degrees, measured as plain Euclidean distance in lon/lat) around (lon, lat) within which
     * {@link #containing(double, double, int[])} gives the same answer: no fence boundary and no border of the
     * index cell lies closer. 0 when the point is outside the index's extent or (within rounding) on a boundary.
     * Lets a caller that sees a stationary subject again — a parked car whose reported position jitters by a
     * few decimetres — reuse its previous answer without a geometry test.
     */
    public double clearance(double lon, double lat) {
        double fx = (lon - minX) * invW;
        double fy = (lat - minY) * invH;
        if (!(fx >= 0 && fy >= 0 && fx < nx && fy < ny)) {
            return 0;
        }
        int cx = (int) fx;
        int cy = (int) fy;
        double r = Math.min(Math.min(fx - cx, cx + 1 - fx) / invW, Math.min(fy - cy, cy + 1 - fy) / invH);
        int c = cy * nx + cx;
        if ((occupied[c >>> 6] & (1L << c)) != 0) {
            int info = cellInfo[c];
            if (info < 0) {
                r = boundaryClearance(-info - 1, lon, lat, r);
            } else {
                for (int k = info + 1, end = info + 1 + entries[info]; k < end; k++) {
                    r = boundaryClearance(entries[k], lon, lat, r);
                }
            }
        }
        // rounding in the cell arithmetic and the distances is far below 1e-12 degrees (0.1 micrometre)
        return Math.max(0, r - 1e-12);
    }

    private double boundaryClearance(int entry, double lon, double lat, double r) {
        // an "inside" entry's fence contains the whole cell: none of its boundary is nearer than the cell border
        return (entry & 1) == 0 ? r : Math.min(r, FlatPolygon.boundaryDistance(shapes[entry >>> 1], lon, lat));
    }

    /** The fences whose interior contains {@code p}, regardless of schedule. */
    public List<Fence> containing(GeoPoint p) {
        List<Fence> out = new ArrayList<>(2);
        forEachContaining(p.lon(), p.lat(), ord -> out.add(fences[ord]));
        return out;
    }

    /** The fences whose interior contains {@code p} and whose schedule is active at {@code at}. */
    public List<Fence> activeContaining(GeoPoint p, Instant at) {
        long t = EventTimes.saturatedMillis(at);
        List<Fence> out = new ArrayList<>(2);
        forEachContaining(p.lon(), p.lat(), ord -> {
            if (fences[ord].schedule().isActive(t)) {
                out.add(fences[ord]);
            }
        });
        return out;
    }

    /**
     * Writes the ordinals of the pixel fences of {@code cameraId}/{@code preset} whose interior contains image
     * point (x, y) into {@code out}; returns how many there are.
     */
    public int containingPixel(String cameraId, int preset, double x, double y, int[] out) {
        int[] cands = pixelFences.get(pixelKey(cameraId, preset));
        if (cands == null) {
            return 0;
        }
        int n = 0;
        for (int ord : cands) {
            if (FlatPolygon.containsProperly(shapes[ord], x, y)) {
                if (n < out.length) {
                    out[n] = ord;
                }
                n++;
            }
        }
        return n;
    }

    /** Approximate retained size of the index arrays in bytes (grid + flat polygons), for capacity planning. */
    public long approximateBytes() {
        long b = 16L + cellInfo.length * 4L + 16 + entries.length * 4L + 16 + occupied.length * 8L;
        for (double[] s : shapes) {
            b += 16L + s.length * 8L;
        }
        return b;
    }

    /** Number of grid cells (for diagnostics). */
    public int gridCells() {
        return nx * ny;
    }

    /** Growable int array used while building. */
    static final class IntList {
        int[] data = new int[64];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }
}
