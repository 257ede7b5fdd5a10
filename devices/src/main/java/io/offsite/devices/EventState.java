package io.offsite.devices;

/**
 * The {@code eventState} of an ISAPI alert: {@code active} while the condition holds (a plate read, motion seen),
 * {@code inactive} when it does not; a {@code videoloss} alert that is {@code inactive} is the device's heartbeat.
 */
public enum EventState {
    /** The event is happening (ISAPI {@code active}). */
    ACTIVE,
    /** The event is not happening (ISAPI {@code inactive}); heartbeats carry this state. */
    INACTIVE
}
