package io.offsite.geofence;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The engine behind {@link FenceIndex} and {@link GeometryIndex}: an immutable point → polygons index over
 * lon/lat polygonal geometries numbered 0..n−1 (a null geometry is not indexed). Answers exactly what JTS
 * {@code contains(point)} answers (boundary excluded, holes honoured).
 *
 * <p>How: a uniform grid (about {@code cellMeters} cells) over the geometries' extent. For each cell the build
 * records the geometries that contain the whole cell ("inside": no test at lookup) and those whose boundary
 * crosses it ("boundary"). A boundary entry points to a {@link CellEdges} record: the polygon's edges near the
 * cell plus the parity of the edges to its right as a step function of y, so the exact JTS ray-crossing test
 * reads a handful of numbers however many vertices the polygon has; each record also splits its cell into
 * 8 × 8 {@link SubCells}, and a point in a sub-cell no edge meets is answered by one bit. A cell many edges of one
 * polygon cross keeps one small record per crossed sub-cell ({@link SubCellEdges}). A cell with too many nearby
 * edges even for that falls back to the whole polygon: the point's band of {@link EdgeBands} for many-vertex shapes,
 * a linear scan of a {@link FlatPolygon} for small ones. The cells are packed in a {@link CellTable} (each occupied
 * cell's slot, holding its first entry and sub-cell bits, with the cell's further entries and records after it). Lookups never allocate.
 * Thread-safe.
 */
final class PolygonGrid {
    static final double METERS_PER_DEGREE = 111_320.0;
    private static final double EPS = CellEdges.EPS;
    private static final int MAX_CELLS = 8_000_000;

    private final double[][] flat;
    private final EdgeBands[] banded;
    private final double minX;
    private final double minY;
    private final double invW;
    private final double invH;
    /** Cell width and height (degrees); cell (cx, cy) has its lower-left corner at (minX + cx·cw, minY + cy·ch). */
    private final double cw;
    private final double ch;
    private final int nx;
    private final int ny;
    /** The cells' entries and records, see {@link CellTable}. */
    private final CellTable table;
    private final double metersPerDegreeLon;

