package io.offsite.geofence;

/** Class of a detected object, as reported by the camera's analytics. */
public enum ObjectClass {
    /** Passenger car. */
    CAR,
    /** Truck, including construction-waste trucks. */
    TRUCK,
    /** Bus. */
    BUS,
    /** Motorcycle or e-bike. */
    MOTORCYCLE,
    /** Person on foot. */
    PERSON,
    /** Street vendor, stall or cart. */
    VENDOR,
    /** Anything else. */
    OTHER;

    /** True for the motor-vehicle classes (car, truck, bus, motorcycle). */
    public boolean isVehicle() {
        return this == CAR || this == TRUCK || this == BUS || this == MOTORCYCLE;
    }
}
