package io.offsite.core.effect;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import java.time.Instant;
import java.util.Objects;

/**
 * An officer dispatch was due but nobody could be addressed: neither the fence's cell nor any cell above it in
 * the grid has a responsible officer on duty. The host must route it to a person (duty desk, supervisor);
 * it is never only logged.
 *
 * @param episodeId the episode
 * @param at        event time the dispatch was due
 * @param fenceId   the fence
 * @param cellId    the fence's cell (where the search started)
 * @param subject   normalised plate, or the tracker id for vendors
 * @param location  where the subject was last seen (WGS-84)
 * @param cameraId  the camera that saw it (raw device id)
 * @param reason    why the dispatch was due and why it could not be addressed
 */
public record DispatchUnaddressed(String episodeId, Instant at, String fenceId, CellId cellId, String subject,
        GeoPoint location, String cameraId, String reason) implements EnforcementEffect {
    public DispatchUnaddressed {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fenceId, "fenceId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String idempotencyKey() {
        return episodeId + "/dispatch-unaddressed";
    }
}
