package io.offsite.examples.trucks;

import io.offsite.cases.CaseLifecycle;
import io.offsite.cases.CaseService;
import io.offsite.cases.spi.CaseStore;
import io.offsite.core.Masks;
import io.offsite.core.effect.FileCase;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.Finding;
import io.offsite.geofence.truck.DisposalSite;
import io.offsite.geofence.truck.PermitWindow;
import io.offsite.geofence.truck.RouteCorridor;
import io.offsite.geofence.truck.TruckFinding;
import io.offsite.geofence.truck.TruckMonitor;
import io.offsite.geofence.truck.TruckPermit;
import io.offsite.geofence.truck.TruckPosition;
import io.offsite.testkit.SettableClock;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A construction-waste truck on a night permit (20:00–06:00), from the site gate to a filed case: at 20:59:50 the gate
 * camera of its loading site (出土工地) sees it drive out; it takes its approved haul road east towards the disposal
 * site, leaves the road at 21:03 for a side street and comes back at 21:08. The monitor decides OFF_CORRIDOR once the
 * truck has been off for more than 2 minutes, emits it with the track from 5 minutes before to 2 minutes after, and
 * the finding becomes a case (FileCase) for the grid cell. The {@link TruckCaseHost} opens the case's evidence chain
 * with the hashed track — incomplete, since the rules also want a site-gate image — collects the gate camera's still
 * of the truck leaving its loading site, and once complete files the case against the permit holder and assesses the
 * fine. GPS and gate times drive a manual clock; nothing reads the wall clock. Terminal, plate, permit, road, sites
 * and cameras are Huangyan samples (illustrative, not official data).
 */
public final class TruckDemo {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-11-02 21:00 in Huangyan: the first GPS report of the trip. */
    static final Instant START = Instant.parse("2026-11-02T13:00:00Z");
    /** The loading site the truck comes from (sample construction site west of the haul road). */
    static final String LOADING_SITE = "S-BEICHENG-07";
    /** The loading site's gate camera (sample GB/T 28181 id, division 331003). */
    static final String GATE_CAMERA = "33100300001321000058";
    /** Where the gate camera looks: the site's exit onto the haul road. */
    static final GeoPoint LOADING_GATE = GeoPoint.of(121.2517, 28.6400);
    static final CellId CELL = CellId.of("HY-1-A-2");
    static final OfficerId OFFICER = OfficerId.of("HYZF-1001");
    static final OfficerId SECOND = OfficerId.of("HYZF-1017");

    private TruckDemo() {
    }

