package io.offsite.geofence;

import java.util.Arrays;

/**
 * Packs a normalised licence-plate key into one {@code long}, so a tracking table can hold millions of plates
 * without a {@code String} each.
 *
 * <p>Alphabets. The <em>rest</em> alphabet is {@code 0-9}, {@code A-Z} and the suffix characters
 * {@code 学警港澳挂试超使领应急民航} (49 characters, codes 1..49). The <em>first</em> alphabet is the 31 province
 * abbreviations {@code 京津沪…琼} (codes 1..31) followed by the rest alphabet (codes 32..80), so a key may also
 * start with e.g. {@code 使} or {@code W}.
 *
 * <p>Layout, least significant bits first: bits 0..6 hold the first character's code (7 bits, never 0, which
 * is what keeps every packed value non-zero); character {@code i} (1..8) occupies the 6 bits starting at
 * {@code 7 + 6·(i−1)}, with 0 meaning "no character". Bits 55..63 are always 0. Packable keys are 1..9
 * characters long; anything else packs to 0. Every packed value has exactly one key and vice versa:
 * {@link #unpack} rejects values with a set bit above 54, an out-of-range code, or a character after an
 * end marker.
 *
 * <p>{@link #pack} does not allocate; the only static state is the final lookup tables.
 */
final class PackedPlate {
    /** Maximum key length in characters. */
    static final int MAX_LENGTH = 9;

    static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    static final String REST = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ学警港澳挂试超使领应急民航";

    private static final int FIRST_BITS = 7;
    private static final int REST_BITS = 6;
    private static final int REST_MASK = (1 << REST_BITS) - 1;
    private static final int FIRST_MASK = (1 << FIRST_BITS) - 1;
    private static final int USED_BITS = FIRST_BITS + REST_BITS * (MAX_LENGTH - 1);
    /** Offset of the rest alphabet inside the first alphabet: restCode = firstCode − REST_OFFSET. */
    private static final int REST_OFFSET = PROVINCES.length();

    /** First-alphabet code → char; index 0 (the end marker) unused. */
    private static final char[] FIRST_CHARS = ("\0" + PROVINCES + REST).toCharArray();
    /** ASCII char → first-alphabet code, 0 when not in any alphabet. */
    private static final byte[] ASCII_CODES = new byte[128];
    /** Sorted CJK chars of both alphabets, with their first-alphabet codes in {@link #CJK_CODES}. */
    private static final char[] CJK_CHARS;
    private static final byte[] CJK_CODES;
    /** First-alphabet code → the code of its OCR-confusion representative ({@link Plates#representative}). */
    private static final byte[] FIRST_REP;
    /** Rest-alphabet code → the rest code of its representative. */
    private static final byte[] REST_REP;

    static {
        int n = FIRST_CHARS.length - 1;
        if (n > FIRST_MASK || REST.length() > REST_MASK) {
            throw new ExceptionInInitializerError("alphabet too large");
        }
        char[] cjk = new char[n];
        int cjkCount = 0;
        for (int code = 1; code <= n; code++) {
            char c = FIRST_CHARS[code];
            if (c < 128) {
                if (ASCII_CODES[c] != 0) {
                    throw new ExceptionInInitializerError("duplicate alphabet char " + c);
                }
                ASCII_CODES[c] = (byte) code;
            } else {
                cjk[cjkCount++] = c;
            }
        }
        CJK_CHARS = Arrays.copyOf(cjk, cjkCount);
        Arrays.sort(CJK_CHARS);
        CJK_CODES = new byte[cjkCount];
        String alphabet = new String(FIRST_CHARS);
        for (int i = 0; i < cjkCount; i++) {
            if (i > 0 && CJK_CHARS[i] == CJK_CHARS[i - 1]) {
                throw new ExceptionInInitializerError("duplicate alphabet char " + CJK_CHARS[i]);
            }
            CJK_CODES[i] = (byte) alphabet.indexOf(CJK_CHARS[i]);
        }
        FIRST_REP = new byte[FIRST_MASK + 1];
        for (int code = 1; code <= n; code++) {
            FIRST_REP[code] = (byte) firstCode(Plates.representative(FIRST_CHARS[code]));
        }
        REST_REP = new byte[REST_MASK + 1];
        for (int code = 1; code <= REST.length(); code++) {
            REST_REP[code] = (byte) (firstCode(Plates.representative(REST.charAt(code - 1))) - REST_OFFSET);
        }
    }

    private PackedPlate() {
    }

    /**
     * The packed form of {@code key}, or 0 when it is not packable (empty, longer than {@value #MAX_LENGTH},
     * or containing a character outside the alphabets / a province abbreviation after the first position).
     */
    static long pack(String key) {
        int n = key.length();
        if (n == 0 || n > MAX_LENGTH) {
            return 0L;
        }
        int first = firstCode(key.charAt(0));
        if (first == 0) {
            return 0L;
        }
        long bits = first;
        int shift = FIRST_BITS;
        for (int i = 1; i < n; i++, shift += REST_BITS) {
            int code = firstCode(key.charAt(i)) - REST_OFFSET;
            if (code <= 0) {
                return 0L;
            }
            bits |= (long) code << shift;
        }
        return bits;
    }

    /**
     * The key that {@link #pack} turned into {@code bits}.
     *
     * @throws IllegalArgumentException when {@code bits} is 0 or not a value {@code pack} produces
     */
    static String unpack(long bits) {
        if (bits == 0L || (bits >>> USED_BITS) != 0L) {
            throw new IllegalArgumentException("not a packed plate: 0x" + Long.toHexString(bits));
        }
        int first = (int) (bits & FIRST_MASK);
        if (first == 0 || first >= FIRST_CHARS.length) {
            throw new IllegalArgumentException("not a packed plate: 0x" + Long.toHexString(bits));
        }
        char[] out = new char[MAX_LENGTH];
        out[0] = FIRST_CHARS[first];
        int n = 1;
        long rest = bits >>> FIRST_BITS;
        while (rest != 0L) {
            int code = (int) (rest & REST_MASK);
            if (code == 0 || code > REST.length()) { // a gap before a later character, or out of range
                throw new IllegalArgumentException("not a packed plate: 0x" + Long.toHexString(bits));
            }
            out[n++] = FIRST_CHARS[code + REST_OFFSET];
            rest >>>= REST_BITS;
        }
        return new String(out, 0, n);
    }

    /**
     * The packed {@link Plates#matchKey} of the packed plate {@code bits}: every character replaced by its
     * OCR-confusion representative, so {@code 浙JB1234} and {@code 浙J81234} share one value. Allocation-free; 0
     * stays 0.
     */
    static long matchBits(long bits) {
        if (bits == 0L) {
            return 0L;
        }
        long out = FIRST_REP[(int) (bits & FIRST_MASK)];
        for (int shift = FIRST_BITS; shift < USED_BITS; shift += REST_BITS) {
            int code = (int) ((bits >>> shift) & REST_MASK);
            if (code == 0) {
                break;
            }
            out |= (long) REST_REP[code] << shift;
        }
        return out;
    }

    /** A well-spread 32-bit hash of a packed plate (murmur3 {@code fmix64}, folded to 32 bits). */
    static int hash(long bits) {
        long h = bits;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) (h ^ (h >>> 32));
    }

    /** First-alphabet code of {@code c}, 0 when it is in neither alphabet. */
    static int firstCode(char c) {
        if (c < 128) {
            return ASCII_CODES[c];
        }
        int i = Arrays.binarySearch(CJK_CHARS, c);
        return i >= 0 ? CJK_CODES[i] : 0;
    }
}
