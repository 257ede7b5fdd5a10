package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Bounds read in plain words, and the parameter interpolator never meets an EL expression: it logs a warning
 * (HV000185) for each one it meets, which would be one log line per refused request.
 */
class PlainMessagesTest {
    record Bounded(@DecimalMax("300.0") Double speed, @DecimalMin(value = "0.5", inclusive = false) Double cruise) {
    }

    @Test
    void decimalBounds_readInPlainWords_andNoExpressionReachesTheParameterInterpolator() {
        List<String> templates = new ArrayList<>();
        MessageInterpolator parameters = new ParameterMessageInterpolator();
        MessageInterpolator recording = new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                templates.add(template);
                return parameters.interpolate(template, context);
            }

            @Override
            public String interpolate(String template, Context context, Locale locale) {
                templates.add(template);
                return parameters.interpolate(template, context, locale);
            }
        };
        Validator v = Validation.byDefaultProvider().configure().messageInterpolator(new PlainMessages(recording))
                .buildValidatorFactory().getValidator();
        List<String> messages = v.validate(new Bounded(400.0, 0.5)).stream().map(c -> c.getMessage()).sorted().toList();
        assertThat(messages).containsExactly("must be greater than 0.5", "must be less than or equal to 300.0");
        // the default templates of these two resolve to an EL expression inside the parameter interpolator
        assertThat(templates).isNotEmpty().noneMatch(t -> t.contains("${") || t.contains("DecimalMax.message")
                || t.contains("DecimalMin.message"));
    }
}
