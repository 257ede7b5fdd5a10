package io.offsite.benchmarks.geofence;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * The fence-index benchmark corpora around Huangyan (121.26°E, 28.64°N) and their query points.
 * {@code fences10k}/{@code fences500}: star polygons of 10–40 vertices, 20–200 m across, over 20 km × 20 km.
 * {@code hard}: {@link HardShapes} over 6 km × 6 km. Query points: 60 % drawn inside a random shape, 20 % within a
 * few metres of a random vertex (boundary cells), 20 % uniform over the extent.
 */
final class IndexCorpora {
    static final double LON0 = 121.20;
    static final double LAT0 = 28.58;
    static final double M_PER_DEG_LAT = 111_320.0;

    private IndexCorpora() {
    }

    static List<Geometry> corpus(String name) {
        return switch (name) {
            case "fences10k" -> stars(10_000, 42);
            case "fences500" -> stars(500, 43);
            case "hard" -> hard(44);
            default -> throw new IllegalArgumentException("unknown corpus " + name);
        };
    }

    /** {@code n} valid star polygons of 10–40 vertices, 20–200 m across, over 20 km × 20 km. */
    static List<Geometry> stars(int n, long seed) {
        HardShapes h = new HardShapes(LON0, LAT0);
        Random r = new Random(seed);
        List<Geometry> out = new ArrayList<>(n);
        while (out.size() < n) {
            Polygon p = h.star(r, r.nextDouble() * 20_000, r.nextDouble() * 20_000, 10 + r.nextDouble() * 90,
                    10 + r.nextInt(31));
            if (p.isValid()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The hard-shape corpus (about 560 shapes, ~110,000 vertices). */
    static List<Geometry> hard(long seed) {
        HardShapes h = new HardShapes(LON0, LAT0);
        Random r = new Random(seed);
        List<Geometry> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) { // combs: teeth 2–6 m wide, gaps 2–6 m, narrower than a 32 m cell
            out.add(HardShapes.valid(h.comb(r.nextDouble() * 5_000, r.nextDouble() * 5_000, 20 + r.nextInt(180),
                    2 + r.nextDouble() * 4, 2 + r.nextDouble() * 4, 20 + r.nextDouble() * 150), "comb"));
        }
        for (int i = 0; i < 150; i++) { // slivers: 200–800 m long, 0.3–2 m wide, any direction
            out.add(HardShapes.valid(h.sliver(r.nextDouble() * 6_000, r.nextDouble() * 6_000, 200 + r.nextDouble() * 600,
                    0.3 + r.nextDouble() * 1.7, r.nextDouble() * Math.PI), "sliver"));
        }
        for (int i = 0; i < 40; i++) { // holes touching their shell
            out.add(HardShapes.valid(h.swiss(r.nextDouble() * 5_500, r.nextDouble() * 5_500, 3 + r.nextInt(6),
                    15 + r.nextDouble() * 40), "swiss"));
        }
        out.add(HardShapes.valid(h.star(r, 1_500, 1_500, 1_400, 12_000), "huge star"));
        out.add(HardShapes.valid(h.coast(r, 4_300, 4_200, 1_300, 20_000), "huge coast"));
        out.add(HardShapes.valid(h.coast(r, 1_800, 4_500, 900, 10_000), "huge coast"));
        for (int i = 0; i < 40; i++) { // near-collinear edges: rectangles with 100–400 points per side
            out.add(HardShapes.valid(h.collinear(r, r.nextDouble() * 5_500, r.nextDouble() * 5_500,
                    100 + r.nextDouble() * 400, 30 + r.nextDouble() * 200, 100 + r.nextInt(300)), "near-collinear"));
        }
        for (int i = 0; i < 30; i++) { // nested: concentric square rings and a core, five levels
            double x = 200 + r.nextDouble() * 5_600;
            double y = 200 + r.nextDouble() * 5_600;
            for (int level = 0; level < 5; level++) {
                double outer = 150 - level * 30;
                out.add(HardShapes.valid(h.squareRing(x, y, outer, level == 4 ? 0 : outer - 12), "nested"));
                out.add(HardShapes.valid(h.squareRing(x, y, outer, 0), "nested"));
            }
        }
        for (int i = 0; i < 30; i++) { // overlapping clusters: 8 stars within 100 m of each other
            double x = r.nextDouble() * 5_800;
            double y = r.nextDouble() * 5_800;
            for (int k = 0; k < 8; k++) {
                Polygon p = h.star(r, x + r.nextDouble() * 100, y + r.nextDouble() * 100, 40 + r.nextDouble() * 80,
                        20 + r.nextInt(200));
                if (p.isValid()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * {@code n} query points as interleaved lon, lat: 60 % inside a random shape (rejection-sampled in its
     * envelope with JTS), 20 % within 3 m of a random vertex, 20 % uniform over the corpus extent.
     */
    static double[] points(List<Geometry> shapes, int n, long seed) {
        Random r = new Random(seed);
        Envelope all = new Envelope();
        for (Geometry g : shapes) {
            all.expandToInclude(g.getEnvelopeInternal());
        }
        IndexedPointInAreaLocator[] loc = new IndexedPointInAreaLocator[shapes.size()];
        double[] xy = new double[2 * n];
        double m = 1 / M_PER_DEG_LAT;
        Coordinate q = new Coordinate();
        for (int i = 0; i < n; i++) {
            double kind = r.nextDouble();
            if (kind < 0.6) {
                int s = r.nextInt(shapes.size());
                Geometry g = shapes.get(s);
                if (loc[s] == null) {
                    loc[s] = new IndexedPointInAreaLocator(g);
                }
                Envelope e = g.getEnvelopeInternal();
                for (int t = 0; t < 1000; t++) {
                    q.x = e.getMinX() + r.nextDouble() * e.getWidth();
                    q.y = e.getMinY() + r.nextDouble() * e.getHeight();
                    if (loc[s].locate(q) == Location.INTERIOR) {
                        break;
                    }
                }
            } else if (kind < 0.8) {
                Geometry g = shapes.get(r.nextInt(shapes.size()));
                Coordinate v = g.getCoordinates()[r.nextInt(g.getNumPoints())];
                q.x = v.x + (r.nextDouble() - 0.5) * 6 * m;
                q.y = v.y + (r.nextDouble() - 0.5) * 6 * m;
            } else {
                q.x = all.getMinX() + r.nextDouble() * all.getWidth();
                q.y = all.getMinY() + r.nextDouble() * all.getHeight();
            }
            xy[2 * i] = q.x;
            xy[2 * i + 1] = q.y;
        }
        return xy;
    }

    static int vertices(List<Geometry> shapes) {
        int v = 0;
        for (Geometry g : shapes) {
            v += g.getNumPoints();
        }
        return v;
    }
}
