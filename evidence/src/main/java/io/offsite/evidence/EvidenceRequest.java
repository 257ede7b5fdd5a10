package io.offsite.evidence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing the host must collect for an episode: e.g. "a still from camera X at 09:10:00".
 *
 * @param kind    what to collect
 * @param at      the instant it should show (stills), or the start of the span (clips); empty if any time
 * @param until   end of the span for clips
 * @param source  where to get it (camera id, SMS gateway, …)
 * @param purpose why it is needed, for the operator
 */
public record EvidenceRequest(ItemKind kind, Optional<Instant> at, Optional<Instant> until, String source,
        String purpose) {
    public EvidenceRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(purpose, "purpose");
        if (until.isPresent() && (at.isEmpty() || until.get().isBefore(at.get()))) {
            throw new EvidenceException("request span must have a start not after its end, was " + at + ".." + until);
        }
    }
}
