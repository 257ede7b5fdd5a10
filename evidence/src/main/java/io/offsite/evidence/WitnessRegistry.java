package io.offsite.evidence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The register of witnesses (community staff, sanitation workers, property managers …) who sign up to
 * corroborate evidence. Personal data are held here, apart from the evidence chain, which stores only the
 * {@link WitnessId}; {@link #erasePersonalDetails(WitnessId)} removes them (e.g. at the end of retention)
 * without breaking any chain. Thread-safe, in memory; create with {@link #inMemory()}.
 */
public final class WitnessRegistry {
    private final Map<WitnessId, Witness> witnesses = new LinkedHashMap<>();
    private final Map<WitnessId, PersonalDetails> personal = new LinkedHashMap<>();

    private WitnessRegistry() {
    }

    /** An empty in-memory registry. */
    public static WitnessRegistry inMemory() {
        return new WitnessRegistry();
    }

    /** Registers a witness under a caller-chosen pseudonymous id. Rejects a duplicate id. */
    public synchronized Witness register(WitnessId id, WitnessRole role, PersonalDetails details, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        if (witnesses.containsKey(id)) {
            throw new EvidenceException("witness " + id + " is already registered");
        }
        Witness w = new Witness(id, role, at);
        witnesses.put(id, w);
        personal.put(id, details);
        return w;
    }

    /** The witness, if registered. */
    public synchronized Optional<Witness> find(WitnessId id) {
        return Optional.ofNullable(witnesses.get(Objects.requireNonNull(id, "id")));
    }

    /** The witness's personal data, unless never registered or erased. */
    public synchronized Optional<PersonalDetails> personalDetails(WitnessId id) {
        return Optional.ofNullable(personal.get(Objects.requireNonNull(id, "id")));
    }

    /** Erases a witness's personal data; the pseudonymous record (id, role) stays. */
    public synchronized boolean erasePersonalDetails(WitnessId id) {
        return personal.remove(Objects.requireNonNull(id, "id")) != null;
    }

    /** All witnesses with the given role. */
    public synchronized List<Witness> withRole(WitnessRole role) {
        Objects.requireNonNull(role, "role");
        return witnesses.values().stream().filter(w -> w.role() == role).toList();
    }
}
