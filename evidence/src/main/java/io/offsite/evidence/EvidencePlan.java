package io.offsite.evidence;

import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.OwnerNotice;
import io.offsite.core.violation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to collect for an episode, derived from the geofence engine's {@link CaptureEvidence} effect: a
 * still per requested instant, a clip of the episode when required, and the SMS record for parking (for an
 * owner who could not be told, a record of the failed text, and {@link #offSiteCaseMayRestOnText()} is false). The
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
 * @param ownerNotice   whether the owner was told before the escalation; {@link OwnerNotice#NOT_DELIVERED}: the
 *                      officer handles it on site and no off-site case may rest on the text
 */
public record EvidencePlan(String episodeId, Violation violation, String subject, List<EvidenceRequest> requests,
        int minStills, boolean plateLegibleRequired, Duration minSpan, OwnerNotice ownerNotice) {
    public EvidencePlan {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(minSpan, "minSpan");
        Objects.requireNonNull(ownerNotice, "ownerNotice");
        requests = List.copyOf(requests);
    }

    /** A plan with no owner text behind it ({@link OwnerNotice#NOT_REQUIRED}). */
    public EvidencePlan(String episodeId, Violation violation, String subject, List<EvidenceRequest> requests,
            int minStills, boolean plateLegibleRequired, Duration minSpan) {
        this(episodeId, violation, subject, requests, minStills, plateLegibleRequired, minSpan,
                OwnerNotice.NOT_REQUIRED);
    }

    /**
     * Whether an off-site case may rest on the owner text: false when the owner could not be told (the officer
     * handles the vehicle on site; the plan then collects the failed text only as a record of the attempt).
     */
    public boolean offSiteCaseMayRestOnText() {
        return ownerNotice.offSiteCaseMayRestOnText();
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
        if (effect.ownerNotice() == OwnerNotice.NOT_DELIVERED) {
            r.add(new EvidenceRequest(ItemKind.SMS_RECORD, Optional.empty(), Optional.empty(), "sms-gateway",
                    "record of the undelivered order-to-move SMS for episode " + effect.episodeId() + ": the owner "
                            + "could not be told, the officer handles it on site and no off-site case may rest on the text"));
        } else if (Violation.PARKING.equals(effect.violation()) || effect.ownerNotice() != OwnerNotice.NOT_REQUIRED) {
            r.add(new EvidenceRequest(ItemKind.SMS_RECORD, Optional.empty(), Optional.empty(), "sms-gateway",
                    "send time and delivery receipt of the order-to-move SMS for episode " + effect.episodeId()
                            + " (delivered at least the full move window before the dispatch)"));
        }
        return new EvidencePlan(effect.episodeId(), effect.violation(), effect.subject(), r, effect.minStills(),
                effect.plateLegibleRequired(), effect.minSpan(), effect.ownerNotice());
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
