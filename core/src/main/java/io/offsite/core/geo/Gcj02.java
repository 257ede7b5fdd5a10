package io.offsite.core.geo;

/**
 * Conversion between WGS-84 and GCJ-02 (国测局坐标, the offset datum of Chinese web maps).
 * Outside mainland China GCJ-02 equals WGS-84 and both methods return the input unchanged.
 *
 * <p>{@link #toWgs84} inverts the forward offset by fixed-point iteration; the round-trip error is
 * far below a centimetre inside China. Stateless and thread-safe.
 */
public final class Gcj02 {
    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    private Gcj02() {
    }

    /** WGS-84 → GCJ-02. */
    public static GeoPoint fromWgs84(GeoPoint wgs) {
        if (outOfChina(wgs.lon(), wgs.lat())) {
            return wgs;
        }
        double[] d = delta(wgs.lon(), wgs.lat());
        return new GeoPoint(wgs.lon() + d[0], wgs.lat() + d[1]);
    }

    /** GCJ-02 → WGS-84 (iterative inverse of {@link #fromWgs84}). */
    public static GeoPoint toWgs84(GeoPoint gcj) {
        if (outOfChina(gcj.lon(), gcj.lat())) {
            return gcj;
        }
        double lon = gcj.lon();
        double lat = gcj.lat();
        for (int i = 0; i < 30; i++) {
            double[] d = delta(lon, lat);
            double nextLon = gcj.lon() - d[0];
            double nextLat = gcj.lat() - d[1];
            boolean done = Math.abs(nextLon - lon) < 1e-12 && Math.abs(nextLat - lat) < 1e-12;
            lon = nextLon;
            lat = nextLat;
            if (done) {
                break;
            }
        }
        return new GeoPoint(lon, lat);
    }

    /** True where GCJ-02 applies no offset (the conventional bounding box of mainland China). */
    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double[] delta(double lon, double lat) {
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = Math.toRadians(lat);
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
