package io.offsite.examples.patrol;

import io.offsite.cases.CaseLifecycle;
import io.offsite.cases.CaseService;
import io.offsite.cases.spi.CaseStore;
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
import io.offsite.core.violation.Violation;
import io.offsite.evidence.CompletenessReport;
import io.offsite.testkit.SettableClock;
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
 * observed footprint with its permit. The excess becomes a case: the {@link BuildingCaseHost} opens its evidence
 * chain with the comparison as an inspection record, adds this sortie's drone image and the previous cycle's (two
 * dates), is told by the planning authority that the extension has no permit, and only then — evidence complete —
 * files the case against the enterprise; the case goes into the enterprise's file. The case steps run on a manual
 * clock.
 */
public final class PatrolDemo {
    static final GeoPoint WEST_BASE = GeoPoint.of(121.23, 28.63);
    static final GeoPoint EAST_BASE = GeoPoint.of(121.29, 28.65);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final OfficerId PILOT = OfficerId.of("HYZF-2031");
    static final OfficerId SECOND = OfficerId.of("HYZF-2032");
    /** The patrol drone (sample id). */
    static final String DRONE = "UAV-HY-03";
    /** The previous cycle's patrol of the same enterprise, 2026-09-16 10:05 in Huangyan. */
    static final Instant EARLIER_PATROL = LocalDateTime.of(2026, 9, 16, 10, 5).atZone(SHANGHAI)
            .toInstant();
    /** The planning authority answering for Huangyan (sample). */
    static final String PLANNING_AUTHORITY = "台州市自然资源和规划局黄岩分局";

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

    /** Runs the demo, printing to {@code out}; returns the host holding the illegal-building case. */
    public static BuildingCaseHost run(PrintStream out) {
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
        PatrolTarget visited = first.stops().get(2);
        // the enterprise was flown in the previous cycle too: that patrol's image gives the earlier date
        files.compute(visited.id(), (k, f) -> f.withPatrol(new EnterpriseArchive.Patrol(EARLIER_PATROL, PILOT,
                "drone patrol (无人机巡查), previous cycle")));
        first.records(takeOff, PILOT).forEach((id, patrol) -> files.compute(id, (k, f) -> f.withPatrol(patrol)));
        out.println("  flown 2026-12-07 09:30 by " + PILOT + ": " + first.stops().size() + " patrol records filed");

        Instant seen = takeOff.plus(first.arrivalOffsets().get(2));
        FootprintComparison c = footprint(visited.id(), visited.location(), seen);
        out.printf(Locale.ROOT, "footprint of %s: permitted %.1f m², observed %.1f m², excess %.1f m²%n",
                visited.name(), c.permittedSquareMeters(), c.observedSquareMeters(), c.excessSquareMeters());
        c.finding().ifPresent(f -> files.compute(f.objectId(), (k, file) -> f.recordIn(file)));

        // the finding becomes a case once its evidence is complete; the imagery is processed after landing
        SettableClock clock = SettableClock.at(LocalDateTime.of(2026, 12, 7, 10, 30).atZone(SHANGHAI).toInstant());
        BuildingCaseHost host = host(clock);
        String caseId = host.open(c, visited.location());
        host.addDroneImage(caseId, seen, DRONE, "workshop with a 20 m × 5.2 m extension to the north (this sortie)");
        int shown = print(out, host, 0, null);
        CompletenessReport before = host.addDroneImage(caseId, EARLIER_PATROL, DRONE,
                "workshop 20 m × 30 m, no extension to the north (previous cycle)");
        shown = print(out, host, shown, before);
        // next afternoon the planning authority answers: no construction planning permit for the extension
        Instant planning = LocalDateTime.of(2026, 12, 8, 15, 20).atZone(SHANGHAI).toInstant();
        clock.set(planning);
        CompletenessReport after = host.addNoPermitRecord(caseId, planning, PLANNING_AUTHORITY, "HY-GH-2026-0118");
        print(out, host, shown, after);
        host.filedAt(caseId).ifPresent(at -> files.compute(visited.id(),
                (k, f) -> f.withCase(new EnterpriseArchive.CaseRef(caseId, Violation.ILLEGAL_BUILDING, at))));

        EnterpriseArchive file = files.get(visited.id());
        out.println("file (一企一档) of " + visited.name() + " " + file.objectId() + ":");
        file.patrols().forEach(p -> out.println("  patrol  " + p.at().atZone(SHANGHAI).toLocalDateTime() + " "
                + p.officer() + " " + p.note()));
        file.findings().forEach(f -> out.println("  finding " + f.at().atZone(SHANGHAI).toLocalDateTime() + " "
                + f.violation() + " " + f.description()));
        file.cases().forEach(k -> out.println("  case    " + k.filedAt().atZone(SHANGHAI).toLocalDateTime() + " "
                + k.violation() + " " + k.caseId()));
        return host;
    }

    /**
     * The footprint check of one building: permitted 20 m × 30 m, observed 20 m × 35.2 m on the orthophoto (a 5.2 m
     * extension to the north), its south-west corner at {@code at}.
     */
    static FootprintComparison footprint(String objectId, GeoPoint at, Instant seen) {
        LocalProjection local = LocalProjection.centredOn(at);
        return FootprintCheck.builder().thresholdSquareMeters(5).toleranceMeters(0.2).build()
                .compare(objectId, seen, rectangle(local, 20, 30), rectangle(local, 20, 35.2));
    }

    /** A host over a fresh in-memory case service; the pilot and a second officer act on its cases. */
    static BuildingCaseHost host(SettableClock clock) {
        return new BuildingCaseHost(clock, CaseService.create(CaseLifecycle.builder().build(), CaseStore.inMemory()),
                PILOT, SECOND);
    }

    /**
     * Prints the host's timeline steps from index {@code from}, with {@code report} (when given) after the last step
     * that judged completeness; returns the new count.
     */
    private static int print(PrintStream out, BuildingCaseHost host, int from, CompletenessReport report) {
        List<BuildingStep> steps = host.timeline();
        int last = -1;
        for (int i = from; i < steps.size(); i++) {
            BuildingStep.Kind k = steps.get(i).kind();
            if (k == BuildingStep.Kind.EVIDENCE_INCOMPLETE || k == BuildingStep.Kind.EVIDENCE_COMPLETE) {
                last = i;
            }
        }
        for (int i = from; i < steps.size(); i++) {
            BuildingStep s = steps.get(i);
            out.println(s.at().atZone(SHANGHAI).toLocalDateTime().toString().replace('T', ' ') + "  " + s.kind() + "  "
                    + s.text());
            if (report != null && i == last) {
                out.println("          completeness " + report.violation().code() + ": "
                        + (report.complete() ? "complete" : "incomplete"));
                report.findings().forEach(f -> out.println("            " + f.status() + " " + f.ruleId() + " — "
                        + f.detail()));
                report.gaps().forEach(g -> out.println("            gap " + g.ruleId() + ": " + g.reason()));
            }
        }
        return steps.size();
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
