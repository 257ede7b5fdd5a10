package io.offsite.notify;

/** How a message reaches its recipient; each channel is served by one {@link io.offsite.notify.spi.Gateway}. */
public enum Channel {
    /** Text message to a phone: vehicle owners, parties, officers. Segmented and length-checked. */
    SMS,
    /** Push notification to an officer's app; the address is the app's device or user token. */
    PUSH,
    /** Loudspeaker (voice) command to a camera (高空喊话); the address is the camera's device id. */
    VOICE
}
