package io.offsite.core.patrol;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;

/**
 * Plans drone patrols (无人机巡查) over enterprises or grid cells so that every target is visited once within a
 * planning period, e.g. the ~650 enterprises Huangyan checks for illegal building (违法建设):
 * <pre>{@code
 * PatrolPlanner planner = PatrolPlanner.builder()
 *         .base(GeoPoint.of(121.23, 28.63)).base(GeoPoint.of(121.29, 28.65))
 *         .cruiseSpeedMetersPerSecond(12).maxFlightTime(Duration.ofMinutes(25))
 *         .hoverTimePerTarget(Duration.ofSeconds(45)).sortiesPerDay(8).periodDays(10).build();
 * PatrolPlan plan = planner.plan(objects.stream().map(PatrolTarget::of).toList());
 * }</pre>
 *
 * <p><b>Method.</b> Positions are projected once onto a {@link LocalProjection} (transverse Mercator on the
 * WGS-84 ellipsoid centred on the mean of the bases; scale error below 0.01 % within 40 km of the centre) and
 * routes are straight legs measured there. Each target is assigned to its nearest base; a target whose round trip
 * from that base alone exceeds the sortie's range or flight time is reported {@code OUT_OF_RANGE}. The targets of
 * each base are cut into sorties by a budgeted nearest-neighbour construction — a sortie starts at the remaining
 * target farthest from the base, then keeps flying to the nearest remaining target that still leaves budget to
 * return — and each sortie is then shortened by 2-opt (never lengthened, so it stays within its budget). Both
 * steps are O(n²); 650 targets plan in milliseconds. Sorties are numbered taking the bases in turn (each base's
 * sorties in construction order), so every base flies on every day, and given to days {@code sortiesPerDay} at a
 * time; when they exceed {@code sortiesPerDay × periodDays}, the sorties
 * visiting the fewest targets (then the longest) are dropped and their targets reported {@code PERIOD_FULL}.
 * Sorties per day counts the whole fleet, not each base. A heuristic, not an optimum: expect routes within
 * roughly 10–25 % of the best. Output is deterministic: ties go to the earlier base or target.
 *
 * <p>Immutable and thread-safe.
 */
public final class PatrolPlanner {
    private final List<GeoPoint> bases;
    private final double speed;
    private final double maxFlightSeconds;
    private final double maxRangeMeters;
    private final Duration hover;
    private final int sortiesPerDay;
    private final int periodDays;

    private PatrolPlanner(Builder b) {
        this.bases = List.copyOf(b.bases);
        this.speed = b.speed;
        this.maxFlightSeconds = b.maxFlightTime == null ? Double.POSITIVE_INFINITY : seconds(b.maxFlightTime);
        this.maxRangeMeters = b.maxRangeMeters;
        this.hover = b.hover;
        this.sortiesPerDay = b.sortiesPerDay;
        this.periodDays = b.periodDays;
    }

