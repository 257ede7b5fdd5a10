package io.offsite.server;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bean Validation messages without an expression-language implementation: Hibernate Validator's
 * {@link ParameterMessageInterpolator} fills in {@code {value}} and the like but leaves {@code ${...}} expressions as
 * written, so {@code @DecimalMax("300.0")} read {@code must be less than ${inclusive == true ? 'or equal to ' :
 * ''}300.0}. This interpolator evaluates the one form Hibernate Validator's default messages use for the constraints
 * this server declares — a choice on a boolean attribute, {@code ${attr == true ? 'yes' : 'no'}} (the
 * {@code inclusive} of {@code @DecimalMin} and {@code @DecimalMax}) — from the constraint's attributes, giving
 * {@code must be less than or equal to 300.0}. Any other expression left over is dropped rather than shown.
 */
final class PlainMessages implements MessageInterpolator {
    private static final Pattern CHOICE = Pattern.compile(
            "\\$\\{\\s*(\\w+)\\s*==\\s*true\\s*\\?\\s*'([^']*)'\\s*:\\s*'([^']*)'\\s*}");
    private static final Pattern ANY_EXPRESSION = Pattern.compile("\\$\\{[^}]*}");
    private final MessageInterpolator parameters;

    PlainMessages() {
        this(new ParameterMessageInterpolator());
    }

    /** Over {@code parameters}, the interpolator that fills in {@code {value}} and the like (tests pass their own). */
    PlainMessages(MessageInterpolator parameters) {
        this.parameters = parameters;
    }

    /** A validator whose messages go through this interpolator. */
    static Validator validator() {
        return Validation.byDefaultProvider().configure().messageInterpolator(new PlainMessages())
                .buildValidatorFactory().getValidator();
    }

    @Override
    public String interpolate(String template, Context context) {
        return plain(parameters.interpolate(withoutExpression(template, context), context), context);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        return plain(parameters.interpolate(withoutExpression(template, context), context, locale), context);
    }

    /**
     * The default templates of {@code @DecimalMax} and {@code @DecimalMin} with their {@code inclusive} choice made
     * here, so the parameter interpolator never meets an expression (it logs a warning for each one it meets, which
     * would be one log line per refused request); other templates unchanged.
     */
    private static String withoutExpression(String template, Context context) {
        boolean inclusive = Boolean.TRUE.equals(context.getConstraintDescriptor().getAttributes().get("inclusive"));
        return switch (template) {
            case "{jakarta.validation.constraints.DecimalMax.message}" ->
                    inclusive ? "must be less than or equal to {value}" : "must be less than {value}";
            case "{jakarta.validation.constraints.DecimalMin.message}" ->
                    inclusive ? "must be greater than or equal to {value}" : "must be greater than {value}";
            default -> template;
        };
    }

    private static String plain(String message, Context context) {
        if (message == null || !message.contains("${")) {
            return message;
        }
        Map<String, Object> attributes = context.getConstraintDescriptor().getAttributes();
        Matcher m = CHOICE.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            boolean yes = Boolean.TRUE.equals(attributes.get(m.group(1)));
            m.appendReplacement(sb, Matcher.quoteReplacement(yes ? m.group(2) : m.group(3)));
        }
        m.appendTail(sb);
        return ANY_EXPRESSION.matcher(sb).replaceAll("").replaceAll("  +", " ").strip();
    }
}
