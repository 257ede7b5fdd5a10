package io.offsite.notify;

/**
 * The alphabet an SMS is sent in, which fixes how many characters fit in one part.
 * GSM-7: 160 septets in one part, 153 per part when split; characters of the extension table
 * ({@code ^ { } \ [ ] ~ | €} and form feed) take two. UCS-2: 70 UTF-16 units in one part, 67 per part.
 */
public enum SmsEncoding {
    /** GSM 03.38 default alphabet (plain ASCII text and a few European letters). */
    GSM7(160, 153),
    /** UCS-2, used as soon as one character (e.g. any Chinese character) is outside GSM-7. */
    UCS2(70, 67);

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private final int singleLimit;
    private final int partLimit;

    SmsEncoding(int singleLimit, int partLimit) {
        this.singleLimit = singleLimit;
        this.partLimit = partLimit;
    }

    /** Units (septets or UTF-16 units) that fit in a single-part message. */
    public int singlePartLimit() {
        return singleLimit;
    }

    /** Units that fit in each part of a multi-part (concatenated) message. */
    public int multiPartLimit() {
        return partLimit;
    }

    /** The encoding a gateway would choose for this text: GSM-7 if every character is in the GSM alphabet. */
    public static SmsEncoding of(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (gsmWidth(text.charAt(i)) == 0) {
                return UCS2;
            }
        }
        return GSM7;
    }

    /** Septets a character takes in GSM-7: 1 (basic), 2 (extension table) or 0 (not representable). */
    static int gsmWidth(char c) {
        if (BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }
}
