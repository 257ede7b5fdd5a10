package io.offsite.benchmarks.truck;

import io.offsite.core.geo.GeoPoint;
import io.offsite.geofence.truck.PermitWindow;
import io.offsite.geofence.truck.RouteCorridor;
import io.offsite.geofence.truck.TruckPermit;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic Huangyan-like fleet: {@code corridors} haul routes (5 segments of 1.2 km, 25 m half-width) over
 * 20 km × 20 km around 121.26E 28.64N, {@code trucks} trucks each permitted 1–3 of them, all-day windows. Each truck
 * drives a lap of {@link #LAP} reports (10 s apart) up and down one of its corridors, 10 % of them off it: one
 * 3-minute detour 300 m to the side (one OFF_CORRIDOR finding per lap) and 54 single-report GPS spikes 300 m
 * off (each shorter than the 2-minute tolerance: no finding). Deterministic for a seed.
 */
final class TruckFleet {
    static final int LAP = 720;
    static final int DETOUR_START = 400;
    static final int DETOUR_STEPS = 18;
    static final double CENTRE_LON = 121.26;
    static final double CENTRE_LAT = 28.64;
    static final double M_PER_DEG_LAT = 111_320.0;
    static final double M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos(Math.toRadians(CENTRE_LAT));

    final List<TruckPermit> permits = new ArrayList<>();
    final String[] truckIds;
    /** Per truck, per lap step: where it reports. */
    final GeoPoint[][] path;
    /** Per truck, per lap step: whether that report is off its corridor by construction. */
    final boolean[][] off;

    TruckFleet(int trucks, int corridors, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] lines = new double[corridors][];
        List<RouteCorridor> routes = new ArrayList<>();
        for (int c = 0; c < corridors; c++) {
            lines[c] = polyline(rnd);
            routes.add(RouteCorridor.of(String.format("R%02d", c), "haul route " + c, 25, toLonLat(lines[c])));
        }
        PermitWindow allDay = PermitWindow.daily(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, LocalDate.of(2026, 1, 1),
                LocalDate.of(2030, 12, 31));
        truckIds = new String[trucks];
        path = new GeoPoint[trucks][LAP];
        off = new boolean[trucks][LAP];
        for (int t = 0; t < trucks; t++) {
            truckIds[t] = String.format("0133057%05d", t);
            java.util.LinkedHashSet<Integer> picks = new java.util.LinkedHashSet<>();
            int wanted = 1 + rnd.nextInt(3);
            while (picks.size() < wanted) {
                picks.add(rnd.nextInt(corridors));
            }
            TruckPermit.Builder b = TruckPermit.builder(truckIds[t], String.format("浙J%05d", t),
                    String.format("HY-ZY-2026-%04d", t)).window(allDay);
            picks.forEach(c -> b.corridor(routes.get(c)));
            int first = picks.iterator().next();
            permits.add(b.build());
            drive(lines[first], t, rnd);
        }
    }

    private void drive(double[] line, int t, SplittableRandom rnd) {
        double length = 0;
        for (int i = 2; i < line.length; i += 2) {
            length += Math.hypot(line[i] - line[i - 2], line[i + 1] - line[i - 1]);
        }
        double offset0 = rnd.nextDouble() * LAP;
        for (int s = 0; s < LAP; s++) {
            // ping-pong along the route: one way per half lap
            double u = ((s + offset0) % LAP) / (LAP / 2.0);
            double along = (u <= 1 ? u : 2 - u) * length;
            boolean detour = s >= DETOUR_START && s < DETOUR_START + DETOUR_STEPS;
            boolean spike = !detour && s % 13 == 5 && s < 13 * 54;
            double side = detour || spike ? 300 : (rnd.nextDouble() - 0.5) * 20;
            double[] xy = pointAt(line, along, side);
            path[t][s] = GeoPoint.of(CENTRE_LON + xy[0] / M_PER_DEG_LON, CENTRE_LAT + xy[1] / M_PER_DEG_LAT);
            off[t][s] = detour || spike;
        }
    }

    /** Metres east/north: a point {@code along} metres down the line and {@code side} metres to its left. */
    private static double[] pointAt(double[] line, double along, double side) {
        for (int i = 2; i < line.length; i += 2) {
            double dx = line[i] - line[i - 2];
            double dy = line[i + 1] - line[i - 1];
            double seg = Math.hypot(dx, dy);
            if (along <= seg || i == line.length - 2) {
                double f = Math.min(1, along / seg);
                return new double[] {line[i - 2] + f * dx - dy / seg * side, line[i - 1] + f * dy + dx / seg * side};
            }
            along -= seg;
        }
        throw new IllegalStateException("empty line");
    }

    /** A route in metres from the centre: 6 points, 1.2 km apart, turning up to ±35° at each. */
    private static double[] polyline(SplittableRandom rnd) {
        double[] xy = new double[12];
        xy[0] = (rnd.nextDouble() - 0.5) * 14_000;
        xy[1] = (rnd.nextDouble() - 0.5) * 14_000;
        double heading = rnd.nextDouble() * 2 * Math.PI;
        for (int i = 2; i < xy.length; i += 2) {
            heading += Math.toRadians((rnd.nextDouble() - 0.5) * 70);
            xy[i] = xy[i - 2] + 1200 * Math.cos(heading);
            xy[i + 1] = xy[i - 1] + 1200 * Math.sin(heading);
        }
        return xy;
    }

    private static double[] toLonLat(double[] xy) {
        double[] ll = new double[xy.length];
        for (int i = 0; i < xy.length; i += 2) {
            ll[i] = CENTRE_LON + xy[i] / M_PER_DEG_LON;
            ll[i + 1] = CENTRE_LAT + xy[i + 1] / M_PER_DEG_LAT;
        }
        return ll;
    }
}
