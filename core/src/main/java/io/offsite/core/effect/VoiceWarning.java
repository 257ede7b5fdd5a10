package io.offsite.core.effect;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import java.util.Objects;

/**
 * Play a loudspeaker warning through a camera (高空喊话), e.g. to a street vendor in a no-vending fence; the
 * violation selects the spoken text.
 *
 * @param episodeId     the episode
 * @param at            event time of the warning
 * @param violation     what the subject is warned about, e.g. {@link Violation#ROAD_OCCUPATION}
 * @param fenceId       the fence
 * @param cellId        the street cell
 * @param cameraId      the camera whose loudspeaker plays it (raw device id)
 * @param warningNumber 1 for the first warning, 2 for the second, ...
 * @param subject       tracker id or plate of the warned subject
 * @param location      where the subject is (WGS-84)
 */
public record VoiceWarning(String episodeId, Instant at, Violation violation, String fenceId, CellId cellId,
        String cameraId, int warningNumber, String subject, GeoPoint location) implements EnforcementEffect {
    public VoiceWarning {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(fenceId, "fenceId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(location, "location");
        if (warningNumber < 1) {
            throw new InvalidValueException("warningNumber must be >= 1, was " + warningNumber);
        }
    }

    @Override
    public String idempotencyKey() {
        return episodeId + "/voice-warning/" + warningNumber;
    }
}
