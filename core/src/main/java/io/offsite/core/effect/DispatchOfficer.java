package io.offsite.core.effect;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import java.util.Objects;

/**
 * Tell the responsible grid officer to act in person (e.g. issue a parking notice, 违停抄告) because a
 * remote warning was ignored.
 *
 * @param episodeId the episode
 * @param at        event time of the escalation (at or after the window end)
 * @param violation the violation the officer is sent to; selects the message template
 * @param fenceId   the fence
 * @param cellId    the street cell
 * @param officerId the cell's responsible officer
 * @param subject   normalised plate, or the tracker id for vendors
 * @param location  where the subject was last seen (WGS-84)
 * @param cameraId  the camera that saw it (raw device id)
 * @param reason    one line for the officer, e.g. "still parked 10 min after owner SMS"
 * @param ownerNotice whether the owner was told before this escalation; {@link OwnerNotice#NOT_DELIVERED} means the
 *                  officer handles it on site because the owner could not be told (the officer's text says so)
 * @param plateMargin the plate vote's margin: summed confidence of the reads agreeing with the plate minus those
 *                  disagreeing (with two competing texts, exactly the winner's lead); {@code NaN} when the plate
 *                  did not come from a vote (an effect built by hand)
 */
public record DispatchOfficer(String episodeId, Instant at, Violation violation, String fenceId, CellId cellId,
        OfficerId officerId, String subject, GeoPoint location, String cameraId, String reason, OwnerNotice ownerNotice,
        double plateMargin) implements EnforcementEffect {
    public DispatchOfficer {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(fenceId, "fenceId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(officerId, "officerId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ownerNotice, "ownerNotice");
        if (plateMargin < 0) {
            throw new InvalidValueException("plateMargin must be >= 0 or NaN, was " + plateMargin);
        }
    }

    /**
     * A dispatch with no owner text behind it ({@link OwnerNotice#NOT_REQUIRED}) whose subject did not come from a
     * plate vote (margin {@code NaN}).
     */
    public DispatchOfficer(String episodeId, Instant at, Violation violation, String fenceId, CellId cellId,
            OfficerId officerId, String subject, GeoPoint location, String cameraId, String reason) {
        this(episodeId, at, violation, fenceId, cellId, officerId, subject, location, cameraId, reason,
                OwnerNotice.NOT_REQUIRED, Double.NaN);
    }

    @Override
    public String idempotencyKey() {
        return episodeId + "/dispatch-officer";
    }
}
