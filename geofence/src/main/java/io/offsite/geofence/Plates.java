package io.offsite.geofence;

import io.offsite.core.Masks;
import java.util.Objects;
import java.util.Optional;

/**
 * Licence-plate text helpers: normalisation and OCR-confusion-tolerant matching (0/D/Q/O, 8/B, 1/I, 2/Z, 5/S,
 * 6/G). The confused characters are distinct valid plate characters ({@code 浙JB1234} and {@code 浙J81234} are two
 * cars), so the engine keys subjects by the exact normalised plate and uses the match key only to attach a
 * misread to an episode already open at about the same position ({@link GeofenceEngineBuilder#confusableRadiusMeters}).
 *
 * <p>{@link #normalize} upper-cases, turns full-width forms into ASCII and drops spaces, dots, dashes and
 * the middle dot ({@code 浙A·12345} → {@code 浙A12345}). {@link #matchKey} additionally maps each confusable
 * character to one representative, so two reads of the same plate share a key; {@link #confusions} counts
 * positions that differ only by such a confusion (−1 when the plates differ otherwise). Stateless.
 *
 * <p>{@link #problem} is the boundary check every plate read passes ({@link PlateRead}, {@link Detection.Builder#plate}):
 * after normalisation a plate is 1..{@link #MAX_LENGTH} characters of the plate alphabet — the 31 province
 * abbreviations (京津沪…琼), {@code A–Z}, {@code 0–9} and the suffix characters {@code 学警港澳挂试超使领应急民航}.
 */
public final class Plates {
    /**
     * Longest plate accepted, in characters after normalisation: a real plate has 7 (浙A12345), a new-energy plate 8
     * (浙AD12345), an emergency plate 9 (浙A1234应急); one more is allowed for odd special plates.
     */
    public static final int MAX_LENGTH = 10;
    /** Longest raw read looked at, in characters (separators and spaces included), before normalisation. */
    public static final int MAX_RAW_LENGTH = 64;
    /** The characters a normalised plate may contain, for messages. */
    static final String ALPHABET = "province abbreviations " + PackedPlate.PROVINCES + ", A-Z, 0-9 and "
            + PackedPlate.REST.substring(36);

    private Plates() {
    }

    /**
     * The rule {@code normalised} breaks, or empty when it is a valid plate: non-empty, at most {@link #MAX_LENGTH}
     * characters, every character in the plate alphabet. The reason shows the plate only masked ({@link Masks#plate}).
     */
    public static Optional<String> problem(String normalised) {
        Objects.requireNonNull(normalised, "normalised");
        int n = normalised.length();
        if (n == 0) {
            return Optional.of("plate text is empty after normalisation");
        }
        if (n > MAX_LENGTH) {
            return Optional.of("plate of " + n + " characters is longer than the " + MAX_LENGTH + " a plate may have");
        }
        for (int i = 0; i < n; i++) {
            char c = normalised.charAt(i);
            if (PackedPlate.firstCode(c) == 0) {
                return Optional.of("plate " + masked(normalised) + ": character " + String.format("U+%04X", (int) c)
                        + " at position " + (i + 1) + " is not a plate character (" + ALPHABET + ")");
            }
        }
        return Optional.empty();
    }

    /** {@link Masks#plate} with every character outside the plate alphabet shown as {@code ?}. */
    static String masked(String plate) {
        StringBuilder b = new StringBuilder(Masks.plate(plate));
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c != '*' && PackedPlate.firstCode(c) == 0) {
                b.setCharAt(i, '?');
            }
        }
        return b.toString();
    }

    /** The canonical written form of a plate read; empty when nothing is left. */
    public static String normalize(String raw) {
        Objects.requireNonNull(raw, "raw");
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (c == ' ' || c == '\u3000' || c == '.' || c == '-' || c == '\u00B7' || c == '\u30FB' || c == '\u2022') {
                continue;
            }
            b.append(Character.toUpperCase(c));
        }
        return b.toString();
    }

    /** The confusion-collapsed key of a normalised plate: equal keys mean "same plate up to OCR confusions". */
    public static String matchKey(String normalised) {
        char[] cs = normalised.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            cs[i] = representative(cs[i]);
        }
        return new String(cs);
    }

    /**
     * Number of positions where two normalised plates differ by an OCR confusion, or −1 when they differ in
     * length or in any other character.
     */
    public static int confusions(String a, String b) {
        if (a.length() != b.length()) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (representative(x) != representative(y)) {
                    return -1;
                }
                n++;
            }
        }
        return n;
    }

    /** Whether two reads are the same plate allowing at most {@code maxConfusions} confused characters. */
    public static boolean sameVehicle(String a, String b, int maxConfusions) {
        int n = confusions(normalize(a), normalize(b));
        return n >= 0 && n <= maxConfusions;
    }

    static char representative(char c) {
        switch (c) {
            case 'D': case 'Q': case 'O': return '0';
            case 'B': return '8';
            case 'I': return '1';
            case 'Z': return '2';
            case 'S': return '5';
            case 'G': return '6';
            default: return c;
        }
    }
}
