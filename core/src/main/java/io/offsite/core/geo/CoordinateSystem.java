package io.offsite.core.geo;

import io.offsite.core.InvalidValueException;
import java.util.Locale;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/**
 * A coordinate reference system (坐标系) that grid cells and fences may be given in, and its transform to the
 * WGS-84 longitude/latitude everything in OffSite works in. Supported families, by EPSG code:
 * <ul>
 *   <li>EPSG:4326 WGS 84 and EPSG:4490 CGCS2000 (2000国家大地坐标系) geographic longitude/latitude. CGCS2000 is
 *       treated as identical to WGS-84: the two frames agree within a few centimetres in China, far below what a
 *       grid or a fence resolves.</li>
 *   <li>EPSG:4534–4554 CGCS2000 3° Gauss–Krüger (高斯-克吕格 3度带) zones with central meridian 75°E–135°E and
 *       false easting 500 000 m (no zone prefix), and EPSG:4513–4533, the same zones 25–45 with the zone number
 *       prefixed to the easting (false easting {@code zone × 1 000 000 + 500 000}). Zone {@code n} has central
 *       meridian {@code 3n}°E; Huangyan (121.26°E) lies in zone 40, CM 120°E: EPSG:4549, or EPSG:4528 with prefix.</li>
 *   <li>EPSG:32601–32660 and EPSG:32701–32760, WGS 84 / UTM zones 1N–60N and 1S–60S (Huangyan: 51N, EPSG:32651).</li>
 * </ul>
 * Projected coordinates are metres, easting first ({@code x} east, {@code y} north), as GIS software writes them.
 *
 * <p>A projected position is accepted only if it lies within {@link #maxDegreesFromCentralMeridian()} of the zone's
 * central meridian, between 80°S and 84°N, its easting is within 1 000 km of the false easting and it does not look
 * like longitude/latitude (both |x| ≤ 180 and |y| ≤ 90); anything else — a wrong zone prefix, swapped axes, degrees
 * given as metres — is refused with an {@link InvalidValueException}
 * naming the position and the rule. The transverse Mercator maths is LocationTech proj4j's extended (Poder/Engsager)
 * algorithm, accurate to well under a millimetre over that range.
 *
 * <p>Instances are immutable and thread-safe; two are equal when their EPSG codes are.
 */
public final class CoordinateSystem {
    private static final double MAX_EASTING_OFFSET_M = 1_000_000;
    private static final double MIN_LAT = -80;
    private static final double MAX_LAT = 84;
    private static final String SUPPORTED = "EPSG:4326 (WGS 84), EPSG:4490 (CGCS2000), EPSG:4513-4533 (CGCS2000 3-degree"
            + " Gauss-Kruger zones 25-45 with zone prefix), EPSG:4534-4554 (CGCS2000 3-degree Gauss-Kruger CM 75E-135E),"
            + " EPSG:32601-32660 and EPSG:32701-32760 (WGS 84 / UTM zones 1N-60N, 1S-60S)";

    private final int epsg;
    private final String name;
    private final double centralMeridian;
    private final double maxDegreesFromCm;
    private final double falseEasting;
    private final Projection projection;

    private CoordinateSystem(int epsg, String name, double centralMeridian, double maxDegreesFromCm,
            double falseEasting, String proj4) {
        this.epsg = epsg;
        this.name = name;
        this.centralMeridian = centralMeridian;
        this.maxDegreesFromCm = maxDegreesFromCm;
        this.falseEasting = falseEasting;
        this.projection = proj4 == null ? null : new CRSFactory().createFromParameters("EPSG:" + epsg, proj4).getProjection();
    }

    /** WGS 84 longitude/latitude (EPSG:4326), what GeoJSON (RFC 7946) and OffSite use. */
    public static CoordinateSystem wgs84() {
        return new CoordinateSystem(4326, "WGS 84", 0, 180, 0, null);
    }

    /** CGCS2000 longitude/latitude (EPSG:4490), read as WGS-84: the frames agree within centimetres in China. */
    public static CoordinateSystem cgcs2000() {
        return new CoordinateSystem(4490, "China Geodetic Coordinate System 2000", 0, 180, 0, null);
    }

