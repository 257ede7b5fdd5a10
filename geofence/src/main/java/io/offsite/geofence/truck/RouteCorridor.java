package io.offsite.geofence.truck;

import io.offsite.geofence.FenceShape;
import io.offsite.geofence.GeofenceException;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * An approved haul route (核准运输路线): a lon/lat polyline and the half-width, in metres, a truck may stray from
 * it. Turned into a polygon with the geofence corridor buffer ({@link FenceShape.Corridor}).
 *
 * @param id              id unique among the monitor's corridors, 1..64 characters
 * @param name            display name, e.g. "劳动北路—消纳场"
 * @param lineLonLat      the route, WGS-84 lon/lat, at least two distinct points
 * @param halfWidthMeters half-width in metres, within (0, 10000]
 */
public record RouteCorridor(String id, String name, LineString lineLonLat, double halfWidthMeters) {
    public RouteCorridor {
        TruckShapes.requireId(id, "corridor id");
        Objects.requireNonNull(name, "name");
        String what = "corridor " + id;
        TruckShapes.checkLine(what, lineLonLat);
        if (!(halfWidthMeters > 0 && halfWidthMeters <= 10_000)) {
            throw new GeofenceException(what + ": halfWidthMeters must be within (0, 10000], was " + halfWidthMeters);
        }
        lineLonLat = (LineString) lineLonLat.copy();
    }

    /**
     * A corridor from lon, lat pairs: {@code lon0, lat0, lon1, lat1, …}.
     *
     * @throws GeofenceException naming the corridor and the offending point or value
     */
    public static RouteCorridor of(String id, String name, double halfWidthMeters, double... lonLat) {
        return new RouteCorridor(id, name, TruckShapes.line("corridor " + id, lonLat), halfWidthMeters);
    }

    /** A copy of the route line (JTS geometries are mutable). */
    @Override
    public LineString lineLonLat() {
        return (LineString) lineLonLat.copy();
    }

    /** The buffered lon/lat polygon. */
    Geometry toLonLatPolygon() {
        return FenceShape.toLonLat(new FenceShape.Corridor(lineLonLat, halfWidthMeters), TruckShapes.FACTORY);
    }
}
