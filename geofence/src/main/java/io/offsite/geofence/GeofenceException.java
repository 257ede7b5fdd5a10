package io.offsite.geofence;

import io.offsite.core.OffsiteException;

/**
 * The geofence module rejected an input: an invalid fence geometry (the message names the fence and the
 * offending coordinate), a bad policy or schedule setting (names the field, the value and the rule), or an
 * engine misuse. Unchecked; nothing is stored when it is thrown.
 */
public final class GeofenceException extends OffsiteException {
    private static final long serialVersionUID = 1L;

    /** @param message what was rejected, where, and why */
    public GeofenceException(String message) {
        super(message);
    }

    /** @param message what was rejected, where, and why; @param cause the underlying failure */
    public GeofenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
