package io.offsite.core.service;

import java.time.Instant;
import java.util.Objects;

/**
 * The party's recorded consent to electronic or video service at one address or account.
 *
 * @param method    {@link ServiceMethod#ELECTRONIC} or {@link ServiceMethod#VIDEO}
 * @param address   the phone, e-mail or video account consented to
 * @param signedAt  when consent was given
 * @param reference where the signed form or recording of consent is kept
 */
public record Consent(ServiceMethod method, String address, Instant signedAt, String reference) {
    /** Validates the components. */
    public Consent {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(signedAt, "signedAt");
        if (method != ServiceMethod.ELECTRONIC && method != ServiceMethod.VIDEO) {
            throw new ServiceException("consent is recorded for ELECTRONIC or VIDEO service, not " + method);
        }
        ServiceText.require(address, "consent address");
        ServiceText.require(reference, "consent reference");
    }
}
