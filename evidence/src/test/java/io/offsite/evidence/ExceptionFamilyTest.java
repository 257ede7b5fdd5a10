package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.violation.Violation;
import org.junit.jupiter.api.Test;

/** Bad input to evidence is always an {@link EvidenceException}, never a bare JDK exception. */
class ExceptionFamilyTest {
    @Test
    void chainWithoutSigningKeys_isAnEvidenceException() {
        assertThatThrownBy(() -> EvidenceChain.builder("case-1", Violation.PARKING).build())
                .isInstanceOf(EvidenceException.class).hasMessageContaining("signingKeys");
    }

    @Test
    void hashBufferOutOfRange_isAnEvidenceExceptionNamingTheRange() {
        assertThatThrownBy(() -> StreamingSha256.withBuffer(1)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("4096..16777216");
    }

    @Test
    void malformedCanonicalJson_isAnEvidenceException_andOverLimitIsItsSubclass() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "manifest.json")).isInstanceOf(EvidenceException.class).hasMessageContaining("manifest.json is not valid JSON");
        byte[] deep = ("[".repeat(CanonicalJson.MAX_DEPTH + 1) + "]".repeat(CanonicalJson.MAX_DEPTH + 1))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CanonicalJson.parse(deep, "log.json")).isInstanceOf(OverLimitException.class);
    }
}
