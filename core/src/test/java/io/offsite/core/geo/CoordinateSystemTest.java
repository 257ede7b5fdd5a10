package io.offsite.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.offsite.core.InvalidValueException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/** Projected CRS support: codes and parameters as in the EPSG table, values checked against independent formulas. */
class CoordinateSystemTest {
    /** Huangyan district, Taizhou. */
    private static final double LON = 121.26;
    private static final double LAT = 28.64;
    private static final double MM_IN_DEGREES = 1e-3 / 111_000;

    private static List<Integer> supportedCodes() {
        List<Integer> codes = new ArrayList<>();
        for (int c = 4513; c <= 4554; c++) {
            codes.add(c);
        }
        for (int z = 1; z <= 60; z++) {
            codes.add(32600 + z);
            codes.add(32700 + z);
        }
        return codes;
    }

    /** proj4j-epsg's EPSG table: code → {name, proj4 parameters}. */
    private static Map<Integer, String[]> epsgTable() throws Exception {
        Map<Integer, String[]> table = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CoordinateSystemTest.class.getResourceAsStream("/proj4/nad/epsg"), StandardCharsets.UTF_8))) {
            String comment = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("# ")) {
                    comment = line.substring(2).trim();
                } else if (line.startsWith("<") && comment != null) {
                    int close = line.indexOf('>');
                    table.put(Integer.parseInt(line.substring(1, close)),
                            new String[] {comment, line.substring(close + 1, line.lastIndexOf('<')).trim()});
                }
            }
        }
        return table;
    }

    @Test
    void everySupportedCode_carriesItsEpsgName_andProjectsAsTheEpsgTableDefinesIt() throws Exception {
        Map<Integer, String[]> table = epsgTable();
        CRSFactory factory = new CRSFactory();
        for (int code : supportedCodes()) {
            CoordinateSystem ours = CoordinateSystem.epsg(code);
            assertThat(ours.epsgCode()).isEqualTo(code);
            assertThat(ours.name()).as("EPSG:%d", code).isEqualTo(table.get(code)[0]);
            Projection epsg = factory.createFromParameters("EPSG:" + code, table.get(code)[1]).getProjection();
            double cm = ours.centralMeridianDegrees();
            double[] lats = code > 32700 ? new double[] {-50, -10} : code > 32600 ? new double[] {10, 50} : new double[] {25, 40};
            for (double lat : lats) {
                for (double dLon : new double[] {-1.4, 0, 1.4}) {
                    ProjCoordinate expected = epsg.project(new ProjCoordinate(cm + dLon, lat), new ProjCoordinate());
                    Coordinate actual = ours.fromLonLat(GeoPoint.of(cm + dLon, lat));
                    assertThat(actual.x).as("EPSG:%d easting at (%s, %s)", code, cm + dLon, lat).isCloseTo(expected.x, within(1e-3));
                    assertThat(actual.y).as("EPSG:%d northing at (%s, %s)", code, cm + dLon, lat).isCloseTo(expected.y, within(1e-3));
                }
            }
        }
        assertThat(CoordinateSystem.epsg(4549).name()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger CM 120E");
        assertThat(CoordinateSystem.epsg(4528).name()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger zone 40");
        assertThat(CoordinateSystem.epsg(32651).name()).isEqualTo("WGS 84 / UTM zone 51N");
        assertThat(table.get(4326)[0]).isEqualTo(CoordinateSystem.wgs84().name());
        assertThat(table.get(4490)[0]).isEqualTo(CoordinateSystem.cgcs2000().name());
    }

    @Test
    void huangyan_isGaussKrugerZone40Cm120_andUtm51N() {
        assertThat(CoordinateSystem.cgcs2000GaussKruger3(40, false)).isEqualTo(CoordinateSystem.epsg(4549))
                .isEqualTo(CoordinateSystem.cgcs2000GaussKruger3(120, false));
        assertThat(CoordinateSystem.cgcs2000GaussKruger3(120, true).epsgCode()).isEqualTo(4528);
        assertThat(CoordinateSystem.utm(51, true).epsgCode()).isEqualTo(32651);
        assertThat(CoordinateSystem.utm(51, true).centralMeridianDegrees()).isEqualTo(123);
        assertThat(CoordinateSystem.epsg(4549).centralMeridianDegrees()).isEqualTo(120);
    }

    @Test
    void huangyan_matchesKrugerSeries_inAllThreeSystems() {
        check(CoordinateSystem.epsg(4549), KrugerSeries.gaussKruger(120, 500_000), LON, LAT);
        check(CoordinateSystem.epsg(4528), KrugerSeries.gaussKruger(120, 40_500_000), LON, LAT);
        check(CoordinateSystem.epsg(32651), KrugerSeries.utm(51, true), LON, LAT);
        check(CoordinateSystem.epsg(32756), KrugerSeries.utm(56, false), 151.21, -33.87);
        check(CoordinateSystem.epsg(32601), KrugerSeries.utm(1, true), -179.5, 60);
        // the edge of what is accepted: 3 degrees from the central meridian of a Gauss-Kruger zone
        check(CoordinateSystem.epsg(4549), KrugerSeries.gaussKruger(120, 500_000), 122.99, 45);
    }

    private static void check(CoordinateSystem crs, KrugerSeries independent, double lon, double lat) {
        double[] en = independent.forward(lon, lat);
        Coordinate c = crs.fromLonLat(GeoPoint.of(lon, lat));
        assertThat(c.x).as("%s easting", crs).isCloseTo(en[0], within(1e-3));
        assertThat(c.y).as("%s northing", crs).isCloseTo(en[1], within(1e-3));
        GeoPoint back = crs.toLonLat(en[0], en[1]);
        assertThat(back.lon()).as("%s lon", crs).isCloseTo(lon, within(MM_IN_DEGREES / Math.cos(Math.toRadians(lat))));
        assertThat(back.lat()).as("%s lat", crs).isCloseTo(lat, within(MM_IN_DEGREES));
    }

    @Test
    void onTheCentralMeridian_eastingIsFalseEastingAndNorthingIsTheMeridianArc() {
        Coordinate c = CoordinateSystem.epsg(4549).fromLonLat(GeoPoint.of(120, LAT));
        assertThat(c.x).isCloseTo(500_000, within(1e-6));
        assertThat(c.y).isCloseTo(KrugerSeries.meridianArc(KrugerSeries.GRS80_A, KrugerSeries.GRS80_F, LAT), within(1e-3));
        Coordinate u = CoordinateSystem.utm(51, false).fromLonLat(GeoPoint.of(123, -LAT));
        assertThat(u.y).isCloseTo(10_000_000 - 0.9996 * KrugerSeries.meridianArc(KrugerSeries.WGS84_A, KrugerSeries.WGS84_F, LAT),
                within(1e-3));
    }

    @Test
    void roundTrip_lonLatToProjectedAndBack_withinOneMillimetre() {
        for (int code : new int[] {4549, 4528, 4534, 4554, 32651, 32750}) {
            CoordinateSystem crs = CoordinateSystem.epsg(code);
            double cm = crs.centralMeridianDegrees();
            double reach = crs.maxDegreesFromCentralMeridian();
            for (double lat = code > 32700 ? -79 : 0.5; lat <= (code > 32700 ? -0.5 : 83); lat += 3.7) {
                for (double dLon = -reach * 0.99; dLon <= reach; dLon += reach / 7) {
                    Coordinate xy = crs.fromLonLat(GeoPoint.of(cm + dLon, lat));
                    GeoPoint back = crs.toLonLat(xy.x, xy.y);
                    LocalProjection local = LocalProjection.centredOn(GeoPoint.of(cm + dLon, lat));
                    assertThat(local.distanceMeters(back, GeoPoint.of(cm + dLon, lat))).as("%s at (%s, %s)", crs, cm + dLon, lat)
                            .isLessThan(1e-3);
                    Coordinate again = crs.fromLonLat(back);
                    assertThat(again.distance(xy)).isLessThan(1e-3);
                }
            }
        }
    }

    @Test
    void unknownEpsgCode_isRefusedNamingTheCodeAndTheSupportedList() {
        for (int code : new int[] {3857, 4491, 4512, 4555, 32600, 32661, 32700, 32761, 0, -4549}) {
            assertThatThrownBy(() -> CoordinateSystem.epsg(code)).isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("EPSG:" + code + " is not a supported coordinate system")
                    .hasMessageContaining("EPSG:4534-4554").hasMessageContaining("EPSG:32601-32660");
        }
        assertThatThrownBy(() -> CoordinateSystem.parse("urn:ogc:def:crs:EPSG::3857")).hasMessageContaining("EPSG:3857");
    }

    @Test
    void badZones_areRefusedNamingTheValue() {
        assertThatThrownBy(() -> CoordinateSystem.cgcs2000GaussKruger3(121, false)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("was 121");
        assertThatThrownBy(() -> CoordinateSystem.cgcs2000GaussKruger3(46, true)).hasMessageContaining("was 46");
        assertThatThrownBy(() -> CoordinateSystem.cgcs2000GaussKruger3(72, true)).hasMessageContaining("was 72");
        assertThatThrownBy(() -> CoordinateSystem.utm(0, true)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> CoordinateSystem.utm(61, false)).hasMessageContaining("was 61");
    }

    @Test
    void names_acceptEpsgUrnAndCrs84Forms() {
        for (String name : new String[] {"EPSG:4549", "epsg:4549", "urn:ogc:def:crs:EPSG::4549", "urn:ogc:def:crs:EPSG:9.8.15:4549",
            "http://www.opengis.net/def/crs/EPSG/0/4549", " EPSG:4549 "}) {
            assertThat(CoordinateSystem.parse(name).epsgCode()).as(name).isEqualTo(4549);
        }
        for (String name : new String[] {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "CRS84", "OGC:CRS84",
            "EPSG:4326"}) {
            assertThat(CoordinateSystem.parse(name)).as(name).isEqualTo(CoordinateSystem.wgs84());
        }
        assertThat(CoordinateSystem.parse("EPSG:4490")).isEqualTo(CoordinateSystem.cgcs2000());
        assertThatThrownBy(() -> CoordinateSystem.parse("Gauss-Kruger 40")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("\"Gauss-Kruger 40\" is not understood");
        assertThatThrownBy(() -> CoordinateSystem.parse("EPSG:99999999999")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void lonLatGivenAsProjectedMetres_isRefused() {
        assertThatThrownBy(() -> CoordinateSystem.epsg(4549).toLonLat(LON, LAT)).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("position [121.26, 28.64] is outside EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E)")
                .hasMessageContaining("these look like longitude/latitude degrees, not metres");
        assertThatThrownBy(() -> CoordinateSystem.utm(51, true).toLonLat(LON, LAT)).hasMessageContaining("look like longitude/latitude");
    }

    @Test
    void positionBeyondTwiceTheZonesHalfWidth_isRefused() {
        assertThatThrownBy(() -> CoordinateSystem.epsg(4549).toLonLat(100_000, 3_170_000)).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("position [100000.0, 3170000.0] is outside EPSG:4549")
                .hasMessageContaining("degrees of longitude from the central meridian 120E (at most 3)");
        assertThat(CoordinateSystem.epsg(4549).toLonLat(250_000, 3_170_000).lon()).isBetween(117.0, 117.5);
        assertThatThrownBy(() -> CoordinateSystem.utm(51, true).toLonLat(-150_000, 3_170_000))
                .hasMessageContaining("from the central meridian 123E (at most 6)");
    }

    @Test
    void wrongZonePrefix_isRefusedNamingTheFalseEasting() {
        double[] zone40 = KrugerSeries.gaussKruger(120, 40_500_000).forward(LON, LAT);
        assertThat(CoordinateSystem.epsg(4528).toLonLat(zone40[0], zone40[1]).lon()).isCloseTo(LON, within(1e-9));
        assertThatThrownBy(() -> CoordinateSystem.epsg(4527).toLonLat(zone40[0], zone40[1]))
                .hasMessageContaining("outside EPSG:4527 (CGCS2000 / 3-degree Gauss-Kruger zone 39)")
                .hasMessageContaining("the easting is 1123.2 km from the false easting 39500000");
        assertThatThrownBy(() -> CoordinateSystem.epsg(4528).toLonLat(zone40[0] - 40_000_000, zone40[1]))
                .hasMessageContaining("from the false easting 40500000");
    }

    @Test
    void swappedAxesOrAnotherHemisphere_isRefused() {
        double[] en = KrugerSeries.gaussKruger(120, 500_000).forward(LON, LAT);
        assertThatThrownBy(() -> CoordinateSystem.epsg(4549).toLonLat(en[1], en[0])).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("from the false easting 500000");
        assertThatThrownBy(() -> CoordinateSystem.epsg(4549).toLonLat(500_000, 9_900_000)).hasMessageContaining("latitude 89.");
        assertThatThrownBy(() -> CoordinateSystem.epsg(4549).toLonLat(Double.NaN, en[1])).hasMessageContaining("not a finite");
        assertThatThrownBy(() -> CoordinateSystem.wgs84().toLonLat(Double.NaN, 0)).hasMessageContaining("longitude is not a number");
    }

    @Test
    void geographicSystems_passLonLatThroughUnchanged() {
        assertThat(CoordinateSystem.cgcs2000().toLonLat(LON, LAT)).isEqualTo(GeoPoint.of(LON, LAT));
        assertThat(CoordinateSystem.wgs84().isGeographic()).isTrue();
        assertThat(CoordinateSystem.epsg(4549).isGeographic()).isFalse();
        assertThatThrownBy(() -> CoordinateSystem.wgs84().toLonLat(191, 0)).hasMessageContaining("longitude 191.0 outside -180..180");
    }
}
