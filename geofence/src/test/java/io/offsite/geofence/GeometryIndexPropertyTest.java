package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * {@link GeometryIndex} answers exactly what JTS {@code contains} answers on random points, vertices and edge
 * points — for the ordinary random shapes and for hard ones: combs, slivers, many-vertex stars (edge bands),
 * polygons with many holes, nested and overlapping shapes.
 */
class GeometryIndexPropertyTest {

    @Test
    void lookup_equalsJtsContains_onHardShapes() {
        int[] banded = new int[1];
        qt().withExamples(40).forAll(longs().all(), integers().between(1, 12), integers().between(5, 120))
                .checkAssert((seed, n, cellMeters) -> {
                    Random r = new Random(seed);
                    List<Geometry> shapes = new ArrayList<>();
                    GeometryIndex.Builder<Integer> b = GeometryIndex.<Integer>builder().cellMeters(cellMeters);
                    for (int i = 0; i < n; i++) {
                        Geometry g = hardShape(r, 121.26 + r.nextDouble() * 0.004, 28.64 + r.nextDouble() * 0.004);
                        if (g.getNumPoints() > 3 * EdgeBands.MIN_EDGES) {
                            banded[0]++;
                        }
                        shapes.add(g);
                        b.add(i, g);
                    }
                    GeometryIndex<Integer> idx = b.build();
                    for (Coordinate q : queryPoints(r, shapes)) {
                        assertThat(answer(idx, q)).as("point %s (seed %s)", q, seed).isEqualTo(jts(shapes, q));
                    }
                });
        assertThat(banded[0]).as("shapes large enough for edge bands").isGreaterThan(40);
    }

