package io.offsite.core.patrol;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Test fixtures around Huangyan (黄岩区, ~121.26°E 28.64°N): generated enterprises and metre-exact rectangles. */
final class Huangyan {
    static final GeoPoint CENTRE = GeoPoint.of(121.26, 28.64);
    static final LocalProjection PROJ = LocalProjection.centredOn(CENTRE);
    static final GeoPoint WEST_BASE = GeoPoint.of(121.23, 28.63);
    static final GeoPoint EAST_BASE = GeoPoint.of(121.29, 28.65);

    private Huangyan() {
    }

    /** {@code n} enterprises spread over 121.20–121.32°E, 28.60–28.68°N, the same for the same seed. */
    static List<PatrolTarget> enterprises(int n, long seed) {
        Random r = new Random(seed);
        List<PatrolTarget> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(PatrolTarget.of(String.format("91331003MA%08d", i), "企业" + i,
                    GeoPoint.of(121.20 + 0.12 * r.nextDouble(), 28.60 + 0.08 * r.nextDouble())));
        }
        return out;
    }

    /** The point {@code east} and {@code north} metres from the centre. */
    static GeoPoint at(double east, double north) {
        return PROJ.unproject(east, north);
    }

    /** A lon/lat rectangle {@code width} × {@code height} metres with its south-west corner at (x0, y0) metres. */
    static Polygon rect(double x0, double y0, double width, double height) {
        double[][] xy = {{x0, y0}, {x0 + width, y0}, {x0 + width, y0 + height}, {x0, y0 + height}, {x0, y0}};
        Coordinate[] cs = new Coordinate[xy.length];
        for (int i = 0; i < xy.length; i++) {
            GeoPoint p = PROJ.unproject(xy[i][0], xy[i][1]);
            cs[i] = new Coordinate(p.lon(), p.lat());
        }
        return new GeometryFactory().createPolygon(cs);
    }
}
