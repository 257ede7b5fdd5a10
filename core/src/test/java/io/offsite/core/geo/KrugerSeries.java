package io.offsite.core.geo;

/**
 * An independent transverse Mercator forward projection for tests: Krüger's series in the third flattening
 * {@code n} to order n³ (as given by Karney, "Transverse Mercator with an accuracy of a few nanometers", J. Geodesy
 * 2011, and the UTM article's formulas), accurate to about 0.1 mm within a few degrees of the central meridian. It
 * shares no code with proj4j, whose result {@link CoordinateSystem} is checked against.
 */
public final class KrugerSeries {
    /** GRS 1980 (CGCS2000). */
    public static final double GRS80_A = 6378137.0;
    public static final double GRS80_F = 1 / 298.257222101;
    /** WGS 84. */
    public static final double WGS84_A = 6378137.0;
    public static final double WGS84_F = 1 / 298.257223563;

    private final double k0;
    private final double lon0;
    private final double falseEasting;
    private final double falseNorthing;
    private final double e;
    private final double bigA;
    private final double[] alpha;

    public KrugerSeries(double a, double f, double k0, double lon0Degrees, double falseEasting, double falseNorthing) {
        this.k0 = k0;
        this.lon0 = lon0Degrees;
        this.falseEasting = falseEasting;
        this.falseNorthing = falseNorthing;
        this.e = Math.sqrt(f * (2 - f));
        double n = f / (2 - f);
        this.bigA = a / (1 + n) * (1 + n * n / 4 + n * n * n * n / 64);
        this.alpha = new double[] {n / 2 - 2 * n * n / 3 + 5 * n * n * n / 16, 13 * n * n / 48 - 3 * n * n * n / 5,
            61 * n * n * n / 240};
    }

    /** CGCS2000 3° Gauss–Krüger with central meridian {@code cm} and the given false easting. */
    public static KrugerSeries gaussKruger(int cm, double falseEasting) {
        return new KrugerSeries(GRS80_A, GRS80_F, 1, cm, falseEasting, 0);
    }

    /** WGS 84 / UTM zone. */
    public static KrugerSeries utm(int zone, boolean north) {
        return new KrugerSeries(WGS84_A, WGS84_F, 0.9996, 6 * zone - 183, 500_000, north ? 0 : 10_000_000);
    }

    /** {easting, northing} in metres of a longitude/latitude in degrees. */
    public double[] forward(double lon, double lat) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon - lon0);
        double s = Math.sin(phi);
        double t = Math.sinh(atanh(s) - e * atanh(e * s));
        double xi0 = Math.atan2(t, Math.cos(lambda));
        double eta0 = asinh(Math.sin(lambda) / Math.hypot(t, Math.cos(lambda)));
        double xi = xi0;
        double eta = eta0;
        for (int j = 1; j <= 3; j++) {
            xi += alpha[j - 1] * Math.sin(2 * j * xi0) * Math.cosh(2 * j * eta0);
            eta += alpha[j - 1] * Math.cos(2 * j * xi0) * Math.sinh(2 * j * eta0);
        }
        return new double[] {falseEasting + k0 * bigA * eta, falseNorthing + k0 * bigA * xi};
    }

    /** Length in metres of the meridian from the equator to {@code lat}, by Simpson's rule (another independent check). */
    public static double meridianArc(double a, double f, double lat) {
        double e2 = f * (2 - f);
        double phi = Math.toRadians(lat);
        int steps = 20_000;
        double h = phi / steps;
        double sum = 0;
        for (int k = 0; k <= steps; k++) {
            double s = Math.sin(k * h);
            double m = a * (1 - e2) / Math.pow(1 - e2 * s * s, 1.5);
            sum += m * (k == 0 || k == steps ? 1 : k % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }
}
