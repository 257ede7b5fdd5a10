package io.offsite.examples.grid;

import io.offsite.core.geo.Gcj02;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridCell;
import io.offsite.core.grid.GridGeoJson;
import io.offsite.core.grid.GridLocation;
import io.offsite.core.grid.GridProblem;
import io.offsite.core.grid.GridValidationException;
import io.offsite.core.objects.IndustryTaxonomy;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.ObjectCategory;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loads the sample district grid, locates points and objects, and shows what validation reports. */
public final class GridDemo {
    private GridDemo() {
    }

    static Reader sample(String name) {
        return new InputStreamReader(GridDemo.class.getResourceAsStream(name), StandardCharsets.UTF_8);
    }

    /** Runs the grid part of the demo. */
    public static void run(PrintStream out) {
        out.println("sample grid of Huangyan district (黄岩区; sample data, not an official grid): 12 cells on 4 levels");
        List<GridCell> cells = GridGeoJson.create().read(sample("/sample/huangyan-district.geojson"));
        Grid grid = Grid.builder().cells(cells).build();
        double[][] points = {{121.245, 28.63}, {121.25, 28.65}, {121.275, 28.65}, {121.25, 28.63}, {121.34, 28.62}};
        for (double[] p : points) {
            Optional<GridLocation> loc = grid.locate(p[0], p[1]);
            out.printf("  (%.3f, %.3f) -> %s%n", p[0], p[1], loc.map(GridDemo::describe).orElse("outside the grid"));
        }
        GeoPoint webMap = Gcj02.fromWgs84(GeoPoint.of(121.265, 28.63));
        out.printf("  web-map click (GCJ-02 %.6f, %.6f) -> %s%n", webMap.lon(), webMap.lat(),
                GridSnippet.whoIsResponsible(sample("/sample/huangyan-district.geojson"), webMap.lon(), webMap.lat()));

        IndustryTaxonomy taxonomy = IndustryTaxonomy.load(sample("/io/offsite/core/objects/sample-industries.json"));
        ManagedObject shop = new ManagedObject("91331003MA2CXXXX1", "橘乡小吃", ObjectCategory.STREET_SHOP,
                Optional.of("H6291"), GeoPoint.of(121.245, 28.63));
        out.printf("  managed object %s (%s, %s) -> %s%n", shop.name(), shop.category().name(),
                taxonomy.subclassName("H6291").orElse("?"), shop.locateIn(grid).map(GridDemo::describe).orElse("outside"));

        List<GridCell> broken = new ArrayList<>(cells);
        broken.remove(broken.size() - 1); // drop a street: its area is no longer covered
        try {
            Grid.builder().cells(broken).build();
        } catch (GridValidationException e) {
            out.println("  a grid with a street removed is rejected:");
            for (GridProblem p : e.problems()) {
                out.println("    " + p);
            }
        }
        Grid lenient = Grid.builder().cells(broken).acceptGaps(true).build();
        out.println("  ...or accepted with gaps as warnings: " + lenient.warnings().size() + " warning(s); (121.265, 28.65) -> "
                + lenient.locate(121.265, 28.65).map(GridDemo::describe).orElse("outside"));
    }

    private static String describe(GridLocation loc) {
        StringBuilder sb = new StringBuilder();
        for (GridCell c : loc.chain()) {
            sb.append(sb.length() == 0 ? "" : " < ").append(c.name());
        }
        return sb + " | officer " + loc.responsibleOfficer();
    }
}
