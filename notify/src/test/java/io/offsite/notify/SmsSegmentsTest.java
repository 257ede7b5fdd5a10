package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void asciiUpTo160_isOneGsmPart() {
        SmsSegments s = SmsSegments.of("a".repeat(160));
        assertThat(s.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(s.parts()).isEqualTo(1);
        assertThat(SmsSegments.of("a".repeat(161)).parts()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(306)).parts()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).parts()).isEqualTo(3);
    }

    @Test
    void extensionCharacters_countTwoSeptets_andAreNotSplitAcrossParts() {
        SmsSegments s = SmsSegments.of("{".repeat(80));
        assertThat(s.units()).isEqualTo(160);
        assertThat(s.parts()).isEqualTo(1);
        assertThat(SmsSegments.of("{".repeat(81)).parts()).isEqualTo(2);
        // 152 plain septets then one escape pair: the pair does not fit in part one's last septet
        SmsSegments split = SmsSegments.of("a".repeat(152) + "€" + "a".repeat(10));
        assertThat(split.units()).isEqualTo(164);
        assertThat(split.parts()).isEqualTo(2);
    }

    @Test
    void chineseUpTo70_isOneUcs2Part_andSplitsAt67() {
        assertThat(SmsSegments.of("车".repeat(70)).parts()).isEqualTo(1);
        assertThat(SmsSegments.of("车".repeat(71)).parts()).isEqualTo(2);
        assertThat(SmsSegments.of("车".repeat(134)).parts()).isEqualTo(2);
        assertThat(SmsSegments.of("车".repeat(135)).parts()).isEqualTo(3);
        assertThat(SmsSegments.of("车").encoding()).isEqualTo(SmsEncoding.UCS2);
    }

    @Test
    void oneChineseCharacter_turnsAsciiTextIntoUcs2() {
        SmsSegments s = SmsSegments.of("a".repeat(100) + "车");
        assertThat(s.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(s.parts()).isEqualTo(2);
    }

    @Test
    void surrogatePair_isNotSplitAcrossParts() {
        String text = "车".repeat(66) + "😀" + "车".repeat(5);
        SmsSegments s = SmsSegments.of(text);
        assertThat(s.units()).isEqualTo(73);
        assertThat(s.characters()).isEqualTo(72);
        assertThat(s.parts()).isEqualTo(2);
    }

    @Test
    void emptyText_isOnePart() {
        assertThat(SmsSegments.of("").parts()).isEqualTo(1);
    }
}
