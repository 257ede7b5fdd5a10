package io.offsite.core.service;

import java.time.Instant;
import java.util.Objects;

/**
 * The party's signed service-address confirmation (送达地址确认书): service by post to this address is valid
 * even when the mail comes back.
 *
 * @param address   the confirmed postal address
 * @param signedAt  when it was signed
 * @param reference where the signed form is kept
 */
public record AddressConfirmation(String address, Instant signedAt, String reference) {
    /** Validates the components. */
    public AddressConfirmation {
        ServiceText.require(address, "confirmed address");
        Objects.requireNonNull(signedAt, "signedAt");
        ServiceText.require(reference, "confirmation reference");
    }
}
