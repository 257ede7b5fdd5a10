package io.offsite.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void masks_hidePhoneDigitsAndPlateMiddle() {
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.phone("+8613812345678")).isEqualTo("+86138****5678");
        assertThat(Masks.plate("浙J12345")).isEqualTo("浙J****5");
        assertThat(Masks.plate("浙JD12345")).isEqualTo("浙J*****5");
        assertThat(Masks.phone("123")).isEqualTo("****");
    }

    @Test
    void masksInText_hideEveryMobileNumberAndPlate_butNotOtherNumbers() {
        assertThat(Masks.inText("HTTP 400: {\"msg\":\"13812345678 blacklisted\",\"plate\":\"浙J12345\",\"id\":123456789012}"))
                .isEqualTo("HTTP 400: {\"msg\":\"138****5678 blacklisted\",\"plate\":\"浙J****5\",\"id\":123456789012}");
        assertThat(Masks.inText("+8613812345678,13912345678")).isEqualTo("+86138****5678,139****5678");
        assertThat(Masks.inText("at (121.13499999999999, 28.63)")).isEqualTo("at (121.13499999999999, 28.63)");
    }

    @Test
    void maskedException_keepsClassAndStack_masksEveryMessageInTheChain() {
        IOException cause = new IOException("gateway refused 13812345678");
        IllegalStateException e = new IllegalStateException("owner of 浙J81234 unreachable", cause);

        Throwable m = Masks.exception(e);
        StringWriter w = new StringWriter();
        m.printStackTrace(new PrintWriter(w));

        assertThat(w.toString()).contains("java.lang.IllegalStateException: owner of 浙J****4 unreachable")
                .contains("Caused by: java.io.IOException: gateway refused 138****5678")
                .doesNotContain("浙J81234").doesNotContain("13812345678")
                .contains("maskedException_keepsClassAndStack_masksEveryMessageInTheChain");
        assertThat(Masks.exception(null)).isNull();
    }

    @Test
    void exceptionWithACauseAndSuppressedLoopIsCopiedOnceWithoutOverflow() {
        RuntimeException outer = new RuntimeException("SMS to 13812345678 failed");
        IllegalStateException inner = new IllegalStateException("driver state", outer);
        outer.addSuppressed(inner); // outer → suppressed inner → cause outer: a loop, as JDBC drivers build
        Throwable masked = Masks.exception(outer);
        assertThat(masked.getMessage()).doesNotContain("13812345678");
        assertThat(masked.getSuppressed()).hasSize(1);
        assertThat(masked.getSuppressed()[0].getCause()).isNull();
    }
}
