package io.offsite.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered witness as the chain may see it: id, role and registration time — no personal data.
 *
 * @param id           pseudonymous id
 * @param role         role
 * @param registeredAt when the witness signed up
 */
public record Witness(WitnessId id, WitnessRole role, Instant registeredAt) {
    public Witness {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
