package io.offsite.core.patrol;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.objects.EnterpriseArchive;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link PatrolPlanner#plan(List)}: drone sorties (架次) assigned to days of the planning period,
 * and the targets that could not be planned with the reason. Immutable.
 *
 * @param sorties      planned sorties ordered by day, then by number
 * @param unplanned    targets left out, in the order they were given
 * @param targetsGiven how many targets were given to the planner
 */
public record PatrolPlan(List<Sortie> sorties, List<Unplanned> unplanned, int targetsGiven) {
    public PatrolPlan {
        sorties = List.copyOf(sorties);
        unplanned = List.copyOf(unplanned);
        int planned = sorties.stream().mapToInt(s -> s.stops().size()).sum();
        if (planned + unplanned.size() != targetsGiven) {
            throw new InvalidValueException("patrol plan must account for every target: " + planned + " planned + "
                    + unplanned.size() + " unplanned != " + targetsGiven + " given");
        }
    }

    /** Total length of all sortie routes in metres. */
    public double totalRouteMeters() {
        return sorties.stream().mapToDouble(Sortie::routeMeters).sum();
    }

    /** Total time in the air over all sorties (flight plus hover). */
    public Duration totalFlightTime() {
        return sorties.stream().map(Sortie::flightTime).reduce(Duration.ZERO, Duration::plus);
    }

    /** How many targets some sortie visits. */
    public int targetsPlanned() {
        return targetsGiven - unplanned.size();
    }

    /** Targets planned / targets given, 0..1; 1 when no target was given. */
    public double coverage() {
        return targetsGiven == 0 ? 1.0 : (double) targetsPlanned() / targetsGiven;
    }

    /** The sorties flown on {@code day} (1-based), in order. */
    public List<Sortie> sortiesOnDay(int day) {
        return sorties.stream().filter(s -> s.day() == day).toList();
    }

    /** A one-line summary, e.g. for a log or a report heading. */
    public String summary() {
        Duration air = totalFlightTime();
        return String.format(Locale.ROOT, "%d sorties over %d day(s), %.1f km, %d h %02d min in the air;"
                + " %d/%d targets planned (%.1f %%)", sorties.size(), sorties.stream().mapToInt(Sortie::day).max().orElse(0),
                totalRouteMeters() / 1000, air.toHours(), air.toMinutesPart(), targetsPlanned(), targetsGiven,
                coverage() * 100);
    }

    /**
     * One sortie (架次): take off from a base, visit the stops in order, hover over each, land at the same base.
     *
     * @param number         1-based number within the plan
     * @param day            1-based day of the planning period
     * @param base           launch and landing site
     * @param stops          targets in visiting order
     * @param arrivalOffsets for each stop, time from take-off to arrival over it
     * @param routeMeters    length of the closed route base → stops → base
     * @param flightTime     time in the air: route at cruise speed plus hover over every stop
     */
    public record Sortie(int number, int day, GeoPoint base, List<PatrolTarget> stops, List<Duration> arrivalOffsets,
            double routeMeters, Duration flightTime) {
        public Sortie {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(flightTime, "flightTime");
            stops = List.copyOf(stops);
            arrivalOffsets = List.copyOf(arrivalOffsets);
            if (number < 1 || day < 1) {
                throw new InvalidValueException("sortie number and day must be >= 1, were " + number + " and " + day);
            }
            if (stops.isEmpty() || stops.size() != arrivalOffsets.size()) {
                throw new InvalidValueException("sortie " + number + " needs one arrival offset per stop and at least"
                        + " one stop, had " + stops.size() + " stops and " + arrivalOffsets.size() + " offsets");
            }
            if (!(routeMeters >= 0) || Double.isInfinite(routeMeters)) {
                throw new InvalidValueException("sortie " + number + ": routeMeters must be finite and >= 0, was "
                        + routeMeters);
            }
        }

        /**
         * The patrol records (巡查记录) of this sortie once flown, one per stop keyed by target id in visiting
         * order, ready for {@link EnterpriseArchive#withPatrol}. Each record's time is {@code takeOff} plus the
         * stop's arrival offset.
         *
         * @param takeOff when the sortie took off (the flight log's time, not the wall clock)
         * @param pilot   the drone pilot (飞手) responsible for the flight
         */
        public Map<String, EnterpriseArchive.Patrol> records(Instant takeOff, OfficerId pilot) {
            Objects.requireNonNull(takeOff, "takeOff");
            Objects.requireNonNull(pilot, "pilot");
            Map<String, EnterpriseArchive.Patrol> out = new LinkedHashMap<>();
            for (int i = 0; i < stops.size(); i++) {
                String note = String.format(Locale.ROOT, "drone patrol (无人机巡查) sortie %d, day %d, stop %d of %d, %s",
                        number, day, i + 1, stops.size(), stops.get(i).name());
                out.put(stops.get(i).id(), new EnterpriseArchive.Patrol(takeOff.plus(arrivalOffsets.get(i)), pilot, note));
            }
            return Collections.unmodifiableMap(out);
        }
    }

    /**
     * A target the plan leaves out.
     *
     * @param target the target
     * @param reason why
     * @param detail the figures behind the reason, for the planner's report
     */
    public record Unplanned(PatrolTarget target, Reason reason, String detail) {
        public Unplanned {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** Why a target is left out. */
        public enum Reason {
            /** Even alone, the round trip from the nearest base exceeds the sortie's range or flight time. */
            OUT_OF_RANGE,
            /** Reachable, but its sortie does not fit into sorties per day × days of the period. */
            PERIOD_FULL
        }
    }
}