    /**
     * A CGCS2000 3° Gauss–Krüger zone (scale 1 on the central meridian, GRS 1980 ellipsoid).
     *
     * @param zoneOrCentralMeridian the zone number 25..45, or its central meridian in degrees east, 75..135 and a
     *                              multiple of 3 (zone {@code n} has central meridian {@code 3n})
     * @param zonePrefix            true when eastings carry the zone number in front (false easting
     *                              {@code zone × 1 000 000 + 500 000}, EPSG:4513–4533), false for plain eastings
     *                              (false easting 500 000 m, EPSG:4534–4554)
     */
    public static CoordinateSystem cgcs2000GaussKruger3(int zoneOrCentralMeridian, boolean zonePrefix) {
        int zone;
        if (zoneOrCentralMeridian >= 25 && zoneOrCentralMeridian <= 45) {
            zone = zoneOrCentralMeridian;
        } else if (zoneOrCentralMeridian >= 75 && zoneOrCentralMeridian <= 135 && zoneOrCentralMeridian % 3 == 0) {
            zone = zoneOrCentralMeridian / 3;
        } else {
            throw new InvalidValueException("zoneOrCentralMeridian must be a CGCS2000 3-degree Gauss-Kruger zone 25..45 or"
                    + " its central meridian 75..135 (a multiple of 3), was " + zoneOrCentralMeridian);
        }
        int cm = 3 * zone;
        double fe = zonePrefix ? zone * 1_000_000.0 + 500_000 : 500_000;
        String proj4 = "+proj=etmerc +lat_0=0 +lon_0=" + cm + " +k=1 +x_0=" + (long) fe
                + " +y_0=0 +ellps=GRS80 +units=m +no_defs";
        return zonePrefix
                ? new CoordinateSystem(4513 + zone - 25, "CGCS2000 / 3-degree Gauss-Kruger zone " + zone, cm, 3, fe, proj4)
                : new CoordinateSystem(4534 + zone - 25, "CGCS2000 / 3-degree Gauss-Kruger CM " + cm + "E", cm, 3, fe, proj4);
    }

    /**
     * A WGS 84 / UTM zone (scale 0.9996, false easting 500 000 m, false northing 0 north or 10 000 000 m south).
     *
     * @param zone  1..60 (zone {@code n} has central meridian {@code 6n − 183}°)
     * @param north true for the northern-hemisphere zone (EPSG:326zz), false for the southern one (EPSG:327zz)
     */
    public static CoordinateSystem utm(int zone, boolean north) {
        if (zone < 1 || zone > 60) {
            throw new InvalidValueException("zone must be a UTM zone 1..60, was " + zone);
        }
        int cm = 6 * zone - 183;
        String proj4 = "+proj=etmerc +lat_0=0 +lon_0=" + cm + " +k=0.9996 +x_0=500000 +y_0=" + (north ? 0 : 10_000_000)
                + " +ellps=WGS84 +units=m +no_defs";
        return new CoordinateSystem((north ? 32600 : 32700) + zone, "WGS 84 / UTM zone " + zone + (north ? "N" : "S"),
                cm, 6, 500_000, proj4);
    }

    /**
     * The supported system with this EPSG code.
     *
     * @throws InvalidValueException naming the code and the supported codes when it is not one of them
     */
    public static CoordinateSystem epsg(int code) {
        if (code == 4326) {
            return wgs84();
        }
        if (code == 4490) {
            return cgcs2000();
        }
        if (code >= 4513 && code <= 4533) {
            return cgcs2000GaussKruger3(code - 4513 + 25, true);
        }
        if (code >= 4534 && code <= 4554) {
            return cgcs2000GaussKruger3(code - 4534 + 25, false);
        }
        if (code >= 32601 && code <= 32660) {
            return utm(code - 32600, true);
        }
        if (code >= 32701 && code <= 32760) {
            return utm(code - 32700, false);
        }
        throw new InvalidValueException("EPSG:" + code + " is not a supported coordinate system; supported: " + SUPPORTED);
    }

