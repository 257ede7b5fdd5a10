package io.offsite.benchmarks.geofence;

import io.offsite.core.grid.CellId;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** The benchmark fence set: star polygons of 10–40 vertices, 20–200 m across, over 20 km × 20 km. */
final class FenceSets {
    static final double LON0 = 120.10;
    static final double LAT0 = 30.20;
    static final double M_PER_DEG_LAT = 111_320.0;
    static final double M_PER_DEG_LON = 111_320.0 * Math.cos(Math.toRadians(LAT0 + 0.09));
    static final double EXTENT_M = 20_000;

    private FenceSets() {
    }

    static List<Fence> polygons(int n, long seed) {
        GeometryFactory gf = new GeometryFactory();
        Random r = new Random(seed);
        List<Fence> out = new ArrayList<>(n);
        while (out.size() < n) {
            double cx = r.nextDouble() * EXTENT_M;
            double cy = r.nextDouble() * EXTENT_M;
            double radius = (20 + r.nextDouble() * 180) / 2;
            int k = 10 + r.nextInt(31);
            Coordinate[] cs = new Coordinate[k + 1];
            for (int i = 0; i < k; i++) {
                double a = 2 * Math.PI * i / k;
                double rad = radius * (0.55 + 0.45 * r.nextDouble());
                cs[i] = new Coordinate(LON0 + (cx + rad * Math.cos(a)) / M_PER_DEG_LON,
                        LAT0 + (cy + rad * Math.sin(a)) / M_PER_DEG_LAT);
            }
            cs[k] = cs[0].copy();
            Polygon p = gf.createPolygon(cs);
            if (p.isValid()) {
                int i = out.size();
                out.add(Fence.builder("f" + i, FenceKind.NO_PARKING, CellId.of("c" + (i % 500))).polygon(p).build());
            }
        }
        return out;
    }

    /** {@code n} uniform random points over the extent as interleaved lon, lat. */
    static double[] points(int n, long seed) {
        Random r = new Random(seed);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = LON0 + r.nextDouble() * EXTENT_M / M_PER_DEG_LON;
            xy[2 * i + 1] = LAT0 + r.nextDouble() * EXTENT_M / M_PER_DEG_LAT;
        }
        return xy;
    }
}
