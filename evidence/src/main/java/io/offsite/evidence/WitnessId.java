package io.offsite.evidence;

import java.util.Objects;

/**
 * A pseudonymous witness id: what the evidence chain stores instead of a witness's name or phone.
 *
 * @param value id, {@code [A-Za-z0-9._-]}, 1–64 chars
 */
public record WitnessId(String value) {
    public WitnessId {
        EvidenceItem.requireId(Objects.requireNonNull(value, "value"), "witness id");
    }

    @Override
    public String toString() {
        return value;
    }
}
