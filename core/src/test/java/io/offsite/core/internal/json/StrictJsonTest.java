package io.offsite.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
    private final StrictJson reader = StrictJson.builder().maxNestingDepth(4).maxNumberChars(8).maxStringChars(16)
            .build();

    @Test
    void duplicateKey_isRefusedWithItsLocation() {
        StrictJson.Malformed e = catchThrowableOfType(StrictJson.Malformed.class,
                () -> reader.read("{\"a\": 1,\n \"a\": 2}"));
        assertThat(e.kind()).isEqualTo(StrictJson.Malformed.Kind.SYNTAX);
        assertThat(e.reason()).contains("Duplicate field 'a'");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void contentAfterTheDocument_isRefused() {
        StrictJson.Malformed e = catchThrowableOfType(StrictJson.Malformed.class,
                () -> reader.read(new StringReader("{\"a\": 1} {\"b\": 2}")));
        assertThat(e.kind()).isEqualTo(StrictJson.Malformed.Kind.SYNTAX);
        assertThat(e.reason()).contains("Trailing token");
    }

    @Test
    void comments_areRefused() {
        assertThat(catchThrowableOfType(StrictJson.Malformed.class, () -> reader.read("{/* no */\"a\": 1}")))
                .isNotNull();
    }

    @Test
    void overNestingOrNumberOrStringLimit_isKindLimit() {
        for (String json : new String[] {"[[[[[1]]]]]", "{\"a\": 1234567890}", "{\"a\": \"01234567890123456789\"}"}) {
            StrictJson.Malformed e = catchThrowableOfType(StrictJson.Malformed.class, () -> reader.read(json));
            assertThat(e.kind()).as(json).isEqualTo(StrictJson.Malformed.Kind.LIMIT);
        }
    }

    @Test
    void exactDecimals_keepsEveryDigit() {
        StrictJson exact = StrictJson.builder().exactDecimals().build();
        assertThat(exact.read("{\"fen\": 0.10000000000000000001}").get("fen").decimalValue().toPlainString())
                .isEqualTo("0.10000000000000000001");
    }

    @Test
    void withinLimits_readsTheTree() {
        assertThat(reader.read("{\"a\": [1, 2]}".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 13)
                .get("a").size()).isEqualTo(2);
    }
}
