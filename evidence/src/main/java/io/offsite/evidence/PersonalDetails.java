package io.offsite.evidence;

import java.util.Objects;

/**
 * A witness's personal data, kept only in the {@link WitnessRegistry}, never in a custody log or bundle.
 *
 * @param name    full name
 * @param phone   contact phone
 * @param address contact address (may be empty)
 */
public record PersonalDetails(String name, String phone, String address) {
    public PersonalDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(address, "address");
        if (name.isBlank()) {
            throw new EvidenceException("witness name must be non-blank");
        }
        if (!phone.matches("\\+?[0-9 -]{5,20}")) {
            throw new EvidenceException("witness phone must be 5-20 digits (optionally +, spaces, dashes), was \""
                    + phone + "\"");
        }
    }

    @Override
    public String toString() {
        return "PersonalDetails[redacted]";
    }
}
