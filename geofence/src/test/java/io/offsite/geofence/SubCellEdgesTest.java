package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Cells crossed by many edges of one polygon get {@link SubCellEdges} records (one small edge record per crossed
 * sub-cell). Shapes like the benchmark's huge ones — a spiky star whose long edges fan through every cell of its rim,
 * a jagged "coastline", a ring whose hole touches its shell — must answer exactly like JTS {@code contains} on a dense
 * lattice, on vertices, on edge midpoints and one ulp beside them, and no answer may change within the point's
 * {@link PolygonGrid#clearance}.
 */
class SubCellEdgesTest {
    private static final double X0 = 121.26;
    private static final double Y0 = 28.64;
    private static final double CH = 32 / PolygonGrid.METERS_PER_DEGREE;

    @Test
    void spikyStarCell_getsDenseRecord_whoseAnswersMatchTheWholePolygon() {
        // 1,500 spikes over a 3-cell radius: each rim cell is crossed by dozens of long, nearly radial edges
        Geometry star = star(new Random(5), X0, Y0, 3 * CH, 1500, 0.5);
        double[] edges = EdgeBands.rawEdges(star);
        double[] flat = FlatPolygon.of(star);
        double cw = CH / Math.cos(Math.toRadians(Y0));
        CellEdgesBuilder records = new CellEdgesBuilder();
        int dense = 0;
        long[] rec = new long[1 << 16];
        Random r = new Random(1);
        for (int cy = -3; cy < 3; cy++) {
            for (int cx = -3; cx < 3; cx++) {
                double x0 = X0 + cx * cw;
                double y0 = Y0 + cy * CH;
                IntList row = new IntList();
                for (int k = 0; k < edges.length; k += 4) {
                    if (Math.max(edges[k + 1], edges[k + 3]) >= y0 - CellEdges.EPS
                            && Math.min(edges[k + 1], edges[k + 3]) <= y0 + CH + CellEdges.EPS) {
                        row.add(k >> 2);
                    }
                }
                int id = records.add(0, edges, row, x0, y0, cw, CH);
                if (!records.dense(id)) {
                    continue;
                }
                dense++;
                records.copy(id, rec, 0);
                long inside = records.inside(id);
                long boundary = records.boundary(id);
                List<Coordinate> queries = new ArrayList<>();
                for (int i = 0; i < 4000; i++) {
                    queries.add(new Coordinate(x0 + r.nextDouble() * cw, y0 + r.nextDouble() * CH));
                }
                for (int k = 0; k < edges.length; k += 4) {
                    double ex = edges[k];
                    double ey = edges[k + 1];
                    if (ex >= x0 && ex < x0 + cw && ey >= y0 && ey < y0 + CH) {
                        queries.add(new Coordinate(ex, ey));
                        queries.add(new Coordinate(Math.nextUp(ex), ey));
                        queries.add(new Coordinate(Math.nextDown(ex), ey));
                    }
                }
                for (Coordinate q : queries) {
                    double fx = (q.x - x0) / cw * SubCells.SPLIT;
                    double fy = (q.y - y0) / CH * SubCells.SPLIT;
                    if (fx < 0 || fy < 0 || fx >= SubCells.SPLIT || fy >= SubCells.SPLIT) {
                        continue;
                    }
                    int s = (int) fy * SubCells.SPLIT + (int) fx;
                    int loc = (boundary & (1L << s)) == 0 ? (int) (inside >>> s) & 1
                            : SubCellEdges.locate(rec, 0, s, boundary, q.x - x0, q.y - y0, q.y);
                    boolean mine = loc < 0 ? FlatPolygon.containsProperly(flat, q.x, q.y) : loc == 1;
                    assertThat(mine).as("(%s, %s)", q.x, q.y).isEqualTo(FlatPolygon.containsProperly(flat, q.x, q.y));
                }
            }
        }
        assertThat(dense).as("rim cells with the dense form").isGreaterThan(5);
    }

    @Test
    void hugeShapesThroughTheGrid_answerLikeJts_onLatticeVerticesAndMidpoints() {
        Random r = new Random(11);
        List<Geometry> shapes = List.of(
                star(r, X0, Y0, 2.5 * CH, 2000, 0.6),
                coast(r, X0 + CH, Y0 + CH / 2, 2 * CH, 4000),
                ringWithTouchingHole(X0 - CH, Y0 - CH, 1.5 * CH, 600));
        PolygonGrid grid = new PolygonGrid(shapes.toArray(new Geometry[0]), 32);
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (Geometry g : shapes) {
            prepared.add(PreparedGeometryFactory.prepare(g));
        }
        List<Coordinate> queries = new ArrayList<>();
        double span = 4 * CH;
        for (int i = 0; i <= 240; i++) {
            for (int j = 0; j <= 240; j++) {
                queries.add(new Coordinate(X0 - span + i * span / 120, Y0 - span + j * span / 120));
            }
        }
        for (Geometry g : shapes) {
            Coordinate[] cs = g.getCoordinates();
            for (int i = 1; i < cs.length; i += 3) {
                queries.add(cs[i]);
                queries.add(new Coordinate((cs[i - 1].x + cs[i].x) / 2, (cs[i - 1].y + cs[i].y) / 2));
                queries.add(new Coordinate(Math.nextUp(cs[i].x), cs[i].y));
                queries.add(new Coordinate(cs[i].x, Math.nextDown(cs[i].y)));
            }
        }
        int[] out = new int[8];
        int inside = 0;
        int cleared = 0;
        for (Coordinate q : queries) {
            int n = grid.containing(q.x, q.y, out);
            List<Integer> mine = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                mine.add(out[k]);
            }
            List<Integer> theirs = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                if (prepared.get(i).contains(TestFences.GF.createPoint(q))) {
                    theirs.add(i);
                }
            }
            assertThat(mine).as("(%s, %s)", q.x, q.y).isEqualTo(theirs);
            inside += n > 0 ? 1 : 0;
            double c = grid.clearance(q.x, q.y);
            for (int k = 0; k < 8 && c > 0; k++) {
                double x = q.x + 0.999 * c * Math.cos(k * Math.PI / 4);
                double y = q.y + 0.999 * c * Math.sin(k * Math.PI / 4);
                assertThat(grid.containing(x, y, out)).as("clearance %s of (%s, %s)", c, q.x, q.y).isEqualTo(n);
                cleared++;
            }
        }
        assertThat(cleared).as("points checked within a clearance").isGreaterThan(queries.size());
        assertThat(inside).as("points inside some shape").isGreaterThan(queries.size() / 4);
    }

    /** A star of {@code n} vertices, radius uniform in [(1 − depth) r, r] (degrees of latitude). */
    private static Geometry star(Random r, double cx, double cy, double radius, int n, double depth) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double rad = radius * (1 - depth * r.nextDouble());
            cs[i] = new Coordinate(cx + rad * Math.cos(a), cy + rad * Math.sin(a));
        }
        cs[n] = cs[0].copy();
        return TestFences.GF.createPolygon(cs);
    }

    /** A closed random walk in radius around (cx, cy): short jagged edges, as in a coastline. */
    private static Geometry coast(Random r, double cx, double cy, double radius, int n) {
        Coordinate[] cs = new Coordinate[n + 1];
        double rad = radius;
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            rad = Math.max(0.5 * radius, Math.min(1.5 * radius, rad + (r.nextDouble() - 0.5) * radius * 0.02));
            cs[i] = new Coordinate(cx + rad * Math.cos(a), cy + rad * Math.sin(a));
        }
        cs[n] = cs[0].copy();
        Geometry g = TestFences.GF.createPolygon(cs);
        assertThat(g.isValid()).as("coast valid").isTrue();
        return g;
    }

    /** A many-vertex circle with a square hole whose corner touches the shell at its rightmost vertex. */
    private static Geometry ringWithTouchingHole(double cx, double cy, double radius, int n) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            cs[i] = new Coordinate(cx + radius * Math.cos(a), cy + radius * Math.sin(a));
        }
        cs[n] = cs[0].copy();
        double h = radius / 3;
        Coordinate touch = cs[0];
        LinearRing hole = TestFences.GF.createLinearRing(new Coordinate[] {touch.copy(),
            new Coordinate(touch.x - h, touch.y + h / 2), new Coordinate(touch.x - 2 * h, touch.y),
            new Coordinate(touch.x - h, touch.y - h / 2), touch.copy()});
        Geometry g = TestFences.GF.createPolygon(TestFences.GF.createLinearRing(cs), new LinearRing[] {hole});
        assertThat(g.isValid()).as("ring with touching hole valid").isTrue();
        return g;
    }
}
