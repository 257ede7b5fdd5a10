package io.offsite.core;

/**
 * Masks personal data before it reaches a log line, a problem report or a printed effect: phone numbers keep
 * their first three and last four digits ({@code 138****5678}), plates keep the province character, the
 * issuing-authority letter and the last character ({@code 浙J****5}). Short or odd values are masked more, never
 * less. The one masking helper of every module (no module logs a plate or a phone number unmasked). Stateless.
 */
public final class Masks {
    private static final java.util.regex.Pattern MOBILE =
            java.util.regex.Pattern.compile("(?<![0-9])(\\+86)?1[3-9][0-9]{9}(?![0-9])");
    private static final java.util.regex.Pattern PLATE = java.util.regex.Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-Z][A-Z0-9]{4,6}[A-Z0-9挂学警港澳]?");

    private Masks() {
    }

    /**
     * Masks every mainland mobile number and plate found in free text, e.g. a gateway's error body or an
     * exception message, before it is logged.
     */
    public static String inText(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String out = MOBILE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(phone(m.group())));
        return PLATE.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(plate(m.group())));
    }

    /** Masks a phone number, e.g. {@code 13812345678 → 138****5678}, {@code +8613812345678 → +86138****5678}. */
    public static String phone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return "";
        }
        String prefix = "";
        String digits = phone;
        if (phone.startsWith("+86") && phone.length() > 3) {
            prefix = "+86";
            digits = phone.substring(3);
        }
        int n = digits.length();
        if (n >= 11) {
            return prefix + digits.substring(0, 3) + "****" + digits.substring(n - 4);
        }
        if (n >= 7) {
            return prefix + digits.substring(0, 2) + "****" + digits.substring(n - 2);
        }
        return prefix + "****";
    }

    /** Masks a plate, e.g. {@code 浙J12345 → 浙J****5}; new-energy plates keep one more star. */
    public static String plate(String plate) {
        if (plate == null || plate.isEmpty()) {
            return "";
        }
        int[] cps = plate.codePoints().toArray();
        if (cps.length < 4) {
            return "****";
        }
        StringBuilder sb = new StringBuilder();
        sb.appendCodePoint(cps[0]).appendCodePoint(cps[1]);
        sb.append("*".repeat(cps.length - 3));
        sb.appendCodePoint(cps[cps.length - 1]);
        return sb.toString();
    }

    /**
     * A copy of {@code t} fit for a log line: every message in its cause chain masked ({@link #inText}), the
     * class names and stack traces kept. Log {@code Masks.exception(e)} instead of {@code e}.
     */
    public static Throwable exception(Throwable t) {
        return exception(t, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** Copies each throwable once: a cause or suppressed chain that loops back (drivers build such) ends there. */
    private static Throwable exception(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null;
        }
        Masked m = new Masked(t.getClass().getName(), inText(t.getMessage()), exception(t.getCause(), seen));
        m.setStackTrace(t.getStackTrace());
        for (Throwable s : t.getSuppressed()) {
            Throwable copy = exception(s, seen);
            if (copy != null) {
                m.addSuppressed(copy);
            }
        }
        return m;
    }

    /** A logged stand-in for an exception: prints as the original class with the masked message. */
    private static final class Masked extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        Masked(String originalClass, String maskedMessage, Throwable cause) {
            super(maskedMessage, cause, true, true);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            String msg = getMessage();
            return msg == null || msg.isEmpty() ? originalClass : originalClass + ": " + msg;
        }
    }
}
