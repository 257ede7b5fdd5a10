package io.offsite.geofence;

/**
 * A conservative size of a regular expression once its counted repetitions are expanded, checked before RE2/J
 * compiles it: RE2/J limits each count to 1,000 but not their nesting, and {@code ((a{1000}){1000}){1000}} would
 * build a program of 10^9 instructions. One pass, no allocation beyond a frame per character: every atom
 * (character, escape, class) counts 1, a group counts its contents, {@code x{n,m}} counts x × max(n, m). It may
 * count a few more atoms than RE2/J compiles (flags, group names), never fewer for a valid pattern.
 */
final class RepeatBound {
    /** Counts above this are taken as this (RE2/J refuses counts above 1,000 anyway). */
    private static final long MAX_COUNT = 100_000;

    private RepeatBound() {
    }

    /** The expanded size of {@code re}, or the first partial size above {@code limit} (the scan then stops). */
    static long expandedSize(String re, long limit) {
        int n = re.length();
        long[] frames = new long[n + 1];
        int depth = 0;
        long last = 0;
        int i = 0;
        while (i < n) {
            char c = re.charAt(i);
            if (c == '\\') {
                if (i + 1 < n && re.charAt(i + 1) == 'Q') {
                    int end = re.indexOf("\\E", i + 2);
                    int stop = end < 0 ? n : end;
                    frames[depth] += stop - (i + 2);
                    last = stop > i + 2 ? 1 : 0;
                    i = end < 0 ? n : end + 2;
                } else {
                    boolean braced = i + 2 < n && "pPx".indexOf(re.charAt(i + 1)) >= 0 && re.charAt(i + 2) == '{';
                    int close = braced ? re.indexOf('}', i + 2) : -1;
                    i = braced ? (close < 0 ? n : close + 1) : Math.min(n, i + 2);
                    last = 1;
                    frames[depth]++;
                }
            } else if (c == '[') {
                i = classEnd(re, i);
                last = 1;
                frames[depth]++;
            } else if (c == '(') {
                frames[++depth] = 0;
                last = 0;
                i++;
            } else if (c == ')' && depth > 0) {
                long g = Math.max(1, frames[depth--]);
                frames[depth] += g;
                last = g;
                i++;
            } else if (c == '|') {
                last = 0;
                i++;
            } else if (c == '*' || c == '+' || c == '?') {
                i++;
            } else if (c == '{' && repeatEnd(re, i) > 0) {
                int close = repeatEnd(re, i);
                long count = maxCount(re, i + 1, close);
                frames[depth] += last * (count - 1);
                last *= count;
                i = close + 1;
            } else {
                last = 1;
                frames[depth]++;
                i++;
            }
            if (frames[depth] > limit) {
                return frames[depth];
            }
        }
        long total = 0;
        for (int d = 0; d <= depth; d++) {
            total += frames[d];
        }
        return total;
    }

    /** The index just past the class opened at {@code open}, or the length when it is not closed. */
    private static int classEnd(String re, int open) {
        int n = re.length();
        int j = open + 1;
        if (j < n && re.charAt(j) == '^') {
            j++;
        }
        if (j < n && re.charAt(j) == ']') {
            j++;
        }
        while (j < n) {
            char c = re.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (re.startsWith("[:", j)) {
                int e = re.indexOf(":]", j + 2);
                j = e < 0 ? j + 1 : e + 2;
            } else if (c == ']') {
                return j + 1;
            } else {
                j++;
            }
        }
        return n;
    }

    /** The index of the '}' closing a repetition {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code open}, or -1. */
    private static int repeatEnd(String re, int open) {
        int n = re.length();
        int j = open + 1;
        int digits = 0;
        while (j < n && Character.isDigit(re.charAt(j)) && re.charAt(j) < 128) {
            j++;
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        if (j < n && re.charAt(j) == ',') {
            j++;
            while (j < n && Character.isDigit(re.charAt(j)) && re.charAt(j) < 128) {
                j++;
            }
        }
        return j < n && re.charAt(j) == '}' ? j : -1;
    }

    /** The largest count a repetition {@code re[from, close)} ("n", "n," or "n,m") allows, at least 1. */
    private static long maxCount(String re, int from, int close) {
        long lo = 0;
        long hi = 0;
        boolean comma = false;
        boolean hiDigits = false;
        for (int j = from; j < close; j++) {
            char c = re.charAt(j);
            if (c == ',') {
                comma = true;
            } else if (comma) {
                hi = Math.min(MAX_COUNT, hi * 10 + (c - '0'));
                hiDigits = true;
            } else {
                lo = Math.min(MAX_COUNT, lo * 10 + (c - '0'));
            }
        }
        // {n,} is n copies and a loop: count it as n + 1
        long max = !comma ? lo : hiDigits ? Math.max(lo, hi) : lo + 1;
        return Math.max(1, max);
    }
}
