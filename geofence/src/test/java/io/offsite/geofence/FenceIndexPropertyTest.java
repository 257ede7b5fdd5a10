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
import org.locationtech.jts.geom.Point;

/** The fence index must return exactly what JTS {@code contains} returns, including on edges and vertices. */
class FenceIndexPropertyTest {

    @Test
    void lookup_equalsJtsContains_includingVerticesAndEdges() {
        qt().withExamples(60).forAll(longs().all(), integers().between(1, 25), integers().between(5, 80))
                .checkAssert((seed, n, cellMeters) -> {
                    Random r = new Random(seed);
                    List<Fence> fences = TestFences.randomFences(r, n, 120.15, 30.25, 0.01, 0.0008);
                    FenceIndex index = FenceIndex.of(fences, cellMeters);
                    for (Coordinate q : queryPoints(r, fences)) {
                        assertThat(indexAnswer(index, q)).as("point %s (seed %s)", q, seed).isEqualTo(jtsAnswer(fences, q));
                    }
                });
    }

    @Test
    void clearance_isARadiusWithinWhichTheJtsAnswerDoesNotChange() {
        int[] positive = new int[1];
        qt().withExamples(40).forAll(longs().all(), integers().between(1, 25), integers().between(5, 80))
                .checkAssert((seed, n, cellMeters) -> {
                    Random r = new Random(seed);
                    List<Fence> fences = TestFences.randomFences(r, n, 120.15, 30.25, 0.01, 0.0008);
                    FenceIndex index = FenceIndex.of(fences, cellMeters);
                    List<Coordinate> points = queryPoints(r, fences);
                    for (int i = 0; i < points.size(); i += 3) {
                        Coordinate q = points.get(i);
                        double radius = index.clearance(q.x, q.y);
                        assertThat(radius).isGreaterThanOrEqualTo(0);
                        if (radius == 0) {
                            continue;
                        }
                        positive[0]++;
                        TreeSet<String> at = jtsAnswer(fences, q);
                        for (int k = 0; k < 8; k++) {
                            // anywhere in the open disc, including just inside its rim
                            double a = r.nextDouble() * 2 * Math.PI;
                            double d = radius * (k < 4 ? r.nextDouble() : 1 - 1e-9);
                            Coordinate p = new Coordinate(q.x + d * Math.cos(a), q.y + d * Math.sin(a));
                            assertThat(jtsAnswer(fences, p)).as("%s near %s (r=%s, seed %s)", p, q, radius, seed)
                                    .isEqualTo(at);
                        }
                    }
                });
        assertThat(positive[0]).isGreaterThan(1000);
    }

    @Test
    void clearance_isZeroOnBoundariesAndOutsideTheIndex() {
        Random r = new Random(3);
        List<Fence> fences = TestFences.randomFences(r, 10, 120.15, 30.25, 0.01, 0.0008);
        FenceIndex index = FenceIndex.of(fences, 20);
        for (Fence f : fences) {
            for (Coordinate c : f.area().getCoordinates()) {
                assertThat(index.clearance(c.x, c.y)).as("vertex %s of %s", c, f.id()).isZero();
            }
        }
        assertThat(index.clearance(0, 0)).isZero();
    }

    @Test
    void visitorAndListLookups_agreeWithBufferLookup() {
        qt().withExamples(20).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            List<Fence> fences = TestFences.randomFences(r, 10, 120.15, 30.25, 0.005, 0.0008);
            FenceIndex index = FenceIndex.of(fences);
            for (Coordinate q : queryPoints(r, fences)) {
                TreeSet<String> viaVisitor = new TreeSet<>();
                index.forEachContaining(q.x, q.y, ord -> viaVisitor.add(index.fence(ord).id()));
                TreeSet<String> viaList = new TreeSet<>();
                if (q.x >= -180 && q.x <= 180) {
                    index.containing(io.offsite.core.geo.GeoPoint.of(q.x, q.y)).forEach(f -> viaList.add(f.id()));
                }
                assertThat(viaVisitor).isEqualTo(indexAnswer(index, q)).isEqualTo(viaList);
            }
        });
    }

    static TreeSet<String> indexAnswer(FenceIndex index, Coordinate q) {
        int[] buf = new int[64];
        int n = index.containing(q.x, q.y, buf);
        TreeSet<String> ids = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            ids.add(index.fence(buf[i]).id());
        }
        return ids;
    }

    static TreeSet<String> jtsAnswer(List<Fence> fences, Coordinate q) {
        Point p = TestFences.GF.createPoint(q);
        TreeSet<String> ids = new TreeSet<>();
        for (Fence f : fences) {
            if (f.area().contains(p)) {
                ids.add(f.id());
            }
        }
        return ids;
    }

    /** Every vertex, every edge midpoint, lattice points near edges, and random points around the fences. */
    static List<Coordinate> queryPoints(Random r, List<Fence> fences) {
        List<Coordinate> out = new ArrayList<>();
        Envelope all = new Envelope();
        for (Fence f : fences) {
            Coordinate[] cs = f.area().getCoordinates();
            all.expandToInclude(f.area().getEnvelopeInternal());
            for (int i = 0; i < cs.length; i++) {
                out.add(cs[i]);
                if (i > 0) {
                    Coordinate a = cs[i - 1];
                    Coordinate b = cs[i];
                    out.add(new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2));
                    out.add(new Coordinate(TestFences.snap((a.x + b.x) / 2), TestFences.snap((a.y + b.y) / 2)));
                    out.add(new Coordinate(a.x, b.y));
                    out.add(new Coordinate(a.x + 1e-12, a.y));
                    out.add(new Coordinate(a.x - 1e-12, a.y));
                }
            }
        }
        all.expandBy(0.001);
        for (int i = 0; i < 3000; i++) {
            out.add(new Coordinate(all.getMinX() + r.nextDouble() * all.getWidth(),
                    all.getMinY() + r.nextDouble() * all.getHeight()));
            out.add(new Coordinate(TestFences.snap(all.getMinX() + r.nextDouble() * all.getWidth()),
                    TestFences.snap(all.getMinY() + r.nextDouble() * all.getHeight())));
        }
        return out;
    }
}
