package io.offsite.core.effect;

import io.offsite.core.InvalidValueException;
import io.offsite.core.violation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Ask the host to collect and freeze evidence for an episode (取证): stills at the listed instants
 * from the camera's recording, plus a clip where the violation type needs one.
 *
 * @param episodeId        the episode
 * @param at               event time of the request
 * @param violation        the violation, e.g. {@link Violation#PARKING}; selects the evidence rule set
 * @param fenceId          the fence
 * @param cameraId         the camera to take stills from (raw device id)
 * @param subject          normalised plate or tracker id
 * @param stillsAt         instants to take stills at, ascending (e.g. first seen, SMS time, window end)
 * @param minStills        the least number of stills the rules need
 * @param plateLegibleRequired whether at least one still must show a legible plate
 * @param minSpan          at least two stills must be further apart than this (the move window)
 * @param videoClip        whether a video clip of the whole episode is needed
 * @param ownerNotice      whether the owner was told before the escalation; {@link OwnerNotice#NOT_DELIVERED}
 *                         means on-site handling only: no off-site case may rest on the text
 * @param plateMargin      the plate vote's margin: summed confidence of the reads agreeing with the plate minus those
 *                         disagreeing (with two competing texts, exactly the winner's lead); {@code NaN} when the plate
 *                         did not come from a vote (an effect built by hand)
 */
public record CaptureEvidence(String episodeId, Instant at, Violation violation, String fenceId, String cameraId,
        String subject, List<Instant> stillsAt, int minStills, boolean plateLegibleRequired, Duration minSpan,
        boolean videoClip, OwnerNotice ownerNotice, double plateMargin) implements EnforcementEffect {
    public CaptureEvidence {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(fenceId, "fenceId");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(minSpan, "minSpan");
        Objects.requireNonNull(ownerNotice, "ownerNotice");
        stillsAt = List.copyOf(stillsAt);
        for (int i = 1; i < stillsAt.size(); i++) {
            if (stillsAt.get(i).isBefore(stillsAt.get(i - 1))) {
                throw new InvalidValueException("stillsAt must be ascending, was " + stillsAt);
            }
        }
        if (minStills < 0) {
            throw new InvalidValueException("minStills must be >= 0, was " + minStills);
        }
        if (plateMargin < 0) {
            throw new InvalidValueException("plateMargin must be >= 0 or NaN, was " + plateMargin);
        }
    }

    /**
     * A request with no owner text behind it ({@link OwnerNotice#NOT_REQUIRED}) whose subject did not come from a
     * plate vote (margin {@code NaN}).
     */
    public CaptureEvidence(String episodeId, Instant at, Violation violation, String fenceId, String cameraId,
            String subject, List<Instant> stillsAt, int minStills, boolean plateLegibleRequired, Duration minSpan,
            boolean videoClip) {
        this(episodeId, at, violation, fenceId, cameraId, subject, stillsAt, minStills, plateLegibleRequired,
                minSpan, videoClip, OwnerNotice.NOT_REQUIRED, Double.NaN);
    }

    @Override
    public String idempotencyKey() {
        return episodeId + "/capture-evidence";
    }
}
