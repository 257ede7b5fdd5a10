package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * The grid answers a point in a boundary cell from its {@link SubCells} bit when no edge meets the point's
 * sub-cell. These shapes put edges, vertices and holes exactly on sub-cell borders and corners, and the queries sit
 * on those borders, at sub-cell centres and one ulp either side: every answer must equal JTS {@code contains}.
 */
class SubCellBoundaryTest {
    private static final double CELL_METERS = 32;
    private static final double X0 = 121.26;
    private static final double Y0 = 28.64;
    private static final int CELLS = 3;
    /** Sub-cell borders fall on multiples of 2 lattice steps (16 steps per cell). */
    private static final int STEPS = CELLS * 2 * SubCells.SPLIT;

    @Test
    void edgesAndPointsOnSubCellBorders_answerLikeJts() {
        double ch = CELL_METERS / PolygonGrid.METERS_PER_DEGREE;
        double cw = CELL_METERS / (PolygonGrid.METERS_PER_DEGREE * Math.cos(Math.toRadians(Y0 + CELLS * ch / 2)));
        double sx = cw / (2 * SubCells.SPLIT);
        double sy = ch / (2 * SubCells.SPLIT);
        for (long seed = 0; seed < 25; seed++) {
            Random r = new Random(seed);
            List<Geometry> shapes = new ArrayList<>();
            // fixes the grid's extent (and so its origin and cell size) to exactly CELLS × CELLS cells
            shapes.add(TestFences.GF.createPolygon(rect(X0, Y0, X0 + STEPS * sx, Y0 + STEPS * sy)));
            for (int i = 0; i < 8; i++) {
                Geometry g = latticeShape(r, sx, sy);
                if (g != null) {
                    shapes.add(g);
                }
            }
            PolygonGrid grid = new PolygonGrid(shapes.toArray(new Geometry[0]), CELL_METERS);
            int[] out = new int[64];
            for (int i = 0; i <= STEPS; i++) {
                for (int j = 0; j <= STEPS; j++) {
                    double x = X0 + i * sx;
                    double y = Y0 + j * sy;
                    for (double qx : new double[] {x, Math.nextUp(x), Math.nextDown(x), x + sx / 2}) {
                        for (double qy : new double[] {y, Math.nextUp(y), Math.nextDown(y), y + sy / 2}) {
                            int n = grid.containing(qx, qy, out);
                            List<Integer> mine = new ArrayList<>();
                            for (int k = 0; k < n; k++) {
                                mine.add(out[k]);
                            }
                            assertThat(mine).as("(%s, %s) seed %s", qx, qy, seed).isEqualTo(jts(shapes, qx, qy));
                        }
                    }
                }
            }
        }
    }

    @Test
    void pointLevelWithVerticesToItsRight_answersLikeJts() {
        // a sawtooth inside one cell: vertices, and so edge ends, at the heights of the query points to their right
        double u = 1e-5;
        List<Coordinate> cs = new ArrayList<>();
        cs.add(new Coordinate(X0, Y0));
        cs.add(new Coordinate(X0 + 20 * u, Y0));
        for (int t = 0; t < 5; t++) {
            cs.add(new Coordinate(X0 + 20 * u - (t % 2) * 3 * u, Y0 + (t + 1) * u));
        }
        cs.add(new Coordinate(X0, Y0 + 5 * u));
        cs.add(new Coordinate(X0, Y0));
        List<Geometry> shapes = List.of(TestFences.GF.createPolygon(cs.toArray(new Coordinate[0])),
                TestFences.GF.createPolygon(rect(X0 + 25 * u, Y0 + u, X0 + 30 * u, Y0 + 3 * u)));
        PolygonGrid grid = new PolygonGrid(shapes.toArray(new Geometry[0]), CELL_METERS);
        int[] out = new int[4];
        for (int j = 0; j <= 10; j++) {
            for (int i = -2; i <= 64; i++) {
                double x = X0 + i * u / 2;
                double y = Y0 + j * u / 2;
                int n = grid.containing(x, y, out);
                assertThat(n == 0 ? List.of() : List.of(out[0])).as("(%s, %s)", x, y).isEqualTo(jts(shapes, x, y));
            }
        }
    }

