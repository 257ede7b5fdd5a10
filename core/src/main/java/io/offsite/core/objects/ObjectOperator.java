package io.offsite.core.objects;

import io.offsite.core.InvalidValueException;
import io.offsite.core.Masks;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registered operator (经营者) of a managed object: the person or business a warning is texted to and a case
 * is filed against. {@link #toString()} masks the phone number.
 *
 * @param objectId              the {@link ManagedObject#id()} operated
 * @param name                  the operator's name (a person or the registered business name)
 * @param phone                 a mobile or landline number, digits with an optional {@code +86} or dashes
 * @param unifiedSocialCreditCode the 18-character unified social credit code (统一社会信用代码) of a business
 *                              operator, checked against its check character (GB 32100-2015); empty for a person
 */
public record ObjectOperator(String objectId, String name, String phone, Optional<String> unifiedSocialCreditCode) {
    private static final Pattern PHONE = Pattern.compile("(\\+86)?[0-9][0-9-]{4,18}[0-9]");
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Validates the components; errors name the field and the rule (the phone itself is masked). */
    public ObjectOperator {
        ObjectIds.require(objectId, "operator objectId");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new InvalidValueException("operator name of object " + objectId + " must be non-blank");
        }
        Objects.requireNonNull(phone, "phone");
        if (!PHONE.matcher(phone).matches()) {
            throw new InvalidValueException("operator phone of object " + objectId + " must be 6-20 digits (optional"
                    + " +86 prefix, dashes allowed), was \"" + Masks.phone(phone) + "\"");
        }
        Objects.requireNonNull(unifiedSocialCreditCode, "unifiedSocialCreditCode");
        unifiedSocialCreditCode.ifPresent(code -> checkUscc(objectId, code));
    }

    /** An operator who is a person (no unified social credit code). */
    public static ObjectOperator person(String objectId, String name, String phone) {
        return new ObjectOperator(objectId, name, phone, Optional.empty());
    }

    /** An operator that is a registered business with its unified social credit code. */
    public static ObjectOperator business(String objectId, String name, String phone, String unifiedSocialCreditCode) {
        return new ObjectOperator(objectId, name, phone,
                Optional.of(Objects.requireNonNull(unifiedSocialCreditCode, "unifiedSocialCreditCode")));
    }

    /** Whether the operator is a business (has a unified social credit code) rather than a person. */
    public boolean isBusiness() {
        return unifiedSocialCreditCode.isPresent();
    }

    /** The check character a 17-character unified social credit code body takes (GB 32100-2015). */
    static char usccCheckCharacter(String body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(body17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    private static void checkUscc(String objectId, String code) {
        String field = "unified social credit code of object " + objectId;
        if (code.length() != 18) {
            throw new InvalidValueException(field + " must have 18 characters, had " + code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (USCC_CHARS.indexOf(code.charAt(i)) < 0) {
                throw new InvalidValueException(field + ": character " + (i + 1) + " '" + code.charAt(i)
                        + "' is not one of " + USCC_CHARS + " (I, O, S, V, Z are never used)");
            }
        }
        char expected = usccCheckCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            throw new InvalidValueException(field + ": check character is '" + code.charAt(17) + "', the first 17"
                    + " characters give '" + expected + "' (GB 32100-2015)");
        }
    }

    /** The operator with the phone masked, e.g. {@code 138****5678}. */
    @Override
    public String toString() {
        return "ObjectOperator[objectId=" + objectId + ", name=" + name + ", phone=" + Masks.phone(phone)
                + unifiedSocialCreditCode.map(c -> ", uscc=" + c).orElse("") + "]";
    }
}
