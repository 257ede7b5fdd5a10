package io.offsite.geofence.truck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The corridor shortcut never contradicts the exact test: whenever it says "certainly inside", the buffered
 * corridor polygon contains the point. Random zig-zag routes (sharp turns, 5–60 m half-widths, up to 20 km long)
 * around Huangyan, points scattered up to 1.3 half-widths from a random segment.
 */
class RouteLinesPropertyTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void shortcutInside_impliesTheBufferedPolygonContainsThePoint() {
        SplittableRandom rnd = new SplittableRandom(20261102);
        long shortcutHits = 0;
        long samples = 0;
        for (int route = 0; route < 60; route++) {
            int n = 2 + rnd.nextInt(12);
            double[] ll = new double[2 * n];
            double lon = 121.20 + rnd.nextDouble() * 0.1;
            double lat = 28.60 + rnd.nextDouble() * 0.1;
            double heading = rnd.nextDouble() * 2 * Math.PI;
            for (int i = 0; i < n; i++) {
                ll[2 * i] = lon;
                ll[2 * i + 1] = lat;
                heading += (rnd.nextDouble() - 0.5) * 2.8; // up to ±80° turns
                double step = 20 + rnd.nextDouble() * 1800;
                lon += step * Math.cos(heading) / 97_700;
                lat += step * Math.sin(heading) / 111_320;
            }
            double half = 5 + rnd.nextDouble() * 55;
            RouteCorridor c = RouteCorridor.of("R" + route, "random", half, ll);
            RouteLines lines = RouteLines.of(c);
            PreparedGeometry poly = PreparedGeometryFactory.prepare(c.toLonLatPolygon());
            for (int k = 0; k < 3000; k++) {
                int s = rnd.nextInt(n - 1);
                double f = rnd.nextDouble();
                double px = ll[2 * s] + f * (ll[2 * s + 2] - ll[2 * s]);
                double py = ll[2 * s + 1] + f * (ll[2 * s + 3] - ll[2 * s + 1]);
                double a = rnd.nextDouble() * 2 * Math.PI;
                double d = rnd.nextDouble() * 1.3 * half;
                px += d * Math.cos(a) / (111_320 * Math.cos(Math.toRadians(py)));
                py += d * Math.sin(a) / 111_320;
                samples++;
                if (lines.any(px, py) >= 0) {
                    shortcutHits++;
                    Geometry pt = GF.createPoint(new Coordinate(px, py));
                    assertThat(poly.contains(pt)).as("route %d (half-width %.1f m), point (%.9f, %.9f)", route, half,
                            px, py).isTrue();
                }
            }
        }
        // the property must be exercised: most sampled points fall in the shortcut's inner band
        assertThat((double) shortcutHits / samples).isGreaterThan(0.4);
    }

    @Test
    void nearSearchesAWindowAroundTheHint() {
        RouteCorridor c = RouteCorridor.of("R", "straight", 25, 121.25, 28.64, 121.26, 28.64, 121.27, 28.64,
                121.28, 28.64);
        RouteLines lines = RouteLines.of(c);
        assertThat(lines.near(0, 121.275, 28.64)).isEqualTo(2);
        assertThat(lines.near(2, 121.255, 28.64)).isEqualTo(0);
        assertThat(lines.near(0, 121.275, 28.645)).isEqualTo(-1); // 550 m off
    }
}
