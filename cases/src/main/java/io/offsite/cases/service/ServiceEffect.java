package io.offsite.cases.service;

import io.offsite.core.service.ServiceMethod;
import io.offsite.cases.deadline.Deadline;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The legal effect of service: when it took effect, on what basis, and the periods it started.
 *
 * @param method            the method that served the document
 * @param effectiveOn       the date service takes effect (local date in the rules' zone)
 * @param effectiveAt       the exact instant where there is one (signature, arrival, session, receipt); empty for public notice
 * @param attemptIndex      index of the attempt in {@link ServiceRecord#attempts()}
 * @param basis             one line saying why, for the case file
 * @param starts            the periods that run from {@code effectiveOn} (e.g. statement and defence, payment)
 * @param provisionalReason why {@code effectiveOn} is provisional (a public-notice period counted over a year
 *                          without its official holiday arrangement); empty otherwise
 */
public record ServiceEffect(ServiceMethod method, LocalDate effectiveOn, Optional<Instant> effectiveAt,
        int attemptIndex, String basis, List<Deadline> starts, Optional<String> provisionalReason) {
    /** Validates the components. */
    public ServiceEffect {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(provisionalReason, "provisionalReason");
        starts = List.copyOf(starts);
        if (attemptIndex < 0) {
            throw new ServiceLawException("attemptIndex must be >= 0, was " + attemptIndex);
        }
    }

    /** Whether the effective date may still move when an official holiday arrangement is loaded. */
    public boolean provisional() {
        return provisionalReason.isPresent();
    }
}
