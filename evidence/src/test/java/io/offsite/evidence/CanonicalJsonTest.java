package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void write_sortsKeysByUtf16_usesMinimalEscapes_andNoWhitespace() {
        ObjectNode o = CanonicalJson.object();
        o.put("b", 1);
        o.put("a", "line\nquote\" back\\ tab\t bell\u0007 浙J");
        o.put("\u00e9", true);
        o.putArray("Z").add(-5).add("x");
        assertThat(new String(CanonicalJson.write(o), StandardCharsets.UTF_8)).isEqualTo(
                "{\"Z\":[-5,\"x\"],\"a\":\"line\\nquote\\\" back\\\\ tab\\t bell\\u0007 浙J\",\"b\":1,\"\u00e9\":true}");
    }

    @Test
    void parseCanonical_rejectsWhitespaceUnsortedKeysDuplicatesFloatsAndUpperCaseEscapes() {
        assertThat(CanonicalJson.parseCanonical(utf8("{\"a\":1,\"b\":[true,null]}"), "doc")).isNotNull();
        assertThatThrownBy(() -> CanonicalJson.parseCanonical(utf8("{\"a\": 1}"), "doc"))
                .hasMessageContaining("not in canonical JSON form");
        assertThatThrownBy(() -> CanonicalJson.parseCanonical(utf8("{\"b\":1,\"a\":2}"), "doc"))
                .hasMessageContaining("canonical");
        assertThatThrownBy(() -> CanonicalJson.parseCanonical(utf8("{\"a\":1,\"a\":1}"), "doc"))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> CanonicalJson.parseCanonical(utf8("{\"a\":1.5}"), "doc"))
                .hasMessageContaining("only integers");
        assertThatThrownBy(() -> CanonicalJson.parseCanonical(utf8("{\"a\":\"\\u0041\"}"), "doc"))
                .hasMessageContaining("canonical");
        assertThatThrownBy(() -> CanonicalJson.parseCanonical(utf8("{\"a\":1}x"), "doc"))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void anyValidString_roundTrips_andLoneSurrogatesAreRejected() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(s -> {
            ObjectNode o = CanonicalJson.object();
            o.put("k", s);
            boolean validUnicode = s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
            if (validUnicode) {
                byte[] b = CanonicalJson.write(o);
                assertThat(CanonicalJson.parseCanonical(b, "doc").get("k").textValue()).isEqualTo(s);
            } else {
                assertThatThrownBy(() -> CanonicalJson.write(o)).isInstanceOf(EvidenceException.class)
                        .hasMessageContaining("unpaired UTF-16 surrogate");
            }
        });
    }
}
