package io.offsite.core.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.InvalidValueException;
import io.offsite.core.spi.ObjectOperators;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectOperatorTest {
    /** The worked example of GB 32100-2015. */
    private static final String STANDARD_EXAMPLE = "91350100M000100Y43";

    @Test
    void toString_masksThePhone() {
        ObjectOperator o = ObjectOperator.person("hy-shop-0001", "王某", "13812345678");
        assertThat(o.toString()).contains("138****5678").doesNotContain("13812345678");
        assertThat(o.isBusiness()).isFalse();
    }

    @Test
    void creditCode_withTheRightCheckCharacter_isAccepted() {
        ObjectOperator o = ObjectOperator.business("hy-ent-0001", "某某贸易有限公司", "0576-84123456", STANDARD_EXAMPLE);
        assertThat(o.unifiedSocialCreditCode()).contains(STANDARD_EXAMPLE);
        assertThat(o.isBusiness()).isTrue();
        assertThat(ObjectOperator.usccCheckCharacter(STANDARD_EXAMPLE.substring(0, 17))).isEqualTo('3');
    }

    @Test
    void creditCode_wrongCheckCharacterLengthOrLetter_isRefusedSayingWhich() {
        assertThatThrownBy(() -> ObjectOperator.business("e", "n", "13812345678", "91350100M000100Y44"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("check character is '4'")
                .hasMessageContaining("give '3'");
        assertThatThrownBy(() -> ObjectOperator.business("e", "n", "13812345678", "91350100M000100Y4"))
                .hasMessageContaining("18 characters, had 17");
        assertThatThrownBy(() -> ObjectOperator.business("e", "n", "13812345678", "91350100M0001O0Y43"))
                .hasMessageContaining("character 14 'O'");
    }

    @Test
    void badPhone_isRefusedWithTheNumberMasked() {
        assertThatThrownBy(() -> ObjectOperator.person("hy-shop-0001", "王某", "1381234567x"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("operator phone of object hy-shop-0001")
                .hasMessageNotContaining("1381234567x");
        assertThatThrownBy(() -> ObjectOperator.person("hy-shop-0001", "王某", "12"))
                .hasMessageContaining("6-20 digits");
    }

    @Test
    void blankIdOrName_isRefused() {
        assertThatThrownBy(() -> ObjectOperator.person(" ", "王某", "13812345678")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("operator objectId");
        assertThatThrownBy(() -> ObjectOperator.person("hy-shop-0001", "", "13812345678"))
                .hasMessageContaining("operator name of object hy-shop-0001");
    }

    @Test
    void operatorTable_answersByObjectAndRefusesTwoOperatorsForOneObject() {
        ObjectOperator wang = ObjectOperator.person("hy-shop-0001", "王某", "13812345678");
        ObjectOperators table = ObjectOperators.of(List.of(wang));
        assertThat(table.operatorOf("hy-shop-0001")).contains(wang);
        assertThat(table.operatorOf("hy-shop-0002")).isEmpty();
        assertThatThrownBy(() -> ObjectOperators.of(List.of(wang, ObjectOperator.person("hy-shop-0001", "李某",
                "13900001111")))).isInstanceOf(InvalidValueException.class).hasMessageContaining("hy-shop-0001")
                .hasMessageContaining("two registered operators");
    }
}
