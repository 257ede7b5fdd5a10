package io.offsite.geofence.truck;

import io.offsite.geofence.GeofenceException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Options of a {@link TruckMonitor}; each setter rejects a bad value at once ({@link GeofenceException} naming the
 * setting, the value and the rule). Not thread-safe; {@link #build()} may be called more than once.
 */
public final class TruckMonitorBuilder {
    private static final Duration ONE_DAY = Duration.ofDays(1);

    final Map<String, TruckPermit> permits = new HashMap<>();
    final Map<String, String> plates = new HashMap<>();
    final List<TruckPermit> permitOrder = new ArrayList<>();
    final List<DisposalSite> sites = new ArrayList<>();
    Consumer<? super TruckFinding> findings;
    Duration offCorridorTolerance = Duration.ofMinutes(2);
    Duration stopDwell = Duration.ofMinutes(5);
    double stopSpeedKmh = 5;
    double stopRadiusMeters = 30;
    Duration contextBefore = Duration.ofMinutes(5);
    Duration contextAfter = Duration.ofMinutes(2);
    int maxPositionsPerTruck = 512;
    Duration outOfOrderTolerance = Duration.ofSeconds(30);
    Duration gateRepeatWindow = Duration.ofMinutes(10);
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    double cellMeters = 32;
    int maxUnknownTrucks = 10_000;

    TruckMonitorBuilder() {
    }

    /** Adds a permit; terminal ids and plates must be unique among the monitor's permits. */
    public TruckMonitorBuilder permit(TruckPermit permit) {
        Objects.requireNonNull(permit, "permit");
        if (permits.containsKey(permit.truckId())) {
            throw new GeofenceException("permits: truck " + permit.truckId() + " has two permits ("
                    + permits.get(permit.truckId()).permitNumber() + ", " + permit.permitNumber() + "); give one");
        }
        String other = plates.get(permit.plate());
        if (other != null) {
            throw new GeofenceException("permits: plate " + permit.plate() + " is on trucks " + other + " and "
                    + permit.truckId() + "; a plate names one truck");
        }
        permits.put(permit.truckId(), permit);
        plates.put(permit.plate(), permit.truckId());
        permitOrder.add(permit);
        return this;
    }

    /** Adds permits, as {@link #permit} each. */
    public TruckMonitorBuilder permits(Collection<TruckPermit> all) {
        Objects.requireNonNull(all, "permits").forEach(this::permit);
        return this;
    }

    /**
     * Makes a site known without permitting it to anyone, so gate events from it can be placed (a construction
     * site whose trucks are not monitored here, for example).
     */
    public TruckMonitorBuilder site(DisposalSite site) {
        sites.add(Objects.requireNonNull(site, "site"));
        return this;
    }

    /** Where findings go (required). Called on the thread calling the monitor; should not throw. */
    public TruckMonitorBuilder findings(Consumer<? super TruckFinding> sink) {
        this.findings = Objects.requireNonNull(sink, "findings");
        return this;
    }

    /** How long a truck may be outside all its corridors and sites before it is a finding: 0..1 day, default 2 min. */
    public TruckMonitorBuilder offCorridorTolerance(Duration d) {
        this.offCorridorTolerance = within("offCorridorTolerance", d, Duration.ZERO, ONE_DAY);
        return this;
    }

    /** How long a stop outside the sites may last before it is a finding: 1 s..1 day, default 5 min. */
    public TruckMonitorBuilder stopDwell(Duration d) {
        this.stopDwell = within("stopDwell", d, Duration.ofSeconds(1), ONE_DAY);
        return this;
    }

    /**
     * What counts as stopped: speed below {@code speedKmh} (0 &lt; v ≤ 30, default 5) and within {@code radiusMeters}
     * (1..500, default 30) of the stop's first position.
     */
    public TruckMonitorBuilder stopThreshold(double speedKmh, double radiusMeters) {
        if (!(speedKmh > 0 && speedKmh <= 30)) {
            throw new GeofenceException("stopThreshold speedKmh must be within (0, 30], was " + speedKmh);
        }
        if (!(radiusMeters >= 1 && radiusMeters <= 500)) {
            throw new GeofenceException("stopThreshold radiusMeters must be within 1..500, was " + radiusMeters);
        }
        this.stopSpeedKmh = speedKmh;
        this.stopRadiusMeters = radiusMeters;
        return this;
    }

    /**
     * The track kept with a finding: from {@code before} its start to {@code after} its decision (each 0..1 day;
     * default 5 min and 2 min). A finding is emitted once event time reaches decision + {@code after}.
     */
    public TruckMonitorBuilder trackContext(Duration before, Duration after) {
        this.contextBefore = within("trackContext before", before, Duration.ZERO, ONE_DAY);
        this.contextAfter = within("trackContext after", after, Duration.ZERO, ONE_DAY);
        return this;
    }

    /** Positions kept per truck (a ring; the oldest is dropped): 16..100000, default 512. */
    public TruckMonitorBuilder maxPositionsPerTruck(int n) {
        if (n < 16 || n > 100_000) {
            throw new GeofenceException("maxPositionsPerTruck must be within 16..100000, was " + n);
        }
        this.maxPositionsPerTruck = n;
        return this;
    }

    /**
     * How much older than a truck's newest position a position may be and still be kept for the track (it never
     * moves the episodes back): 0..1 h, default 30 s. Older ones are counted and ignored.
     */
    public TruckMonitorBuilder outOfOrderTolerance(Duration d) {
        this.outOfOrderTolerance = within("outOfOrderTolerance", d, Duration.ZERO, Duration.ofHours(1));
        return this;
    }

    /**
     * Gate events of the same kind for the same plate within this time of an episode's first event belong to that
     * episode: 0..1 day, default 10 min.
     */
    public TruckMonitorBuilder gateRepeatWindow(Duration d) {
        this.gateRepeatWindow = within("gateRepeatWindow", d, Duration.ZERO, ONE_DAY);
        return this;
    }

    /** The zone permit windows are read in (default Asia/Shanghai). */
    public TruckMonitorBuilder zone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /** Grid cell size in metres for the corridor index, 5..1000 (default 32). */
    public TruckMonitorBuilder cellMeters(double meters) {
        if (!(meters >= 5 && meters <= 1000)) {
            throw new GeofenceException("cellMeters must be within 5..1000, was " + meters);
        }
        this.cellMeters = meters;
        return this;
    }

    /** Unknown terminals remembered for the once-a-day {@link TruckFindingKind#UNKNOWN_TRUCK} rule: 1..1000000, default 10000. */
    public TruckMonitorBuilder maxUnknownTrucks(int n) {
        if (n < 1 || n > 1_000_000) {
            throw new GeofenceException("maxUnknownTrucks must be within 1..1000000, was " + n);
        }
        this.maxUnknownTrucks = n;
        return this;
    }

    /**
     * Builds the monitor: buffers every corridor and indexes corridors and sites once.
     *
     * @throws GeofenceException when no findings sink was given, or a corridor or site id is reused with a different
     *                           shape
     */
    public TruckMonitor build() {
        if (findings == null) {
            throw new GeofenceException("findings: a sink is required (TruckMonitor.builder().findings(...))");
        }
        return new TruckMonitor(this);
    }

    private static Duration within(String what, Duration d, Duration min, Duration max) {
        Objects.requireNonNull(d, what);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new GeofenceException(what + " must be within " + min + ".." + max + ", was " + d);
        }
        return d;
    }
}
