package io.offsite.core.effect;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import java.time.Instant;
import java.util.Objects;

/**
 * Tell a vehicle's owner to move it (挪车提醒): the remote "order to move" of Road Traffic Safety Law
 * Art. 93. The host resolves the owner's phone from the plate and sends the SMS; the send time and
 * delivery receipt become evidence.
 *
 * @param episodeId    the parking episode
 * @param at           when the vehicle was judged parked
 * @param fenceId      the no-parking fence
 * @param cellId       the street cell that owns the fence
 * @param plate        the normalised plate
 * @param location     where the vehicle stands (WGS-84)
 * @param cameraId     the camera that saw it (raw device id)
 * @param moveBy       end of the move window
 * @param plateMargin  the plate vote's margin: summed confidence of the reads agreeing with the plate minus those
 *                     disagreeing (with two competing texts, exactly the winner's lead); {@code NaN} when the plate
 *                     did not come from a vote (an effect built by hand)
 */
public record RequestOwnerMove(String episodeId, Instant at, String fenceId, CellId cellId, String plate,
        GeoPoint location, String cameraId, Instant moveBy, double plateMargin) implements EnforcementEffect {
    public RequestOwnerMove {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fenceId, "fenceId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(moveBy, "moveBy");
        if (moveBy.isBefore(at)) {
            throw new IllegalArgumentException("moveBy " + moveBy + " is before at " + at);
        }
        if (plateMargin < 0) {
            throw new IllegalArgumentException("plateMargin must be >= 0 or NaN, was " + plateMargin);
        }
    }

    /** An order to move whose plate did not come from a vote (margin {@code NaN}). */
    public RequestOwnerMove(String episodeId, Instant at, String fenceId, CellId cellId, String plate,
            GeoPoint location, String cameraId, Instant moveBy) {
        this(episodeId, at, fenceId, cellId, plate, location, cameraId, moveBy, Double.NaN);
    }

    @Override
    public String idempotencyKey() {
        return episodeId + "/request-owner-move";
    }
}