    /**
     * The supported system a CRS name denotes: {@code EPSG:4549}, {@code urn:ogc:def:crs:EPSG::4549} (any version
     * between the colons), {@code http://www.opengis.net/def/crs/EPSG/0/4549}, or {@code urn:ogc:def:crs:OGC:1.3:CRS84}
     * / {@code OGC:CRS84} / {@code CRS84} for WGS-84 longitude/latitude — the names the legacy GeoJSON {@code crs}
     * member uses. Case is ignored.
     *
     * @throws InvalidValueException when the name is not of these forms or names an unsupported code
     */
    public static CoordinateSystem parse(String name) {
        Objects.requireNonNull(name, "name");
        String s = name.trim().toLowerCase(Locale.ROOT);
        if (s.equals("crs84") || s.equals("ogc:crs84") || s.matches("urn:ogc:def:crs:ogc:[0-9.]*:crs84")
                || s.matches("https?://www\\.opengis\\.net/def/crs/ogc/[0-9.]+/crs84")) {
            return wgs84();
        }
        String digits = null;
        if (s.matches("epsg:[0-9]{1,9}")) {
            digits = s.substring(5);
        } else if (s.matches("urn:ogc:def:crs:epsg:[0-9.]*:[0-9]{1,9}")) {
            digits = s.substring(s.lastIndexOf(':') + 1);
        } else if (s.matches("https?://www\\.opengis\\.net/def/crs/epsg/[0-9.]+/[0-9]{1,9}")) {
            digits = s.substring(s.lastIndexOf('/') + 1);
        }
        if (digits == null) {
            throw new InvalidValueException("CRS name \"" + abbreviate(name) + "\" is not understood; expected EPSG:<code>,"
                    + " urn:ogc:def:crs:EPSG::<code> or urn:ogc:def:crs:OGC:1.3:CRS84");
        }
        return epsg(Integer.parseInt(digits));
    }

    /** The EPSG code, e.g. 4549. */
    public int epsgCode() {
        return epsg;
    }

    /** The EPSG name, e.g. {@code CGCS2000 / 3-degree Gauss-Kruger CM 120E}. */
    public String name() {
        return name;
    }

    /** True for longitude/latitude systems (EPSG:4326, EPSG:4490), false for projected ones in metres. */
    public boolean isGeographic() {
        return projection == null;
    }

    /** The zone's central meridian in degrees east (negative west); 0 for a geographic system. */
    public double centralMeridianDegrees() {
        return centralMeridian;
    }

    /**
     * How far from the central meridian a projected position may lie, in degrees of longitude: 3 for a 3° Gauss–Krüger
     * zone (its neighbours' halves included), 6 for a UTM zone; 180 for a geographic system.
     */
    public double maxDegreesFromCentralMeridian() {
        return maxDegreesFromCm;
    }

