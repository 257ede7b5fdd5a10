package io.offsite.cases;

import static io.offsite.cases.CaseFixtures.through;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored form of a case: every fact survives a round trip, and anything else is refused naming the case. */
class CaseCodecTest {
    private final CaseCodec codec = CaseCodec.defaults();

    /** Asserts {@code b} is {@code a} restored: same facts, same timeline, same service records. */
    static void assertSameCase(PenaltyCase b, PenaltyCase a) {
        CaseCodec codec = CaseCodec.defaults();
        assertThat(codec.encode(b)).isEqualTo(codec.encode(a));
        assertThat(b.timeline()).isEqualTo(a.timeline());
        assertThat(b.state()).isEqualTo(a.state());
        assertThat(b.violation().name()).isEqualTo(a.violation().name());
        assertThat(b.decision()).isEqualTo(a.decision());
        assertThat(b.intendedDecision()).isEqualTo(a.intendedDecision());
        assertThat(b.paymentDueOn()).isEqualTo(a.paymentDueOn());
        for (var pair : List.of(List.of(b.noticeService(), a.noticeService()),
                List.of(b.decisionService(), a.decisionService()), List.of(b.demandService(), a.demandService()))) {
            assertThat(pair.get(0).isPresent()).isEqualTo(pair.get(1).isPresent());
            pair.get(0).ifPresent(r -> {
                var o = pair.get(1).orElseThrow();
                assertThat(r.documentId()).isEqualTo(o.documentId());
                assertThat(r.attempts()).isEqualTo(o.attempts());
                assertThat(r.consents()).isEqualTo(o.consents());
                assertThat(r.addressConfirmation()).isEqualTo(o.addressConfirmation());
                assertThat(r.whereaboutsUnknown()).isEqualTo(o.whereaboutsUnknown());
                assertThat(r.effect()).isEqualTo(o.effect());
            });
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void everyStepOfACase_decodesToAnEqualSnapshot(int steps) {
        PenaltyCase c = through("C-1", steps);
        PenaltyCase back = codec.decode("C-1", codec.encode(c), c.timeline());
        assertSameCase(back, c);
    }

    @Test
    void encode_startsWithFormatAndVersion_andLeavesTheTimelineOut() {
        String json = codec.encode(through("C-1", 6));
        assertThat(json).startsWith("{\"format\":\"offsite.penalty-case\",\"version\":1,");
        assertThat(json).doesNotContain("timeline").doesNotContain("receipt-77");
    }

    @Test
    void decode_notJson_failsNamingTheCase() {
        PenaltyCase c = through("C-1", 1);
        assertThatThrownBy(() -> codec.decode("C-1", "{\"format\":", c.timeline()))
                .isInstanceOf(CaseException.class).hasMessageContaining("case C-1").hasMessageContaining("not valid JSON");
    }

    @Test
    void decode_unknownKey_failsNamingThePath() {
        PenaltyCase c = through("C-1", 2);
        String json = codec.encode(c).replace("\"hearingHeld\":false", "\"hearingHeld\":false,\"extra\":1");
        assertThatThrownBy(() -> codec.decode("C-1", json, c.timeline()))
                .isInstanceOf(CaseException.class).hasMessageContaining("case C-1").hasMessageContaining("$.extra");
    }

    @Test
    void decode_missingKey_failsNamingThePath() {
        PenaltyCase c = through("C-1", 2);
        String json = codec.encode(c).replace("\"reviewPassed\":false,", "");
        assertThatThrownBy(() -> codec.decode("C-1", json, c.timeline()))
                .isInstanceOf(CaseException.class).hasMessageContaining("$.reviewPassed: missing");
    }

    @Test
    void decode_wrongTypeDeepInsideAServiceRecord_failsNamingThePath() {
        PenaltyCase c = through("C-1", 2);
        String json = codec.encode(c).replace("\"gateway timeout\"", "42");
        assertThatThrownBy(() -> codec.decode("C-1", json, c.timeline()))
                .isInstanceOf(CaseException.class).hasMessageContaining("$.noticeService.attempts[0].note");
    }

    @Test
    void decode_anotherFormatVersion_isRefused() {
        PenaltyCase c = through("C-1", 0);
        String json = codec.encode(c).replace("\"version\":1", "\"version\":2");
        assertThatThrownBy(() -> codec.decode("C-1", json, c.timeline()))
                .isInstanceOf(CaseException.class).hasMessageContaining("version 2 is not");
    }

    @Test
    void decode_aValueItsTypeRefuses_failsNamingTheCase() {
        PenaltyCase c = through("C-1", 2);
        String json = codec.encode(c).replace("\"outcome\":\"FINE\",\"fineFen\":2000", "\"outcome\":\"WARNING\",\"fineFen\":2000");
        assertThatThrownBy(() -> codec.decode("C-1", json, c.timeline()))
                .isInstanceOf(CaseException.class).hasMessageContaining("case C-1").hasMessageContaining("inconsistent");
    }

    @Test
    void decode_underAnotherId_orWithATimelineThatDisagrees_isRefused() {
        PenaltyCase c = through("C-1", 3);
        String json = codec.encode(c);
        assertThatThrownBy(() -> codec.decode("C-2", json, c.timeline()))
                .isInstanceOf(CaseException.class).hasMessageContaining("is of case C-1");
        assertThatThrownBy(() -> codec.decode("C-1", json, c.timeline().subList(0, 3)))
                .isInstanceOf(CaseException.class).hasMessageContaining("ends in state NOTICE_SERVED");
        assertThatThrownBy(() -> codec.decode("C-1", json, List.of(c.timeline().get(0), c.timeline().get(2))))
                .isInstanceOf(CaseException.class).hasMessageContaining("without gaps");
        assertThatThrownBy(() -> codec.decode("C-1", json, List.of()))
                .isInstanceOf(CaseException.class).hasMessageContaining("does not start with its filing");
    }
}
