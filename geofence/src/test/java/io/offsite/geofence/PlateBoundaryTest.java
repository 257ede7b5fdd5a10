package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Plates are validated where they enter: character set and length, errors naming the camera, plate masked. */
class PlateBoundaryTest {
    private static final CameraId CAM = CameraId.of("33100300001320000001");
    private static final Instant T = Instant.parse("2026-11-02T01:00:00Z");

    private static Detection.Builder detection() {
        return Detection.builder(CAM, T).at(121.26, 28.64);
    }

    @Test
    void realPlates_ofEveryKindAreAccepted() {
        for (String p : new String[] {"浙J3A771", "浙A12345", "浙JB1234", "浙AD12345", "浙A0001警", "粤Z1234港", "使123456",
                "浙A1234应急", "浙a·12 345", "浙Ａ１２３４５", "WJ浙12345"}) {
            assertThat(detection().plate(p, 0.9).build().plate()).as(p).isPresent();
        }
    }

    @Test
    void controlCharacters_areRefusedNamingCameraRuleAndPosition_plateMasked() {
        assertThatThrownBy(() -> detection().plate("浙A12\u000745", 0.9)).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("camera " + CAM).hasMessageContaining("2026-11-02T01:00:00Z")
                .hasMessageContaining("U+0007 at position 5 is not a plate character")
                .hasMessageContaining("浙A****5").hasMessageNotContaining("浙A12");
    }

    @Test
    void aMillionCharacters_isRefusedByLengthWithoutEchoingThePlate() {
        String huge = "浙".repeat(1_000_000);
        assertThatThrownBy(() -> detection().plate(huge, 0.9)).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("camera " + CAM).hasMessageContaining("1000000 characters")
                .hasMessageContaining("at most " + Plates.MAX_LENGTH)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    @Test
    void plateLongerThanTheMaximum_isRefused_atTheMaximumAccepted() {
        assertThat(detection().plate("浙A12345678", 0.9).build().plate()).isPresent(); // 10 characters
        assertThatThrownBy(() -> detection().plate("浙A123456789", 0.9)).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("plate of 11 characters is longer than the 10");
    }

    @Test
    void characterOutsideThePlateAlphabet_isRefused() {
        for (String p : new String[] {"浙A1234$", "浙A1234临", "浙A1<b>", "浙A1234\u200B"}) {
            assertThatThrownBy(() -> detection().plate(p, 0.9)).as(p).isInstanceOf(GeofenceException.class)
                    .hasMessageContaining("is not a plate character (province abbreviations");
        }
    }

    @Test
    void maskedPlateInAMessage_neverCarriesAControlCharacter() {
        assertThat(Plates.masked("\u0007浙A1234\u0008")).isEqualTo("?浙*****?");
        assertThat(Plates.problem("\u0007浙A1234").orElseThrow()).doesNotContain("\u0007");
    }

    @Test
    void plateReadItself_enforcesTheSameRule() {
        assertThatThrownBy(() -> new PlateRead("\u0000\u0000\u0000", 0.9)).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("U+0000");
        assertThatThrownBy(() -> new PlateRead(" · ", 0.9)).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("empty after normalisation");
    }
}
