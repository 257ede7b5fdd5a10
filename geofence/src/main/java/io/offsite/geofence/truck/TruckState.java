package io.offsite.geofence.truck;

import io.offsite.core.geo.GeoPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * One permitted truck's state: its bounded ring of recent positions and the three running episodes (off
 * corridor, stop, outside hours). Mutable; owned by one {@link TruckMonitor}.
 */
final class TruckState {
    static final long NONE = Long.MIN_VALUE;

    final TruckPermit permit;
    final long[] mask;
    final PermitWindow.Compiled[] windows;

    /**
     * The ring of kept positions, stored as primitives (no object kept per position, so nothing for the garbage
     * collector to copy): per slot {@code times[i]} (event nanos), {@code headings[i]}, and
     * {@code coords[3i..3i+2]} = lon, lat, speed. Rebuilt into {@link TruckPosition}s only for a track extract.
     */
    private final long[] times;
    private final int[] headings;
    private final double[] coords;
    private final int capacity;
    private int head;
    private int size;
    long lastTime = NONE;

    long offStart = NONE;
    boolean offFired;

    long stopStart = NONE;
    boolean stopFired;
    double stopLon;
    double stopLat;
    double stopCosLat;
    GeoPoint stopAt;

    long hoursStart = NONE;
    boolean hoursFired;

    long lastUncovered = NONE;
    long lastMuddy = NONE;

    /** The corridors' shortcut lines and the truck's last segment on them (−1: none yet). */
    private final RouteLines[] lines;
    private int hintLine = -1;
    private int hintSegment;

    TruckState(TruckPermit permit, long[] mask, RouteLines[] lines, int maxPositions) {
        this.permit = permit;
        this.lines = lines;
        this.mask = mask;
        this.windows = permit.windows().stream().map(PermitWindow::compile).toArray(PermitWindow.Compiled[]::new);
        this.capacity = maxPositions;
        this.times = new long[maxPositions];
        this.headings = new int[maxPositions];
        this.coords = new double[3 * maxPositions];
    }

    /** Whether the point is certainly inside a corridor near the truck's last segment (a miss proves nothing). */
    boolean onHint(double lon, double lat) {
        if (hintLine < 0) {
            return false;
        }
        int j = lines[hintLine].near(hintSegment, lon, lat);
        if (j < 0) {
            return false;
        }
        hintSegment = j;
        return true;
    }

    /** Finds a segment certainly containing the point for the next {@link #onHint}; keeps the old hint if none. */
    void seatHint(double lon, double lat) {
        for (int k = 0; k < lines.length; k++) {
            int j = lines[k].any(lon, lat);
            if (j >= 0) {
                hintLine = k;
                hintSegment = j;
                return;
            }
        }
    }

    boolean permittedAt(long epochDay, int secondOfDay) {
        for (PermitWindow.Compiled w : windows) {
            if (w.covers(epochDay, secondOfDay)) {
                return true;
            }
        }
        return false;
    }

    void add(TruckPosition p, long t) {
        int i = head + size;
        if (i >= capacity) {
            i -= capacity;
        }
        times[i] = t;
        headings[i] = p.headingDegrees();
        coords[3 * i] = p.location().lon();
        coords[3 * i + 1] = p.location().lat();
        coords[3 * i + 2] = p.speedKmh();
        if (size < capacity) {
            size++;
        } else {
            head = head + 1 == capacity ? 0 : head + 1;
        }
    }

    /** Whether an equal position with time {@code t} is in the ring (searching back from the newest). */
    boolean holds(TruckPosition p, long t, long oldest) {
        for (int k = size - 1; k >= 0; k--) {
            int i = head + k;
            if (i >= capacity) {
                i -= capacity;
            }
            if (times[i] == t && headings[i] == p.headingDegrees()
                    && Double.compare(coords[3 * i], p.location().lon()) == 0
                    && Double.compare(coords[3 * i + 1], p.location().lat()) == 0
                    && Double.compare(coords[3 * i + 2], p.speedKmh()) == 0) {
                return true;
            }
            if (times[i] < oldest) {
                return false;
            }
        }
        return false;
    }

    /** The kept positions with {@code from <= time <= to}, rebuilt as records. */
    List<TruckPosition> between(long from, long to) {
        List<TruckPosition> out = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            int i = head + k;
            if (i >= capacity) {
                i -= capacity;
            }
            if (times[i] >= from && times[i] <= to) {
                out.add(new TruckPosition(permit.truckId(), EventNanos.toInstant(times[i]),
                        GeoPoint.of(coords[3 * i], coords[3 * i + 1]), coords[3 * i + 2], headings[i]));
            }
        }
        return out;
    }

    void startStop(TruckPosition p, long t) {
        stopStart = t;
        stopFired = false;
        stopAt = p.location();
        stopLon = stopAt.lon();
        stopLat = stopAt.lat();
        stopCosLat = Math.cos(Math.toRadians(stopLat));
    }

    /** Squared ground distance in m² from the stop's first position (equirectangular; fine within metres). */
    double stopDistanceSq(double lon, double lat) {
        double dx = (lon - stopLon) * stopCosLat * 111_320.0;
        double dy = (lat - stopLat) * 111_320.0;
        return dx * dx + dy * dy;
    }
}