    PolygonGrid(Geometry[] areas, double cellMeters) {
        if (areas.length > 1 << 29) {
            throw new GeofenceException("too many geometries for one index: " + areas.length);
        }
        flat = new double[areas.length][];
        banded = new EdgeBands[areas.length];
        Envelope ext = new Envelope();
        for (int i = 0; i < areas.length; i++) {
            if (areas[i] != null) {
                banded[i] = EdgeBands.of(areas[i]);
                flat[i] = banded[i] == null ? FlatPolygon.of(areas[i]) : null;
                ext.expandToInclude(areas[i].getEnvelopeInternal());
            }
        }
        if (ext.isNull()) {
            minX = 0;
            minY = 0;
            invW = 0;
            invH = 0;
            this.cw = 0;
            this.ch = 0;
            nx = 0;
            ny = 0;
            table = new CellTable(0, new int[1], new int[0], new CellEdgesBuilder(), banded, flat, 0, 0, 0, 0);
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
        this.cw = cw;
        this.ch = ch;
        nx = (int) Math.floor(ext.getWidth() * invW) + 1;
        ny = (int) Math.floor(ext.getHeight() * invH) + 1;
        CellEdgesBuilder records = new CellEdgesBuilder();
        int[][] built = classifyCells(areas, cw, ch, records);
        table = new CellTable(nx * ny, built[0], built[1], records, banded, flat, minX, minY, cw, ch);
    }

    /**
     * Per cell, in ordinal order: inside entries ({@code i << 1}) and boundary entries ({@code record << 1 | 1},
     * the record built from the polygon's edges near the cell, see {@link CellEdges}).
     */
    private int[][] classifyCells(Geometry[] areas, double cw, double ch, CellEdgesBuilder records) {
        GeometryFactory gf = new GeometryFactory();
        int[] counts = new int[nx * ny + 1];
        IntList cellOf = new IntList();
        IntList entryOf = new IntList();
        IntList rowEdges = new IntList();
        for (int i = 0; i < areas.length; i++) {
            if (areas[i] == null) {
                continue;
            }
            PreparedGeometry prep = PreparedGeometryFactory.prepare(areas[i]);
            double[] edges = EdgeBands.rawEdges(areas[i]);
            Envelope e = areas[i].getEnvelopeInternal();
            int x0 = clamp((int) Math.floor((e.getMinX() - minX) * invW), nx);
            int x1 = clamp((int) Math.floor((e.getMaxX() - minX) * invW), nx);
            int y0 = clamp((int) Math.floor((e.getMinY() - minY) * invH), ny);
            int y1 = clamp((int) Math.floor((e.getMaxY() - minY) * invH), ny);
            for (int iy = y0; iy <= y1; iy++) {
                double yLo = minY + iy * ch - EPS;
                double yHi = minY + (iy + 1) * ch + EPS;
                rowEdges.size = 0;
                for (int k = 0; k < edges.length; k += 4) {
                    if (Math.max(edges[k + 1], edges[k + 3]) >= yLo && Math.min(edges[k + 1], edges[k + 3]) <= yHi) {
                        rowEdges.add(k >> 2);
                    }
                }
                for (int ix = x0; ix <= x1; ix++) {
                    double xLo = minX + ix * cw - EPS;
                    double xHi = minX + (ix + 1) * cw + EPS;
                    Geometry rect = gf.toGeometry(new Envelope(xLo, xHi, yLo, yHi));
                    int entry;
                    if (prep.containsProperly(rect)) {
                        entry = i << 1;
                    } else if (prep.intersects(rect)) {
                        entry = (records.add(i, edges, rowEdges, minX + ix * cw, minY + iy * ch, cw, ch) << 1) | 1;
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
        int[] fill = Arrays.copyOf(start, start.length);
        int[] out = new int[cellOf.size];
        for (int k = 0; k < cellOf.size; k++) {
            out[fill[cellOf.data[k]]++] = entryOf.data[k];
        }
        return new int[][] {start, out};
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : (v >= n ? n - 1 : v);
    }

    /** Metres per degree of longitude at the middle of the indexed extent. */
    double metersPerDegreeLon() {
        return metersPerDegreeLon;
    }

    /** Calls {@code visitor} with every ordinal whose geometry contains (lon, lat), ascending; returns the count. */
    int forEachContaining(double lon, double lat, IntConsumer visitor) {
        long at = occupiedCell(lon, lat);
        return at < 0 ? 0 : table.forEach((int) (at >>> 6), (int) at & 63, lon, lat, cellX(lon), cellY(lat), visitor);
    }

    /**
     * Calls {@code visitor} with {@code items[ordinal]} for every ordinal whose geometry contains (lon, lat),
     * ascending; returns the count. No allocation.
     */
    <T> int forEachItem(double lon, double lat, Object[] items, java.util.function.Consumer<? super T> visitor) {
        long at = occupiedCell(lon, lat);
        return at < 0 ? 0
                : table.forEachItem((int) (at >>> 6), (int) at & 63, lon, lat, cellX(lon), cellY(lat), items, visitor);
    }

    /** Writes the containing ordinals (ascending) into {@code out} up to its length; returns how many there are. */
    int containing(double lon, double lat, int[] out) {
        double fx = (lon - minX) * invW;
        double fy = (lat - minY) * invH;
        if (!(fx >= 0 && fy >= 0 && fx < nx && fy < ny)) {
            return 0;
        }
        int cx = (int) fx;
        int cy = (int) fy;
        int slot = table.slot(cy * nx + cx);
        if (slot < 0) {
            return 0;
        }
        int s = (int) ((fy - cy) * SubCells.SPLIT) * SubCells.SPLIT + (int) ((fx - cx) * SubCells.SPLIT);
        return table.containing(slot, s, lon, lat, cx, cy, out);
    }

    private int cellX(double lon) {
        return (int) ((lon - minX) * invW);
    }

    private int cellY(double lat) {
        return (int) ((lat - minY) * invH);
    }

    /**
     * lon less the west border of its cell, computed as the build computes the corner that the cell's packed edges
     * are relative to (see {@link CellEdges#pack}).
     */
    private double relX(double lon) {
        return lon - (minX + (int) ((lon - minX) * invW) * cw);
    }

    /** lat less the south border of its cell (see {@link #relX}). */
    private double relY(double lat) {
        return lat - (minY + (int) ((lat - minY) * invH) * ch);
    }

    /**
     * {@code slot << 6 | subCell} for the grid cell containing (lon, lat) when it has entries (the offset of its
     * {@link CellTable} slot), else -1 (empty, or outside the extent); the sub-cell is the point's {@link SubCells} index within the
     * cell.
     */
    private long occupiedCell(double lon, double lat) {
        double fx = (lon - minX) * invW;
        double fy = (lat - minY) * invH;
        if (!(fx >= 0 && fy >= 0 && fx < nx && fy < ny)) {
            return -1;
        }
        int cx = (int) fx;
        int cy = (int) fy;
        int slot = table.slot(cy * nx + cx);
        if (slot < 0) {
            return -1;
        }
        // fx - cx is exact and below 1, so each sub-cell coordinate is 0..SPLIT-1
        int s = (int) ((fy - cy) * SubCells.SPLIT) * SubCells.SPLIT + (int) ((fx - cx) * SubCells.SPLIT);
        return (long) slot << 6 | s;
    }

    /**
     * A radius (degrees, plain Euclidean in lon/lat) around (lon, lat) within which the answer cannot change: no
     * boundary and no border of the point's cell lies closer. 0 outside the extent or (within rounding) on a
     * boundary.
     */
    double clearance(double lon, double lat) {
        double fx = (lon - minX) * invW;
        double fy = (lat - minY) * invH;
        if (!(fx >= 0 && fy >= 0 && fx < nx && fy < ny)) {
            return 0;
        }
        int cx = (int) fx;
        int cy = (int) fy;
        double r = Math.min(Math.min(fx - cx, cx + 1 - fx) / invW, Math.min(fy - cy, cy + 1 - fy) / invH);
        int slot = table.slot(cy * nx + cx);
        if (slot >= 0) {
            r = table.clearance(slot, lon, lat, relX(lon), relY(lat), r);
        }
        // rounding in the cell arithmetic and the distances is far below 1e-12 degrees (0.1 micrometre)
        return Math.max(0, r - 1e-12);
    }

    /** Approximate retained size in bytes (grid with its inline edge records, flat polygons and edge bands). */
    long approximateBytes() {
        long b = table.approximateBytes();
        for (int i = 0; i < flat.length; i++) {
            b += flat[i] == null ? 0 : 16L + flat[i].length * 8L;
            b += banded[i] == null ? 0 : banded[i].approximateBytes();
        }
        return b;
    }

    /** Number of grid cells. */
    int gridCells() {
        return nx * ny;
    }
}
