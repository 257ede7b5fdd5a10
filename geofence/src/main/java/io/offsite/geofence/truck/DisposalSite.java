package io.offsite.geofence.truck;

import java.util.Objects;
import org.locationtech.jts.geom.Polygon;

/**
 * An approved site in a truck permit where the truck may stop: a disposal site (消纳场), the loading site
 * (出土工地) or its depot (停车场). A stop inside any of its permit's sites is never a finding; a position inside
 * one is on-route.
 *
 * @param id     id unique among the monitor's sites, 1..64 characters; gate cameras report it ({@link SiteGateEvent})
 * @param name   display name
 * @param role   what the site is for
 * @param lonLat the area, a valid WGS-84 lon/lat polygon (holes allowed)
 */
public record DisposalSite(String id, String name, Role role, Polygon lonLat) {
    /** What an approved site is for. */
    public enum Role {
        /** Where the waste may be unloaded (消纳场). */
        DISPOSAL,
        /** Where the waste is loaded (出土工地, construction site). */
        LOADING,
        /** Where the truck parks between runs (停车场). */
        DEPOT
    }

    public DisposalSite {
        TruckShapes.requireId(id, "site id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        TruckShapes.checkPolygon("site " + id, lonLat);
        lonLat = (Polygon) lonLat.copy();
    }

    /** A disposal site from a closed ring of lon, lat pairs (last pair = first). */
    public static DisposalSite disposal(String id, String name, double... lonLat) {
        return new DisposalSite(id, name, Role.DISPOSAL, TruckShapes.polygon("site " + id, lonLat));
    }

    /** A loading site (construction site) from a closed ring of lon, lat pairs. */
    public static DisposalSite loading(String id, String name, double... lonLat) {
        return new DisposalSite(id, name, Role.LOADING, TruckShapes.polygon("site " + id, lonLat));
    }

    /** A depot from a closed ring of lon, lat pairs. */
    public static DisposalSite depot(String id, String name, double... lonLat) {
        return new DisposalSite(id, name, Role.DEPOT, TruckShapes.polygon("site " + id, lonLat));
    }

    /** A copy of the area (JTS geometries are mutable). */
    @Override
    public Polygon lonLat() {
        return (Polygon) lonLat.copy();
    }

    /** The stored polygon, not copied (internal use). */
    Polygon area() {
        return lonLat;
    }
}
