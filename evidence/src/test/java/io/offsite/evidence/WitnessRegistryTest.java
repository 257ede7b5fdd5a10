package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.evidence.spi.WitnessStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry over its store: duplicates decided by the store, erasure keeps the pseudonymous record. */
class WitnessRegistryTest {
    static final PersonalDetails WANG = new PersonalDetails("王小明", "13800001111", "黄岩区");

    @Test
    void inMemory_registerFindEraseAndListByRole_inRegistrationOrder() {
        WitnessRegistry reg = WitnessRegistry.inMemory();
        Witness a = reg.register(new WitnessId("W-2"), WitnessRole.SANITATION_WORKER, WANG, Fixtures.T0);
        reg.register(new WitnessId("W-1"), WitnessRole.OFFICER, WANG, Fixtures.T0);
        Witness c = reg.register(new WitnessId("W-0"), WitnessRole.SANITATION_WORKER, WANG, Fixtures.T0.plusSeconds(1));
        assertThat(reg.withRole(WitnessRole.SANITATION_WORKER)).containsExactly(a, c);
        assertThat(reg.erasePersonalDetails(a.id())).isTrue();
        assertThat(reg.erasePersonalDetails(a.id())).isFalse();
        assertThat(reg.personalDetails(a.id())).isEmpty();
        assertThat(reg.find(a.id())).contains(a);
        assertThat(reg.personalDetails(c.id())).contains(WANG);
    }

    @Test
    void duplicateId_isRefused_andTheFirstRegistrationIsKept() {
        WitnessRegistry reg = WitnessRegistry.inMemory();
        Witness first = reg.register(new WitnessId("W-1"), WitnessRole.OFFICER, WANG, Fixtures.T0);
        PersonalDetails other = new PersonalDetails("李四", "13900002222", "");
        assertThatThrownBy(() -> reg.register(new WitnessId("W-1"), WitnessRole.PUBLIC, other, Fixtures.T0))
                .isInstanceOf(EvidenceException.class).hasMessage("witness W-1 is already registered");
        assertThat(reg.find(first.id())).contains(first);
        assertThat(reg.personalDetails(first.id())).contains(WANG);
    }

    @Test
    void over_aVendorStore_delegatesEveryCall_andTheStoreDecidesDuplicates() {
        List<String> calls = new ArrayList<>();
        WitnessStore refusing = new WitnessStore() {
            @Override
            public boolean insert(Witness witness, PersonalDetails details) {
                calls.add("insert " + witness.id());
                return false; // another process took the id first
            }

            @Override
            public Optional<Witness> find(WitnessId id) {
                calls.add("find " + id);
                return Optional.empty();
            }

            @Override
            public Optional<PersonalDetails> personalDetails(WitnessId id) {
                calls.add("details " + id);
                return Optional.empty();
            }

            @Override
            public boolean erasePersonalDetails(WitnessId id) {
                calls.add("erase " + id);
                return false;
            }

            @Override
            public List<Witness> withRole(WitnessRole role) {
                calls.add("role " + role);
                return List.of();
            }
        };
        WitnessRegistry reg = WitnessRegistry.over(refusing);
        assertThatThrownBy(() -> reg.register(new WitnessId("W-7"), WitnessRole.PUBLIC, WANG, Fixtures.T0))
                .isInstanceOf(EvidenceException.class).hasMessage("witness W-7 is already registered");
        reg.find(new WitnessId("W-7"));
        reg.personalDetails(new WitnessId("W-7"));
        reg.erasePersonalDetails(new WitnessId("W-7"));
        reg.withRole(WitnessRole.PUBLIC);
        assertThat(calls).containsExactly("insert W-7", "find W-7", "details W-7", "erase W-7", "role PUBLIC");
        assertThatThrownBy(() -> WitnessRegistry.over(null)).isInstanceOf(NullPointerException.class);
    }
}