    /**
     * Converts one position of this system to WGS-84 longitude/latitude.
     *
     * @param x longitude (geographic) or easting in metres (projected)
     * @param y latitude (geographic) or northing in metres (projected)
     * @throws InvalidValueException naming the position when it is not finite or outside this system's area
     */
    public GeoPoint toLonLat(double x, double y) {
        if (projection == null) {
            checkLonLat(x, y);
            return new GeoPoint(x, y);
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw outside(x, y, "a coordinate is not a finite number");
        }
        if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
            throw outside(x, y, "these look like longitude/latitude degrees, not metres");
        }
        double offset = x - falseEasting;
        if (!(Math.abs(offset) <= MAX_EASTING_OFFSET_M)) {
            throw outside(x, y, String.format(Locale.ROOT, "the easting is %.1f km from the false easting %.0f (at most"
                    + " %.0f km)", offset / 1000, falseEasting, MAX_EASTING_OFFSET_M / 1000));
        }
        ProjCoordinate ll = projection.inverseProject(new ProjCoordinate(x, y), new ProjCoordinate());
        double fromCm = ll.x - centralMeridian;
        if (!(Math.abs(fromCm) <= maxDegreesFromCm)) {
            throw outside(x, y, String.format(Locale.ROOT, "it lies %.3f degrees of longitude from the central meridian"
                    + " %s (at most %.0f)", Math.abs(fromCm), meridian(centralMeridian), maxDegreesFromCm));
        }
        if (!(ll.y >= MIN_LAT && ll.y <= MAX_LAT)) {
            throw outside(x, y, String.format(Locale.ROOT, "its latitude %.3f is outside -80..84", ll.y));
        }
        return new GeoPoint(ll.x, ll.y);
    }

    /**
     * Converts a WGS-84 position to this system ({@code x} longitude or easting, {@code y} latitude or northing).
     * The inverse of {@link #toLonLat(double, double)}, to export or to check coordinates.
     */
    public Coordinate fromLonLat(GeoPoint p) {
        Objects.requireNonNull(p, "p");
        if (projection == null) {
            return new Coordinate(p.lon(), p.lat());
        }
        ProjCoordinate out = projection.project(new ProjCoordinate(p.lon(), p.lat()), new ProjCoordinate());
        return new Coordinate(out.x, out.y);
    }

    /**
     * A copy of a geometry given in this system with every coordinate converted to WGS-84 longitude/latitude (a JTS
     * {@link CoordinateSequenceFilter} over all its coordinates). Validity (self-intersection, ring order) is not
     * checked here: check the result, which is what the grid and fence builders do.
     *
     * @throws InvalidValueException naming the first position (its index among the geometry's coordinates) that is
     *                               outside this system's area
     */
    public Geometry toLonLat(Geometry geometry) {
        return apply(geometry, true);
    }

    /** A copy of a WGS-84 longitude/latitude geometry with every coordinate converted to this system. */
    public Geometry fromLonLat(Geometry lonLat) {
        return apply(lonLat, false);
    }

    private Geometry apply(Geometry geometry, boolean toLonLat) {
        Geometry copy = Objects.requireNonNull(geometry, "geometry").copy();
        copy.apply(new Transform(toLonLat));
        copy.geometryChanged();
        return copy;
    }

    /** Refuses a longitude/latitude that is not a number or out of range, saying which. */
    static void checkLonLat(double lon, double lat) {
        if (Double.isNaN(lon) || Double.isNaN(lat)) {
            throw new InvalidValueException((Double.isNaN(lon) ? "longitude" : "latitude") + " is not a number (NaN)");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new InvalidValueException("longitude " + lon + " outside -180..180");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new InvalidValueException("latitude " + lat + " outside -90..90");
        }
    }

    private InvalidValueException outside(double x, double y, String why) {
        return new InvalidValueException("position [" + x + ", " + y + "] is outside " + this + ": " + why
                + " - check the zone, that eastings come first and that the coordinates are metres");
    }

    private static String meridian(double d) {
        return (long) Math.abs(d) + (d < 0 ? "W" : d > 0 ? "E" : "");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** {@code EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E)}. */
    @Override
    public String toString() {
        return "EPSG:" + epsg + " (" + name + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoordinateSystem c && c.epsg == epsg;
    }

    @Override
    public int hashCode() {
        return epsg;
    }

    private final class Transform implements CoordinateSequenceFilter {
        private final boolean toLonLat;
        private int seen;

        Transform(boolean toLonLat) {
            this.toLonLat = toLonLat;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            double x = seq.getX(i);
            double y = seq.getY(i);
            double u;
            double v;
            if (toLonLat) {
                GeoPoint p;
                try {
                    p = CoordinateSystem.this.toLonLat(x, y);
                } catch (InvalidValueException e) {
                    throw new InvalidValueException("coordinate " + seen + ": " + e.getMessage());
                }
                u = p.lon();
                v = p.lat();
            } else {
                Coordinate c = fromLonLat(new GeoPoint(x, y));
                u = c.x;
                v = c.y;
            }
            seq.setOrdinate(i, 0, u);
            seq.setOrdinate(i, 1, v);
            seen++;
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
