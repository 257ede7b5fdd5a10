package io.offsite.evidence;

import io.offsite.evidence.spi.WitnessStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The register of witnesses (community staff, sanitation workers, property managers …) who sign up to
 * corroborate evidence. Personal data are held here, apart from the evidence chain, which stores only the
 * {@link WitnessId}; {@link #erasePersonalDetails(WitnessId)} removes them (e.g. at the end of retention)
 * without breaking any chain. Thread-safe. {@link #inMemory()} keeps the register in memory;
 * {@link #over(WitnessStore)} keeps it in a vendor's store (a database shared by several processes).
 */
public final class WitnessRegistry {
    private final WitnessStore store;

    private WitnessRegistry(WitnessStore store) {
        this.store = store;
    }

    /** An empty in-memory registry. */
    public static WitnessRegistry inMemory() {
        return new WitnessRegistry(new InMemoryWitnessStore());
    }

    /** A registry over {@code store}: every call reads or writes the store, nothing is cached. */
    public static WitnessRegistry over(WitnessStore store) {
        return new WitnessRegistry(Objects.requireNonNull(store, "store"));
    }

    /**
     * Registers a witness under a caller-chosen pseudonymous id. Rejects a duplicate id (the store decides, so
     * the rejection holds across processes sharing it).
     */
    public Witness register(WitnessId id, WitnessRole role, PersonalDetails details, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Witness w = new Witness(id, role, at);
        if (!store.insert(w, details)) {
            throw new EvidenceException("witness " + id + " is already registered");
        }
        return w;
    }

    /** The witness, if registered. */
    public Optional<Witness> find(WitnessId id) {
        return store.find(Objects.requireNonNull(id, "id"));
    }

    /** The witness's personal data, unless never registered or erased. */
    public Optional<PersonalDetails> personalDetails(WitnessId id) {
        return store.personalDetails(Objects.requireNonNull(id, "id"));
    }

    /** Erases a witness's personal data; the pseudonymous record (id, role) stays. */
    public boolean erasePersonalDetails(WitnessId id) {
        return store.erasePersonalDetails(Objects.requireNonNull(id, "id"));
    }

    /** All witnesses with the given role, in registration order. */
    public List<Witness> withRole(WitnessRole role) {
        return store.withRole(Objects.requireNonNull(role, "role"));
    }
}
