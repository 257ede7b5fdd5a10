package io.offsite.examples.trucks;

import io.offsite.core.Masks;
import io.offsite.core.effect.FileCase;
import io.offsite.core.grid.CellId;
import io.offsite.geofence.truck.DisposalSite;
import io.offsite.geofence.truck.PermitWindow;
import io.offsite.geofence.truck.RouteCorridor;
import io.offsite.geofence.truck.TruckFinding;
import io.offsite.geofence.truck.TruckMonitor;
import io.offsite.geofence.truck.TruckPermit;
import io.offsite.geofence.truck.TruckPosition;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A construction-waste truck on a night permit (20:00–06:00): it drives its approved haul road east towards the
 * disposal site, leaves the road at 21:03 for a side street and comes back at 21:08. The monitor decides
 * OFF_CORRIDOR once the truck has been off for more than 2 minutes, emits it with the track from 5 minutes before to
 * 2 minutes after, and the finding becomes a case (FileCase) for the grid cell. Time comes only from the GPS
 * reports. Terminal, plate, permit, road and site are Huangyan samples (illustrative, not official data).
 */
public final class TruckDemo {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private TruckDemo() {
    }

    /** Runs the scenario and prints the timeline to {@code out}. */
    public static void run(PrintStream out) {
        TruckPermit permit = TruckPermit.builder("013305760001", "浙J12345", "HY-ZY-2026-0042")
                .corridor(RouteCorridor.of("R-LAODONG", "劳动北路 haul road", 25,
                        121.2500, 28.6400, 121.2600, 28.6400, 121.2700, 28.6400))
                .site(DisposalSite.disposal("S-CHENGBEI", "城北消纳场", 121.2705, 28.6390, 121.2730, 28.6390,
                        121.2730, 28.6415, 121.2705, 28.6415, 121.2705, 28.6390))
                .window(PermitWindow.daily(LocalTime.of(20, 0), LocalTime.of(6, 0),
                        LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31)))
                .build();
        List<TruckFinding> findings = new ArrayList<>();
        TruckMonitor monitor = TruckMonitor.builder().permit(permit).findings(f -> {
            findings.add(f);
            out.println(local(f.decidedAt()) + "  FINDING (decided; emitted with the 2-min after-track) " + f.kind() + " " + Masks.plate(f.plate()) + " since "
                    + local(f.start()) + " at " + f.location() + ", id " + f.findingId());
            out.println("          track " + f.track().positions().size() + " positions "
                    + local(f.track().positions().get(0).time()) + "–"
                    + local(f.track().positions().get(f.track().positions().size() - 1).time())
                    + ", sha256 " + f.track().sha256Hex());
        }).build();

        Instant start = Instant.parse("2026-11-02T13:00:00Z"); // 21:00 in Huangyan
        out.println(local(start) + "  truck " + Masks.plate(permit.plate()) + " (terminal " + permit.truckId()
                + ") on " + permit.corridors().get(0).name() + ", permit " + permit.permitNumber());
        boolean wasOff = false;
        for (int s = 0; s <= 12 * 60; s += 10) {
            boolean off = s >= 180 && s < 480; // 21:03–21:08 on a side street 110 m north of the road
            double lon = Math.round((121.2520 + s * 0.0000102) * 1e6) / 1e6; // 808 reports micro-degrees
            TruckPosition p = TruckPosition.of(permit.truckId(), start.plusSeconds(s), lon, off ? 28.6410 : 28.6400,
                    36.0, 90);
            if (off != wasOff) {
                out.println(local(p.time()) + "  " + (off ? "leaves the corridor" : "back on the corridor") + " at "
                        + p.location());
                wasOff = off;
            }
            monitor.accept(p);
        }
        monitor.flush();
        for (TruckFinding f : findings) {
            FileCase c = f.toFileCase(CellId.of("HY-1-A-2"));
            out.println(local(c.at()) + "  FileCase " + c.violation().code() + " episode " + c.episodeId() + " fence "
                    + c.fenceId() + " cell " + c.cellId() + " subject " + Masks.plate(c.subject()));
        }
        out.println("done: " + findings.size() + " finding(s), " + monitor.outOfOrderCount() + " out of order");
    }

    private static String local(Instant t) {
        return t.atZone(SHANGHAI).toLocalTime().toString();
    }

    /** Runs the demo on standard output. */
    public static void main(String[] args) {
        run(System.out);
    }
}
