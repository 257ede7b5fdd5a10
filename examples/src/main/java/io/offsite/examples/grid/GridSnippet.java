package io.offsite.examples.grid;

import io.offsite.core.geo.Gcj02;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridGeoJson;
import io.offsite.core.grid.GridLocation;
import java.io.Reader;

/** The README's grid example, compiled here so it cannot rot. */
public final class GridSnippet {
    private GridSnippet() {
    }

    /** Loads a grid and finds who is responsible for a point picked on a Chinese web map. */
    public static String whoIsResponsible(Reader geojson, double gcjLon, double gcjLat) {
        // README:begin
        Grid grid = GridGeoJson.create().readGrid(geojson);          // validates every rule, or throws with all problems
        GeoPoint wgs = Gcj02.toWgs84(GeoPoint.of(gcjLon, gcjLat));   // web-map GCJ-02 -> WGS-84
        GridLocation loc = grid.locateOrThrow(wgs);                  // street -> area -> squadron -> built-up area
        return loc.cell().name() + " / " + loc.squadron().orElseThrow().name()
                + " -> officer " + loc.responsibleOfficer();
        // README:end
    }
}
