package io.offsite.geofence.truck;

import io.offsite.core.geo.GeoPoint;
import io.offsite.geofence.GeofenceException;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One GPS report of a construction-waste truck (JT/T 808 位置信息汇报, message 0x0200), already decoded: the
 * terminal id, the event time (the unit's UTC+8 time converted to an instant), the WGS-84 position, speed and
 * heading.
 *
 * @param truckId        the JT/T 808 terminal phone number, 1..20 digits
 * @param time           event time reported by the unit, 1970 ≤ time &lt; 2200
 * @param location       WGS-84 position
 * @param speedKmh       ground speed in km/h, finite, 0..300 (808 reports 0.1 km/h units: divide by 10)
 * @param headingDegrees heading 0..359 clockwise from north, or {@link #NO_HEADING} when the unit gave none
 */
public record TruckPosition(String truckId, Instant time, GeoPoint location, double speedKmh, int headingDegrees) {
    /** The {@code headingDegrees} value meaning "no heading reported". */
    public static final int NO_HEADING = -1;

    public TruckPosition {
        TruckPermit.checkTruckId(truckId);
        Objects.requireNonNull(time, "time");
        EventNanos.check(time, "time of truck " + truckId);
        Objects.requireNonNull(location, "location");
        if (!(speedKmh >= 0 && speedKmh <= 300)) {
            throw new GeofenceException("speedKmh must be a finite speed within 0..300 km/h, was " + speedKmh
                    + " (truck " + truckId + " at " + time + ")");
        }
        speedKmh += 0.0; // -0.0 → 0.0, one canonical zero
        if (headingDegrees < NO_HEADING || headingDegrees > 359) {
            throw new GeofenceException("headingDegrees must be 0..359 or -1 (none), was " + headingDegrees
                    + " (truck " + truckId + " at " + time + ")");
        }
    }

    /**
     * A position without heading, coordinates checked here so a bad one is a {@link GeofenceException} naming
     * the field ("lon" or "lat"), the value and the truck.
     */
    public static TruckPosition of(String truckId, Instant time, double lon, double lat, double speedKmh) {
        return of(truckId, time, lon, lat, speedKmh, NO_HEADING);
    }

    /** A position with heading (0..359, or {@link #NO_HEADING}); coordinates checked as in {@link #of(String, Instant, double, double, double)}. */
    public static TruckPosition of(String truckId, Instant time, double lon, double lat, double speedKmh,
            int headingDegrees) {
        TruckShapes.checkLonLat("position of truck " + truckId + " at " + time, lon, lat);
        return new TruckPosition(truckId, time, GeoPoint.of(lon, lat), speedKmh, headingDegrees);
    }

    /** The heading, when the unit reported one. */
    public OptionalInt heading() {
        return headingDegrees == NO_HEADING ? OptionalInt.empty() : OptionalInt.of(headingDegrees);
    }
}
