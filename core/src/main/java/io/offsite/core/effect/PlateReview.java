package io.offsite.core.effect;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import java.time.Instant;
import java.util.Objects;

/**
 * The plate of a parked vehicle was read too inconsistently to text its owner (the vote's margin is below the
 * engine's threshold, e.g. the camera read 浙JB1234 and 浙J81234 about equally often): a person checks the
 * stills and the plate before anyone is told. Emitted instead of {@link RequestOwnerMove}; the episode goes on
 * (the owner is never told, so the officer on site handles it).
 *
 * @param episodeId   the episode
 * @param at          when the owner would have been texted
 * @param fenceId     the fence
 * @param cellId      the street cell
 * @param plate       the vote's winner (normalised plate)
 * @param plateMargin the vote's margin (see {@link RequestOwnerMove#plateMargin()}), at or above 0
 * @param location    where the vehicle stands (WGS-84)
 * @param cameraId    the camera that saw it (raw device id)
 */
public record PlateReview(String episodeId, Instant at, String fenceId, CellId cellId, String plate,
        double plateMargin, GeoPoint location, String cameraId) implements EnforcementEffect {
    public PlateReview {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fenceId, "fenceId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cameraId, "cameraId");
        if (!(plateMargin >= 0)) {
            throw new InvalidValueException("plateMargin must be >= 0, was " + plateMargin);
        }
    }

    @Override
    public String idempotencyKey() {
        return episodeId + "/plate-review";
    }
}
