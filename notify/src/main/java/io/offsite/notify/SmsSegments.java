package io.offsite.notify;

import java.util.Objects;

/**
 * How a text is carried as SMS: its encoding, its length in encoding units, and the number of parts.
 * Parts are counted the way handsets split: an extension-table escape pair or a UTF-16 surrogate pair
 * is never split across two parts, so a part may carry one unit less than its limit.
 *
 * @param encoding   GSM-7 or UCS-2
 * @param characters length in code points (what a person counts)
 * @param units      length in encoding units (septets for GSM-7, UTF-16 units for UCS-2)
 * @param parts      number of SMS parts (at least 1; an empty text is one part)
 */
public record SmsSegments(SmsEncoding encoding, int characters, int units, int parts) {
    /** Validates the counts. */
    public SmsSegments {
        Objects.requireNonNull(encoding, "encoding");
        if (characters < 0 || units < characters / 2 || parts < 1) {
            throw new NotifyException("inconsistent SMS counts: characters=" + characters
                    + ", units=" + units + ", parts=" + parts);
        }
    }

    /** Counts the parts of {@code text}, including any sign tag it already contains. */
    public static SmsSegments of(CharSequence text) {
        Objects.requireNonNull(text, "text");
        SmsEncoding enc = SmsEncoding.of(text);
        int n = text.length();
        int[] widths = new int[n];
        int units = 0;
        int cps = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            widths[i] = enc == SmsEncoding.GSM7 ? SmsEncoding.gsmWidth(c) : 1;
            units += widths[i];
            if (!Character.isLowSurrogate(c)) {
                cps++;
            }
        }
        if (units <= enc.singlePartLimit()) {
            return new SmsSegments(enc, cps, units, 1);
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < n; i++) {
            int w = widths[i];
            if (enc == SmsEncoding.UCS2 && Character.isHighSurrogate(text.charAt(i)) && i + 1 < n
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                w = 2;
                i++;
            }
            if (used + w > enc.multiPartLimit()) {
                parts++;
                used = 0;
            }
            used += w;
        }
        return new SmsSegments(enc, cps, units, parts);
    }
}
