package io.offsite.geofence.truck;

import org.locationtech.jts.geom.Coordinate;

/**
 * A conservative shortcut in front of the exact corridor test: "certainly inside the corridor polygon" when the
 * position is within {@link #INNER} × the half-width of a segment near the truck's last one. It never answers
 * "outside": a miss falls back to the exact grid test ({@link PermitIndex#locate}), so the result is always the
 * polygon's. Why the margin is safe: the buffer polygon ({@link io.offsite.geofence.FenceShape#QUADRANT_SEGMENTS}
 * = 8) runs its round joins and caps as chords at ≥ cos(π/32) ≈ 0.9952 of the half-width, JTS's offset-curve
 * simplification moves it inwards by at most 1 % of the width, and the local metric used here (metres per degree
 * at the segment's latitude) differs from the projection the buffer was built in by well under 1 % within 50 km
 * of the corridor's centre; corridors wider than that get no shortcut. Checked against the exact test by
 * {@code RouteLinesPropertyTest}.
 */
final class RouteLines {
    /** Fraction of the half-width within which a position is certainly inside the buffer polygon. */
    static final double INNER = 0.95;
    /** Segments searched each way from the hint. */
    static final int WINDOW = 8;
    private static final double M_PER_DEG = 111_320.0;
    private static final double MAX_EXTENT_DEG = 0.45;

    /** Per segment: start lon, start lat, metres per degree lon, dx, dy (m), 1/len² (1/m²). */
    private final double[] seg;
    final int segments;
    private final double inner2;

    private RouteLines(double[] seg, int segments, double inner2) {
        this.seg = seg;
        this.segments = segments;
        this.inner2 = inner2;
    }

    /** The shortcut for a corridor, or null when it spans too far for the local metric to be safe. */
    static RouteLines of(RouteCorridor c) {
        Coordinate[] cs = c.lineLonLat().getCoordinates();
        var env = c.lineLonLat().getEnvelopeInternal();
        if (env.getWidth() > MAX_EXTENT_DEG || env.getHeight() > MAX_EXTENT_DEG) {
            return null;
        }
        double[] seg = new double[6 * (cs.length - 1)];
        int n = 0;
        for (int i = 0; i + 1 < cs.length; i++) {
            double kx = M_PER_DEG * Math.cos(Math.toRadians((cs[i].y + cs[i + 1].y) / 2));
            double dx = (cs[i + 1].x - cs[i].x) * kx;
            double dy = (cs[i + 1].y - cs[i].y) * M_PER_DEG;
            double len2 = dx * dx + dy * dy;
            if (len2 == 0) {
                continue;
            }
            int o = 6 * n++;
            seg[o] = cs[i].x;
            seg[o + 1] = cs[i].y;
            seg[o + 2] = kx;
            seg[o + 3] = dx;
            seg[o + 4] = dy;
            seg[o + 5] = 1 / len2;
        }
        double r = c.halfWidthMeters() * INNER;
        return new RouteLines(seg, n, r * r);
    }

    /** Whether (lon, lat) is within the inner width of segment {@code i}. */
    boolean within(int i, double lon, double lat) {
        int o = 6 * i;
        double x = (lon - seg[o]) * seg[o + 2];
        double y = (lat - seg[o + 1]) * M_PER_DEG;
        double dx = seg[o + 3];
        double dy = seg[o + 4];
        double t = (x * dx + y * dy) * seg[o + 5];
        t = t < 0 ? 0 : (t > 1 ? 1 : t);
        double ex = x - t * dx;
        double ey = y - t * dy;
        return ex * ex + ey * ey <= inner2;
    }

    /** The segment near {@code hint} (searched {@link #WINDOW} each way) certainly containing the point, or −1. */
    int near(int hint, double lon, double lat) {
        for (int d = 0; d <= WINDOW; d++) {
            int a = hint + d;
            if (a < segments && within(a, lon, lat)) {
                return a;
            }
            int b = hint - d;
            if (d > 0 && b >= 0 && b < segments && within(b, lon, lat)) {
                return b;
            }
        }
        return -1;
    }

    /** Any segment certainly containing the point, or −1. */
    int any(double lon, double lat) {
        for (int i = 0; i < segments; i++) {
            if (within(i, lon, lat)) {
                return i;
            }
        }
        return -1;
    }
}
