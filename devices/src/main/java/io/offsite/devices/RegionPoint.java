package io.offsite.devices;

import io.offsite.core.InvalidValueException;

/**
 * One vertex of an ISAPI detection region ({@code RegionCoordinates}), on the device's normalised grid: 0..1000 from
 * the left and from the top of the image.
 *
 * @param xPerMille {@code positionX}, 0..1000
 * @param yPerMille {@code positionY}, 0..1000
 */
public record RegionPoint(int xPerMille, int yPerMille) {
    public RegionPoint {
        if (xPerMille < 0 || xPerMille > 1000 || yPerMille < 0 || yPerMille > 1000) {
            throw new InvalidValueException("region point must lie within 0..1000, was " + xPerMille + ","
                    + yPerMille);
        }
    }
}
