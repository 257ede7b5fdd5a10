package io.offsite.geofence.truck;

/** What a {@link TruckFinding} is about. */
public enum TruckFindingKind {
    /** Outside all its corridors and sites for longer than the off-corridor tolerance (偏离路线). */
    OFF_CORRIDOR,
    /** Stopped outside its approved sites for longer than the stop dwell: suspected illegal unloading (偷倒). */
    STOPPED_OUTSIDE_SITE,
    /** Moving when none of its permit windows allows hauling (超时段运输). */
    OUTSIDE_PERMITTED_HOURS,
    /** A site-gate camera saw the load uncovered (未密闭). */
    UNCOVERED_LOAD,
    /** A site-gate camera saw mud on the wheels (带泥上路). */
    MUDDY_WHEELS,
    /** Positions from a GPS unit with no permit in the monitor (无证运输); once per unit per local day. */
    UNKNOWN_TRUCK
}
