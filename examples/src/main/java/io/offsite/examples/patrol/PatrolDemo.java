package io.offsite.examples.patrol;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import io.offsite.core.geo.Shapes;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.ObjectCategory;
import io.offsite.core.patrol.FootprintCheck;
import io.offsite.core.patrol.FootprintComparison;
import io.offsite.core.patrol.PatrolPlan;
import io.offsite.core.patrol.PatrolPlanner;
import io.offsite.core.patrol.PatrolTarget;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.locationtech.jts.geom.Polygon;

/**
 * Drone patrols for illegal building (违法建设) over Huangyan's enterprises (sample data): plans ~650 enterprises
 * from two launch sites, records a flown sortie into each enterprise's file (一企一档), and compares one building's
 * observed footprint with its permit.
 */
public final class PatrolDemo {
    static final GeoPoint WEST_BASE = GeoPoint.of(121.23, 28.63);
    static final GeoPoint EAST_BASE = GeoPoint.of(121.29, 28.65);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OfficerId PILOT = OfficerId.of("HYZF-2031");

    private PatrolDemo() {
    }

    /**
     * 649 sample enterprises spread over 121.20–121.32°E, 28.60–28.68°N (the same every run) and one in the hills
     * at 宁溪, out of reach of both bases.
     */
    static List<ManagedObject> enterprises() {
        Random r = new Random(331003);
        List<ManagedObject> out = new ArrayList<>();
        for (int i = 1; i <= 649; i++) {
            out.add(new ManagedObject(String.format(Locale.ROOT, "91331003MA2H%06d", i), "黄岩样例企业" + i,
                    ObjectCategory.ENTERPRISE, Optional.empty(),
                    GeoPoint.of(121.20 + 0.12 * r.nextDouble(), 28.60 + 0.08 * r.nextDouble())));
        }
        out.add(new ManagedObject("91331003MA2H000650", "宁溪样例模具厂", ObjectCategory.ENTERPRISE, Optional.empty(),
                GeoPoint.of(121.00, 28.70)));
        return out;
    }

    /** The drone fleet: two launch sites, 25-minute batteries, 8 sorties a day, every enterprise within 10 days. */
    static PatrolPlanner planner() {
        return PatrolPlanner.builder().base(WEST_BASE).base(EAST_BASE).cruiseSpeedMetersPerSecond(12)
                .maxFlightTime(Duration.ofMinutes(25)).maxRangeMeters(15_000).hoverTimePerTarget(Duration.ofSeconds(45))
                .sortiesPerDay(8).periodDays(10).build();
    }

    /** Runs the demo. */
    public static void run(PrintStream out) {
        List<ManagedObject> objects = enterprises();
        long t0 = System.nanoTime();
        PatrolPlan plan = planner().plan(objects.stream().map(PatrolTarget::of).toList());
        long micros = (System.nanoTime() - t0) / 1000;
        out.println("drone patrol plan for " + objects.size() + " Huangyan enterprises (sample data), bases " + WEST_BASE
                + " and " + EAST_BASE + ":");
        out.println("  " + plan.summary());
        out.printf(Locale.ROOT, "  planned in %.1f ms%n", micros / 1000.0);
        int days = plan.sorties().stream().mapToInt(PatrolPlan.Sortie::day).max().orElse(0);
        for (int d = 1; d <= days; d++) {
            List<PatrolPlan.Sortie> s = plan.sortiesOnDay(d);
            out.printf(Locale.ROOT, "  day %2d: %d sorties, %3d enterprises, %.1f km%n", d, s.size(),
                    s.stream().mapToInt(x -> x.stops().size()).sum(),
                    s.stream().mapToDouble(PatrolPlan.Sortie::routeMeters).sum() / 1000);
        }
        for (PatrolPlan.Unplanned u : plan.unplanned()) {
            out.println("  not planned: " + u.target().name() + " " + u.reason() + " — " + u.detail());
        }

        PatrolPlan.Sortie first = plan.sorties().get(0);
        out.printf(Locale.ROOT, "sortie %d from %s: %d stops, %.2f km, %d min in the air%n", first.number(), first.base(),
                first.stops().size(), first.routeMeters() / 1000, first.flightTime().toMinutes());
        Instant takeOff = LocalDateTime.of(2026, 12, 7, 9, 30).atZone(SHANGHAI).toInstant();
        Map<String, EnterpriseArchive> files = new LinkedHashMap<>();
        objects.forEach(o -> files.put(o.id(), EnterpriseArchive.empty(o.id())));
        first.records(takeOff, PILOT).forEach((id, patrol) -> files.compute(id, (k, f) -> f.withPatrol(patrol)));
        out.println("  flown 2026-12-07 09:30 by " + PILOT + ": " + first.stops().size() + " patrol records filed");

        PatrolTarget visited = first.stops().get(2);
        LocalProjection local = LocalProjection.centredOn(visited.location());
        Polygon permit = rectangle(local, 20, 30);
        Polygon observed = rectangle(local, 20, 35.2); // a 5.2 m extension to the north on the orthophoto
        Instant seen = takeOff.plus(first.arrivalOffsets().get(2));
        FootprintComparison c = FootprintCheck.builder().thresholdSquareMeters(5).toleranceMeters(0.2).build()
                .compare(visited.id(), seen, permit, observed);
        out.printf(Locale.ROOT, "footprint of %s: permitted %.1f m², observed %.1f m², excess %.1f m²%n",
                visited.name(), c.permittedSquareMeters(), c.observedSquareMeters(), c.excessSquareMeters());
        c.finding().ifPresent(f -> files.compute(f.objectId(), (k, file) -> f.recordIn(file)));

        EnterpriseArchive file = files.get(visited.id());
        out.println("file (一企一档) of " + visited.name() + " " + file.objectId() + ":");
        file.patrols().forEach(p -> out.println("  patrol  " + p.at().atZone(SHANGHAI).toLocalDateTime() + " "
                + p.officer() + " " + p.note()));
        file.findings().forEach(f -> out.println("  finding " + f.at().atZone(SHANGHAI).toLocalDateTime() + " "
                + f.violation() + " " + f.description()));
    }

    /** A building {@code width} × {@code depth} metres whose south-west corner is at the enterprise's position. */
    private static Polygon rectangle(LocalProjection local, double width, double depth) {
        double[][] xy = {{0, 0}, {width, 0}, {width, depth}, {0, depth}};
        double[] lonLat = new double[8];
        for (int i = 0; i < 4; i++) {
            GeoPoint p = local.unproject(xy[i][0], xy[i][1]);
            lonLat[2 * i] = p.lon();
            lonLat[2 * i + 1] = p.lat();
        }
        return Shapes.polygon(lonLat);
    }

    /** Runs the demo on standard output. */
    public static void main(String[] args) {
        run(System.out);
    }
}
