package io.offsite.benchmarks.geofence;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Shapes that are hard for a point-in-polygon index, built in metres around a local origin and converted to
 * lon/lat: combs whose teeth are narrower than a grid cell, slivers, holes touching their shell, huge
 * many-vertex polygons, near-collinear edges, nested rings and overlapping clusters.
 */
final class HardShapes {
    private final GeometryFactory gf = new GeometryFactory();
    private final double lon0;
    private final double lat0;
    private final double mPerDegLon;

    HardShapes(double lon0, double lat0) {
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.mPerDegLon = IndexCorpora.M_PER_DEG_LAT * Math.cos(Math.toRadians(lat0));
    }

    private Coordinate c(double xm, double ym) {
        return new Coordinate(lon0 + xm / mPerDegLon, lat0 + ym / IndexCorpora.M_PER_DEG_LAT);
    }

    private LinearRing ring(List<Coordinate> cs) {
        List<Coordinate> out = new ArrayList<>(cs);
        out.add(out.get(0).copy());
        return gf.createLinearRing(out.toArray(new Coordinate[0]));
    }

    /** A comb at (x, y) m: a spine 5 m high with upward teeth of the given width, gap and length (metres). */
    Polygon comb(double x, double y, int teeth, double width, double gap, double length) {
        List<Coordinate> cs = new ArrayList<>();
        cs.add(c(x, y));
        cs.add(c(x + teeth * (width + gap) - gap, y));
        for (int t = teeth - 1; t >= 0; t--) {
            double tx = x + t * (width + gap);
            cs.add(c(tx + width, y + 5 + length));
            cs.add(c(tx, y + 5 + length));
            if (t > 0) {
                cs.add(c(tx, y + 5));
                cs.add(c(tx - gap, y + 5));
            }
        }
        // the first tooth's left side runs straight down to the start point
        return gf.createPolygon(ring(cs));
    }

    /** A long thin quadrilateral, {@code lengthM} long and at most {@code widthM} wide, at angle {@code a}. */
    Polygon sliver(double x, double y, double lengthM, double widthM, double a) {
        double ux = Math.cos(a);
        double uy = Math.sin(a);
        double nx = -uy * widthM;
        double ny = ux * widthM;
        List<Coordinate> cs = List.of(c(x, y), c(x + lengthM * ux, y + lengthM * uy),
                c(x + lengthM * ux + nx, y + lengthM * uy + ny), c(x + 0.3 * nx, y + 0.3 * ny));
        return gf.createPolygon(ring(cs));
    }

    /** A square of k × k cells of {@code cellM} with a square hole in each; the first hole touches the shell. */
    Polygon swiss(double x, double y, int k, double cellM) {
        LinearRing shell = ring(List.of(c(x, y), c(x + k * cellM, y), c(x + k * cellM, y + k * cellM), c(x, y + k * cellM)));
        LinearRing[] holes = new LinearRing[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double hx = x + i * cellM + cellM * 0.2;
                double hy = y + j * cellM + cellM * 0.2;
                double hx1 = x + i * cellM + cellM * 0.8;
                double hy1 = y + j * cellM + cellM * 0.8;
                holes[i * k + j] = i + j == 0
                        // touches the shell at its corner (x, y) only
                        ? ring(List.of(c(x, y), c(hx, hy1), c(hx1, hy1), c(hx1, hy)))
                        : ring(List.of(c(hx, hy), c(hx, hy1), c(hx1, hy1), c(hx1, hy)));
            }
        }
        return gf.createPolygon(shell, holes);
    }

    /** A spiky star of {@code vertices} vertices, radius between {@code 0.6 r} and {@code r} metres. */
    Polygon star(Random rnd, double x, double y, double r, int vertices) {
        List<Coordinate> cs = new ArrayList<>(vertices);
        for (int i = 0; i < vertices; i++) {
            double a = 2 * Math.PI * i / vertices;
            double rad = r * (0.6 + 0.4 * rnd.nextDouble());
            cs.add(c(x + rad * Math.cos(a), y + rad * Math.sin(a)));
        }
        return gf.createPolygon(ring(cs));
    }

    /** A "coastline": a closed random walk in radius, {@code vertices} vertices, radius about r metres. */
    Polygon coast(Random rnd, double x, double y, double r, int vertices) {
        List<Coordinate> cs = new ArrayList<>(vertices);
        double rad = r;
        for (int i = 0; i < vertices; i++) {
            double a = 2 * Math.PI * i / vertices;
            rad = Math.max(0.5 * r, Math.min(1.5 * r, rad + (rnd.nextDouble() - 0.5) * r * 0.02));
            cs.add(c(x + rad * Math.cos(a), y + rad * Math.sin(a)));
        }
        return gf.createPolygon(ring(cs));
    }

    /** A rectangle whose sides are split into {@code perSide} nearly collinear vertices (jitter ~1e-9°). */
    Polygon collinear(Random rnd, double x, double y, double w, double h, int perSide) {
        List<Coordinate> cs = new ArrayList<>();
        double[][] corners = {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
        for (int s = 0; s < 4; s++) {
            double[] a = corners[s];
            double[] b = corners[(s + 1) % 4];
            for (int i = 0; i < perSide; i++) {
                double t = (double) i / perSide;
                Coordinate p = c(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]));
                if (i > 0) {
                    p.x += (rnd.nextDouble() - 0.5) * 2e-9;
                    p.y += (rnd.nextDouble() - 0.5) * 2e-9;
                }
                cs.add(p);
            }
        }
        return gf.createPolygon(ring(cs));
    }

    /** A square ring (square with a square hole) of outer half-size {@code outer} and inner {@code inner} metres. */
    Polygon squareRing(double x, double y, double outer, double inner) {
        LinearRing shell = ring(List.of(c(x - outer, y - outer), c(x + outer, y - outer), c(x + outer, y + outer),
                c(x - outer, y + outer)));
        if (inner <= 0) {
            return gf.createPolygon(shell);
        }
        LinearRing hole = ring(List.of(c(x - inner, y - inner), c(x - inner, y + inner), c(x + inner, y + inner),
                c(x + inner, y - inner)));
        return gf.createPolygon(shell, new LinearRing[] {hole});
    }

    /** Keeps {@code g} when valid, else throws: the corpus must be exactly what it claims. */
    static Geometry valid(Geometry g, String what) {
        if (!g.isValid()) {
            throw new IllegalStateException("hard corpus: invalid " + what + ": "
                    + new org.locationtech.jts.operation.valid.IsValidOp(g).getValidationError());
        }
        return g;
    }
}
