package io.offsite.evidence;

import io.offsite.evidence.spi.WitnessStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link WitnessStore} behind {@link WitnessRegistry#inMemory()}. Thread-safe. */
final class InMemoryWitnessStore implements WitnessStore {
    private final Map<WitnessId, Witness> witnesses = new LinkedHashMap<>();
    private final Map<WitnessId, PersonalDetails> personal = new LinkedHashMap<>();

    @Override
    public synchronized boolean insert(Witness witness, PersonalDetails details) {
        if (witnesses.containsKey(witness.id())) {
            return false;
        }
        witnesses.put(witness.id(), witness);
        personal.put(witness.id(), details);
        return true;
    }

    @Override
    public synchronized Optional<Witness> find(WitnessId id) {
        return Optional.ofNullable(witnesses.get(id));
    }

    @Override
    public synchronized Optional<PersonalDetails> personalDetails(WitnessId id) {
        return Optional.ofNullable(personal.get(id));
    }

    @Override
    public synchronized boolean erasePersonalDetails(WitnessId id) {
        return personal.remove(id) != null;
    }

    @Override
    public synchronized List<Witness> withRole(WitnessRole role) {
        return witnesses.values().stream().filter(w -> w.role() == role).toList();
    }
}
