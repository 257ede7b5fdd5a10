package io.offsite.core.violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViolationTest {
    @Test
    void standardCode_resolvesToTheConstant() {
        for (Violation v : Violation.standard()) {
            assertThat(Violation.of(v.code())).isSameAs(v);
            assertThat(v.isStandard()).isTrue();
        }
        assertThat(Violation.standard()).contains(Violation.PARKING, Violation.ROAD_OCCUPATION,
                Violation.TRADING_BEYOND_SHOPFRONT, Violation.HOUSEHOLD_WASTE, Violation.SEWAGE_DUMPING,
                Violation.CONSTRUCTION_WASTE, Violation.ILLEGAL_BUILDING, Violation.TEMPORARY_STRUCTURE);
    }

    @Test
    void localCode_isAddedWithoutForking_andEqualByCodeOnly() {
        Violation noise = Violation.local("SHOP_NOISE", "商铺噪声扰民");
        assertThat(noise.isStandard()).isFalse();
        assertThat(noise.name()).isEqualTo("商铺噪声扰民");
        assertThat(Violation.of("SHOP_NOISE")).isEqualTo(noise).hasSameHashCodeAs(noise);
        assertThat(Violation.of("SHOP_NOISE").name()).isEqualTo("SHOP_NOISE");
        assertThat(noise).hasToString("SHOP_NOISE").isGreaterThan(Violation.PARKING);
    }

    @Test
    void malformedCode_rejectedNamingTheCode() {
        assertThatThrownBy(() -> Violation.of("parking")).isInstanceOf(ViolationException.class)
                .hasMessageContaining("'parking'");
        assertThatThrownBy(() -> Violation.of("P")).isInstanceOf(ViolationException.class);
        assertThatThrownBy(() -> Violation.of("NO-DASH")).isInstanceOf(ViolationException.class);
    }

    @Test
    void localViolation_cannotShadowAStandardOne() {
        assertThatThrownBy(() -> Violation.local("PARKING", "x")).isInstanceOf(ViolationException.class)
                .hasMessageContaining("standard");
        assertThatThrownBy(() -> Violation.local("NOISE", " ")).isInstanceOf(ViolationException.class);
    }
}
