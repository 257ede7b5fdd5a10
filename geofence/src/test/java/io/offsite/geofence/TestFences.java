package io.offsite.geofence;

import io.offsite.core.grid.CellId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

/** Random fence geometry on a lattice (so edges and vertices are exactly representable) for property tests. */
final class TestFences {
    static final GeometryFactory GF = new GeometryFactory();
    /** Lattice step in degrees (~1.1 m). */
    static final double STEP = 1e-5;

    private TestFences() {
    }

    static double snap(double v) {
        return Math.round(v / STEP) * STEP;
    }

    /** A star-shaped ring around (cx, cy) with radii in [rMin, rMax] degrees, snapped to the lattice. */
    static Coordinate[] star(Random r, double cx, double cy, double rMin, double rMax, int vertices) {
        Coordinate[] cs = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double a = 2 * Math.PI * i / vertices;
            double rad = rMin + r.nextDouble() * (rMax - rMin);
            cs[i] = new Coordinate(snap(cx + rad * Math.cos(a)), snap(cy + rad * Math.sin(a)));
        }
        cs[vertices] = cs[0].copy();
        return cs;
    }

    static Coordinate[] box(double x0, double y0, double x1, double y1) {
        return new Coordinate[] {new Coordinate(snap(x0), snap(y0)), new Coordinate(snap(x1), snap(y0)),
            new Coordinate(snap(x1), snap(y1)), new Coordinate(snap(x0), snap(y1)), new Coordinate(snap(x0), snap(y0))};
    }

    /** A random valid polygonal geometry near (cx, cy): a star, a star with a hole, a box, or a two-part multipolygon. */
    static Geometry randomArea(Random r, double cx, double cy, double size) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Geometry g;
            switch (r.nextInt(4)) {
                case 0:
                    g = GF.createPolygon(star(r, cx, cy, size * 0.4, size, 3 + r.nextInt(38)));
                    break;
                case 1: {
                    LinearRing shell = GF.createLinearRing(star(r, cx, cy, size * 0.6, size, 6 + r.nextInt(30)));
                    LinearRing hole = GF.createLinearRing(star(r, cx, cy, size * 0.1, size * 0.45, 3 + r.nextInt(10)));
                    g = GF.createPolygon(shell, new LinearRing[] {hole});
                    break;
                }
                case 2: {
                    double w = size * (0.2 + r.nextDouble());
                    double h = size * (0.2 + r.nextDouble());
                    g = GF.createPolygon(box(cx - w, cy - h, cx + w, cy + h));
                    break;
                }
                default: {
                    Polygon a = GF.createPolygon(star(r, cx - size, cy, size * 0.3, size * 0.8, 3 + r.nextInt(12)));
                    Polygon b = GF.createPolygon(star(r, cx + size, cy, size * 0.3, size * 0.8, 3 + r.nextInt(12)));
                    g = GF.createMultiPolygon(new Polygon[] {a, b});
                }
            }
            if (new IsValidOp(g).isValid()) {
                return g;
            }
        }
        return GF.createPolygon(box(cx - size, cy - size, cx + size, cy + size));
    }

    static List<Fence> randomFences(Random r, int n, double lon0, double lat0, double spreadDeg, double sizeDeg) {
        List<Fence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double cx = lon0 + r.nextDouble() * spreadDeg;
            double cy = lat0 + r.nextDouble() * spreadDeg;
            Geometry g = randomArea(r, cx, cy, sizeDeg * (0.3 + r.nextDouble()));
            out.add(Fence.builder("f" + i, FenceKind.NO_PARKING, CellId.of("cell-" + (i % 3))).polygon(g).build());
        }
        return out;
    }
}
