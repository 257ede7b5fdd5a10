package io.offsite.geofence.truck;

import io.offsite.core.geo.GeoPoint;

/**
 * A decided finding waiting for the end of its track context ({@code decidedAt + after}) before it is emitted.
 * Ordered by due time, then by decision order.
 */
record Pending(long due, long seq, TruckFindingKind kind, TruckState truck, String truckId, String plate,
        String permitNumber, long start, long decidedAt, GeoPoint location, String placeId, String cameraId,
        TruckPosition only) implements Comparable<Pending> {
    @Override
    public int compareTo(Pending o) {
        int c = Long.compare(due, o.due);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
