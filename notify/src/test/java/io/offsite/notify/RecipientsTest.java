package io.offsite.notify;

import io.offsite.testkit.SettableClock;
import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecipientsTest {
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
    private final Map<String, String> registry = new HashMap<>(Map.of("浙J12345", "13812345678"));
    private boolean down;
    private int calls;

    private Recipients recipients() {
        return Recipients.builder().clock(clock).freshFor(Duration.ofMinutes(10))
                .negativeFreshFor(Duration.ofMinutes(1)).serveStaleFor(Duration.ofHours(1)).maximumSize(100)
                .vehicleRegistry(plate -> {
                    calls++;
                    if (down) {
                        throw new IllegalStateException("registry timeout");
                    }
                    return Optional.ofNullable(registry.get(plate));
                }).build();
    }

    @Test
    void foundAnswer_isCachedUntilStale_thenReloaded() {
        Recipients r = recipients();
        assertThat(r.ownerPhone("浙J12345").value()).contains("13812345678");
        registry.put("浙J12345", "13900000000");
        clock.advance(Duration.ofMinutes(9));
        assertThat(r.ownerPhone("浙J12345").value()).contains("13812345678");
        assertThat(calls).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        assertThat(r.ownerPhone("浙J12345").value()).contains("13900000000");
        assertThat(calls).isEqualTo(2);
    }

    @Test
    void unknownAnswer_isNegativelyCachedForShorterTime() {
        Recipients r = recipients();
        assertThat(r.ownerPhone("浙B99999").status()).isEqualTo(Resolution.Status.UNKNOWN);
        assertThat(r.ownerPhone("浙B99999").status()).isEqualTo(Resolution.Status.UNKNOWN);
        assertThat(calls).isEqualTo(1);
        registry.put("浙B99999", "13700000000");
        clock.advance(Duration.ofSeconds(61));
        assertThat(r.ownerPhone("浙B99999").value()).contains("13700000000");
    }

    @Test
    void registryOutage_servesStaleAnswer_thenUnavailableAfterGrace() {
        Recipients r = recipients();
        r.ownerPhone("浙J12345");
        down = true;
        clock.advance(Duration.ofMinutes(30));
        Resolution<String> stale = r.ownerPhone("浙J12345");
        assertThat(stale.status()).isEqualTo(Resolution.Status.FOUND_STALE);
        assertThat(stale.value()).contains("13812345678");
        assertThat(stale.detail()).contains("registry timeout").doesNotContain("12345678");
        clock.advance(Duration.ofHours(1));
        Resolution<String> gone = r.ownerPhone("浙J12345");
        assertThat(gone.status()).isEqualTo(Resolution.Status.UNAVAILABLE);
        assertThat(gone.detail()).contains("owner phone lookup for 浙J****5 failed");
    }

    @Test
    void registryDownWithNothingCached_isUnavailable_notUnknown() {
        down = true;
        Resolution<String> r = recipients().ownerPhone("浙J12345");
        assertThat(r.status()).isEqualTo(Resolution.Status.UNAVAILABLE);
        assertThat(r.isFound()).isFalse();
    }

    @Test
    void cacheIsBounded() {
        Recipients r = recipients();
        for (int i = 0; i < 1_000; i++) {
            r.ownerPhone("浙J" + i);
        }
        assertThat(r.cachedOwnerPhones()).isLessThanOrEqualTo(100);
    }

    @Test
    void unconfiguredSource_answersUnavailableSayingSo() {
        Resolution<ServiceAddress> r = Recipients.builder().clock(clock).build().serviceAddress("party-1");
        assertThat(r.status()).isEqualTo(Resolution.Status.UNAVAILABLE);
        assertThat(r.detail()).contains("no party directory configured");
    }

    @Test
    void badOptions_areRejected() {
        assertThatThrownBy(() -> Recipients.builder().freshFor(Duration.ZERO)).hasMessageContaining("freshFor");
        assertThatThrownBy(() -> Recipients.builder().maximumSize(0)).hasMessageContaining("maximumSize");
    }
}
