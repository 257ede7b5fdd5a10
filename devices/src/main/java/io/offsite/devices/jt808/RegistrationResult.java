package io.offsite.devices.jt808;

/** The result byte of a {@link RegistrationResponse} (注册结果). */
public enum RegistrationResult {
    /** 0: registered (成功); the response carries the auth code. */
    SUCCESS,
    /** 1: the vehicle is already registered (车辆已被注册). */
    VEHICLE_ALREADY_REGISTERED,
    /** 2: no such vehicle in the database (数据库中无该车辆). */
    VEHICLE_UNKNOWN,
    /** 3: the terminal is already registered (终端已被注册). */
    TERMINAL_ALREADY_REGISTERED,
    /** 4: no such terminal in the database (数据库中无该终端). */
    TERMINAL_UNKNOWN;

    /** The byte on the wire, the ordinal. */
    public int code() {
        return ordinal();
    }
}
