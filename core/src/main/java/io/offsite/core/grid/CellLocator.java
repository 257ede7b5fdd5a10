package io.offsite.core.grid;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Point → region index over a set of non-overlapping regions (street cells and accepted gaps).
 *
 * <p>A uniform bucket grid covers the regions' extent. Buckets crossed by no edge of any region lie wholly
 * inside one region or wholly outside all, so they answer from one array read; only buckets crossed by an
 * edge keep a short candidate list tested exactly with {@link HalfOpenRings}. Immutable and thread-safe.
 */
final class CellLocator {
    private static final int OUTSIDE = -1;
    private static final int BOUNDARY = -2;

    private final HalfOpenRings[] regions;
    private final double minX;
    private final double minY;
    private final double invW;
    private final double invH;
    private final int nx;
    private final int ny;
    /** Per bucket: region index, {@link #OUTSIDE}, or {@link #BOUNDARY}. */
    private final int[] owner;
    /** CSR candidate lists for boundary buckets: {@code cand[candStart[b] .. candStart[b + 1])}. */
    private final int[] candStart;
    private final int[] cand;

    CellLocator(List<Geometry> regionShapes, int bucketsPerRegion) {
        int n = regionShapes.size();
        regions = new HalfOpenRings[n];
        Envelope ext = new Envelope();
        for (int i = 0; i < n; i++) {
            regions[i] = new HalfOpenRings(regionShapes.get(i));
            ext.expandToInclude(regionShapes.get(i).getEnvelopeInternal());
        }
        if (n == 0) {
            ext = new Envelope(0, 1, 0, 1);
        }
        double w = Math.max(ext.getWidth(), 1e-9);
        double h = Math.max(ext.getHeight(), 1e-9);
        long target = Math.max(1, Math.min(8_000_000L, (long) n * bucketsPerRegion));
        double side = Math.sqrt(w * h / target);
        nx = (int) Math.max(1, Math.min(8192, Math.ceil(w / side)));
        ny = (int) Math.max(1, Math.min(8192, Math.ceil(h / side)));
        minX = ext.getMinX();
        minY = ext.getMinY();
        invW = nx / w;
        invH = ny / h;

        int nb = nx * ny;
        owner = new int[nb];
        java.util.Arrays.fill(owner, OUTSIDE);
        // Pass 1: count, per bucket, the regions with an edge through it (a region counted once per bucket).
        int[] counts = new int[nb + 1];
        int[] lastSeen = new int[nb];
        java.util.Arrays.fill(lastSeen, -1);
        for (int r = 0; r < n; r++) {
            final int region = r;
            forEachEdgeBucket(regionShapes.get(r), b -> {
                if (lastSeen[b] != region) {
                    lastSeen[b] = region;
                    counts[b]++;
                    owner[b] = BOUNDARY;
                }
            });
        }
        candStart = new int[nb + 1];
        for (int b = 0; b < nb; b++) {
            candStart[b + 1] = candStart[b] + counts[b];
        }
        cand = new int[candStart[nb]];
        int[] fill = java.util.Arrays.copyOf(candStart, nb);
        java.util.Arrays.fill(lastSeen, -1);
        for (int r = 0; r < n; r++) {
            final int region = r;
            forEachEdgeBucket(regionShapes.get(r), b -> {
                if (lastSeen[b] != region) {
                    lastSeen[b] = region;
                    cand[fill[b]++] = region;
                }
            });
        }
        // Pass 2: buckets with no edge inside a region's envelope are wholly in or out: test their centre.
        for (int r = 0; r < n; r++) {
            HalfOpenRings ring = regions[r];
            int x0 = bx(ring.minX);
            int x1 = bx(ring.maxX);
            int y0 = by(ring.minY);
            int y1 = by(ring.maxY);
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    int b = y * nx + x;
                    if (owner[b] == OUTSIDE
                            && ring.contains(minX + (x + 0.5) / invW, minY + (y + 0.5) / invH)) {
                        owner[b] = r;
                    }
                }
            }
        }
    }

    private int bx(double x) {
        int i = (int) ((x - minX) * invW);
        return i < 0 ? 0 : Math.min(i, nx - 1);
    }

    private int by(double y) {
        int i = (int) ((y - minY) * invH);
        return i < 0 ? 0 : Math.min(i, ny - 1);
    }

    /** Visits every bucket touched by the bounding box of any edge of the shape (conservative). */
    private void forEachEdgeBucket(Geometry shape, java.util.function.IntConsumer visit) {
        for (int g = 0; g < shape.getNumGeometries(); g++) {
            org.locationtech.jts.geom.Polygon p = (org.locationtech.jts.geom.Polygon) shape.getGeometryN(g);
            visitRing(p.getExteriorRing().getCoordinates(), visit);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                visitRing(p.getInteriorRingN(h).getCoordinates(), visit);
            }
        }
    }

    /**
     * Visits every bucket a segment passes through or touches (conservative supercover): row by row, the
     * segment's x-extent inside the row, widened by a tiny epsilon so that an edge lying exactly on a bucket
     * border marks the buckets on both sides.
     */
    private void visitRing(Coordinate[] cs, java.util.function.IntConsumer visit) {
        double epsX = 1e-9 / invW;
        double epsY = 1e-9 / invH;
        for (int i = 0; i + 1 < cs.length; i++) {
            boolean up = cs[i].y <= cs[i + 1].y;
            double ax = up ? cs[i].x : cs[i + 1].x;
            double ay = up ? cs[i].y : cs[i + 1].y;
            double ux = up ? cs[i + 1].x : cs[i].x;
            double uy = up ? cs[i + 1].y : cs[i].y;
            int row0 = by(ay - epsY);
            int row1 = by(uy + epsY);
            for (int row = row0; row <= row1; row++) {
                double lo;
                double hi;
                if (uy == ay) {
                    lo = Math.min(ax, ux);
                    hi = Math.max(ax, ux);
                } else {
                    double y0 = Math.max(ay, minY + row / invH - epsY);
                    double y1 = Math.min(uy, minY + (row + 1) / invH + epsY);
                    double xa = ax + (ux - ax) * ((y0 - ay) / (uy - ay));
                    double xb = ax + (ux - ax) * ((y1 - ay) / (uy - ay));
                    lo = Math.min(xa, xb);
                    hi = Math.max(xa, xb);
                }
                int x0 = bx(lo - epsX);
                int x1 = bx(hi + epsX);
                for (int x = x0; x <= x1; x++) {
                    visit.accept(row * nx + x);
                }
            }
        }
    }

    /** The region containing the point, or -1. */
    int locate(double x, double y) {
        double fx = (x - minX) * invW;
        double fy = (y - minY) * invH;
        if (!(fx >= 0 && fy >= 0 && fx <= nx && fy <= ny)) {
            return OUTSIDE;
        }
        int ix = Math.min((int) fx, nx - 1);
        int iy = Math.min((int) fy, ny - 1);
        int b = iy * nx + ix;
        int o = owner[b];
        if (o != BOUNDARY) {
            return o;
        }
        for (int i = candStart[b], end = candStart[b + 1]; i < end; i++) {
            int r = cand[i];
            if (regions[r].contains(x, y)) {
                return r;
            }
        }
        return OUTSIDE;
    }

    /** Number of buckets, for diagnostics. */
    int bucketCount() {
        return owner.length;
    }
}
