package io.offsite.geofence.truck;

import io.offsite.core.violation.Violation;
import io.offsite.geofence.GeofenceException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Watches construction-waste trucks (渣土车) against their permits: feed it GPS positions and site-gate camera
 * events; it hands {@link TruckFinding}s to the sink given to the builder. Time comes only from the events.
 *
 * <pre>{@code
 * List<TruckFinding> found = new ArrayList<>();
 * TruckMonitor monitor = TruckMonitor.builder().permit(permit).findings(found::add).build();
 * monitor.accept(TruckPosition.of("013305760001", Instant.parse("2026-11-02T12:00:00Z"), 121.262, 28.6401, 32.5));
 * }</pre>
 *
 * <p>Rules, each once per continuous episode (re-armed when the truck is back in order):
 * <ul>
 * <li>{@link TruckFindingKind#OFF_CORRIDOR}: positions outside all of the permit's corridors and sites for longer
 *     than the tolerance (first outside position to a later outside one); ends at a position back inside.</li>
 * <li>{@link TruckFindingKind#STOPPED_OUTSIDE_SITE}: stopped (slower than the stop speed, within the stop radius of
 *     the stop's first position) for longer than the dwell while not inside a permitted site; ends when it moves.</li>
 * <li>{@link TruckFindingKind#OUTSIDE_PERMITTED_HOURS}: a moving position that no permit window covers; ends at a
 *     position inside a window, or once the truck has been stopped for the dwell (parked).</li>
 * <li>{@link TruckFindingKind#UNCOVERED_LOAD}, {@link TruckFindingKind#MUDDY_WHEELS}: from {@link SiteGateEvent}s;
 *     a repeat of the same kind and plate within the gate repeat window of the episode's first event belongs to
 *     that episode (a camera reporting the same truck again). A plate without permit
 *     still gives a finding (empty truck id and permit number).</li>
 * <li>{@link TruckFindingKind#UNKNOWN_TRUCK}: a position from a terminal with no permit is not rejected (a live
 *     feed must not stop on one unregistered unit): it is counted, and the first one of each local day gives a
 *     finding whose track is that one position. Unknown positions are not tracked further.</li>
 * </ul>
 * A finding is decided at the event that proves it and emitted once event time (the newest of any position, gate
 * event or {@link #advanceTo}) reaches decision + the track context's {@code after}; its {@link TrackExtract} holds
 * the truck's kept positions from start − {@code before} to decision + {@code after}. {@link #flush()} emits the
 * rest. A truck that stops reporting does not advance its own episodes.
 *
 * <p>A position older than the truck's newest by more than the out-of-order tolerance is counted and ignored;
 * one within it is kept for the track only; an equal position already kept is a duplicate and ignored.
 *
 * <p>Not thread-safe: call from one thread (or shard trucks over several monitors). The corridor check is one
 * grid lookup in an index shared by all trucks ({@link io.offsite.geofence.GeometryIndex}), no allocation.
 */
public final class TruckMonitor {
    /** What {@link #accept(TruckPosition)} did with a position. */
    public enum Outcome {
        /** Newest position of a permitted truck: kept and run through the rules. */
        ACCEPTED,
        /** Older than the truck's newest but within the out-of-order tolerance: kept for the track only. */
        LATE,
        /** Equal to a position already kept: ignored. */
        DUPLICATE,
        /** Older than the truck's newest by more than the out-of-order tolerance: counted and ignored. */
        OUT_OF_ORDER,
        /** From a terminal without a permit: counted (see {@link TruckFindingKind#UNKNOWN_TRUCK}). */
        UNKNOWN_TRUCK
    }

    private final Map<String, TruckState> trucks = new HashMap<>();
    private final Map<String, TruckState> byPlate = new HashMap<>();
    private final PermitIndex index;
    private final ZoneDays days;
    private final Consumer<? super TruckFinding> sink;
    private final long offTolerance;
    private final long dwell;
    private final double stopSpeedKmh;
    private final double stopRadiusSq;
    private final long before;
    private final long after;
    private final long lateTolerance;
    private final long gateRepeat;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private final Map<String, Long> unknownDay;
    private final Map<String, Long> unknownGate;
    private long watermark = Long.MIN_VALUE;
    private long seq;
    private long outOfOrder;
    private long duplicates;
    private long unknownPositions;

    TruckMonitor(TruckMonitorBuilder b) {
        this.index = new PermitIndex(b.permitOrder, b.sites, b.cellMeters);
        for (TruckPermit p : b.permitOrder) {
            TruckState s = new TruckState(p, index.mask(p), index.lines(p), b.maxPositionsPerTruck);
            trucks.put(p.truckId(), s);
            byPlate.put(p.plate(), s);
        }
        this.days = new ZoneDays(b.zone);
        this.sink = b.findings;
        this.offTolerance = b.offCorridorTolerance.toNanos();
        this.dwell = b.stopDwell.toNanos();
        this.stopSpeedKmh = b.stopSpeedKmh;
        this.stopRadiusSq = b.stopRadiusMeters * b.stopRadiusMeters;
        this.before = b.contextBefore.toNanos();
        this.after = b.contextAfter.toNanos();
        this.lateTolerance = b.outOfOrderTolerance.toNanos();
        this.gateRepeat = b.gateRepeatWindow.toNanos();
        this.unknownDay = lru(b.maxUnknownTrucks);
        this.unknownGate = lru(b.maxUnknownTrucks);
    }

    /** Starts a monitor: add permits and a findings sink, then {@code build()}. */
    public static TruckMonitorBuilder builder() {
        return new TruckMonitorBuilder();
    }

    /**
     * Takes one position: checks it against the truck's permit and emits any finding now due.
     *
     * @return what was done with it
     */
    public Outcome accept(TruckPosition p) {
        Objects.requireNonNull(p, "position");
        long t = EventNanos.of(p.time());
        TruckState s = trucks.get(p.truckId());
        if (s == null) {
            unknown(p, t);
            return Outcome.UNKNOWN_TRUCK;
        }
        if (s.lastTime != TruckState.NONE && t <= s.lastTime) {
            if (t < s.lastTime - lateTolerance) {
                outOfOrder++;
                return Outcome.OUT_OF_ORDER;
            }
            if (s.holds(p, t, t - lateTolerance)) {
                duplicates++;
                return Outcome.DUPLICATE;
            }
            s.add(p, t);
            return Outcome.LATE;
        }
        s.add(p, t);
        s.lastTime = t;
        step(s, p, t);
        advance(t);
        return Outcome.ACCEPTED;
    }

    /** Takes positions in the given order, as {@link #accept(TruckPosition)} each; returns how many were ACCEPTED. */
    public int acceptAll(Iterable<TruckPosition> positions) {
        Objects.requireNonNull(positions, "positions");
        int n = 0;
        for (TruckPosition p : positions) {
            if (accept(p) == Outcome.ACCEPTED) {
                n++;
            }
        }
        return n;
    }

    /**
     * Takes a site-gate camera event.
     *
     * @return true when it opened a finding, false when it repeats one within the gate repeat window
     * @throws GeofenceException when its site is in no permit and was not added with {@link TruckMonitorBuilder#site}
     */
    public boolean accept(SiteGateEvent e) {
        Objects.requireNonNull(e, "gateEvent");
        long t = EventNanos.of(e.time());
        TruckFindingKind kind = e.type() == SiteGateEvent.Type.UNCOVERED_LOAD
                ? TruckFindingKind.UNCOVERED_LOAD : TruckFindingKind.MUDDY_WHEELS;
        var location = index.siteLocation(e.siteId());
        TruckState s = byPlate.get(e.plate());
        long previous;
        if (s != null) {
            previous = kind == TruckFindingKind.UNCOVERED_LOAD ? s.lastUncovered : s.lastMuddy;
        } else {
            previous = unknownGate.getOrDefault(e.plate() + "/" + kind, TruckState.NONE);
        }
        boolean repeat = previous != TruckState.NONE && Math.abs(t - previous) <= gateRepeat;
        if (!repeat) {
            if (s != null) {
                if (kind == TruckFindingKind.UNCOVERED_LOAD) {
                    s.lastUncovered = t;
                } else {
                    s.lastMuddy = t;
                }
                decide(kind, s, s.permit.truckId(), s.permit.plate(), s.permit.permitNumber(), t, t, location,
                        e.siteId(), e.cameraId(), null);
            } else {
                unknownGate.put(e.plate() + "/" + kind, t);
                decide(kind, null, "", e.plate(), "", t, t, location, e.siteId(), e.cameraId(), null);
            }
        }
        advance(t);
        return !repeat;
    }

    /** Moves event time forward without a position (e.g. the feed's heartbeat) and emits findings now due. */
    public void advanceTo(Instant eventTime) {
        Objects.requireNonNull(eventTime, "eventTime");
        advance(EventNanos.of(EventNanos.check(eventTime, "advanceTo eventTime")));
    }

    /** Emits every decided finding now, with the track kept so far (e.g. before shutdown). */
    public void flush() {
        while (!pending.isEmpty()) {
            emit(pending.poll());
        }
    }

    /** The permit of a terminal, if the monitor has one. */
    public Optional<TruckPermit> permit(String truckId) {
        TruckState s = trucks.get(Objects.requireNonNull(truckId, "truckId"));
        return s == null ? Optional.empty() : Optional.of(s.permit);
    }

    /** Positions ignored as out of order so far. */
    public long outOfOrderCount() {
        return outOfOrder;
    }

    /** Positions ignored as duplicates so far. */
    public long duplicateCount() {
        return duplicates;
    }

    /** Positions from terminals without a permit so far. */
    public long unknownTruckCount() {
        return unknownPositions;
    }

    /** Findings decided but not yet emitted (waiting for the end of their track context). */
    public int pendingCount() {
        return pending.size();
    }

    private void step(TruckState s, TruckPosition p, long t) {
        double lon = p.location().lon();
        double lat = p.location().lat();
        boolean onRoute = s.onHint(lon, lat);
        if (!onRoute) {
            int where = index.locate(lon, lat, s.mask);
            onRoute = where != 0;
            if (where == PermitIndex.ON_ROUTE) {
                s.seatHint(lon, lat);
            }
        }
        TruckPermit permit = s.permit;
        if (onRoute) {
            s.offStart = TruckState.NONE;
            s.offFired = false;
        } else if (s.offStart == TruckState.NONE) {
            s.offStart = t;
        } else if (!s.offFired && t - s.offStart > offTolerance) {
            s.offFired = true;
            decide(TruckFindingKind.OFF_CORRIDOR, s, permit.truckId(), permit.plate(), permit.permitNumber(),
                    s.offStart, t, p.location(), permit.permitNumber(), "", null);
        }
        boolean slow = p.speedKmh() < stopSpeedKmh;
        if (!slow) {
            s.stopStart = TruckState.NONE;
            s.stopFired = false;
        } else if (s.stopStart == TruckState.NONE || s.stopDistanceSq(lon, lat) > stopRadiusSq) {
            s.startStop(p, t);
        } else if (!s.stopFired && t - s.stopStart > dwell
                && (index.locate(lon, lat, s.mask) & PermitIndex.IN_SITE) == 0) {
            s.stopFired = true;
            String place = index.corridorAt(s.stopLon, s.stopLat, s.mask, permit.permitNumber());
            decide(TruckFindingKind.STOPPED_OUTSIDE_SITE, s, permit.truckId(), permit.plate(), permit.permitNumber(),
                    s.stopStart, t, s.stopAt, place, "", null);
        }
        days.set(p.time().getEpochSecond());
        boolean parked = slow && s.stopStart != TruckState.NONE && t - s.stopStart >= dwell;
        if (parked || s.permittedAt(days.epochDay, days.secondOfDay)) {
            s.hoursStart = TruckState.NONE;
            s.hoursFired = false;
        } else if (!slow && !s.hoursFired) {
            s.hoursStart = t;
            s.hoursFired = true;
            decide(TruckFindingKind.OUTSIDE_PERMITTED_HOURS, s, permit.truckId(), permit.plate(),
                    permit.permitNumber(), t, t, p.location(), permit.permitNumber(), "", null);
        }
    }

    private void unknown(TruckPosition p, long t) {
        unknownPositions++;
        days.set(p.time().getEpochSecond());
        Long day = unknownDay.get(p.truckId());
        if (day == null || day < days.epochDay) {
            unknownDay.put(p.truckId(), days.epochDay);
            decide(TruckFindingKind.UNKNOWN_TRUCK, null, p.truckId(), "", "", t, t, p.location(), p.truckId(), "", p);
        }
        advance(t);
    }

    private void decide(TruckFindingKind kind, TruckState s, String truckId, String plate, String permitNumber,
            long start, long decidedAt, io.offsite.core.geo.GeoPoint location, String placeId, String cameraId,
            TruckPosition only) {
        pending.add(new Pending(decidedAt + after, seq++, kind, s, truckId, plate, permitNumber, start, decidedAt,
                location, placeId, cameraId, only));
    }

    private void advance(long t) {
        if (t > watermark) {
            watermark = t;
        }
        while (!pending.isEmpty() && pending.peek().due() <= watermark) {
            emit(pending.poll());
        }
    }

    private void emit(Pending d) {
        List<TruckPosition> track;
        if (d.only() != null) {
            track = List.of(d.only());
        } else if (d.truck() != null) {
            track = d.truck().between(d.start() - before, d.decidedAt() + after);
        } else {
            track = List.of();
        }
        Instant start = EventNanos.toInstant(d.start());
        String subject = d.truckId().isEmpty() ? d.plate() : d.truckId();
        sink.accept(new TruckFinding(TruckFinding.idOf(subject, d.kind(), start), d.kind(), d.truckId(), d.plate(),
                d.permitNumber(), Violation.CONSTRUCTION_WASTE, start, EventNanos.toInstant(d.decidedAt()),
                d.location(), d.placeId(), d.cameraId(), TrackExtract.of(track)));
    }

    private static <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
