package io.offsite.notify.spi;

import io.offsite.core.geo.GeoPoint;

/**
 * Turns a fence and a location into the place name used in messages ({@code {place}}), e.g. "橘乡大道(青年路口)".
 * The default uses the fence id.
 */
@FunctionalInterface
public interface PlaceNames {
    /** The place name for a fence and location. */
    String name(String fenceId, GeoPoint location);

    /** Uses the fence id as the place name. */
    static PlaceNames fenceId() {
        return (fenceId, location) -> fenceId;
    }
}
