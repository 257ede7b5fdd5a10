package io.offsite.core.geo;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A transverse Mercator projection on the WGS-84 ellipsoid centred on a chosen point, used to measure
 * distances and areas in metres (scale factor 1 on the central meridian; Snyder, <i>Map
 * Projections — A Working Manual</i>, USGS PP 1395, eqs. 8-9 to 8-25). Within ±3° of the central
 * meridian — far more than any city grid — scale error stays below 0.14 % and the series are accurate
 * to millimetres. Coordinates are {@code x} east and {@code y} north of the centre, in metres.
 *
 * <p>Immutable and thread-safe. Create one per grid or fence set with {@link #centredOn(GeoPoint)}.
 */
public final class LocalProjection {
    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);
    private static final double EP2 = E2 / (1 - E2);
    private static final double E4 = E2 * E2;
    private static final double E6 = E4 * E2;
    private static final double M1 = 1 - E2 / 4 - 3 * E4 / 64 - 5 * E6 / 256;
    private static final double M2 = 3 * E2 / 8 + 3 * E4 / 32 + 45 * E6 / 1024;
    private static final double M3 = 15 * E4 / 256 + 45 * E6 / 1024;
    private static final double M4 = 35 * E6 / 3072;

    private final GeoPoint centre;
    private final double lon0;
    private final double m0;

    private LocalProjection(GeoPoint centre) {
        this.centre = centre;
        this.lon0 = Math.toRadians(centre.lon());
        this.m0 = meridianArc(Math.toRadians(centre.lat()));
    }

    /** A projection whose origin and central meridian are at {@code centre}. */
    public static LocalProjection centredOn(GeoPoint centre) {
        return new LocalProjection(Objects.requireNonNull(centre, "centre"));
    }

    /** The projection's origin. */
    public GeoPoint centre() {
        return centre;
    }

    /** Projects a WGS-84 position to metres east/north of the centre. */
    public Coordinate project(GeoPoint p) {
        return project(p.lon(), p.lat());
    }

    /** Projects longitude/latitude degrees to metres east/north of the centre. */
    public Coordinate project(double lonDeg, double latDeg) {
        double phi = Math.toRadians(latDeg);
        double sin = Math.sin(phi);
        double cos = Math.cos(phi);
        double tan = Math.tan(phi);
        double n = A / Math.sqrt(1 - E2 * sin * sin);
        double t = tan * tan;
        double c = EP2 * cos * cos;
        double a = (Math.toRadians(lonDeg) - lon0) * cos;
        double a2 = a * a;
        double x = n * (a + (1 - t + c) * a2 * a / 6
                + (5 - 18 * t + t * t + 72 * c - 58 * EP2) * a2 * a2 * a / 120);
        double y = meridianArc(phi) - m0 + n * tan * (a2 / 2
                + (5 - t + 9 * c + 4 * c * c) * a2 * a2 / 24
                + (61 - 58 * t + t * t + 600 * c - 330 * EP2) * a2 * a2 * a2 / 720);
        return new Coordinate(x, y);
    }

    /** Inverse of {@link #project(GeoPoint)}: metres east/north of the centre back to WGS-84. */
    public GeoPoint unproject(double x, double y) {
        double m = m0 + y;
        double mu = m / (A * M1);
        double e1 = (1 - Math.sqrt(1 - E2)) / (1 + Math.sqrt(1 - E2));
        double phi1 = mu + (3 * e1 / 2 - 27 * Math.pow(e1, 3) / 32) * Math.sin(2 * mu)
                + (21 * e1 * e1 / 16 - 55 * Math.pow(e1, 4) / 32) * Math.sin(4 * mu)
                + (151 * Math.pow(e1, 3) / 96) * Math.sin(6 * mu)
                + (1097 * Math.pow(e1, 4) / 512) * Math.sin(8 * mu);
        double sin = Math.sin(phi1);
        double cos = Math.cos(phi1);
        double tan = Math.tan(phi1);
        double c1 = EP2 * cos * cos;
        double t1 = tan * tan;
        double n1 = A / Math.sqrt(1 - E2 * sin * sin);
        double r1 = A * (1 - E2) / Math.pow(1 - E2 * sin * sin, 1.5);
        double d = x / n1;
        double d2 = d * d;
        double lat = phi1 - (n1 * tan / r1) * (d2 / 2
                - (5 + 3 * t1 + 10 * c1 - 4 * c1 * c1 - 9 * EP2) * d2 * d2 / 24
                + (61 + 90 * t1 + 298 * c1 + 45 * t1 * t1 - 252 * EP2 - 3 * c1 * c1) * d2 * d2 * d2 / 720);
        double lon = lon0 + (d - (1 + 2 * t1 + c1) * d2 * d / 6
                + (5 - 2 * c1 + 28 * t1 - 3 * c1 * c1 + 8 * EP2 + 24 * t1 * t1) * d2 * d2 * d / 120) / cos;
        return new GeoPoint(Math.toDegrees(lon), Math.toDegrees(lat));
    }

    /** Distance in metres between two WGS-84 positions, measured in this projection. */
    public double distanceMeters(GeoPoint a, GeoPoint b) {
        return project(a).distance(project(b));
    }

    /** Returns a copy of a lon/lat geometry with every coordinate projected to metres. */
    public Geometry toMeters(Geometry lonLat) {
        Geometry copy = lonLat.copy();
        copy.apply(new Filter(true));
        copy.geometryChanged();
        return copy;
    }

    /** Returns a copy of a metre geometry (in this projection) with coordinates in lon/lat degrees. */
    public Geometry toLonLat(Geometry meters) {
        Geometry copy = meters.copy();
        copy.apply(new Filter(false));
        copy.geometryChanged();
        return copy;
    }

    /** Area in square metres of a lon/lat polygon or multipolygon. */
    public double areaSquareMeters(Geometry lonLat) {
        return toMeters(lonLat).getArea();
    }

    private static double meridianArc(double phi) {
        return A * (M1 * phi - M2 * Math.sin(2 * phi) + M3 * Math.sin(4 * phi) - M4 * Math.sin(6 * phi));
    }

    private final class Filter implements CoordinateSequenceFilter {
        private final boolean forward;

        Filter(boolean forward) {
            this.forward = forward;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            double u = seq.getX(i);
            double v = seq.getY(i);
            if (forward) {
                Coordinate c = project(u, v);
                seq.setOrdinate(i, 0, c.x);
                seq.setOrdinate(i, 1, c.y);
            } else {
                GeoPoint g = unproject(u, v);
                seq.setOrdinate(i, 0, g.lon());
                seq.setOrdinate(i, 1, g.lat());
            }
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
