package io.offsite.evidence.spi;

import io.offsite.evidence.PersonalDetails;
import io.offsite.evidence.Witness;
import io.offsite.evidence.WitnessId;
import io.offsite.evidence.WitnessRole;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@link io.offsite.evidence.WitnessRegistry} keeps its witnesses: the pseudonymous record (id, role,
 * registration time) apart from the erasable {@link PersonalDetails}. Implementations must be thread-safe and,
 * when several processes share the storage, let the storage decide a duplicate id (a unique key), so two
 * processes registering one id never both succeed. Failures throw an unchecked exception of the
 * implementation's family ({@link io.offsite.evidence.EvidenceException} in memory).
 */
public interface WitnessStore {

    /**
     * Stores a new witness and its personal details together (both or neither).
     *
     * @return {@code false}, changing nothing, when a witness with that id is already stored
     */
    boolean insert(Witness witness, PersonalDetails details);

    /** The witness, if stored. */
    Optional<Witness> find(WitnessId id);

    /** The witness's personal details, unless never stored or erased. */
    Optional<PersonalDetails> personalDetails(WitnessId id);

    /**
     * Deletes the witness's personal details only; the pseudonymous record stays.
     *
     * @return whether there were details to delete
     */
    boolean erasePersonalDetails(WitnessId id);

    /** All stored witnesses with {@code role}, in the order they were stored. */
    List<Witness> withRole(WitnessRole role);
}
