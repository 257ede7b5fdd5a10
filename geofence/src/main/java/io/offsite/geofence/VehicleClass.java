package io.offsite.geofence;

/** Special-purpose vehicle classes that exemptions can name (read from plate colour or livery). */
public enum VehicleClass {
    /** An ordinary vehicle. */
    ORDINARY,
    /** Police. */
    POLICE,
    /** Fire and rescue. */
    FIRE,
    /** Ambulance. */
    AMBULANCE,
    /** Engineering rescue / utilities on duty. */
    ENGINEERING_RESCUE,
    /** Official vehicle on duty. */
    OFFICIAL
}
