package io.offsite.core.objects;

import io.offsite.core.InvalidValueException;
import java.util.Objects;

/**
 * The managed object an event was traced to by {@link Frontages#locate}: the shop (or other object) in front of
 * which it happened (门前责任区), how it was matched and how far the event lay from the object's position.
 *
 * @param object         the managed object
 * @param distanceMeters distance in metres from the event to the object's {@link ManagedObject#location()}
 * @param match          whether the event fell inside the object's declared frontage or only near the object
 */
public record Frontage(ManagedObject object, double distanceMeters, Match match) {
    /** Validates the components. */
    public Frontage {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(match, "match");
        if (!(distanceMeters >= 0) || Double.isInfinite(distanceMeters)) {
            throw new InvalidValueException("frontage distanceMeters must be finite and >= 0, was " + distanceMeters);
        }
    }

    /** How an event was traced to an object. */
    public enum Match {
        /** The event lies inside (or on the edge of) the frontage polygon declared for the object. */
        INSIDE_FRONTAGE,
        /** No declared frontage holds the event; the object is the nearest one within the index's distance limit. */
        NEAREST
    }
}
