package io.offsite.core.effect;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Tell a vehicle's owner to move it (挪车提醒): the remote "order to move" of Road Traffic Safety Law
 * Art. 93. The host resolves the owner's phone from the plate and sends the SMS; the send time and
 * delivery receipt become evidence.
 *
 * <p>The move window runs from when the owner is <em>told</em>, not from this request: the host reports the
 * delivery receipt back to the geofence engine, which then emits {@link MoveWindowStarted} with the window's end.
 * If no receipt arrives by {@code deliverBy} (or the text is dead-lettered), the owner could not be told and the
 * officer handles the vehicle on site. A host without delivery receipts may configure the window to run from
 * this request instead; then {@code deliverBy} equals {@code at} and {@link MoveWindowStarted} follows at once.
 *
 * @param episodeId    the parking episode
 * @param at           when the vehicle was judged parked
 * @param fenceId      the no-parking fence
 * @param cellId       the street cell that owns the fence
 * @param plate        the normalised plate
 * @param location     where the vehicle stands (WGS-84)
 * @param cameraId     the camera that saw it (raw device id)
 * @param moveWindow   how long the owner has to move once told (e.g. 10 minutes; zero for a last-rung text)
 * @param deliverBy    latest delivery receipt that still starts the window; later, the officer is sent instead
 * @param plateMargin  the plate vote's margin: summed confidence of the reads agreeing with the plate minus those
 *                     disagreeing (with two competing texts, exactly the winner's lead); {@code NaN} when the plate
 *                     did not come from a vote (an effect built by hand)
 */
public record RequestOwnerMove(String episodeId, Instant at, String fenceId, CellId cellId, String plate,
        GeoPoint location, String cameraId, Duration moveWindow, Instant deliverBy, double plateMargin)
        implements EnforcementEffect {
    public RequestOwnerMove {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fenceId, "fenceId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(moveWindow, "moveWindow");
        Objects.requireNonNull(deliverBy, "deliverBy");
        if (moveWindow.isNegative()) {
            throw new InvalidValueException("moveWindow must be >= 0, was " + moveWindow);
        }
        if (deliverBy.isBefore(at)) {
            throw new InvalidValueException("deliverBy " + deliverBy + " is before at " + at);
        }
        if (plateMargin < 0) {
            throw new InvalidValueException("plateMargin must be >= 0 or NaN, was " + plateMargin);
        }
    }

    /** An order to move whose plate did not come from a vote (margin {@code NaN}). */
    public RequestOwnerMove(String episodeId, Instant at, String fenceId, CellId cellId, String plate,
            GeoPoint location, String cameraId, Duration moveWindow, Instant deliverBy) {
        this(episodeId, at, fenceId, cellId, plate, location, cameraId, moveWindow, deliverBy, Double.NaN);
    }

    @Override
    public String idempotencyKey() {
        return episodeId + "/request-owner-move";
    }
}
