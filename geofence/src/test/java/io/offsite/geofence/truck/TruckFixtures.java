package io.offsite.geofence.truck;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A Huangyan-like permit: an east–west haul road along lat 28.6400 from 121.2500 to 121.2700 (25 m half-width),
 * a disposal site just past its east end and a depot at its west end; night hauling 20:00–06:00 Asia/Shanghai.
 * Time zero is 2026-11-02 (a Monday) 21:00 local = 13:00Z.
 */
final class TruckFixtures {
    static final String TRUCK = "013305760001";
    static final String PLATE = "浙J12345";
    static final String PERMIT = "HY-ZY-2026-0042";
    static final Instant T0 = Instant.parse("2026-11-02T13:00:00Z");
    static final double ROAD_LAT = 28.6400;
    /** About 110 m north of the road: outside the corridor. */
    static final double OFF_LAT = 28.6410;
    static final RouteCorridor ROAD = RouteCorridor.of("R-LAODONG", "劳动北路 haul road", 25,
            121.2500, ROAD_LAT, 121.2700, ROAD_LAT);
    static final DisposalSite DUMP = DisposalSite.disposal("S-CHENGBEI", "城北消纳场",
            121.2705, 28.6390, 121.2730, 28.6390, 121.2730, 28.6415, 121.2705, 28.6415, 121.2705, 28.6390);
    static final DisposalSite DEPOT = DisposalSite.depot("D-WEST", "西停车场",
            121.2470, 28.6390, 121.2495, 28.6390, 121.2495, 28.6410, 121.2470, 28.6410, 121.2470, 28.6390);
    static final PermitWindow NIGHTS = PermitWindow.daily(LocalTime.of(20, 0), LocalTime.of(6, 0),
            LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31));

    private TruckFixtures() {
    }

    static TruckPermit.Builder permit() {
        return TruckPermit.builder(TRUCK, PLATE, PERMIT).corridor(ROAD).site(DUMP).site(DEPOT);
    }

    static TruckPermit nightPermit() {
        return permit().window(NIGHTS).build();
    }

    /** A monitor for the night permit collecting its findings; {@code options} may change the defaults. */
    static Run run(UnaryOperator<TruckMonitorBuilder> options) {
        return run(nightPermit(), options);
    }

    static Run run(TruckPermit permit, UnaryOperator<TruckMonitorBuilder> options) {
        List<TruckFinding> found = new ArrayList<>();
        TruckMonitor m = options.apply(TruckMonitor.builder().permit(permit).findings(found::add)).build();
        return new Run(m, found);
    }

    /** A moving position {@code s} seconds after {@link #T0}. */
    static TruckPosition at(int s, double lon, double lat) {
        return TruckPosition.of(TRUCK, T0.plusSeconds(s), lon, lat, 30);
    }

    static TruckPosition stopped(int s, double lon, double lat) {
        return TruckPosition.of(TRUCK, T0.plusSeconds(s), lon, lat, 0);
    }

    /** On the road, driving east 100 m per 10 s from its west end. */
    static TruckPosition onRoad(int s) {
        return at(s, 121.2500 + 0.0000102 * (s % 1900), ROAD_LAT);
    }

    static TruckPosition offRoad(int s) {
        return at(s, 121.2600, OFF_LAT);
    }

    record Run(TruckMonitor monitor, List<TruckFinding> found) {
        Run feed(TruckPosition... ps) {
            for (TruckPosition p : ps) {
                monitor.accept(p);
            }
            return this;
        }

        /** Feeds {@code f(s)} for s = from, from + step, … ≤ to. */
        Run every(int from, int to, int step, java.util.function.IntFunction<TruckPosition> f) {
            for (int s = from; s <= to; s += step) {
                monitor.accept(f.apply(s));
            }
            return this;
        }

        List<TruckFinding> flushed() {
            monitor.flush();
            return found;
        }

        List<TruckFinding> of(TruckFindingKind kind) {
            monitor.flush();
            return found.stream().filter(f -> f.kind() == kind).toList();
        }
    }
}
