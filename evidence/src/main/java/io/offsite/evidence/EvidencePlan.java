package io.offsite.evidence;

import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.violation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to collect for an episode, derived from the geofence engine's {@link CaptureEvidence} effect: a
 * still per requested instant, a clip of the episode when required, and the SMS record for parking. The
 * host fulfils the requests (fetching from camera recordings) and adds the items to the case's
 * {@link EvidenceChain}; {@link #outstanding(List, Duration)} tells it what is still missing.
 *
 * @param episodeId     the episode
 * @param violation     its violation; selects the completeness rule set
 * @param subject       plate or tracker id
 * @param requests      what to collect
 * @param minStills     least number of stills the rules need
 * @param plateLegibleRequired whether a still must show a legible plate
 * @param minSpan       stills must span more than this (the move window)
 */
public record EvidencePlan(String episodeId, Violation violation, String subject, List<EvidenceRequest> requests,
        int minStills, boolean plateLegibleRequired, Duration minSpan) {
    public EvidencePlan {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(minSpan, "minSpan");
        requests = List.copyOf(requests);
    }

    /** The plan answering a {@link CaptureEvidence} effect. */
    public static EvidencePlan from(CaptureEvidence effect) {
        Objects.requireNonNull(effect, "effect");
        List<EvidenceRequest> r = new ArrayList<>();
        for (Instant at : effect.stillsAt()) {
            r.add(new EvidenceRequest(ItemKind.STILL, Optional.of(at), Optional.empty(), effect.cameraId(),
                    "still of " + effect.subject() + " at " + at + " from the camera's recording"));
        }
        if (effect.videoClip() && !effect.stillsAt().isEmpty()) {
            r.add(new EvidenceRequest(ItemKind.VIDEO_CLIP, Optional.of(effect.stillsAt().get(0)),
                    Optional.of(effect.stillsAt().get(effect.stillsAt().size() - 1)), effect.cameraId(),
                    "clip of the whole episode"));
        } else if (effect.videoClip()) {
            r.add(new EvidenceRequest(ItemKind.VIDEO_CLIP, Optional.of(effect.at()), Optional.empty(),
                    effect.cameraId(), "clip of the episode"));
        }
        if (Violation.PARKING.equals(effect.violation())) {
            r.add(new EvidenceRequest(ItemKind.SMS_RECORD, Optional.empty(), Optional.empty(), "sms-gateway",
                    "send time and delivery receipt of the order-to-move SMS for episode " + effect.episodeId()));
        }
        return new EvidencePlan(effect.episodeId(), effect.violation(), effect.subject(), r, effect.minStills(),
                effect.plateLegibleRequired(), effect.minSpan());
    }

    /**
     * Requests not yet met by {@code items}: a still request is met by a still from its camera captured
     * within {@code tolerance} of its instant; a clip by a clip from its camera; others by any item of the kind.
     */
    public List<EvidenceRequest> outstanding(List<EvidenceItem> items, Duration tolerance) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw new EvidenceException("tolerance must be >= 0, was " + tolerance);
        }
        List<EvidenceRequest> out = new ArrayList<>();
        for (EvidenceRequest req : requests) {
            boolean met = items.stream().filter(i -> i.derivedFrom().isEmpty() && i.kind() == req.kind())
                    .anyMatch(i -> switch (req.kind()) {
                        case STILL -> i.spec().capturedBy().equals(req.source()) && req.at().isPresent()
                                && Duration.between(req.at().get(), i.capturedAt()).abs().compareTo(tolerance) <= 0;
                        case VIDEO_CLIP -> i.spec().capturedBy().equals(req.source());
                        default -> true;
                    });
            if (!met) {
                out.add(req);
            }
        }
        return out;
    }
}
