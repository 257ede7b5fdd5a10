package io.offsite.notify;

import io.offsite.core.deadline.ServiceMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * When service of a document takes effect, and on what basis; periods that run from service (e.g. 15 days
 * to pay) start from {@code effectiveOn}.
 *
 * @param method       the rung that served it
 * @param effectiveOn  the date service takes effect (local date in the rules' zone)
 * @param effectiveAt  the exact instant where there is one (signature, arrival, receipt); empty for public notice
 * @param attemptIndex index of the attempt in {@link DocumentService#attempts()}
 * @param basis        one line saying why, for the case file
 */
public record ServiceEffect(ServiceMethod method, LocalDate effectiveOn, Optional<Instant> effectiveAt,
        int attemptIndex, String basis) {
    /** Validates the components. */
    public ServiceEffect {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(basis, "basis");
        if (attemptIndex < 0) {
            throw new IllegalArgumentException("attemptIndex must be >= 0, was " + attemptIndex);
        }
    }
}
