package io.offsite.notify.spi;

import java.util.Optional;

/**
 * The vehicle registry: plate → the owner's mobile number. Return empty when the plate has no known owner
 * phone; throw (any runtime exception) when the registry cannot answer, so the cache can serve a stale
 * answer and the caller can fall back to dispatching the officer.
 */
@FunctionalInterface
public interface VehicleRegistry {
    /** The owner's phone for a normalised plate, or empty when unknown. */
    Optional<String> ownerPhone(String plate);
}