    static TreeSet<Integer> answer(GeometryIndex<Integer> idx, Coordinate q) {
        TreeSet<Integer> out = new TreeSet<>(idx.containing(q.x, q.y));
        int[] pos = new int[64];
        int n = idx.containing(q.x, q.y, pos);
        TreeSet<Integer> viaBuffer = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            viaBuffer.add(idx.item(pos[i]));
        }
        assertThat(viaBuffer).isEqualTo(out);
        return out;
    }

    static TreeSet<Integer> jts(List<Geometry> shapes, Coordinate q) {
        Point p = TestFences.GF.createPoint(q);
        TreeSet<Integer> out = new TreeSet<>();
        for (int i = 0; i < shapes.size(); i++) {
            if (shapes.get(i).contains(p)) {
                out.add(i);
            }
        }
        return out;
    }

    /** A valid hard shape near (cx, cy), snapped to the test lattice. */
    static Geometry hardShape(Random r, double cx, double cy) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Geometry g = switch (r.nextInt(6)) {
                case 0 -> comb(cx, cy, 3 + r.nextInt(60), 2 + r.nextInt(4), 1 + r.nextInt(3), 10 + r.nextInt(80));
                case 1 -> TestFences.GF.createPolygon(TestFences.star(r, cx, cy, 0.0004, 0.0015, 50 + r.nextInt(1500)));
                case 2 -> sliver(r, cx, cy);
                case 3 -> swiss(cx, cy, 1 + r.nextInt(6));
                case 4 -> TestFences.randomArea(r, cx, cy, 0.0008);
                default -> TestFences.GF.createPolygon(TestFences.box(cx, cy, cx + 0.0003, cy + 0.0002)); // nested/overlap
            };
            if (new IsValidOp(g).isValid()) {
                return g;
            }
        }
        return TestFences.GF.createPolygon(TestFences.box(cx, cy, cx + 0.001, cy + 0.001));
    }

    /** A comb: a spine with {@code teeth} upward teeth, widths and gaps in lattice steps. */
    static Polygon comb(double x0, double y0, int teeth, int width, int gap, int length) {
        double s = TestFences.STEP;
        List<Coordinate> cs = new ArrayList<>();
        double base = TestFences.snap(y0);
        double x = TestFences.snap(x0);
        cs.add(new Coordinate(x, base));
        double right = x + teeth * (width + gap) * s;
        cs.add(new Coordinate(right, base));
        for (int t = teeth - 1; t >= 0; t--) {
            double tx = x + t * (width + gap) * s;
            cs.add(new Coordinate(tx + width * s, base + 3 * s));
            cs.add(new Coordinate(tx + width * s, base + (3 + length) * s));
            cs.add(new Coordinate(tx, base + (3 + length) * s));
            cs.add(new Coordinate(tx, base + 3 * s));
        }
        cs.set(cs.size() - 1, new Coordinate(x, base + 3 * s));
        cs.add(new Coordinate(x, base));
        List<Coordinate> clean = new ArrayList<>();
        for (Coordinate c : cs) {
            if (clean.isEmpty() || !clean.get(clean.size() - 1).equals2D(c)) {
                clean.add(c);
            }
        }
        return TestFences.GF.createPolygon(clean.toArray(new Coordinate[0]));
    }

    /** A long, thin, near-collinear quadrilateral. */
    static Polygon sliver(Random r, double cx, double cy) {
        double len = 0.002 + r.nextDouble() * 0.003;
        double s = TestFences.STEP;
        return TestFences.GF.createPolygon(new Coordinate[] {new Coordinate(TestFences.snap(cx), TestFences.snap(cy)),
            new Coordinate(TestFences.snap(cx + len), TestFences.snap(cy + s)),
            new Coordinate(TestFences.snap(cx + len / 2), TestFences.snap(cy + 2 * s)),
            new Coordinate(TestFences.snap(cx), TestFences.snap(cy + s)),
            new Coordinate(TestFences.snap(cx), TestFences.snap(cy))});
    }

    /** A square with k × k square holes, the first hole touching the shell at a corner. */
    static Polygon swiss(double cx, double cy, int k) {
        double cell = 0.0002;
        double x0 = TestFences.snap(cx);
        double y0 = TestFences.snap(cy);
        LinearRing shell = TestFences.GF.createLinearRing(TestFences.box(x0, y0, x0 + k * cell, y0 + k * cell));
        LinearRing[] holes = new LinearRing[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double hx = x0 + i * cell + cell / 4;
                double hy = y0 + j * cell + cell / 4;
                double hx1 = x0 + i * cell + cell * 0.75;
                double hy1 = y0 + j * cell + cell * 0.75;
                Coordinate[] ring = i + j == 0
                        // touches the shell at its corner only
                        ? new Coordinate[] {new Coordinate(x0, y0), new Coordinate(TestFences.snap(hx), TestFences.snap(hy1)),
                            new Coordinate(TestFences.snap(hx1), TestFences.snap(hy1)),
                            new Coordinate(TestFences.snap(hx1), TestFences.snap(hy)), new Coordinate(x0, y0)}
                        : TestFences.box(hx, hy, hx1, hy1);
                holes[i * k + j] = TestFences.GF.createLinearRing(ring);
            }
        }
        return TestFences.GF.createPolygon(shell, holes);
    }

    /** Vertices, edge midpoints (exact and snapped), near-vertex points and random points around the shapes. */
    static List<Coordinate> queryPoints(Random r, List<Geometry> shapes) {
        List<Coordinate> out = new ArrayList<>();
        Envelope all = new Envelope();
        for (Geometry g : shapes) {
            all.expandToInclude(g.getEnvelopeInternal());
            Coordinate[] cs = g.getCoordinates();
            int stride = Math.max(1, cs.length / 150);
            for (int i = 1; i < cs.length; i += stride) {
                Coordinate a = cs[i - 1];
                Coordinate b = cs[i];
                out.add(b);
                out.add(new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2));
                out.add(new Coordinate(TestFences.snap((a.x + b.x) / 2), TestFences.snap((a.y + b.y) / 2)));
                out.add(new Coordinate(a.x, b.y));
                out.add(new Coordinate(a.x + 1e-12, a.y));
            }
        }
        all.expandBy(0.0005);
        for (int i = 0; i < 1500; i++) {
            out.add(new Coordinate(all.getMinX() + r.nextDouble() * all.getWidth(),
                    all.getMinY() + r.nextDouble() * all.getHeight()));
            out.add(new Coordinate(TestFences.snap(all.getMinX() + r.nextDouble() * all.getWidth()),
                    TestFences.snap(all.getMinY() + r.nextDouble() * all.getHeight())));
        }
        return out;
    }
}
