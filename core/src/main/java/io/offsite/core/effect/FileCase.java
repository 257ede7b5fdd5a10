package io.offsite.core.effect;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import java.util.Objects;

/**
 * Open an administrative case (立案) because warnings were ignored or repeats passed a threshold.
 *
 * @param episodeId     the episode
 * @param at            event time of the decision
 * @param violation     the violation, e.g. {@link Violation#ROAD_OCCUPATION}; selects the penalty table
 * @param fenceId       the fence
 * @param cellId        the street cell
 * @param subject       tracker id or normalised plate
 * @param location      where the subject was (WGS-84)
 * @param repeatCount   earlier warned episodes of this subject/location inside the rolling window
 */
public record FileCase(String episodeId, Instant at, Violation violation, String fenceId, CellId cellId,
        String subject, GeoPoint location, int repeatCount) implements EnforcementEffect {
    public FileCase {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(fenceId, "fenceId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(location, "location");
        if (repeatCount < 0) {
            throw new InvalidValueException("repeatCount must be >= 0, was " + repeatCount);
        }
    }

    @Override
    public String idempotencyKey() {
        return episodeId + "/file-case";
    }
}
