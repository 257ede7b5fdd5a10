package io.offsite.examples.grid;

import io.offsite.core.geo.CoordinateSystem;
import io.offsite.core.geo.Shapes;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridGeoJson;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceGeoJson;
import java.io.Reader;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** The README's "Coordinates and projected CRS" example, compiled here so it cannot rot. */
public final class CoordinatesSnippet {
    private CoordinatesSnippet() {
    }

    /** Reads a grid and fences exported in projected systems and builds shapes from plain numbers. */
    public static String read(Reader gridExport, String fenceExport, String parcelWkt) {
        // README:begin
        Grid grid = GridGeoJson.create()
                .withCrs(CoordinateSystem.epsg(4549))        // CGCS2000 3-degree Gauss-Kruger, CM 120E, metres
                .readGrid(gridExport);                       // converted to WGS-84 lon/lat, then validated
        List<Fence> fences = FenceGeoJson.create()
                .withCrs(CoordinateSystem.utm(51, true))     // WGS 84 / UTM zone 51N (EPSG:32651)
                .read(fenceExport);
        Polygon block = Shapes.polygon(121.25, 28.63, 121.27, 28.63, 121.27, 28.65, 121.25, 28.65); // closed for you
        Geometry parcel = Shapes.fromWkt(parcelWkt, CoordinateSystem.epsg(4549)); // WKT in metres -> lon/lat
        // README:end
        return grid.cells().size() + " cells, " + fences.size() + " fences, block " + block.getArea() + ", parcel "
                + parcel.getGeometryType();
    }
}
