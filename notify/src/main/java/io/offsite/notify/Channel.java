package io.offsite.notify;

import io.offsite.core.Masks;

/** How a message reaches its recipient; each channel is served by one {@link io.offsite.notify.spi.Gateway}. */
public enum Channel {
    /** Text message to a phone: vehicle owners, parties, officers. Segmented and length-checked. */
    SMS,
    /** Push notification to an officer's app; the address is the app's device or user token. */
    PUSH,
    /** Loudspeaker (voice) command to a camera (高空喊话); the address is the camera's device id. */
    VOICE;

    /**
     * An address on this channel as it may appear in a log line: phone numbers and tokens masked
     * ({@link io.offsite.core.Masks#phone}), a camera id (voice) unchanged.
     */
    public String maskAddress(String address) {
        return this == VOICE ? address : io.offsite.core.Masks.phone(address);
    }
}