    @Test
    void manyShortEdgesPerCell_listedPerSubRow_answerLikeJts() {
        double ch = CELL_METERS / PolygonGrid.METERS_PER_DEGREE;
        double sy = ch / SubCells.SPLIT;
        // a 3000-vertex circle about 3 cells across and a ring inside it: dozens of short edges in each boundary cell
        double cx = X0 + 1.5 * ch;
        double cy = Y0 + 1.5 * ch;
        List<Geometry> shapes = List.of(circle(cx, cy, 1.4 * ch, 3000, null), circle(cx, cy, 0.9 * ch, 2000, 0.6 * ch));
        PolygonGrid grid = new PolygonGrid(shapes.toArray(new Geometry[0]), CELL_METERS);
        int[] out = new int[4];
        List<Coordinate> queries = new ArrayList<>();
        for (Geometry g : shapes) {
            Coordinate[] cs = g.getCoordinates();
            for (int i = 1; i < cs.length; i += 7) {
                queries.add(cs[i]);
                queries.add(new Coordinate((cs[i - 1].x + cs[i].x) / 2, (cs[i - 1].y + cs[i].y) / 2));
                queries.add(new Coordinate(cs[i].x - 1e-7, cs[i].y));
                // the sub-row border nearest the vertex, at the vertex's x
                queries.add(new Coordinate(cs[i].x, Y0 + Math.rint((cs[i].y - Y0) / sy) * sy));
            }
        }
        for (Coordinate q : queries) {
            int n = grid.containing(q.x, q.y, out);
            List<Integer> mine = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                mine.add(out[k]);
            }
            assertThat(mine).as("(%s, %s)", q.x, q.y).isEqualTo(jts(shapes, q.x, q.y));
        }
    }

    /** A regular polygon of {@code n} vertices (radius in degrees of latitude), with a concentric hole if given. */
    private static Geometry circle(double cx, double cy, double r, int n, Double hole) {
        LinearRing shell = TestFences.GF.createLinearRing(ring(cx, cy, r, n));
        LinearRing[] holes = hole == null ? new LinearRing[0]
                : new LinearRing[] {TestFences.GF.createLinearRing(ring(cx, cy, hole, n / 2))};
        return TestFences.GF.createPolygon(shell, holes);
    }

    private static Coordinate[] ring(double cx, double cy, double r, int n) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            cs[i] = new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a));
        }
        cs[n] = cs[0].copy();
        return cs;
    }

    @Test
    void segmentTouchingBoxCornerOnly_meetsIt() {
        assertThat(SubCells.meets(0, 2, 2, 0, 0, 0, 1, 1)).isTrue();
        assertThat(SubCells.meets(0, 2.5, 2.5, 0, 0, 0, 1, 1)).isFalse();
        assertThat(SubCells.meets(0.5, 0.5, 0.5, 0.5, 0, 0, 1, 1)).as("a degenerate edge inside").isTrue();
        assertThat(SubCells.meets(-1, 1, 2, 1, 0, 0, 1, 1)).as("along the top border").isTrue();
    }

    /** A valid rectangle (maybe with a rectangular hole) or triangle with vertices on the half-sub-cell lattice. */
    private static Geometry latticeShape(Random r, double sx, double sy) {
        int a = r.nextInt(STEPS - 4);
        int b = r.nextInt(STEPS - 4);
        int w = 2 + r.nextInt(STEPS - a - 2);
        int h = 2 + r.nextInt(STEPS - b - 2);
        Geometry g;
        if (r.nextBoolean()) {
            LinearRing shell = TestFences.GF.createLinearRing(
                    rect(X0 + a * sx, Y0 + b * sy, X0 + (a + w) * sx, Y0 + (b + h) * sy));
            LinearRing[] holes = new LinearRing[0];
            if (w > 3 && h > 3 && r.nextBoolean()) {
                // a hole one step in from the shell, or touching it at the lower-left corner
                int d = r.nextBoolean() ? 1 : 0;
                holes = new LinearRing[] {TestFences.GF.createLinearRing(rect(X0 + (a + d) * sx,
                        Y0 + (b + d) * sy, X0 + (a + w - 1) * sx, Y0 + (b + h - 1) * sy))};
            }
            g = TestFences.GF.createPolygon(shell, holes);
        } else {
            g = TestFences.GF.createPolygon(new Coordinate[] {new Coordinate(X0 + a * sx, Y0 + b * sy),
                new Coordinate(X0 + (a + w) * sx, Y0 + (b + r.nextInt(h)) * sy),
                new Coordinate(X0 + (a + r.nextInt(w)) * sx, Y0 + (b + h) * sy), new Coordinate(X0 + a * sx, Y0 + b * sy)});
        }
        return new IsValidOp(g).isValid() ? g : null;
    }

    /** A closed axis-aligned ring, unsnapped (the coordinates must stay on the sub-cell lattice). */
    private static Coordinate[] rect(double x0, double y0, double x1, double y1) {
        return new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
            new Coordinate(x0, y1), new Coordinate(x0, y0)};
    }

    private static List<Integer> jts(List<Geometry> shapes, double x, double y) {
        Point p = TestFences.GF.createPoint(new Coordinate(x, y));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            if (shapes.get(i).contains(p)) {
                out.add(i);
            }
        }
        return out;
    }
}