    /** The truck's transport permit (建筑垃圾运输核准): one haul road, its loading site and the disposal site. */
    static TruckPermit permit() {
        return TruckPermit.builder("013305760001", "浙J12345", "HY-ZY-2026-0042")
                .corridor(RouteCorridor.of("R-LAODONG", "劳动北路 haul road", 25,
                        121.2500, 28.6400, 121.2600, 28.6400, 121.2700, 28.6400))
                .site(DisposalSite.loading(LOADING_SITE, "北城街道 某安置房项目出土工地", 121.2490, 28.6392, 121.2517,
                        28.6392, 121.2517, 28.6408, 121.2490, 28.6408, 121.2490, 28.6392))
                .site(DisposalSite.disposal("S-CHENGBEI", "城北消纳场", 121.2705, 28.6390, 121.2730, 28.6390,
                        121.2730, 28.6415, 121.2705, 28.6415, 121.2705, 28.6390))
                .window(PermitWindow.daily(LocalTime.of(20, 0), LocalTime.of(6, 0),
                        LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31)))
                .build();
    }

    /** A host over a fresh in-memory case service, knowing {@code permit}. */
    static TruckCaseHost host(SettableClock clock, TruckPermit permit) {
        return new TruckCaseHost(clock, CaseService.create(CaseLifecycle.builder().build(), CaseStore.inMemory()),
                List.of(permit), OFFICER, SECOND);
    }

    /**
     * Drives the trip 21:00–21:12 through a monitor of {@code permit} (the clock follows the GPS reports), printing
     * the positions where the truck leaves and rejoins its corridor and each finding; returns the findings.
     */
    static List<TruckFinding> drive(TruckPermit permit, SettableClock clock, PrintStream out) {
        List<TruckFinding> findings = new ArrayList<>();
        TruckMonitor monitor = TruckMonitor.builder().permit(permit).findings(f -> {
            findings.add(f);
            out.println(local(f.decidedAt()) + "  FINDING (decided; emitted with the 2-min after-track) " + f.kind() + " "
                    + Masks.plate(f.plate()) + " since " + local(f.start()) + " at " + f.location() + ", id "
                    + f.findingId());
            out.println("          track " + f.track().positions().size() + " positions "
                    + local(f.track().positions().get(0).time()) + "–"
                    + local(f.track().positions().get(f.track().positions().size() - 1).time())
                    + ", sha256 " + f.track().sha256Hex());
        }).build();
        out.println(local(START) + "  truck " + Masks.plate(permit.plate()) + " (terminal " + permit.truckId()
                + ") on " + permit.corridors().get(0).name() + ", permit " + permit.permitNumber());
        boolean wasOff = false;
        for (int s = 0; s <= 12 * 60; s += 10) {
            boolean off = s >= 180 && s < 480; // 21:03–21:08 on a side street 110 m north of the road
            double lon = Math.round((121.2520 + s * 0.0000102) * 1e6) / 1e6; // 808 reports micro-degrees
            TruckPosition p = TruckPosition.of(permit.truckId(), START.plusSeconds(s), lon, off ? 28.6410 : 28.6400,
                    36.0, 90);
            if (off != wasOff) {
                out.println(local(p.time()) + "  " + (off ? "leaves the corridor" : "back on the corridor") + " at "
                        + p.location());
                wasOff = off;
            }
            clock.set(p.time());
            monitor.accept(p);
        }
        monitor.flush();
        out.println("GPS: " + findings.size() + " finding(s), " + monitor.outOfOrderCount() + " out of order");
        return findings;
    }

    /** Runs the scenario and prints the timeline to {@code out}; returns the host for inspection. */
    public static TruckCaseHost run(PrintStream out) {
        TruckPermit permit = permit();
        Instant gateOut = START.minusSeconds(10); // 20:59:50
        SettableClock clock = SettableClock.at(gateOut);
        TruckCaseHost host = host(clock, permit);
        host.gatePassage(LOADING_SITE, GATE_CAMERA, LOADING_GATE, gateOut, permit.plate());
        int shown = print(out, host, 0, null);

        List<TruckFinding> findings = drive(permit, clock, out);
        for (TruckFinding f : findings) {
            FileCase c = f.toFileCase(CELL);
            out.println(local(c.at()) + "  FileCase " + c.violation().code() + " episode " + c.episodeId() + " fence "
                    + c.fenceId() + " cell " + c.cellId() + " subject " + Masks.plate(c.subject()));
            CompletenessReport opened = host.finding(f, CELL);
            shown = print(out, host, shown, opened);
        }
        // 21:15 the platform asks the loading site's gate camera for the still of the truck driving out before the trip
        clock.set(START.plus(Duration.ofMinutes(15)));
        for (TruckFinding f : findings) {
            CompletenessReport after = host.collectGateStill(f.findingId());
            shown = print(out, host, shown, after);
        }
        long filed = findings.stream().filter(f -> host.filed(f.findingId())).count();
        out.println("done: " + findings.size() + " finding(s), " + filed + " case(s) filed with complete evidence");
        return host;
    }

    /**
     * Prints the host's timeline steps from index {@code from}, with {@code report} (when given) right after the step
     * that judged completeness; returns the new count.
     */
    private static int print(PrintStream out, TruckCaseHost host, int from, CompletenessReport report) {
        List<TruckStep> steps = host.timeline();
        for (TruckStep s : steps.subList(from, steps.size())) {
            out.println(local(s.at()) + "  " + s.kind() + "  " + s.text());
            if (report != null && (s.kind() == TruckStep.Kind.EVIDENCE_INCOMPLETE
                    || s.kind() == TruckStep.Kind.EVIDENCE_COMPLETE)) {
                print(out, report);
            }
        }
        return steps.size();
    }

    /** Prints a completeness report: its verdict, every check, and the reason of each gap. */
    static void print(PrintStream out, CompletenessReport r) {
        out.println("          completeness " + r.violation().code() + ": " + (r.complete() ? "complete" : "incomplete"));
        for (Finding f : r.findings()) {
            out.println("            " + f.status() + " " + f.ruleId() + " — " + f.detail());
        }
        for (Finding g : r.gaps()) {
            out.println("            gap " + g.ruleId() + ": " + g.reason());
        }
    }

    static String local(Instant t) {
        return t.atZone(SHANGHAI).toLocalTime().toString();
    }

    /** Runs the demo on standard output. */
    public static void main(String[] args) {
        run(System.out);
    }
}
