package io.offsite.core.grid;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Test helpers: cells from WKT and the shipped sample district. */
final class Cells {
    private Cells() {
    }

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    static GridCell cell(String id, GridLevel level, String parent, String wkt) {
        GridCell.Builder b = GridCell.builder(id, level).polygon(wkt(wkt)).responsibleOfficer("O-" + id, "Officer " + id);
        if (parent != null) {
            b.parent(parent);
        }
        return b.build();
    }

    static String rect(double x0, double y0, double x1, double y1) {
        return "POLYGON ((" + x0 + " " + y0 + ", " + x1 + " " + y0 + ", " + x1 + " " + y1 + ", " + x0 + " " + y1
                + ", " + x0 + " " + y0 + "))";
    }

    static Reader resource(String name) {
        return new InputStreamReader(Cells.class.getResourceAsStream("/grid/" + name), StandardCharsets.UTF_8);
    }

    static List<GridCell> district() {
        return GridGeoJson.create().read(resource("huangyan-district.geojson"));
    }

    /** A minimal valid chain B ⊃ S ⊃ A ⊃ {T1 west, T2 east} over [0,2]×[0,1] degrees (synthetic, not the sample district). */
    static List<GridCell> twoStreets() {
        return List.of(
                cell("B", GridLevel.BUILT_UP_AREA, null, rect(120.0, 30.0, 120.02, 30.01)),
                cell("S", GridLevel.SQUADRON, "B", rect(120.0, 30.0, 120.02, 30.01)),
                cell("A", GridLevel.AREA, "S", rect(120.0, 30.0, 120.02, 30.01)),
                cell("T1", GridLevel.STREET, "A", rect(120.0, 30.0, 120.01, 30.01)),
                cell("T2", GridLevel.STREET, "A", rect(120.01, 30.0, 120.02, 30.01)));
    }
}