    /** Starts a planner; defaults: cruise 10 m/s, hover 30 s per target, 6 sorties per day, a 7-day period. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Plans sorties visiting every reachable target once.
     *
     * @param targets targets with unique ids, in any order (ties in the heuristics follow this order)
     * @throws InvalidValueException when a target is null or two targets share an id (naming both positions)
     */
    public PatrolPlan plan(List<PatrolTarget> targets) {
        Objects.requireNonNull(targets, "targets");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            PatrolTarget t = targets.get(i);
            if (t == null) {
                throw new InvalidValueException("targets[" + i + "] is null");
            }
            Integer first = seen.putIfAbsent(t.id(), i);
            if (first != null) {
                throw new InvalidValueException("targets[" + i + "] repeats id '" + t.id() + "' of targets[" + first
                        + "]; patrol target ids must be unique");
            }
        }
        LocalProjection proj = LocalProjection.centredOn(GeoPoint.of(
                bases.stream().mapToDouble(GeoPoint::lon).average().orElseThrow(),
                bases.stream().mapToDouble(GeoPoint::lat).average().orElseThrow()));
        int n = targets.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            Coordinate c = proj.project(targets.get(i).location());
            xs[i] = c.x;
            ys[i] = c.y;
        }
        double[] bx = new double[bases.size()];
        double[] by = new double[bases.size()];
        for (int b = 0; b < bases.size(); b++) {
            Coordinate c = proj.project(bases.get(b));
            bx[b] = c.x;
            by[b] = c.y;
        }
        Routes.Budget budget = new Routes.Budget(maxRangeMeters, maxFlightSeconds, speed,
                seconds(hover));
        PatrolPlan.Unplanned[] unplanned = new PatrolPlan.Unplanned[n];
        List<List<Integer>> pools = new ArrayList<>();
        bases.forEach(b -> pools.add(new ArrayList<>()));
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int b = 1; b < bases.size(); b++) {
                if (Routes.toBase(xs, ys, bx[b], by[b], i) < Routes.toBase(xs, ys, bx[best], by[best], i)) {
                    best = b;
                }
            }
            double roundTrip = 2 * Routes.toBase(xs, ys, bx[best], by[best], i);
            if (budget.fits(roundTrip, 1)) {
                pools.get(best).add(i);
            } else {
                unplanned[i] = new PatrolPlan.Unplanned(targets.get(i), PatrolPlan.Unplanned.Reason.OUT_OF_RANGE,
                        outOfRange(bases.get(best), roundTrip, budget));
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int b = 0; b < bases.size(); b++) {
            for (int[] route : Routes.nearestNeighbourSorties(xs, ys, bx[b], by[b], pools.get(b), budget)) {
                int[] order = Routes.twoOpt(xs, ys, bx[b], by[b], route);
                candidates.add(new Candidate(candidates.size(), b, order, Routes.length(xs, ys, bx[b], by[b], order)));
            }
        }
        long capacity = (long) sortiesPerDay * periodDays;
        List<Candidate> kept = candidates;
        if (candidates.size() > capacity) {
            List<Candidate> ranked = new ArrayList<>(candidates);
            ranked.sort(Comparator.comparingInt((Candidate c) -> -c.order.length)
                    .thenComparingDouble(c -> c.meters).thenComparingInt(c -> c.seq));
            kept = new ArrayList<>(ranked.subList(0, (int) capacity));
            String detail = String.format(Locale.ROOT, "%d sorties are needed but %d day(s) × %d sorties per day allow %d;"
                    + " the sorties visiting fewest targets are left out", candidates.size(), periodDays, sortiesPerDay,
                    capacity);
            for (Candidate c : ranked.subList((int) capacity, ranked.size())) {
                for (int i : c.order) {
                    unplanned[i] = new PatrolPlan.Unplanned(targets.get(i), PatrolPlan.Unplanned.Reason.PERIOD_FULL,
                            detail);
                }
            }
        }
        kept = roundRobin(kept, bases.size());
        List<PatrolPlan.Sortie> sorties = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            sorties.add(sortie(k, kept.get(k), targets, xs, ys, bx, by));
        }
        List<PatrolPlan.Unplanned> left = new ArrayList<>();
        for (PatrolPlan.Unplanned u : unplanned) {
            if (u != null) {
                left.add(u);
            }
        }
        return new PatrolPlan(sorties, left, n);
    }

    /** Orders sorties base by base in turn (1st of base 0, 1st of base 1, …, 2nd of base 0, …), keeping each base's order. */
    private static List<Candidate> roundRobin(List<Candidate> sorties, int baseCount) {
        List<List<Candidate>> byBase = new ArrayList<>();
        for (int b = 0; b < baseCount; b++) {
            byBase.add(new ArrayList<>());
        }
        sorties.stream().sorted(Comparator.comparingInt(Candidate::seq)).forEach(c -> byBase.get(c.base).add(c));
        List<Candidate> out = new ArrayList<>();
        for (int round = 0; out.size() < sorties.size(); round++) {
            for (List<Candidate> own : byBase) {
                if (round < own.size()) {
                    out.add(own.get(round));
                }
            }
        }
        return out;
    }

    private PatrolPlan.Sortie sortie(int k, Candidate c, List<PatrolTarget> targets, double[] xs, double[] ys,
            double[] bx, double[] by) {
        List<PatrolTarget> stops = new ArrayList<>();
        List<Duration> arrivals = new ArrayList<>();
        double flown = 0;
        for (int s = 0; s < c.order.length; s++) {
            int i = c.order[s];
            flown += s == 0 ? Routes.toBase(xs, ys, bx[c.base], by[c.base], i) : Routes.dist(xs, ys, c.order[s - 1], i);
            stops.add(targets.get(i));
            arrivals.add(seconds(flown / speed).plus(hover.multipliedBy(s)));
        }
        Duration flight = seconds(c.meters / speed).plus(hover.multipliedBy(c.order.length));
        return new PatrolPlan.Sortie(k + 1, k / sortiesPerDay + 1, bases.get(c.base), stops, arrivals, c.meters, flight);
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static String outOfRange(GeoPoint base, double roundTrip, Routes.Budget budget) {
        return String.format(Locale.ROOT, "round trip from the nearest base %s is %.0f m and %.0f s (with hover),"
                + " a sortie allows %s m and %s s", base, roundTrip, budget.seconds(roundTrip, 1),
                limit(budget.maxMeters()), limit(budget.maxSeconds()));
    }

    private static String limit(double v) {
        return Double.isInfinite(v) ? "unlimited" : String.format(Locale.ROOT, "%.0f", v);
    }

    private record Candidate(int seq, int base, int[] order, double meters) {
    }

    /** Builder for {@link PatrolPlanner}; every setter rejects bad input at once, naming the value. */
    public static final class Builder {
        private final List<GeoPoint> bases = new ArrayList<>();
        private double speed = 10;
        private Duration maxFlightTime;
        private double maxRangeMeters = Double.POSITIVE_INFINITY;
        private Duration hover = Duration.ofSeconds(30);
        private int sortiesPerDay = 6;
        private int periodDays = 7;

        private Builder() {
        }

        /** Adds a launch site (起降点); each target flies from its nearest base. At least one is required. */
        public Builder base(GeoPoint base) {
            bases.add(Objects.requireNonNull(base, "base"));
            return this;
        }

        /** Adds several launch sites, in order (ties in distance go to the earlier one). */
        public Builder bases(Collection<GeoPoint> bases) {
            Objects.requireNonNull(bases, "bases").forEach(this::base);
            return this;
        }

        /** Ground speed between targets in m/s (default 10). */
        public Builder cruiseSpeedMetersPerSecond(double metersPerSecond) {
            if (!(metersPerSecond > 0) || Double.isInfinite(metersPerSecond)) {
                throw new InvalidValueException("cruiseSpeedMetersPerSecond must be finite and > 0, was " + metersPerSecond);
            }
            this.speed = metersPerSecond;
            return this;
        }

        /** Longest time in the air per sortie (battery endurance less the landing reserve), flight plus hover. */
        public Builder maxFlightTime(Duration maxFlightTime) {
            Objects.requireNonNull(maxFlightTime, "maxFlightTime");
            if (maxFlightTime.isNegative() || maxFlightTime.isZero()) {
                throw new InvalidValueException("maxFlightTime must be > 0, was " + maxFlightTime);
            }
            this.maxFlightTime = maxFlightTime;
            return this;
        }

        /** Longest route per sortie in metres, e.g. the radio link's reach or a regulatory limit. */
        public Builder maxRangeMeters(double meters) {
            if (!(meters > 0) || Double.isInfinite(meters)) {
                throw new InvalidValueException("maxRangeMeters must be finite and > 0, was " + meters);
            }
            this.maxRangeMeters = meters;
            return this;
        }

        /** Time spent hovering over each target to film it (default 30 s); zero allowed. */
        public Builder hoverTimePerTarget(Duration hover) {
            Objects.requireNonNull(hover, "hover");
            if (hover.isNegative()) {
                throw new InvalidValueException("hoverTimePerTarget must be >= 0, was " + hover);
            }
            this.hover = hover;
            return this;
        }

        /** Sorties the whole fleet flies per day (default 6). */
        public Builder sortiesPerDay(int sorties) {
            if (sorties < 1) {
                throw new InvalidValueException("sortiesPerDay must be >= 1, was " + sorties);
            }
            this.sortiesPerDay = sorties;
            return this;
        }

        /** Days in which every target must be visited once (default 7). */
        public Builder periodDays(int days) {
            if (days < 1) {
                throw new InvalidValueException("periodDays must be >= 1, was " + days);
            }
            this.periodDays = days;
            return this;
        }

        /**
         * Builds the planner.
         *
         * @throws InvalidValueException when no base is set, or neither maxFlightTime nor maxRangeMeters
         */
        public PatrolPlanner build() {
            if (bases.isEmpty()) {
                throw new InvalidValueException("at least one base (launch site) is required");
            }
            if (maxFlightTime == null && Double.isInfinite(maxRangeMeters)) {
                throw new InvalidValueException("set maxFlightTime or maxRangeMeters: a sortie needs a battery or range limit");
            }
            return new PatrolPlanner(this);
        }
    }
}
