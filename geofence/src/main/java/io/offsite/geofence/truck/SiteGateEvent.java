package io.offsite.geofence.truck;

import java.time.Instant;
import java.util.Objects;

/**
 * What a site-gate camera (工地出入口摄像头) reported about a truck leaving a site: an uncovered load (未密闭) or
 * muddy wheels (带泥上路). The plate is matched against the permits ({@link io.offsite.geofence.Plates#normalize}).
 *
 * @param siteId   the site the gate belongs to
 * @param cameraId raw device id of the gate camera (e.g. a GB/T 28181 id)
 * @param time     event time reported by the camera, 1970 ≤ time &lt; 2200
 * @param plate    the plate read at the gate
 * @param type     what the camera saw
 */
public record SiteGateEvent(String siteId, String cameraId, Instant time, String plate, Type type) {
    /** What a gate camera saw. */
    public enum Type {
        /** The load is not covered (车厢未密闭). */
        UNCOVERED_LOAD,
        /** Wheels not washed: mud carried onto the road (车轮带泥). */
        MUDDY_WHEELS
    }

    public SiteGateEvent {
        TruckShapes.requireId(siteId, "siteId");
        TruckShapes.requireId(cameraId, "cameraId");
        Objects.requireNonNull(time, "time");
        EventNanos.check(time, "time of gate event at site " + siteId);
        plate = TruckPermit.checkPlate(plate);
        Objects.requireNonNull(type, "type");
    }
}
