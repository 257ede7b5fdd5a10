package io.offsite.notify;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {
    private static final MessageTemplate OWNER = MessageTemplate.sms("owner-move", "黄岩综合执法",
            "您的车辆{plate}停在{place}禁停区域，请于{deadline}前驶离。", 1);

    @Test
    void render_fillsPlaceholders_andPrependsSignTag() {
        RenderedMessage r = OWNER.render(Map.of("plate", "浙J12345", "place", "橘乡大道", "deadline", "10:20"));
        assertThat(r.text()).isEqualTo("【黄岩综合执法】您的车辆浙J12345停在橘乡大道禁停区域，请于10:20前驶离。");
        assertThat(r.segments().encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(r.segments().parts()).isEqualTo(1);
        assertThat(r.warning()).isEmpty();
        assertThat(OWNER.placeholders()).containsExactlyInAnyOrder(Placeholder.PLATE, Placeholder.PLACE,
                Placeholder.DEADLINE);
    }

    @Test
    void signTagCounts_towardsTheSegmentLimit() {
        MessageTemplate t = MessageTemplate.sms("t", "城管", "车".repeat(66), 1);
        RenderedMessage r = t.render(Map.of());
        assertThat(r.segments().units()).isEqualTo(70);
        assertThat(r.segments().parts()).isEqualTo(1);
        RenderedMessage over = MessageTemplate.sms("t", "城管局", "车".repeat(66), 1).render(Map.of());
        assertThat(over.segments().parts()).isEqualTo(2);
        assertThat(over.exceedsMaxParts()).isTrue();
        assertThat(over.warning()).get().asString().contains("'t'", "2 UCS2 parts", "maximum of 1");
    }

    @Test
    void unknownPlaceholderInTemplate_isRejectedWithItsPosition() {
        assertThatThrownBy(() -> MessageTemplate.sms("x", "s", "车辆{plat}请驶离", 1))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("unknown placeholder {plat}").hasMessageContaining("index 2");
    }

    @Test
    void missingValue_isRejectedNamingThePlaceholder() {
        assertThatThrownBy(() -> OWNER.render(Map.of("plate", "浙J12345", "place", "橘乡大道")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("no value for placeholder {deadline}");
    }

    @Test
    void unknownValueKey_isRejected() {
        assertThatThrownBy(() -> OWNER.render(Map.of("plate", "p", "place", "q", "deadline", "d", "case", "1")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("unknown placeholder {case} in values");
    }

    @Test
    void unclosedOrUnmatchedBraces_areRejected_andDoubledBracesAreLiteral() {
        assertThatThrownBy(() -> MessageTemplate.sms("x", "s", "车辆{plate", 1))
                .hasMessageContaining("unclosed '{' at index 2");
        assertThatThrownBy(() -> MessageTemplate.sms("x", "s", "车辆}", 1))
                .hasMessageContaining("unmatched '}' at index 2");
        assertThat(MessageTemplate.sms("x", "", "a{{b}}c{caseNo}", 1).render(Map.of("caseNo", "7")).text())
                .isEqualTo("a{b}c7");
    }

    @Test
    void signWithBrackets_orNonPositiveMaxParts_isRejected() {
        assertThatThrownBy(() -> MessageTemplate.sms("x", "【城管】", "t", 1)).hasMessageContaining("without 【】");
        assertThatThrownBy(() -> MessageTemplate.sms("x", "城管", "t", 0)).hasMessageContaining("maxParts must be >= 1");
    }
}
